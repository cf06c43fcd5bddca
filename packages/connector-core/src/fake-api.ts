// The interface a vendor's fake API (its "sandbox tenant") offers to the contract suite in
// `@vectis/testkit`. Each connector package ships one (e.g. `@vectis/connector-ingram/sandbox`); the
// types live here, in the public core, because a published sandbox cannot depend on the private testkit.

/** A fault the fake injects into the next matching responses. */
export type FakeFault =
  /** Answer with this status (and a vendor-shaped error body) `times` times. */
  | { kind: 'status'; status: number; times: number; retryAfterSeconds?: number; pathIncludes?: string }
  /** Answer only after `ms` (the connector's per-attempt timeout should fire). */
  | { kind: 'delay'; ms: number; times: number; pathIncludes?: string }
  /** A 200 whose body is not valid JSON (e.g. an HTML error page from a proxy). */
  | { kind: 'malformed-json'; times: number; pathIncludes?: string }
  /** A 200 whose body breaks the documented schema (a required field of the wrong type). */
  | { kind: 'schema-drift'; times: number; pathIncludes?: string }
  /** Reject the current access token once, as if it expired early (expect 401 → renew → retry). */
  | { kind: 'expire-token' }
  /** While the next list is paged, insert `count` new records at the head (newest-first lists shift). */
  | { kind: 'insert-during-paging'; count: number };

/**
 * Newer faults, injected with `ContractFake.injectExtended` (a separate type, so fakes written
 * against `FakeFault` keep compiling). A fake lists the kinds it implements in `supports`.
 */
export type ExtendedFakeFault =
  /** Answer with a redirect to `location` instead, on the token call (`on: 'token'`) or on data calls. */
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string; on: 'token' | 'data'; times: number }
  /** A 200 whose JSON body is cut off part-way, as a gateway that drops the connection sends it. */
  | { kind: 'truncated-json'; times: number; pathIncludes?: string }
  /**
   * A 200 that echoes the request's credentials (its Authorization and API-key headers) in the
   * vendor's correlation-id header and in the body: `not-json` text, or JSON of the wrong shape.
   */
  | { kind: 'echo-credentials'; body: 'not-json' | 'wrong-shape'; times: number }
  /**
   * Corrupt one record of the next list page of `stream` the way the vendor's data can be wrong
   * (e.g. a list item without its id, a quantity sent as a string; for a detail-based stream the
   * record's detail may carry the fault). The rest of the page stays valid.
   */
  | { kind: 'bad-record'; stream: 'customers' | 'subscriptions'; times: number }
  /** Every list page of `stream` reports `total` as ⌊factor × the real count⌋ (a total that lies). */
  | { kind: 'lying-total'; stream: 'customers' | 'subscriptions'; factor: number };

/** The newer fault kinds, which a fake opts into (older fakes keep compiling and see those cases as todo). */
export type FakeFeature = ExtendedFakeFault['kind'];

export interface FakeRequestLog {
  method: string;
  /** Path relative to the API base, with the query string, e.g. `/subscriptions?offset=0&limit=100`. */
  path: string;
  status: number;
}

/**
 * A vendor's fake API as the contract suite sees it.
 *
 * @example
 * const fake = createIngramSandbox({ customers: 250, subscriptions: 300 });
 * connectorContract({ name: 'ingram', fake, create: (env) => createIngramConnector({ ...creds, apiUrl: env.baseUrl }) });
 */
export interface ContractFake {
  /** Base URL the connector must be configured with (the fake answers everything below it). */
  readonly baseUrl: string;
  /** Serves one request, like a server would. */
  handle(request: Request): Promise<Response>;
  /** Replace the tenant's data with a generated one of this size. */
  seed(size: { customers: number; subscriptions: number }): void;
  /** Largest page the fake returns, whatever the client asks for. */
  setPageSizeCap(cap: number): void;
  /** Inject a fault; faults stack and are consumed in order. */
  inject(fault: FakeFault): void;
  /** Optional: inject one of the newer faults (only kinds listed in `supports` are ever passed). */
  injectExtended?(fault: ExtendedFakeFault): void;
  /** Drop all injected faults and the request log. */
  reset(): void;
  /** Every request received since the last reset, in order. */
  requests(): readonly FakeRequestLog[];
  /** Ids the fake holds, to check paging got every one exactly once. */
  ids(stream: 'customers' | 'subscriptions'): readonly string[];
  /**
   * Optional: how many subscription lines (one per product/SKU, across every subscription) the tenant
   * holds. When given, the suite checks multi-product subscriptions are flattened, not read as `products[0]`.
   */
  lineCount?(): number;
  /**
   * Optional: the newer fault kinds this fake implements. Contract cases that need one the fake
   * lacks are registered as `todo` (visible in the report, never passed silently).
   */
  readonly supports?: readonly FakeFeature[];
  /** Optional: every access token the fake issued, so the secret scan can look for them too. */
  tokens?(): readonly string[];
  /** Mark a record with a status value the vendor's docs do not list, to test open enums. */
  setUnknownStatus(stream: 'customers' | 'subscriptions', id: string, rawStatus: string): void;
}
