import type { DistributorConnector } from '@vectis/connector-core';
import type { ContractFake, FakeFeature } from '@vectis/connector-core';

/** Fast timings the suite passes to connectors so faults resolve in milliseconds. */
export interface ContractTuning {
  timeoutMs: number;
  retry: { limit: number; baseDelayMs: number; maxRetryAfterMs: number; defaultRetryAfterMs: number };
  pacing: false;
}

/** What `create` receives: the fake's base URL and the tuning to pass through to the HTTP kernel. */
export interface ContractEnv {
  baseUrl: string;
  tuning: ContractTuning;
}

export interface ContractOptions {
  /** Shown in the describe block, e.g. `ingram`. */
  name: string;
  /** Builds a fresh connector pointed at `env.baseUrl` with `env.tuning` applied. */
  create: (env: ContractEnv) => DistributorConnector;
  /** The vendor's fake API; required unless the connector is a stub. */
  fake?: ContractFake;
  /** Every configured secret (password, client secret, key); none may appear in any error. */
  secrets: readonly string[];
  /** Stubs: the NotImplementedError docsUrl must contain this (e.g. `docs/connectors/pax8.md`). */
  docsUrlIncludes?: string;
  /** Tenant size seeded before each case (default 23 customers, 31 subscriptions). */
  seed?: { customers: number; subscriptions: number };
  /**
   * The vendor returns every list whole, with no paging parameters (Sherweb): the paging cases check
   * that no paging parameter is sent and nothing is lost or doubled, instead of counting pages.
   */
  wholeLists?: boolean;
}

/** Everything a case needs; build one with `createContractContext` to run a case directly. */
export interface ContractContext {
  name: string;
  fake: ContractFake;
  env: ContractEnv;
  secrets: readonly string[];
  seed: { customers: number; subscriptions: number };
  wholeLists: boolean;
  /** A new connector (disposed by the suite after the case). */
  create(): DistributorConnector;
  /** Disposes every connector created so far. */
  cleanup(): Promise<void>;
}

/** One contract case: a name for the report and a `run` that throws (an assertion) when the connector breaks the contract. */
export interface ContractCase {
  name: string;
  /** False when the connector's declared capabilities make the case meaningless. */
  applies?: (connector: DistributorConnector) => boolean;
  /** Newer fake faults the case injects; a fake whose `supports` lacks one gets the case as a todo. */
  needs?: readonly FakeFeature[];
  run(ctx: ContractContext): Promise<void>;
}
