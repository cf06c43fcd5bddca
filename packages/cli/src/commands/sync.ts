// `vectis sync`: configured distributors → the store, exit 0 succeeded / 2 partial / 1 failed.
import type { DistributorConnector } from '@vectis/connector-core';
import { runSync, type Store, type SyncResult } from '@vectis/sync';
import { connectorsFromEnv, type FileConfig } from '../config';
import { describeError, EXIT, type Io } from '../io';
import { createProgress } from '../progress';

export interface SyncCommandOptions {
  vendors: readonly string[];
  full: boolean;
  json: boolean;
  now?: Date | undefined;
}

/** `--full` ignores the stored checkpoints, so every stream is read from the start. */
export function withoutCheckpoints(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getCheckpoint') return async () => undefined;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The lock holder, when the store's error names one (the per-vendor run lease). */
export function lockMessage(err: unknown): string | undefined {
  if (!(err instanceof Error) || err.name !== 'StoreLockedError') return undefined;
  // The per-vendor run lease names its holder (run id, host:pid, since); older errors may carry `holder`.
  const { holder: named, lease } = err as { holder?: unknown; lease?: { runId?: string; holder?: string; since?: string } };
  const holder = lease ? `run ${lease.runId ?? '?'} on ${lease.holder ?? '?'} since ${lease.since ?? '?'}` : named;
  const who = holder === undefined ? '' : ` Lock holder: ${typeof holder === 'string' ? holder : JSON.stringify(holder)}.`;
  return `another sync run holds the store lock: ${err.message}${who} Wait for it to finish, then run again.`;
}

export function summarize(result: SyncResult): string[] {
  const lines: string[] = [];
  for (const v of result.vendors) {
    const s = v.subscriptions;
    lines.push(
      `${v.connector}: ${v.status} — customers +${v.customers.inserted} ~${v.customers.updated}, lines +${s.inserted} ~${s.updated} =${s.unchanged} -${s.removed}, usage rows ${v.usage.written}`,
    );
    for (const c of Object.values(v.coverage)) {
      if (c && !c.complete) lines.push(`  ${c.stream} INCOMPLETE: ${c.truncatedReason ?? 'unknown reason'} (nothing was marked removed)`);
    }
    if (v.error) lines.push(`  ${describeError(v.error).message}`);
    for (const w of result.run.errors) if (w.vendor === v.vendor && w.severity === 'warning') lines.push(`  warning: ${w.message}`);
  }
  lines.push(`run ${result.runId}: ${result.status} (week ${result.run.week})`);
  return lines;
}

/** A vendor the user configured but that synced nothing (a stub is `skipped`) makes the run partial. */
export function exitFor(result: SyncResult): number {
  const { status } = result;
  if (status === 'succeeded') return result.vendors.some((v) => v.status === 'skipped') ? EXIT.partial : EXIT.ok;
  return status === 'partial' ? EXIT.partial : EXIT.failed;
}

export function resultJson(result: SyncResult): unknown {
  return {
    ok: exitFor(result) === EXIT.ok, status: result.status, exitCode: exitFor(result), runId: result.runId, week: result.run.week,
    vendors: result.vendors.map((v) => ({
      vendor: v.vendor, connector: v.connector, status: v.status, customers: v.customers, subscriptions: v.subscriptions, usage: v.usage,
      coverage: Object.values(v.coverage).map((c) => c && { stream: c.stream, complete: c.complete, fetched: c.fetched, expected: c.expected, reason: c.truncatedReason }),
      error: v.error === undefined ? undefined : describeError(v.error),
      warnings: result.run.errors.filter((e) => e.vendor === v.vendor && e.severity === 'warning').map((e) => e.message),
    })),
  };
}

/** Runs one sync over given connectors (used by `sync` and `demo`). */
export async function syncInto(io: Io, store: Store, connectors: readonly DistributorConnector[], o: SyncCommandOptions, label = 'sync'): Promise<SyncResult> {
  const progress = createProgress(io, label, o.json);
  try {
    return await runSync({ connectors, store: o.full ? withoutCheckpoints(store) : store, now: o.now, onProgress: (e) => progress.onProgress(e) });
  } finally {
    progress.stop();
  }
}

/** @example await syncCommand(io, env, openStoreFn, { vendors: [], full: false, json: false }) */
export async function syncCommand(io: Io, env: NodeJS.ProcessEnv, open: () => Promise<Store>, o: SyncCommandOptions & { tuning?: FileConfig['connectors'] }, dbDisplay: string): Promise<number> {
  const configured = connectorsFromEnv(env, o.vendors, o.tuning);
  const store = await open();
  try {
    if (!o.json) io.err(`syncing ${configured.map((c) => c.entry.label).join(', ')} into ${dbDisplay}${o.full ? ' (full refresh)' : ''}`);
    const result = await syncInto(io, store, configured.map((c) => c.connector), o);
    if (o.json) io.out(JSON.stringify(resultJson(result)));
    else for (const line of summarize(result)) io.out(line);
    return exitFor(result);
  } finally {
    await store.close();
    for (const c of configured) await c.connector.dispose();
  }
}
