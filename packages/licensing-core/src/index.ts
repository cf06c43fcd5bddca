// Curated public surface of @vectis/licensing-core (matching moved to @vectis/matching).

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

// --- matching: moved to @vectis/matching (licensing-core consumes links, never imports matching) ---
export {};
