// The interface a PSA sandbox offers to the PSA contract suite in `@vectis/testkit`
// (like ContractFake for distributors; published sandboxes can't depend on the private testkit).
import type { FakeFault, FakeRequestLog } from '../fake-api';

/** The PSA sandboxes' faults: the distributor ones (insert-during-paging inserts companies). */
export type PsaFakeFault = FakeFault;

/**
 * A PSA's fake API as the PSA contract suite sees it.
 *
 * @example
 * const fake = createConnectWiseSandbox({ companies: 40 });
 * psaReaderContract({ name: 'connectwise', fake, secrets, create: (env) => createConnectWiseReader({ ...creds, apiUrl: env.baseUrl, ...env.tuning }) });
 */
export interface PsaFake {
  readonly baseUrl: string;
  handle(request: Request): Promise<Response>;
  /** Replace the tenant with a generated one: `companies`, each with about `linesPerCompany` billed lines. */
  seed(size: { companies: number; linesPerCompany: number }): void;
  /** Largest page the fake returns, whatever the client asks for. */
  setPageSizeCap(cap: number): void;
  inject(fault: PsaFakeFault): void;
  /** Drop faults and the request log. */
  reset(): void;
  requests(): readonly FakeRequestLog[];
  /** Ids the fake holds: companies, and the billed lines a reader must emit (one normalized line each). */
  ids(stream: 'companies' | 'contract_lines'): readonly string[];
  /** Mark a company with a status (or, where the PSA has no status label, type) value the PSA's docs don't list. */
  setUnknownStatus(companyId: string, rawStatus: string): void;
  /** Whether the 401 fault is answered by renewing a token (Halo) or is final (static credentials). */
  readonly renewsTokens: boolean;
}
