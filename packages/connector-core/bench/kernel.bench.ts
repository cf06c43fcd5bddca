// HTTP kernel overhead: 2,000 GETs of a 100-record page through an in-memory fetch, once through the
// kernel (read-only guard, auth header, retry/timeout wrapper, zod validation, typed errors ready) and
// once as the baseline in the same run: plain fetch + JSON.parse + the same zod schema.
// Network time dominates real syncs; this shows what the kernel adds per request.
import { basicTokenAuth, createHttpClient } from '@vectis/connector-core';
import { z } from 'zod';

const REQUESTS = 2_000;
const RUNS = 5;
const Page = z.object({
  data: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), externalId: z.string().optional() })),
  pagination: z.object({ offset: z.number(), limit: z.number(), total: z.number() }),
});
const body = JSON.stringify({
  data: Array.from({ length: 100 }, (_, i) => ({ id: String(1_000_000 + i), name: `Customer ${i} LLC`, status: 'active', externalId: `PSA-${i}` })),
  pagination: { offset: 0, limit: 100, total: 100 },
});
const fakeFetch = async (input: string | URL | Request): Promise<Response> => {
  const url = String(input instanceof Request ? input.url : input);
  if (url.endsWith('/token')) return Response.json({ token: 'bench-token', expiresInSeconds: 1500 });
  return new Response(body, { headers: { 'content-type': 'application/json' } });
};

async function baseline(): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const res = await fakeFetch(`https://bench.test/customers?offset=${i}`);
    Page.parse(JSON.parse(await res.text()));
  }
  return performance.now() - t;
}

async function kernel(): Promise<number> {
  const http = createHttpClient({
    connector: 'bench',
    baseUrl: 'https://bench.test',
    auth: basicTokenAuth({ username: 'u', password: 'p', path: '/token', parse: (j) => j as { token: string; expiresInSeconds: number } }),
    pacing: false,
    fetch: fakeFetch as typeof fetch,
  });
  const t = performance.now();
  for (let i = 0; i < REQUESTS; i++) await http.get('/customers', { searchParams: { offset: i }, schema: Page });
  const ms = performance.now() - t;
  http.dispose();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const base: number[] = [];
const kern: number[] = [];
await baseline(); // warm-up
await kernel();
for (let r = 0; r < RUNS; r++) {
  base.push(await baseline());
  kern.push(await kernel());
}
const b = median(base);
const k = median(kern);
console.log(`HTTP kernel overhead, ${REQUESTS} GETs of a 100-record page (median of ${RUNS} runs)`);
console.log(`  baseline (fetch + JSON.parse + zod): ${b.toFixed(0)} ms`);
console.log(`  kernel (createHttpClient.get):       ${k.toFixed(0)} ms  → ${(k / b).toFixed(2)}× the baseline, ${(((k - b) * 1000) / REQUESTS).toFixed(0)} µs added per request`);
