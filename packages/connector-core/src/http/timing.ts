/** Waits `ms`, rejecting at once with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Races `promise` with the signal, so waiting for a queue slot is abortable too. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * `Retry-After` in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable.
 *
 * @example
 * parseRetryAfter('30') // 30_000
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with jitter (half fixed, half random) so parallel clients don't retry in lockstep. */
export function backoffMs(baseDelayMs: number, retry: number, random: () => number = Math.random): number {
  const ceiling = baseDelayMs * 2 ** retry;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A counting semaphore: at most `max` holders; waiting is abortable. */
export function createSemaphore(max: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  async function acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    if (active < max) {
      active++;
    } else {
      let wake!: () => void;
      const turn = new Promise<void>((resolve) => {
        wake = resolve;
        queue.push(resolve);
      });
      try {
        await abortable(turn, signal);
      } catch (error) {
        const i = queue.indexOf(wake);
        // Still queued: leave. Already woken: the slot was handed to us, so pass it on.
        if (i >= 0) queue.splice(i, 1);
        else release();
        throw error;
      }
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }
  function release(): void {
    const next = queue.shift();
    if (next) next();
    else active--;
  }
  return { acquire };
}

/** Settles like `promise`, or rejects with `onTimeout()` once `ms` have passed. */
export function withinDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
