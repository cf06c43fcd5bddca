import { isAuthenticationError, isConfigurationError } from '@vectis/connector-core';

/** The parts of `@vectis/sync`'s `SyncResult` a job's outcome depends on (structural: no runtime dependency on the sync package). */
export interface SyncResultLike {
  status: string;
  vendors?: readonly { connector?: string; status?: string }[];
  readers?: readonly { psa?: string }[];
  failed: readonly { error?: unknown }[];
  failedReaders: readonly { error?: unknown }[];
}

/**
 * Turns a `runSync` result into the job's outcome. `runSync` records a connector's or reader's failure
 * in its result instead of throwing (the other vendors of the run still sync), so an `execute` that
 * only returned `result.status` would mark a refused credential `completed` and never dead-letter it.
 * This rethrows the typed error that stopped the run — configuration and authentication errors first,
 * so the scheduler dead-letters them with their remedy instead of retrying — and otherwise returns the
 * counts to log.
 *
 * @example
 * execute: async (job, ctx) => syncJobOutcome(await runSync({ connectors: [], readers: [reader], store, signal: ctx.signal }))
 */
export function syncJobOutcome(result: SyncResultLike): Record<string, string | number> {
  const errors = [...result.failed, ...result.failedReaders].map((f) => f.error).filter((e) => e !== undefined);
  const fatal = errors.find((e) => isConfigurationError(e) || isAuthenticationError(e));
  if (fatal !== undefined) throw fatal;
  if (errors.length > 0) throw errors[0];
  if (result.status === 'aborted') throw new Error('the sync was aborted before it finished; it will be retried');
  return { status: result.status, vendors: result.vendors?.length ?? 0, readers: result.readers?.length ?? 0 };
}
