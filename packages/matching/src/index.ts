// Curated public surface of @vectis/matching: distributor customers → PSA companies.
export { matchCustomers, isMatchablePsaCompany } from './match';
export { fromMatchingRow } from './adapter';
export type { MatchingRow } from './adapter';
export { normalizeName } from './normalize';
export { DEFAULT_NAME_TABLES, extendNameTables } from './tables';
export type { NameTables } from './tables';
export type { NormalizedName, NamePart } from './normalize';
export { normalizeDomain, isFreeMailDomain, tenantName } from './domain';
export { normalizeCountry, normalizePostalCode, normalizeCity } from './location';
export { scoreMatches, scoreReview, toMatchTable } from './evaluate';
export type { MatchScore, MatchTable, ReviewScore } from './evaluate';
export { generateMatchingDataset } from './synthetic';
export type { SyntheticOptions, SyntheticDataset, VariationKind } from './synthetic';
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
} from './types';
