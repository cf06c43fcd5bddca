import { isConfigurationError, type ConfigurationError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createSynnexConnector, SynnexConnectorOptions } from '@vectis/connector-synnex';

const TOKEN = 'ion-refresh-token-9b2e44d1';
const CLIENT_SECRET = 'ion-client-secret-03fa7b';
const save = async (_next: string) => {};
const valid = { accountId: '123456', refreshToken: TOKEN, onRefreshTokenRotated: save };

function configError(input: unknown): ConfigurationError {
  try {
    createSynnexConnector(input as SynnexConnectorOptions);
  } catch (err) {
    if (isConfigurationError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConfigurationError');
}

const fields = (err: ConfigurationError) => err.issues.map((i) => i.field).sort();

describe('TD SYNNEX (StreamOne Ion) options', () => {
  it('defaults to the single Ion host, account-scoped v3 URLs and conservative pacing', () => {
    const options = SynnexConnectorOptions.parse(valid);
    expect(options).toMatchObject({
      accountId: '123456',
      apiUrl: 'https://ion.tdsynnex.com',
      tokenUrl: 'https://ion.tdsynnex.com/oauth/token',
      accountUrl: 'https://ion.tdsynnex.com/api/v3/accounts/123456',
      allowInsecureLoopback: false,
      timeoutMs: 60_000,
      retry: { limit: 3, baseDelayMs: 1_000, maxRetryAfterMs: 120_000, defaultRetryAfterMs: 60_000 },
      concurrency: 2,
      pacing: { limit: 60, intervalMs: 60_000 },
    });
    expect(options.onRefreshTokenRotated).toBe(save);
    expect(options.clientId).toBeUndefined();
  });

  it('requires the rotation callback, because Ion invalidates the old refresh token on every refresh', () => {
    const err = configError({ accountId: '123456', refreshToken: TOKEN });
    expect(err.issues).toEqual([{ field: 'onRefreshTokenRotated', message: expect.stringContaining('rotates it on every refresh') }]);
    expect(fields(configError({ ...valid, onRefreshTokenRotated: 'save-it' }))).toEqual(['onRefreshTokenRotated']);
  });

  it('only accepts a numeric account id, so it cannot redirect the account-scoped path', () => {
    for (const accountId of ['../../oauth', '123/customers', 'abc', '12 34', '', '1'.repeat(21)]) {
      expect(configError({ ...valid, accountId }).issues).toEqual([{ field: 'accountId', message: expect.stringContaining('numeric Account ID') }]);
    }
    expect(SynnexConnectorOptions.parse({ ...valid, accountId: ' 987 ' }).accountUrl).toBe('https://ion.tdsynnex.com/api/v3/accounts/987');
  });

  it('accepts a client id and secret only as a pair; blanks mean absent', () => {
    const both = SynnexConnectorOptions.parse({ ...valid, clientId: 'ion-client', clientSecret: CLIENT_SECRET });
    expect(both).toMatchObject({ clientId: 'ion-client', clientSecret: CLIENT_SECRET });
    const blanks = SynnexConnectorOptions.parse({ ...valid, clientId: '', clientSecret: ' ' });
    expect(blanks.clientId).toBeUndefined();
    expect(blanks.clientSecret).toBeUndefined();
    expect(configError({ ...valid, clientId: 'ion-client' }).issues).toEqual([
      { field: 'clientSecret', message: expect.stringContaining('together with clientId') },
    ]);
    expect(fields(configError({ ...valid, clientSecret: CLIENT_SECRET }))).toEqual(['clientId']);
  });

  it('reports every bad field at once, cross-field rules included', () => {
    const err = configError({
      accountId: 42,
      refreshToken: 'two\nlines',
      clientSecret: CLIENT_SECRET,
      apiUrl: 'http://localhost:4030',
      timeoutMs: 999_999,
      retry: { maxRetryAfterMs: -1 },
      pacing: { limit: 1.5, intervalMs: 0 },
      region: 'US',
    });
    expect(fields(err)).toEqual(
      ['(options)', 'accountId', 'apiUrl', 'clientId', 'onRefreshTokenRotated', 'pacing', 'refreshToken', 'retry.maxRetryAfterMs', 'timeoutMs'].sort(),
    );
    expect(err.message).toMatch(/^\[vectis:synnex\] invalid options \(9\)/);
    expect(err.remedy).toContain('OAuth credentials');
    expect(err.remedy).toContain('docs/connectors/synnex.md');
  });

  it('never echoes the refresh token or client secret, even malformed ones', () => {
    const err = configError({ accountId: TOKEN, refreshToken: `${TOKEN} ${TOKEN}`, clientId: `${CLIENT_SECRET}?`, clientSecret: `${CLIENT_SECRET} x`, onRefreshTokenRotated: TOKEN });
    const everything = [err.message, err.stack ?? '', JSON.stringify(err.issues)].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(fields(err)).toEqual(['accountId', 'clientSecret', 'onRefreshTokenRotated', 'refreshToken']);
  });

  it('accepts http only on loopback, and only when allowInsecureLoopback is set', () => {
    const local = SynnexConnectorOptions.parse({ ...valid, apiUrl: 'http://127.0.0.1:4030/ion/', allowInsecureLoopback: true });
    expect(local.tokenUrl).toBe('http://127.0.0.1:4030/ion/oauth/token');
    expect(configError({ ...valid, apiUrl: 'http://127.0.0.1:4030' }).issues).toEqual([
      { field: 'apiUrl', message: expect.stringContaining('allowInsecureLoopback') },
    ]);
    expect(fields(configError({ ...valid, apiUrl: 'http://ion.tdsynnex.com', allowInsecureLoopback: true }))).toEqual(['apiUrl']);
  });

  it('types the required options', () => {
    // @ts-expect-error onRefreshTokenRotated is required
    expect(() => createSynnexConnector({ accountId: '1', refreshToken: TOKEN })).toThrow(/onRefreshTokenRotated: is required/);
  });
});
