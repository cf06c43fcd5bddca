import { sandboxRateGate, type ExtendedFakeFault, type FakeFault as CoreFakeFault, type FakeRequestLog } from '@vectis/connector-core';

/** Every fault the sandbox can inject: the contract suite's `FakeFault` and `ExtendedFakeFault`. */
export type FakeFault = CoreFakeFault | ExtendedFakeFault;

// What the sandbox observes and injects: the request log, per-kind counts, a sliding-window rate limit
// (real time) and the queue of injected faults.

export type RequestKind = 'token' | 'customerList' | 'customerDetail' | 'subscriptionList' | 'subscriptionDetail' | 'other';

/** What the sandbox saw since it was created (or last `reset()`). */
export interface SandboxStats {
  total: number;
  byKind: Record<RequestKind, number>;
  /** 429 answers sent because the configured rate limit was exceeded (injected faults not counted). */
  rateLimited: number;
  /** 401 answers for a missing, expired or revoked access token. */
  unauthorized: number;
  /** Most requests received within any sliding window of the rate-limit interval (1 s without a limit). */
  maxInWindow: number;
  windowMs: number;
  /** Successful refresh-token grants (each rotates the refresh token). */
  refreshes: number;
  /** Refresh attempts with a refresh token that had already been rotated. */
  reuseRejected: number;
}

export function kindOf(rel: string): RequestKind {
  if (rel === '/oauth/token') return 'token';
  if (/\/customers$/.test(rel)) return 'customerList';
  if (/\/customers\/[^/]+\/subscriptions\/[^/]+$/.test(rel)) return 'subscriptionDetail';
  if (/\/customers\/[^/]+$/.test(rel)) return 'customerDetail';
  if (/\/subscriptions$/.test(rel)) return 'subscriptionList';
  return 'other';
}

export function createTraffic(rateLimit: { limit: number; intervalMs: number } | undefined) {
  // One window for the whole account (Ion limits per partner).
  const gate = sandboxRateGate(rateLimit, rateLimit?.intervalMs ?? 1000);
  let log: FakeRequestLog[] = [];
  let faults: (FakeFault & { left: number })[] = [];
  const zero = (): Record<RequestKind, number> => ({ token: 0, customerList: 0, customerDetail: 0, subscriptionList: 0, subscriptionDetail: 0, other: 0 });
  let byKind = zero();
  let counters = { total: 0, unauthorized: 0 };

  return {
    received: (): void => gate.received(),
    /** `undefined` when the request may proceed, else milliseconds until it could. */
    admit: (): number | undefined => gate.admit(),
    inject(fault: FakeFault): void {
      faults.push({ ...fault, left: 'times' in fault ? fault.times : 1 });
    },
    /** The first queued fault that applies to this request, consumed once. */
    takeFault(rel: string, o: { token: boolean; list: boolean }): FakeFault | undefined {
      const index = faults.findIndex((f) => {
        if (f.kind === 'insert-during-paging') return o.list;
        if (f.kind === 'expire-token') return !o.token;
        if (f.kind === 'redirect') return o.token === (f.on === 'token');
        if (f.kind === 'echo-credentials') return !o.token;
        if (f.kind === 'bad-record') return o.list && rel.split('?')[0]?.endsWith(`/${f.stream}`) === true;
        if (f.kind === 'lying-total') return false; // a standing condition, read with lyingTotal()
        // Faults hit data calls unless they name the token path explicitly.
        return f.pathIncludes === undefined ? !o.token : rel.includes(f.pathIncludes);
      });
      const fault = faults[index];
      if (!fault) return undefined;
      if (--fault.left <= 0) faults.splice(index, 1);
      return fault;
    },
    /** The factor a `lying-total` fault applies to `stream`'s list counts, if one was injected. */
    lyingTotal(stream: 'customers' | 'subscriptions'): number | undefined {
      const fault = faults.find((f) => f.kind === 'lying-total' && f.stream === stream);
      return fault?.kind === 'lying-total' ? fault.factor : undefined;
    },
    log(entry: FakeRequestLog, rel: string): void {
      log.push(entry);
      counters.total++;
      byKind[kindOf(rel)]++;
      if (entry.status === 401) counters.unauthorized++;
    },
    requests: (): readonly FakeRequestLog[] => log.slice(),
    reset(): void {
      faults = [];
      log = [];
      byKind = zero();
      counters = { total: 0, unauthorized: 0 };
      gate.reset();
    },
    stats: () => ({ ...counters, ...gate.counts(), byKind: { ...byKind }, windowMs: gate.windowMs }),
  };
}
