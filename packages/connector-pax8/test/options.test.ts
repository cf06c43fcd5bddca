import { isConfigurationError, type ConfigurationError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createPax8Connector, Pax8ConnectorOptions, PAX8_PARTNER_AUDIENCE } from '@vectis/connector-pax8';

const SECRET = 'pax8-client-secret-7f3a9c1e';
const valid = { clientId: 'AbCdEf0123456789AbCdEf0123456789', clientSecret: SECRET };

function configError(input: unknown): ConfigurationError {
  try {
    createPax8Connector(input as Pax8ConnectorOptions);
  } catch (err) {
    if (isConfigurationError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConfigurationError');
}

const fields = (err: ConfigurationError) => err.issues.map((i) => i.field).sort();

describe('Pax8 options', () => {
  it('applies the vendor defaults: partner audience, api.pax8.com, 900 requests per minute (under the published 1000)', () => {
    const options = Pax8ConnectorOptions.parse(valid);
    expect(options).toMatchObject({
      audience: 'https://api.pax8.com',
      apiUrl: 'https://api.pax8.com/v1',
      tokenUrl: 'https://api.pax8.com/v1/token',
      allowInsecureLoopback: false,
      timeoutMs: 60_000,
      retry: { limit: 3, baseDelayMs: 1_000, maxRetryAfterMs: 120_000, defaultRetryAfterMs: 60_000 },
      concurrency: 2,
      pacing: { limit: 900, intervalMs: 60_000 },
      pageSize: 200,
    });
    expect(PAX8_PARTNER_AUDIENCE).toBe('https://api.pax8.com');
  });

  it('treats a blank audience as the partner audience (the product page says "leave blank"; Pax8 wins)', () => {
    expect(Pax8ConnectorOptions.parse({ ...valid, audience: '' }).audience).toBe('https://api.pax8.com');
    expect(Pax8ConnectorOptions.parse({ ...valid, audience: 'api://p8p.client' }).audience).toBe('api://p8p.client');
  });

  it('explains that vendor-only audiences cannot read partner endpoints', () => {
    const err = configError({ ...valid, audience: 'api://provisioning' });
    expect(err.issues).toEqual([{ field: 'audience', message: expect.stringContaining('Marketplace-vendor audience') }]);
  });

  it('trims pasted credentials and keeps an explicit token URL', () => {
    const options = Pax8ConnectorOptions.parse({ ...valid, clientSecret: `  ${SECRET}\n`, tokenUrl: 'https://token-manager.pax8.com/oauth/token' });
    expect(options.clientSecret).toBe(SECRET);
    expect(options.tokenUrl).toBe('https://token-manager.pax8.com/oauth/token');
  });

  it('derives the token URL from an overridden API URL and drops its trailing slash', () => {
    const options = Pax8ConnectorOptions.parse({ ...valid, apiUrl: 'http://127.0.0.1:4010/v1/', allowInsecureLoopback: true });
    expect(options.apiUrl).toBe('http://127.0.0.1:4010/v1');
    expect(options.tokenUrl).toBe('http://127.0.0.1:4010/v1/token');
  });

  it('reports every bad field at once', () => {
    const err = configError({
      clientSecret: 'two words',
      audience: 'https://example.com',
      apiUrl: 'http://api.pax8.com/v1',
      tokenUrl: 'https://user:pw@api.pax8.com/v1/token',
      timeoutMs: 0,
      retry: { limit: -1, maxRetryAfterMs: 'soon' },
      pacing: { limit: 0, intervalMs: 60_000 },
      fetch: 'not a function',
      clientSecrett: 'typo',
    });
    expect(fields(err)).toEqual(
      [
        'apiUrl',
        'audience',
        'clientId',
        'clientSecret',
        '(options)', // the unknown key: core never repeats what the user typed, key names included
        'fetch',
        'pacing',
        'retry.limit',
        'retry.maxRetryAfterMs',
        'timeoutMs',
        'tokenUrl',
      ].sort(),
    );
    expect(err.connector).toBe('pax8');
    expect(err.message).toMatch(/^\[vectis:pax8\] invalid options \(11\)/);
    expect(err.issues.find((i) => i.field === 'clientId')?.message).toBe('is required');
    expect(err.remedy).toContain('Settings → Integrations → Credentials');
    expect(err.remedy).toContain('docs/connectors/pax8.md');
  });

  it('never echoes a secret value, even a malformed one', () => {
    const leaky = `${SECRET} pasted twice ${SECRET}`;
    const err = configError({ clientId: leaky, clientSecret: leaky, apiUrl: `ftp://${SECRET}.example` });
    const everything = [err.message, err.stack ?? '', JSON.stringify(err.issues), String(err)].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(fields(err)).toEqual(['apiUrl', 'clientId', 'clientSecret']);
  });

  it('accepts http only on loopback, and only when allowInsecureLoopback is set', () => {
    expect(fields(configError({ ...valid, apiUrl: 'http://localhost:8080/v1' }))).toEqual(['apiUrl']);
    expect(configError({ ...valid, apiUrl: 'http://localhost:8080/v1' }).issues[0]?.message).toContain('allowInsecureLoopback');
    expect(fields(configError({ ...valid, apiUrl: 'http://10.0.0.5/v1', allowInsecureLoopback: true }))).toEqual(['apiUrl']);
    expect(fields(configError({ ...valid, tokenUrl: 'not a url' }))).toEqual(['tokenUrl']);
    // A field error that makes zod skip object-level checks must not hide the loopback opt-in.
    expect(fields(configError({ ...valid, apiUrl: 'http://127.0.0.1:4010/v1', timeoutMs: 1.5 }))).toEqual(['apiUrl', 'timeoutMs']);
    expect(fields(configError({ ...valid, apiUrl: 'https://api.pax8.com/v1?x=1' }))).toEqual(['apiUrl']);
  });

  it('says where to mint a credential when one is pasted blank', () => {
    const err = configError({ clientId: '  ', clientSecret: SECRET });
    expect(err.issues).toEqual([{ field: 'clientId', message: expect.stringContaining('app.pax8.com → Settings → Integrations → Credentials') }]);
  });

  it('rejects a missing options object with a configuration error, not a TypeError', () => {
    expect(fields(configError(undefined))).toEqual(['(options)']);
  });

  it('types the required credentials', () => {
    // @ts-expect-error clientSecret is required
    expect(() => createPax8Connector({ clientId: 'x' })).toThrow(/clientSecret: is required/);
    // @ts-expect-error apiUrl is a string
    expect(() => createPax8Connector({ ...valid, apiUrl: 443 })).toThrow(/apiUrl: must be string/);
  });
});
