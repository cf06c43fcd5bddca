import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConfigurationError,
  HttpError,
  httpErrorFromResponse,
  isAuthenticationError,
  isConfigurationError,
  isHttpError,
  isNetworkError,
  isNotFoundError,
  isNotImplementedError,
  isPermissionError,
  isRateLimitError,
  isReadOnlyViolationError,
  isSchemaDriftError,
  isServerError,
  isRedirectError,
  RedirectError,
  isTimeoutError,
  isVectisError,
  NetworkError,
  NotFoundError,
  NotImplementedError,
  PermissionError,
  RateLimitError,
  ReadOnlyViolationError,
  redact,
  SchemaDriftError,
  ServerError,
  TimeoutError,
  VectisError,
} from './index';

const details = { connector: 'ingram', method: 'GET', url: 'https://api.cloud.im/marketplace/na/customers?offset=0' };

describe('VectisError', () => {
  it('formats prefix, remedy and correlation id, and keeps the cause', () => {
    const cause = new Error('root');
    const e = new VectisError('something failed', { connector: 'pax8', remedy: 'Do this.', correlationId: 'c-1', cause });
    expect(e.message).toBe('[vectis:pax8] something failed. Do this. (correlation id: c-1)');
    expect(e).toMatchObject({ name: 'VectisError', connector: 'pax8', remedy: 'Do this.', correlationId: 'c-1', isVectisError: true });
    expect(e.cause).toBe(cause);
    expect(new VectisError('done.').message).toBe('[vectis] done.');
    expect(new VectisError('x').cause).toBeUndefined();
  });

  it('isVectisError recognises copies from another realm by their brand, and nothing else', () => {
    expect(isVectisError(new VectisError('x'))).toBe(true);
    expect(isVectisError({ isVectisError: true, name: 'VectisError', message: 'x' })).toBe(true);
    for (const v of [new Error('x'), null, undefined, 'VectisError', { isVectisError: 'yes' }]) expect(isVectisError(v)).toBe(false);
  });
});

describe('httpErrorFromResponse', () => {
  it.each([
    [401, AuthenticationError, 'Check the credentials'],
    [403, PermissionError, 'lack access'],
    [404, NotFoundError, 'Check the API URL or region'],
    [429, RateLimitError, 'rate limiting'],
    [500, ServerError, 'retry later'],
    [503, ServerError, 'retry later'],
    [400, HttpError, 'refused the request'],
    [409, HttpError, 'refused the request'],
  ] as const)('maps %i to %o with a default remedy', (status, cls, remedy) => {
    const e = httpErrorFromResponse({ ...details, status, statusText: 'Status' });
    expect(e).toBeInstanceOf(cls);
    expect(e.constructor).toBe(cls);
    expect(e.message).toContain(`[vectis:ingram] GET /marketplace/na/customers failed with ${status} Status.`);
    expect(e.message).toContain(remedy);
    expect(e.message).not.toContain('offset=0');
    expect(e).toMatchObject({ status, method: 'GET', url: details.url });
  });

  it('prefers connector remedies, and an explicit remedy over both', () => {
    expect(httpErrorFromResponse({ ...details, status: 401 }, { authentication: 'Reset the API password.' }).remedy).toBe('Reset the API password.');
    expect(httpErrorFromResponse({ ...details, status: 404, remedy: 'Explicit.' }, { notFound: 'Connector.' }).remedy).toBe('Explicit.');
    for (const [status, key] of [[403, 'permission'], [429, 'rateLimited'], [502, 'server'], [418, 'other']] as const) {
      expect(httpErrorFromResponse({ ...details, status }, { [key]: `custom ${key}` }).remedy).toBe(`custom ${key}`);
    }
  });

  it('carries retryAfterMs, data and correlation id', () => {
    const e = httpErrorFromResponse({ ...details, status: 429, retryAfterMs: 30_000, data: { message: 'slow down' }, correlationId: 'c-2' });
    expect(e).toMatchObject({ retryAfterMs: 30_000, data: { message: 'slow down' }, correlationId: 'c-2' });
    expect(e.message.endsWith('(correlation id: c-2)')).toBe(true);
  });

  it('keeps a URL that cannot be parsed as is', () => {
    expect(new HttpError({ status: 400, method: 'GET', url: '/relative?x=1' }).message).toBe('[vectis] GET /relative?x=1 failed with 400');
    expect(new HttpError({ status: 400, method: 'GET', url: 'https://x.test/a' }, 'custom summary').message).toBe('[vectis] custom summary');
  });
});

