// Every byte the CLI prints goes through an Io, which scrubs the configured secrets: a credential
// can never reach the terminal, a log file or a report, even through a vendor's error text.
import { isVectisError } from '@vectis/connector-core';

export interface Io {
  /** Results (stdout). */
  out(text: string): void;
  /** Logs and progress (stderr), so `--json` output stays parseable. */
  err(text: string): void;
  /** True when stderr is a terminal (progress bars instead of line logs). */
  readonly tty: boolean;
  /** Removes every known secret value from a string. */
  scrub(text: string): string;
  /** Prepended to every printed line (`DEMO ` in the demo). */
  readonly prefix: string;
  /** The raw stderr stream, for progress bars (writes are scrubbed too). */
  readonly errStream: NodeJS.WritableStream;
}

export interface IoOptions {
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  secrets?: readonly string[];
  /** Prepended to every line (the demo's `DEMO `). */
  prefix?: string;
  /** Leave stdout lines unprefixed (JSON output must stay parseable). */
  rawOut?: boolean;
}

/**
 * @example
 * const io = createIo({ secrets: [process.env.INGRAM_PASSWORD ?? ''] });
 * io.out('hello');
 */
export function createIo(options: IoOptions = {}): Io {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Short values would scrub ordinary words; real credentials are longer than 3 characters.
  const secrets = [...new Set(options.secrets ?? [])].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  const prefix = options.prefix ?? '';
  const lines = (text: string) => (prefix ? text.split('\n').map((l) => `${prefix}${l}`).join('\n') : text);
  // Progress bars draw on stderr through this; cursor helpers call write() too, so all is scrubbed.
  const wrapped = Object.assign(Object.create(stderr) as NodeJS.WritableStream, {
    write: (chunk: string | Uint8Array, ...rest: unknown[]) => stderr.write(scrub(String(chunk)), ...(rest as [])),
  });
  return {
    out: (text) => void stdout.write(`${options.rawOut ? scrub(text) : lines(scrub(text))}\n`),
    err: (text) => void stderr.write(`${lines(scrub(text))}\n`),
    tty: Boolean(stderr.isTTY),
    scrub,
    prefix,
    errStream: wrapped,
  };
}

/** Exit codes: 0 succeeded, 1 failed, 2 partial (some data missing or some rows rejected). */
export const EXIT = { ok: 0, failed: 1, partial: 2 } as const;

/** A failure's user-facing text: typed errors already say what to do; others get a generic hint. */
export function describeError(err: unknown): { name: string; message: string; correlationId?: string | undefined } {
  if (isVectisError(err)) return { name: err.name, message: err.message, correlationId: err.correlationId };
  if (err instanceof Error) return { name: err.name, message: `[vectis] ${err.message}` };
  return { name: 'Error', message: `[vectis] ${String(err)}` };
}
