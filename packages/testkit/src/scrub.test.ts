import { describe, expect, it } from 'vitest';
import { scrubFixture } from './scrub';

describe('scrubFixture', () => {
  it('replaces credential and contact fields, masks literal secrets anywhere, and keeps the shape', () => {
    const recorded = {
      data: [{ id: '1', name: 'Acme', email: 'ceo@acme.test', contact: { Phone: '+1 555', note: 'key is sk-live-123456 ok' } }],
      token: 'eyJhbGciOi.abc.def',
      nested: [{ refreshToken: 'r-1' }, null, 3, true],
      header: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9',
      pagination: { total: 1, email: null },
    };
    expect(scrubFixture(recorded, { secrets: ['sk-live-123456'] })).toEqual({
      data: [{ id: '1', name: 'Acme', email: '[scrubbed]', contact: { Phone: '[scrubbed]', note: 'key is [redacted] ok' } }],
      token: '[scrubbed]',
      nested: [{ refreshToken: '[scrubbed]' }, null, 3, true],
      header: 'Authorization: [redacted]',
      pagination: { total: 1, email: null },
    });
  });

  it('takes a custom field list and replacement', () => {
    expect(scrubFixture({ name: 'Acme', email: 'a@b.test' }, { fields: ['name'], replacement: 'X' })).toEqual({ name: 'X', email: 'a@b.test' });
  });
});
