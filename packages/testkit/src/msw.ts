import { http, type RequestHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ContractFake } from '@vectis/connector-core';

/**
 * msw handlers routing every request under `fake.baseUrl` (any method, so a stray POST reaches the
 * fake and shows up in its request log) to `fake.handle(request)`.
 *
 * @example
 * const server = setupServer(...fakeHandlers(fake));
 */
export function fakeHandlers(fake: Pick<ContractFake, 'baseUrl' | 'handle'>): RequestHandler[] {
  const base = fake.baseUrl.replace(/\/+$/, '');
  return [http.all(base, ({ request }) => fake.handle(request)), http.all(`${base}/*`, ({ request }) => fake.handle(request))];
}

/**
 * Starts an msw server for the current test file, answering from `fakes` (onUnhandledFrame: 'error',
 * so nothing can reach the network), resetting per-test handlers after each test and closing at the end.
 * Returns the server so a test can add `server.use(...)` overrides.
 *
 * @example
 * const server = useFakeApi(createIngramSandbox());
 * it('lists customers', async () => { … });
 */
export function useFakeApi(...fakes: Array<Pick<ContractFake, 'baseUrl' | 'handle'>>): SetupServer {
  const server = setupServer(...fakes.flatMap(fakeHandlers));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
