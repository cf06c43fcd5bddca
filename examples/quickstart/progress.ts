// A one-line terminal progress bar fed by the connectors' structured progress events.
// On a non-TTY (CI, pipes) it prints one line per finished stream instead of redrawing.
import type { SyncProgressEvent } from '@vectis/sync';

export interface ProgressBar {
  onProgress(event: SyncProgressEvent): void;
  done(): void;
}

export function createProgressBar(label: string, out: NodeJS.WriteStream = process.stdout): ProgressBar {
  const tty = Boolean(out.isTTY);
  const state = { stream: '', done: 0, total: 0, requests: 0, waits: 0, retries: 0 };
  let last = 0;

  const render = (force = false) => {
    const now = Date.now();
    if (!tty || (!force && now - last < 80)) return;
    last = now;
    const width = 28;
    const ratio = state.total > 0 ? Math.min(1, state.done / state.total) : 0;
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const count = state.total > 0 ? `${state.done}/${state.total}` : `${state.done}`;
    const extra = [state.waits ? `${state.waits} pacing waits` : '', state.retries ? `${state.retries} retries` : '']
      .filter(Boolean)
      .join(', ');
    out.write(`\r\x1b[2K${label} ${state.stream.padEnd(14)} ${bar} ${count} · ${state.requests} requests${extra ? ` · ${extra}` : ''}`);
  };

  return {
    onProgress(event) {
      switch (event.type) {
        case 'request':
          state.requests++;
          break;
        case 'page':
          if (event.stream !== state.stream) Object.assign(state, { stream: event.stream, done: 0, total: 0 });
          state.done += event.records;
          state.total = event.total ?? state.total;
          break;
        case 'detail':
          Object.assign(state, { stream: `${event.stream} detail`, done: event.done, total: event.total ?? state.total });
          break;
        case 'rate-limit-wait':
          state.waits++;
          break;
        case 'retry':
          state.retries++;
          break;
        case 'stream-done': {
          const c = event.coverage;
          const line = `${label} ${c.stream}: ${c.fetched}${c.expected !== undefined ? ` of ${c.expected}` : ''} records, ${c.pages} pages${c.reused ? `, ${c.reused} reused` : ''}${c.complete ? '' : ` — INCOMPLETE: ${c.truncatedReason ?? 'unknown reason'}`}`;
          if (tty) out.write(`\r\x1b[2K${line}\n`);
          else out.write(`${line}\n`);
          return;
        }
        default:
          break;
      }
      render();
    },
    done() {
      if (tty) out.write('\r\x1b[2K');
    },
  };
}
