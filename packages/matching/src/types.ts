import type { Customer } from '@vectis/connector-core';
import type { NameTables } from './tables';

/**
 * A company row from the MSP's PSA (ConnectWise, Autotask, HaloPSA), as far as matching needs it.
 *
 * @example
 * const psa: PsaCompany = { id: 441793, name: 'Cruz Brothers Auto Body', website: 'cruzbrothersautobody.com', city: 'Jackson', country: 'USA' };
 */
export interface PsaCompany {
  id: string | number;
  name: string;
  website?: string | null | undefined;
  city?: string | null | undefined;
  state?: string | null | undefined;
  postalCode?: string | null | undefined;
  country?: string | null | undefined;
  /** PSA status, e.g. `Active`, `Inactive`, `Not Approved`; inactive-looking rows are filtered out by default. */
  status?: string | null | undefined;
  /** PSA company type, e.g. `Client`, `Prospect`; prospects are filtered out by default. */
  type?: string | null | undefined;
  /** Ids that the MSP stored on this PSA row for distributor customers (vendor customer ids or references). */
  externalIds?: readonly string[] | undefined;
}

/** How sure the matcher is: `auto` links can be applied, `review` goes to a human, `none` stays unmatched. */
export type MatchTier = 'auto' | 'review' | 'none';

/** The signal a reason talks about. */
export type MatchSignal =
  | 'override'
  | 'external_ref'
  | 'domain'
  | 'tenant'
  | 'name'
  | 'city'
  | 'postal_code'
  | 'country'
  | 'uniqueness'
  | 'tie';

/**
 * One piece of evidence for or against a pairing, readable by a human.
 *
 * @example
 * const r: MatchReason = { signal: 'domain', effect: 'agrees', detail: 'website acme.com equals PSA website acme.com' };
 */
export interface MatchReason {
  signal: MatchSignal;
  effect: 'agrees' | 'conflicts' | 'neutral';
  detail: string;
}

/**
 * A PSA company considered for a distributor customer, with its score and the evidence.
 *
 * @example
 * const c: MatchCandidate = { psaId: 7, psaName: 'Acme', score: 0.97, reasons: [] };
 */
export interface MatchCandidate {
  psaId: string | number;
  psaName: string;
  /** 0..1, higher is more likely the same company. Comparable across candidates, not a probability. */
  score: number;
  reasons: MatchReason[];
}

/**
 * The matcher's answer for one distributor customer.
 *
 * @example
 * if (result.tier === 'auto') link(result.distributorId, result.psaId);
 */
export interface MatchResult {
  /** Stable distributor-side key: `<vendor>:<externalId>`. */
  distributorId: string;
  distributorName: string;
  /** The chosen PSA company (`auto`), the best suggestion (`review`), or null (`none`). */
  psaId: string | number | null;
  tier: MatchTier;
  score: number;
  reasons: MatchReason[];
  /** Other candidates, best first (excluding the chosen one), for the review queue. */
  runnersUp: MatchCandidate[];
}

/**
 * A manual decision keyed by stable ids (never names). `distributorId` is `<vendor>:<externalId>`.
 *
 * @example
 * const pair: MatchOverride = { distributorId: 'pax8:2b7c…', psaId: 441793 };
 */
export interface MatchOverride {
  distributorId: string;
  psaId: string | number;
}

/**
 * Options for {@link matchCustomers}. Every field is optional.
 *
 * @example
 * matchCustomers(customers, companies, { overrides: { neverLink: [{ distributorId: 'pax8:1', psaId: 7 }] } });
 */
export interface MatchOptions {
  /** Manual decisions; they always win over the computed evidence. */
  overrides?: {
    link?: readonly MatchOverride[];
    neverLink?: readonly MatchOverride[];
  };
  thresholds?: {
    /** Minimum score for `auto` (the guardrails must also pass). Default 0.9. */
    auto?: number;
    /** Minimum score for `review`; below it the customer is `none`. Default 0.3. */
    review?: number;
  };
  /** Which PSA rows may be matched. Default: drop rows whose status/type looks inactive, deleted or prospect. */
  candidateFilter?: (company: PsaCompany) => boolean;
  /** Runner-up candidates kept per customer. Default 3. */
  runnersUp?: number;
  /** Candidates fully scored per customer after blocking. Default 12. */
  maxCandidates?: number;
  /** Name-equivalence tables; extend the defaults with `extendNameTables()`. Default `DEFAULT_NAME_TABLES`. */
  nameTables?: NameTables;
}

/** What {@link matchCustomers} accepts on the distributor side: the normalized connector record. */
export type DistributorCustomer = Pick<Customer, 'externalId' | 'name'> &
  Partial<Pick<Customer, 'externalRef' | 'domains' | 'email' | 'address' | 'status'>> & {
    /** The vendor tag (`ingram_micro`, `pax8`, `sherweb`, `td_synnex`); part of the stable id. */
    vendor: string;
  };
