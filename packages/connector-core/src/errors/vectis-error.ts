/** Options shared by every Vectis error. */
export interface VectisErrorOptions {
  /** Connector id (`ingram`, `pax8`, …) used in the message prefix. */
  connector?: string | undefined;
  /** What the user should do about it; appended to the message. */
  remedy?: string | undefined;
  /** The vendor's correlation / request id, when the vendor sent one. */
  correlationId?: string | undefined;
  cause?: unknown;
}

const BRAND = Symbol.for('vectis.error');

/**
 * Base class of every error this library throws. Messages read
 * `[vectis:<connector>] <what happened>. <what to do> (correlation id: …)` and never contain a secret.
 *
 * @example
 * try { await connector.testConnection(); }
 * catch (err) { if (isVectisError(err)) console.error(err.message, err.correlationId); }
 */
export class VectisError extends Error {
  override name = 'VectisError';
  readonly connector: string | undefined;
  readonly remedy: string | undefined;
  readonly correlationId: string | undefined;
  /** Brand for cross-realm checks (`instanceof` fails across copies of this package). */
  readonly [BRAND] = true;
  readonly isVectisError = true;

  constructor(message: string, options: VectisErrorOptions = {}) {
    super(formatMessage(message, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.connector = options.connector;
    this.remedy = options.remedy;
    this.correlationId = options.correlationId;
  }
}

function formatMessage(message: string, { connector, remedy, correlationId }: VectisErrorOptions): string {
  let text = `[vectis${connector ? `:${connector}` : ''}] ${message}`;
  if (remedy) text += `${/[.!?]$/.test(text) ? '' : '.'} ${remedy}`;
  if (correlationId) text += ` (correlation id: ${correlationId})`;
  return text;
}

/**
 * True for any error thrown by this library, also across package copies (checks the brand and `name`).
 *
 * @example
 * if (isVectisError(err)) report(err.connector, err.message);
 */
export function isVectisError(value: unknown): value is VectisError {
  return (
    value instanceof VectisError ||
    (typeof value === 'object' && value !== null && (value as { isVectisError?: unknown }).isVectisError === true)
  );
}

/** Builds a cross-realm guard for a subclass: `instanceof`, falling back to the `name`. */
export function guardFor<T extends VectisError>(cls: abstract new (...args: never[]) => T, ...names: string[]) {
  return (value: unknown): value is T =>
    value instanceof cls || (isVectisError(value) && names.includes((value as Error).name));
}
