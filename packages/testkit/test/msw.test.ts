import { describe, expect, it } from 'vitest';
import { filterChanges, useFakeApi } from '../src/index';

const seen: string[] = [];
const fake = {
  baseUrl: 'https://fake.vendor.test/api',
  handle: async (request: Request) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
    return Response.json({ ok: true });
  },
};
useFakeApi(fake);

describe('useFakeApi', () => {
  it('routes every method under the base URL to the fake, so stray writes show up in its log', async () => {
    await fetch('https://fake.vendor.test/api');
    await fetch('https://fake.vendor.test/api/customers?offset=0');
    await fetch('https://fake.vendor.test/api/orders', { method: 'POST', body: '{}' });
    expect(seen).toEqual(['GET /api', 'GET /api/customers', 'POST /api/orders']);
  });

  it('lets nothing else reach the network', async () => {
    await expect(fetch('https://elsewhere.test/x')).rejects.toThrow();
    await expect(fetch('https://fake.vendor.test/apix')).rejects.toThrow();
  });
});

describe('filterChanges', () => {
  it('ignores paging parameters and reports a filter that changed between pages of the same path', () => {
    const log = [
      { method: 'GET', path: '/customers?offset=0&limit=5&status=active' },
      { method: 'GET', path: '/customers?limit=5&status=active&offset=5' },
      { method: 'POST', path: '/token' },
      { method: 'GET', path: '/subscriptions?page=1&customerId=7' },
      { method: 'GET', path: '/subscriptions?page=2' },
    ];
    expect(filterChanges(log)).toEqual(['/subscriptions: first page had "customerId=7", a later page had ""']);
  });
});
