import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isRateLimitError } from '../errors/index';
import { tuningFields } from '../config/connector-options';
import { z } from 'zod';
import type { RateBudget } from './pacing';
import { BASE, client, okPage, Page, server, tokenHandler, useServer } from './test-harness';

useServer();

/** A budget that counts grants and records penalties, as a shared (database) budget would see them. */
function countingBudget() {
  const calls = { acquired: 0, penalties: [] as number[] };
  const budget: RateBudget = {
    acquire: async (signal) => {
      if (signal?.aborted) throw signal.reason;
      calls.acquired++;
    },
    penalize: (ms) => void calls.penalties.push(ms),
  };
  return { budget, calls };
}

describe('pluggable rate budget (pacing: RateBudget)', () => {
  it('is consulted once per request sent, the token call included', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, okPage));
    const { budget, calls } = countingBudget();
    const http_ = client({ pacing: budget });
    await http_.get('/customers', { schema: Page });
    await http_.get('/customers', { schema: Page });
    // 1 token call + 2 list calls, all sent through the budget.
    expect(http_.stats.requests).toBe(3);
    expect(calls.acquired).toBe(http_.stats.requests);
  });

  it('counts retries and hears every 429 with the vendor wait, also one that is not retried', async () => {
    let n = 0;
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, () => (++n === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } }) : okPage())),
      http.get(`${BASE}/orders`, () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } })),
    );
    const { budget, calls } = countingBudget();
    const http_ = client({ pacing: budget });
    await http_.get('/customers', { schema: Page });
    expect(calls.acquired).toBe(http_.stats.requests); // the retry took a grant too
    const error = await http_.get('/orders', { schema: Page }).catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(calls.penalties).toEqual([0, 3_600_000]);
  });

  it('a failing penalize never breaks the request', async () => {
    let n = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (++n === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } }) : okPage())));
    const http_ = client({ pacing: { acquire: async () => undefined, penalize: () => Promise.reject(new Error('db down')) } });
    await expect(http_.get('/customers', { schema: Page })).resolves.toMatchObject({ data: { data: [{ id: 'a' }] } });
  });

  it('is accepted by the connector tuning options', () => {
    const schema = z.object(tuningFields({ limit: 45, intervalMs: 60_000 }));
    const { budget } = countingBudget();
    expect(schema.parse({ pacing: budget }).pacing).toBe(budget);
    expect(schema.safeParse({ pacing: { acquire: 1 } }).success).toBe(false);
  });
});
