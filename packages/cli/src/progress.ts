// Sync progress: one cli-progress bar per stream on a terminal; plain line logs otherwise (cron,
// CI, pipes), where redrawn bars would turn into garbage in a log file.
import cliProgress from 'cli-progress';
import type { SyncProgressEvent } from '@vectis/sync';
import type { Io } from './io';

export interface Progress {
  onProgress(event: SyncProgressEvent): void;
  stop(): void;
}

function streamLine(prefix: string, event: Extract<SyncProgressEvent, { type: 'stream-done' }>): string {
  const c = event.coverage;
  return `${prefix}${c.stream}: ${c.fetched}${c.expected !== undefined ? ` of ${c.expected}` : ''} records, ${c.pages} pages` +
    `${c.reused ? `, ${c.reused} reused` : ''}${c.complete ? '' : ` — INCOMPLETE: ${c.truncatedReason ?? 'unknown reason'}`}`;
}

/**
 * @example
 * const progress = createProgress(io, 'ingram');
 * await runSync({ connectors, store, onProgress: progress.onProgress });
 * progress.stop();
 */
export function createProgress(io: Io, label: string, json = false): Progress {
  const prefix = `${io.tty ? io.prefix : ''}[${label}] `; // line logs get io's prefix from io.err
  if (!io.tty) {
    return {
      onProgress(event) {
        if (json) return; // scripts read the JSON result; logs would only be noise on stderr
        if (event.type === 'stream-done') io.err(streamLine(prefix, event));
        else if (event.type === 'retry') io.err(`${prefix}retrying a request`);
        else if (event.type === 'rate-limit-wait') io.err(`${prefix}waiting for the vendor's rate limit`);
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    { stream: io.errStream, format: `${prefix}{stream} [{bar}] {value}/{total} · {requests} requests`, hideCursor: true, clearOnComplete: false, stopOnComplete: false, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const counts = new Map<string, number>();
  let requests = 0;
  const bar = (stream: string) => {
    let b = bars.get(stream);
    if (!b) {
      b = multi.create(1, 0, { stream: stream.padEnd(16), requests });
      bars.set(stream, b);
    }
    return b;
  };
  return {
    onProgress(event) {
      switch (event.type) {
        case 'request':
          requests++;
          break;
        case 'page': {
          const b = bar(event.stream);
          const done = (counts.get(event.stream) ?? 0) + event.records;
          counts.set(event.stream, done);
          b.setTotal(Math.max(1, event.total ?? done));
          b.update(done, { requests });
          break;
        }
        case 'stream-done': {
          const c = event.coverage;
          const b = bar(c.stream);
          b.setTotal(Math.max(1, c.expected ?? c.fetched));
          b.update(c.fetched, { requests });
          if (!c.complete) multi.log(`${streamLine(prefix, event)}\n`);
          break;
        }
        default:
          break;
      }
    },
    stop: () => multi.stop(),
  };
}
