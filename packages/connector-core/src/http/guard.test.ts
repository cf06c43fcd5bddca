import { describe, expect, it, vi } from 'vitest';
import { isReadOnlyViolationError } from '../errors/index';
import { readOnlyFetch } from './guard';
import { backoffMs, createSemaphore, parseRetryAfter, sleep } from './timing';

describe('readOnlyFetch', () => {
  const ok = () => Promise.resolve(new Response('{}'));
  const allow = [{ method: 'POST', url: 'https://api.vendor.test/v1/token' }];

  it('lets GET and the token call through', async () => {
    const inner = vi.fn(ok);
    const guarded = readOnlyFetch({ connector: 'vendor', allow, fetch: inner });
    await guarded('https://api.vendor.test/v1/customers?offset=0');
    await guarded(new Request('https://api.vendor.test/v1/token?x=1', { method: 'POST', body: '{}' }));
    expect(inner).toHaveBeenCalledTimes(2);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])('refuses %s anywhere else, sending nothing', async (method) => {
    const inner = vi.fn(ok);
    const guarded = readOnlyFetch({ connector: 'vendor', allow, fetch: inner, secrets: () => ['s3cr3t-key'] });
    const error = await guarded('https://api.vendor.test/v1/orders?key=s3cr3t-key', { method }).catch((e: unknown) => e);
    expect(isReadOnlyViolationError(error)).toBe(true);
    expect(error).toMatchObject({ method, url: 'https://api.vendor.test/v1/orders?key=[redacted]' });
    expect(inner).not.toHaveBeenCalled();
  });

  it('refuses a token-call method on another path, and a Request whose method is not GET', async () => {
    const guarded = readOnlyFetch({ connector: 'vendor', allow, fetch: ok });
    await expect(guarded('https://api.vendor.test/v1/token/revoke', { method: 'POST' })).rejects.toMatchObject({ name: 'ReadOnlyViolationError' });
    await expect(guarded(new Request('https://api.vendor.test/v1/x', { method: 'DELETE' }))).rejects.toMatchObject({ name: 'ReadOnlyViolationError' });
  });

  it('uses globalThis.fetch at call time when none is given', async () => {
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(ok);
    await readOnlyFetch({ connector: 'vendor', allow: [] })(new URL('https://api.vendor.test/v1/x'));
    expect(spy).toHaveBeenCalledOnce();
  });
});

describe('timing helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter between half and all of the ceiling', () => {
    expect(backoffMs(1_000, 0, () => 0)).toBe(500);
    expect(backoffMs(1_000, 0, () => 1)).toBe(1_000);
    expect(backoffMs(1_000, 3, () => 0.5)).toBe(6_000);
  });

  it('sleep rejects with the abort reason at once', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(1, controller.signal)).rejects.toThrow('stop');
  });

  it('the semaphore admits at most `max` holders, hands slots over in order, and lets waiters abort', async () => {
    const slots = createSemaphore(1);
    const order: string[] = [];
    const first = await slots.acquire();
    const second = slots.acquire().then((release) => (order.push('second'), release));
    const controller = new AbortController();
    const third = slots.acquire(controller.signal);
    controller.abort(new Error('gave up'));
    await expect(third).rejects.toThrow('gave up');
    order.push('first done');
    first();
    first(); // releasing twice is harmless
    (await second)();
    expect(order).toEqual(['first done', 'second']);
    const again = await slots.acquire();
    again();
  });
});