describe('non-HTTP errors', () => {
  it('NetworkError says the server could not be reached, with and without a reason', () => {
    expect(new NetworkError({ ...details, reason: 'ECONNREFUSED' }).message).toContain('could not reach the server (ECONNREFUSED). Check the API URL');
    expect(new NetworkError(details)).toMatchObject({ method: 'GET', url: details.url });
    expect(new NetworkError(details).message).not.toContain('(');
  });

  it('TimeoutError names the per-attempt timeout and how to raise it', () => {
    const e = new TimeoutError({ ...details, timeoutMs: 60_000 });
    expect(e.message).toContain('timed out after 60000 ms');
    expect(e.message).toContain('timeoutMs');
    expect(e.timeoutMs).toBe(60_000);
  });

  it('SchemaDriftError lists the first three payload paths and counts the rest', () => {
    const issues = ['data[0].id', '', 'data[1].qty', 'data[2].qty', 'data[3].qty'].map((path) => ({ path, message: 'bad' }));
    const e = new SchemaDriftError({ connector: 'ingram', where: 'GET /subscriptions', issues });
    expect(e.message).toContain('GET /subscriptions returned data in an unexpected shape (data[0].id: bad; (root): bad; data[1].qty: bad and 2 more)');
    expect(e).toMatchObject({ where: 'GET /subscriptions', issues });
    expect(new SchemaDriftError({ where: 'x', issues: [{ path: 'a', message: 'm' }] }).message).not.toContain('more');
  });

  it('ConfigurationError lists every issue', () => {
    const e = new ConfigurationError({ connector: 'ingram', issues: [{ field: 'username', message: 'is required' }, { field: 'apiUrl', message: 'must use https://' }] });
    expect(e.message).toBe('[vectis:ingram] invalid options (2): username: is required; apiUrl: must use https://. Fix the options listed and create the connector again.');
    expect(e.issues).toHaveLength(2);
  });

  it('NotImplementedError names vendor, method and docs', () => {
    const e = new NotImplementedError({ connector: 'pax8', vendor: 'Pax8', method: 'listCustomers', docsUrl: 'https://x.test/docs/connectors/pax8.md' });
    expect(e.message).toBe('[vectis:pax8] listCustomers() is not implemented yet for Pax8: this connector is a typed stub. See https://x.test/docs/connectors/pax8.md for its status and what it will sync.');
    expect(e).toMatchObject({ vendor: 'Pax8', method: 'listCustomers' });
  });

  it('RedirectError names the target origin, says nothing was sent there, and is an HttpError', () => {
    const e = new RedirectError({ connector: 'ingram', method: 'GET', url: 'https://api.cloud.im/marketplace/na/customers?offset=0', status: 307, targetOrigin: 'https://elsewhere.test' });
    expect(e.message).toMatch(/^\[vectis:ingram\] GET \/marketplace\/na\/customers was redirected \(307\) to https:\/\/elsewhere\.test\. Check the API URL/);
    expect(e.message).toContain('no credentials were sent there');
    expect(isHttpError(e)).toBe(true);
    const unknown = new RedirectError({ method: 'GET', url: 'not a url', status: 301 });
    expect(unknown.message).toContain('without a readable Location');
    expect(unknown.targetOrigin).toBeUndefined();
  });

  it('ReadOnlyViolationError says nothing was sent', () => {
    const e = new ReadOnlyViolationError({ connector: 'ingram', method: 'POST', url: 'https://x.test/orders' });
    expect(e.message).toContain('refused POST https://x.test/orders: connectors are read-only');
    expect(e.message).toContain('nothing was sent');
  });
});

