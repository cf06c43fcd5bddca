import { sandboxRateGate, type ExtendedFakeFault, type FakeFault as CoreFakeFault, type FakeRequestLog } from '@vectis/connector-core';

/** Every fault the sandbox can inject: the contract suite's `FakeFault` and `ExtendedFakeFault`. */
export type FakeFault = CoreFakeFault | ExtendedFakeFault;

// What the sandbox observes and injects: the request log, per-kind counts, the sliding-window
// rate limit (per subscription key, real time) and the queue of injected faults.

/** One request as the sandbox logged it. */
export type SandboxRequestLog = FakeRequestLog;

export type RequestKind = 'token' | 'customerList' | 'customerDetail' | 'subscriptionList' | 'subscriptionDetail' | 'other';

/** What the sandbox saw since it was created (or last `reset()`). */
export interface SandboxStats {
  total: number;
  byKind: Record<RequestKind, number>;
  /** 429 answers sent because the configured rate limit was exceeded (injected faults not counted). */
  rateLimited: number;
  /** Most requests received within any sliding window of the rate-limit interval (60 s without a limit). */
  maxInWindow: number;
  /** The window `maxInWindow` was measured over. */
  windowMs: number;
  tokensIssued: number;
}

function kindOf(path: string): RequestKind {
  if (path === '/token') return 'token';
  if (path === '/customers') return 'customerList';
  if (path === '/subscriptions') return 'subscriptionList';
  if (/^\/customers\/[^/]+$/.test(path)) return 'customerDetail';
  if (/^\/subscriptions\/[^/]+$/.test(path)) return 'subscriptionDetail';
  return 'other';
}


export function createTraffic(rateLimit: { limit: number; intervalMs: number } | undefined) {
  const gate = sandboxRateGate(rateLimit);
  let log: SandboxRequestLog[] = [];
  let faults: (FakeFault & { left: number })[] = [];
  const zero = (): Record<RequestKind, number> => ({ token: 0, customerList: 0, customerDetail: 0, subscriptionList: 0, subscriptionDetail: 0, other: 0 });
  let byKind = zero();
  let total = 0;

  return {
    received: (): void => gate.received(),
    /** `undefined` when the request may proceed, else milliseconds until it could. */
    admit: (key: string): number | undefined => gate.admit(key),
    inject(fault: FakeFault): void {
      const left = 'times' in fault ? fault.times : 1;
      faults.push({ ...fault, left });
    },
    /** The first queued fault that applies to this request, consumed once. */
    takeFault(rel: string, o: { token: boolean; list: boolean }): FakeFault | undefined {
      const index = faults.findIndex((f) => {
        if (f.kind === 'insert-during-paging') return o.list;
        if (f.kind === 'expire-token') return !o.token;
        if (f.kind === 'redirect') return o.token === (f.on === 'token');
        if (f.kind === 'echo-credentials') return !o.token;
        if (f.kind === 'bad-record') return o.list && rel.split('?')[0] === `/${f.stream}`;
        if (f.kind === 'lying-total') return false; // a standing condition, read with lyingTotal()
        // Faults hit data calls unless they name the token path explicitly.
        return f.pathIncludes === undefined ? !o.token : rel.includes(f.pathIncludes);
      });
      const fault = faults[index];
      if (!fault) return undefined;
      if (--fault.left <= 0) faults.splice(index, 1);
      return fault;
    },
    /** The factor a `lying-total` fault applies to `stream`'s list totals, if one was injected. */
    lyingTotal(stream: string): number | undefined {
      const fault = faults.find((f) => f.kind === 'lying-total' && f.stream === stream);
      return fault?.kind === 'lying-total' ? fault.factor : undefined;
    },
    log(entry: SandboxRequestLog, path: string): void {
      log.push(entry);
      total++;
      byKind[kindOf(path)]++;
    },
    requests: (): readonly SandboxRequestLog[] => log.slice(),
    reset(): void {
      faults = [];
      log = [];
      byKind = zero();
      total = 0;
      gate.reset();
    },
    stats: () => ({ total, byKind: { ...byKind }, ...gate.counts(), windowMs: gate.windowMs }),
  };
}
