import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isConfigurationError } from '../errors/index';
import { hostLabel, httpsUrl, parseOptions } from './options';

const Options = z
  .object({
    username: z.string().min(1),
    password: z.string().min(8),
    apiUrl: httpsUrl().default('https://api.cloud.im/marketplace/na'),
    region: hostLabel().optional(),
    pacing: z.object({ limit: z.number().int().positive().max(1000) }).optional(),
    mode: z.enum(['full', 'incremental']).optional(),
  })
  .strict();

function configError(input: unknown) {
  try {
    parseOptions(Options, input, 'ingram');
  } catch (error) {
    if (isConfigurationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseOptions', () => {
  it('returns the parsed options with defaults applied', () => {
    expect(parseOptions(Options, { username: 'u.api', password: 'long-enough' }, 'ingram')).toEqual({
      username: 'u.api',
      password: 'long-enough',
      apiUrl: 'https://api.cloud.im/marketplace/na',
    });
  });

  it('lists every bad option by field path, without echoing any value', () => {
    const error = configError({ password: 'hunter2', apiUrl: 'http://api.example.com', region: 'us.evil.com', pacing: { limit: 5000 }, mode: 'turbo', passwrod: 'x' });
    expect(error.issues.map((i) => i.field)).toEqual(['username', 'password', 'apiUrl', 'region', 'pacing.limit', 'mode', '(options)']);
    expect(error.message).toMatch(/^\[vectis:ingram\] invalid options \(7\): username: is required; password: must be at least 8 characters/);
    expect(error.message).toContain('mode: must be one of "full", "incremental"');
    expect(error.message).toContain('pacing.limit: must be at most 1000');
    for (const value of ['hunter2', 'us.evil.com', 'turbo', 'passwrod', '5000']) expect(`${error.message}${JSON.stringify(error)}`).not.toContain(value);
  });

  it('names the expected type for a value of the wrong type', () => {
    expect(configError({ username: 42, password: 'long-enough' }).issues).toEqual([{ field: 'username', message: 'must be string' }]);
  });
});

describe('httpsUrl', () => {
  const url = httpsUrl();
  it('accepts https and strips trailing slashes', () => {
    expect(url.parse('https://api.cloud.im/marketplace/na/')).toBe('https://api.cloud.im/marketplace/na');
    expect(url.parse('  https://API.example.com  ')).toBe('https://api.example.com');
  });
  it.each([
    ['http://api.example.com', 'must use https://'],
    ['ftp://api.example.com', 'must use https://'],
    ['not a url', 'must be an absolute URL'],
    ['https://user:pw@api.example.com', 'must not contain a user name or password'],
    ['https://api.example.com/?key=1', 'must not contain a query string'],
    ['https://api.example.com/#x', 'must not contain a query string or fragment'],
    ['http://localhost:8080', 'allowInsecureLoopback'],
  ])('rejects %s', (input, message) => {
    const result = url.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
  it('allows plain http to loopback only when asked', () => {
    const loose = httpsUrl({ allowInsecureLoopback: true });
    expect(loose.parse('http://localhost:8080/api/')).toBe('http://localhost:8080/api');
    expect(loose.parse('http://127.0.0.2:9/')).toBe('http://127.0.0.2:9');
    expect(loose.parse('http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(loose.safeParse('http://10.0.0.1').success).toBe(false);
    expect(loose.safeParse('http://localhost.evil.com').success).toBe(false);
  });
});

describe('hostLabel', () => {
  it('accepts one DNS label, lower-cased', () => {
    expect(hostLabel().parse(' NA ')).toBe('na');
    expect(hostLabel().parse('us-east-1')).toBe('us-east-1');
  });
  it.each(['us.na', 'evil.com', '../x', 'a/b', '', '-na', 'na-', 'a'.repeat(64), 'n a'])('rejects %j', (value) => {
    expect(hostLabel().safeParse(value).success).toBe(false);
  });
});

describe('httpsUrl — what the URL parser hides', () => {
  it.each(['https://evil.com#', 'https://evil.com?', 'https://api.example.com/v1#x', 'https://@evil.com', 'https://user@evil.com/v1'])('rejects %j', (value) => {
    expect(httpsUrl().safeParse(value).success).toBe(false);
  });
});

describe('headerValueField', () => {
  it('rejects CR/LF and other characters a header cannot carry, without echoing the value', async () => {
    const { optionalHeaderValueField, headerValueField, parseOptions: parse } = await import('../index');
    const Schema = z.object({ clientId: optionalHeaderValueField(), appId: headerValueField('from the portal') });
    expect(parse(Schema, { clientId: ' app-1 ', appId: 'x' }, 'acme')).toEqual({ clientId: 'app-1', appId: 'x' });
    for (const bad of ['app\r\nX-Evil: 1', 'a\u0000b', 'caf\u00e9', 'tab\there']) {
      const error = (() => {
        try {
          parse(Schema, { clientId: bad, appId: 'x' }, 'acme');
        } catch (e) {
          return e as Error;
        }
        throw new Error(`accepted ${JSON.stringify(bad)}`);
      })();
      expect(error.message).toContain('clientId: contains a line break');
      expect(error.message).not.toContain(bad.trim());
    }
  });
});