describe('is*Error guards', () => {
  const cases = [
    [isHttpError, new HttpError({ ...details, status: 400 }), 'HttpError'],
    [isAuthenticationError, new AuthenticationError({ ...details, status: 401 }), 'AuthenticationError'],
    [isPermissionError, new PermissionError({ ...details, status: 403 }), 'PermissionError'],
    [isNotFoundError, new NotFoundError({ ...details, status: 404 }), 'NotFoundError'],
    [isRateLimitError, new RateLimitError({ ...details, status: 429 }), 'RateLimitError'],
    [isServerError, new ServerError({ ...details, status: 500 }), 'ServerError'],
    [isNetworkError, new NetworkError(details), 'NetworkError'],
    [isTimeoutError, new TimeoutError({ ...details, timeoutMs: 1 }), 'TimeoutError'],
    [isSchemaDriftError, new SchemaDriftError({ where: 'x', issues: [] }), 'SchemaDriftError'],
    [isConfigurationError, new ConfigurationError({ issues: [] }), 'ConfigurationError'],
    [isNotImplementedError, new NotImplementedError({ vendor: 'V', method: 'm', docsUrl: 'u' }), 'NotImplementedError'],
    [isReadOnlyViolationError, new ReadOnlyViolationError({ method: 'POST', url: 'u' }), 'ReadOnlyViolationError'],
    [isRedirectError, new RedirectError({ ...details, status: 302, targetOrigin: 'https://elsewhere.test' }), 'RedirectError'],
  ] as const;

  it.each(cases)('%o accepts its class, a cross-realm copy by name, and rejects others', (guard, instance, name) => {
    expect(guard(instance)).toBe(true);
    expect(guard({ isVectisError: true, name, message: '' })).toBe(true);
    expect(guard(new VectisError('x'))).toBe(false);
    expect(guard(Object.assign(new Error('x'), { name }))).toBe(false);
    expect(instance.name).toBe(name);
  });

  it('isHttpError accepts every HTTP subclass', () => {
    for (const status of [401, 403, 404, 429, 500]) expect(isHttpError(httpErrorFromResponse({ ...details, status }))).toBe(true);
    expect(isHttpError({ isVectisError: true, name: 'RateLimitError' })).toBe(true);
    expect(isHttpError(new NetworkError(details))).toBe(false);
  });
});

describe('redact', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOi.abc.def', 'Authorization: [redacted]'],
    ['authorization=Basic dXNlcjpwYXNz', 'authorization=[redacted]'],
    ['sent bearer eyJhbGciOiJIUzI1NiJ9 to', 'sent bearer [redacted] to'],
    ['/token?client_secret=abc&x=1&access_token=def', '/token?client_secret=[redacted]&x=1&access_token=[redacted]'],
    ['refresh_token=r1&password=p&api_key=k&subscription-key=s&sig=z', 'refresh_token=[redacted]&password=[redacted]&api_key=[redacted]&subscription-key=[redacted]&sig=[redacted]'],
    ['{"password":"p4ss","refreshToken":"rt","clientSecret":"cs","subscriptionKey":"sk"}', '{"password":"[redacted]","refreshToken":"[redacted]","clientSecret":"[redacted]","subscriptionKey":"[redacted]"}'],
    ['nothing to hide', 'nothing to hide'],
  ])('masks %j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('masks every literal secret of 4+ characters, ignoring short and missing ones', () => {
    expect(redact('user hunter2 said hunter2 and ab', ['hunter2', 'ab', undefined, ''])).toBe('user [redacted] said [redacted] and ab');
  });
});
