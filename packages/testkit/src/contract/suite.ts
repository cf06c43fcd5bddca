import { inspect } from 'node:util';
import { type DistributorConnector, isNotImplementedError } from '@vectis/connector-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { useFakeApi } from '../msw';
import { capabilitiesCase, pagingCase, shiftingPagesCase, testConnectionCase, unknownStatusCase } from './cases-data';
import { malformedJsonCase, rateLimitCase, schemaDriftCase, serverErrorCase, timeoutCase, unauthorizedCase } from './cases-faults';
import { abortCase, readOnlyCase, secretsCase } from './cases-safety';
import { badRecordCase, echoedSecretsCase, lyingTotalCase, redirectCase, truncatedJsonCase } from './cases-hostile';
import { describeError, errorText, rejection } from './helpers';
import type { ContractCase, ContractContext, ContractOptions, ContractTuning } from './types';

/**
 * The tuning the suite hands to connectors: short timeouts and retry delays so faults resolve fast;
 * `maxRetryAfterMs` stays high so the abort case can catch a connector sitting out a long wait.
 */
export const CONTRACT_TUNING: ContractTuning = {
  timeoutMs: 300,
  retry: { limit: 2, baseDelayMs: 5, maxRetryAfterMs: 60_000, defaultRetryAfterMs: 20 },
  pacing: false,
};

/** Every case, in report order. Each can also be run directly: `await pagingCase.run(ctx)`. */
export const contractCases: readonly ContractCase[] = [
  testConnectionCase,
  pagingCase,
  shiftingPagesCase,
  unauthorizedCase,
  rateLimitCase,
  serverErrorCase,
  timeoutCase,
  malformedJsonCase,
  schemaDriftCase,
  unknownStatusCase,
  readOnlyCase,
  secretsCase,
  abortCase,
  capabilitiesCase,
  redirectCase,
  echoedSecretsCase,
  truncatedJsonCase,
  badRecordCase,
  lyingTotalCase,
];

const DEFAULT_SEED = { customers: 23, subscriptions: 31 };

/**
 * A context to run cases directly (outside `connectorContract`), e.g. against a deliberately broken connector.
 * The caller routes the fake through msw (`useFakeApi(fake)`).
 *
 * @example
 * const ctx = createContractContext({ name: 'acme', fake, secrets, create });
 * await expect(pagingCase.run(ctx)).rejects.toThrow();
 */
export function createContractContext(options: ContractOptions): ContractContext {
  const { fake } = options;
  if (!fake) throw new Error(`connectorContract(${options.name}): a connector that is not a stub needs a fake API`);
  const env = { baseUrl: fake.baseUrl, tuning: CONTRACT_TUNING };
  const created: DistributorConnector[] = [];
  return {
    name: options.name,
    fake,
    env,
    secrets: options.secrets,
    seed: options.seed ?? DEFAULT_SEED,
    wholeLists: options.wholeLists === true,
    create() {
      const connector = options.create(env);
      created.push(connector);
      return connector;
    },
    async cleanup() {
      await Promise.all(created.splice(0).map((c) => c.dispose()));
    },
  };
}

export async function stubContract(connector: DistributorConnector, options: ContractOptions): Promise<void> {
  expect(connector.capabilities, 'a stub declares that it syncs nothing').toEqual({
    customers: false, subscriptions: false, seatSnapshots: false, incremental: false, stub: true,
  });
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['testConnection', () => connector.testConnection()],
    ['listCustomers', () => drain(connector.listCustomers())],
    ['listSubscriptions', () => drain(connector.listSubscriptions())],
    ['listSeatSnapshots', () => drain(connector.listSeatSnapshots({ week: '2026-W48', asOf: '2026-11-26T00:00:00.000Z' }))],
  ];
  for (const [method, call] of calls) {
    // Creating a stream must not throw; iterating it must fail before the first batch.
    const error = await rejection(call(), `${method}() on a stub`);
    expect(isNotImplementedError(error), `${method}: ${describeError(error)}`).toBe(true);
    const e = error as { vendor: string; method: string; docsUrl: string; message: string };
    expect(e.vendor, `${method} must name the vendor`).toBe(connector.label);
    expect(e.method).toBe(method);
    if (options.docsUrlIncludes) expect(e.docsUrl).toContain(options.docsUrlIncludes);
    assertNoSecret(errorText(error), options.secrets, `${method}() error`);
  }
  // The connector object is safe to log: no credential on it.
  assertNoSecret(`${JSON.stringify(connector)}\n${inspect(connector, { depth: 10, showHidden: true })}`, options.secrets, 'the connector object');
  await connector.dispose();
  await connector.dispose(); // idempotent
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const batch of stream) throw new Error(`a stub stream yielded a batch: ${JSON.stringify(batch).slice(0, 80)}`);
}

function assertNoSecret(text: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) expect(text.includes(secret), `${where} contains a configured secret`).toBe(false);
}

/**
 * Registers the shared connector contract suite for one connector: the same cases (paging, auth
 * renewal, rate limits, 5xx, timeouts, drift, open enums, read-only, secrets, abort, capabilities)
 * against the vendor's fake API, served through msw. A stub gets one real test plus `it.todo` per case.
 *
 * @example
 * connectorContract({
 *   name: 'ingram', fake: createIngramSandbox(), secrets: [PASSWORD, KEY],
 *   create: (env) => createIngramConnector({ ...creds, apiUrl: env.baseUrl, ...env.tuning }),
 * });
 */
export function connectorContract(options: ContractOptions): void {
  describe(`${options.name} — connector contract`, () => {
    const probe = options.create({ baseUrl: options.fake?.baseUrl ?? 'https://stub.invalid', tuning: CONTRACT_TUNING });
    afterAll(() => probe.dispose());
    if (probe.capabilities.stub) {
      it('is an honest stub: testConnection and every stream throw NotImplementedError naming the vendor and its docs', () =>
        stubContract(probe, options));
      for (const c of contractCases) it.todo(`${c.name} — stub, not implemented`);
      return;
    }
    useFakeApi(...(options.fake ? [options.fake] : []));
    const ctx = createContractContext(options);
    afterEach(() => ctx.cleanup());
    for (const c of contractCases) {
      const lacking = (c.needs ?? []).filter((feature) => !options.fake?.supports?.includes(feature));
      // Visible in the report as not yet covered for this connector, never as a pass.
      if (lacking.length) it.todo(`${c.name} — the fake does not implement ${lacking.join(', ')} (see testkit README)`);
      else it.skipIf(c.applies !== undefined && !c.applies(probe))(c.name, () => c.run(ctx), 30_000);
    }
  });
}
