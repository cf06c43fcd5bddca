// Curated public surface of @vectis/licensing-core. Two blocks, edited independently:
// the licensing analytics block and the matching block. Keep both markers.

// --- licensing (margins, uncontracted seats, drift, Money Found, QBR label) ---
export { computeLicensingReport } from './report';
export type { LicensingReport, CurrencyTotals, CustomerSummary, DriftReport, PendingLine } from './report';
export type { DriftPeriod } from './drift-report';
export { qbrVendorLabel } from './label';
export type { QbrVendorLabel } from './label';
export { findingId } from './finding-id';
export { trackFindings, weeklyDigest } from './money-found';
export type { FindingState, FindingChanges, WeeklyDigest, DigestCustomer, AuditedScope } from './money-found';
export { formatLicensingReport } from './format';
export type { FormatOptions } from './format';
export { roundDecimalString } from './decimal';
export type { Finding, FindingKind, FindingDirection, ImpactBasis, Reduction } from './findings';
export type { SkuRollup, LineGroup, MarginFigure } from './rollup';
export type { LineDrift, SkuDrift, VendorDriftStatus } from './drift';
export type {
  LicensingInput,
  LicensingPolicy,
  PsaContractLine,
  ContractPeriod,
  CustomerLink,
  SkuMapping,
  FxRate,
  SourceCoverage,
  VendorTag,
  ResultCoverage,
  CoverageStatus,
  CustomerRef,
  Flag,
  FlagCode,
} from './types';

// --- end licensing ---

// --- matching (customer matching) ---
export { matchCustomers, isMatchablePsaCompany } from './matching/match';
export { fromMatchingRow } from './matching/adapter';
export type { MatchingRow } from './matching/adapter';
export { normalizeName } from './matching/normalize';
export type { NormalizedName } from './matching/normalize';
export { normalizeDomain, isFreeMailDomain, tenantName } from './matching/domain';
export { normalizeCountry, normalizePostalCode, normalizeCity } from './matching/location';
export { scoreMatches, toMatchTable } from './matching/evaluate';
export type { MatchScore, MatchTable } from './matching/evaluate';
export { generateMatchingDataset } from './matching/synthetic';
export type { SyntheticOptions, SyntheticDataset } from './matching/synthetic';
export type {
  PsaCompany,
  DistributorCustomer,
  MatchOptions,
  MatchOverride,
  MatchResult,
  MatchCandidate,
  MatchReason,
  MatchSignal,
  MatchTier,
} from './matching/types';
// --- end matching ---
export {};
