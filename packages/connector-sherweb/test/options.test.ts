import { isConfigurationError, type ConfigurationError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createSherwebConnector, SherwebConnectorOptions, SHERWEB_SCOPES } from '@vectis/connector-sherweb';

const SECRET = 'sherweb-client-secret-51d0b7';
const KEY = '0123456789abcdef0123456789abcdef';
const valid = { clientId: 'c0ffee00-1234-4bcd-9def-001122334455', clientSecret: SECRET, subscriptionKey: KEY };

function configError(input: unknown): ConfigurationError {
  try {
    createSherwebConnector(input as SherwebConnectorOptions);
  } catch (err) {
    if (isConfigurationError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConfigurationError');
}

const fields = (err: ConfigurationError) => err.issues.map((i) => i.field).sort();

describe('Sherweb options', () => {
  it('defaults to the service-provider scope, the api.sherweb.com gateway and conservative pacing', () => {
    const options = SherwebConnectorOptions.parse(valid);
    expect(options).toMatchObject({
      scopes: ['service-provider'],
      apiUrl: 'https://api.sherweb.com',
      tokenUrl: 'https://api.sherweb.com/auth/oidc/connect/token',
      allowInsecureLoopback: false,
      timeoutMs: 60_000,
      retry: { limit: 3, baseDelayMs: 1_000, maxRetryAfterMs: 120_000, defaultRetryAfterMs: 60_000 },
      concurrency: 2,
      pacing: { limit: 120, intervalMs: 60_000 },
    });
    expect(SHERWEB_SCOPES).toEqual(['service-provider', 'distributor']);
  });

  it('accepts the distributor scope next to service-provider, once', () => {
    const options = SherwebConnectorOptions.parse({ ...valid, scopes: ['service-provider', 'distributor', 'distributor'] });
    expect(options.scopes).toEqual(['service-provider', 'distributor']);
  });

  it('requires the service-provider scope and rejects scopes Sherweb does not document', () => {
    expect(configError({ ...valid, scopes: ['distributor'] }).issues).toEqual([
      { field: 'scopes', message: expect.stringContaining('must include service-provider') },
    ]);
    expect(configError({ ...valid, scopes: ['service-provider', 'admin'] }).issues).toEqual([
      { field: 'scopes[1]', message: 'must be one of "service-provider", "distributor"' },
    ]);
  });

  it('points the token call at an overridden gateway too (local fakes)', () => {
    const options = SherwebConnectorOptions.parse({ ...valid, apiUrl: 'http://localhost:4020/', allowInsecureLoopback: true });
    expect(options.tokenUrl).toBe('http://localhost:4020/auth/oidc/connect/token');
  });

  it('reports every bad field at once', () => {
    const err = configError({
      clientId: '',
      clientSecret: 42,
      subscriptionKey: 'key\r\nX-Injected: 1',
      scopes: 'service-provider',
      apiUrl: 'https://api.sherweb.com/#x',
      timeoutMs: 1.5,
      retry: { limit: 11 },
      pacing: { limit: 10 },
      fetch: {},
      region: 'ca',
    });
    expect(fields(err)).toEqual(
      ['apiUrl', 'clientId', 'clientSecret', 'fetch', 'pacing', '(options)', 'retry.limit', 'scopes', 'subscriptionKey', 'timeoutMs'].sort(),
    );
    expect(err.message).toMatch(/^\[vectis:sherweb\] invalid options \(10\)/);
    expect(err.issues.find((i) => i.field === 'subscriptionKey')?.message).toContain('visible ASCII');
  });

  it('says where to find the credentials', () => {
    const err = configError({ clientId: ' ', clientSecret: '', subscriptionKey: '\n' });
    expect(fields(err)).toEqual(['clientId', 'clientSecret', 'subscriptionKey']);
    for (const issue of err.issues) expect(issue.message).toContain('cumulus.sherweb.com → Security → APIs');
    expect(fields(configError({}))).toEqual(['clientId', 'clientSecret', 'subscriptionKey']);
    expect(configError({}).remedy).toContain('docs/connectors/sherweb.md');
  });

  it('never echoes a secret value, even a malformed one', () => {
    const err = configError({ clientId: `${SECRET} x`, clientSecret: `${SECRET} y`, subscriptionKey: `${KEY} z`, apiUrl: `https://${KEY}:${SECRET}@evil.example` });
    const everything = [err.message, err.stack ?? '', JSON.stringify(err.issues)].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(KEY);
    expect(fields(err)).toEqual(['apiUrl', 'clientId', 'clientSecret', 'subscriptionKey']);
  });

  it('accepts http only on loopback, and only when allowInsecureLoopback is set', () => {
    expect(configError({ ...valid, apiUrl: 'http://127.0.0.1:4020' }).issues[0]).toMatchObject({ field: 'apiUrl', message: expect.stringContaining('allowInsecureLoopback') });
    expect(fields(configError({ ...valid, apiUrl: 'http://sherweb.example', allowInsecureLoopback: true }))).toEqual(['apiUrl']);
  });

  it('types the required credentials', () => {
    // @ts-expect-error subscriptionKey is required
    expect(() => createSherwebConnector({ clientId: 'id', clientSecret: 'secret' })).toThrow(/subscriptionKey: is required/);
  });
});
