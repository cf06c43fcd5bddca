import type { CoverageStatus, Flag, ResultCoverage, SourceCoverage } from './types';

/** Counts shared by every section's coverage. */
export type CoverageBase = Omit<ResultCoverage, 'status' | 'reasons'>;

const MONEY_FLAGS = new Set<Flag['code']>([
  'unknown_vendor', 'negative_quantity', 'fractional_quantity', 'invalid_amount', 'negative_amount', 'unknown_currency', 'missing_unit_cost',
  'unknown_price_period', 'unknown_amount_basis', 'unknown_status',
]);
const CONTRACT_FLAGS = new Set<Flag['code']>(['contract_unmapped', 'contract_invalid', 'contract_unknown_period']);

/** Builds one section's coverage: `not_audited` wins over `partial`, which wins over `complete`. */
export function coverageOf(base: CoverageBase, notAudited: string[], partial: string[]): ResultCoverage {
  const status: CoverageStatus = notAudited.length > 0 ? 'not_audited' : partial.length > 0 ? 'partial' : 'complete';
  return { status, reasons: [...notAudited, ...partial], ...base };
}

/** Reasons every section shares: incomplete upstream streams. */
export function sourceReasons(sources: readonly SourceCoverage[]): string[] {
  return sources
    .filter((s) => !s.complete)
    .map((s) => `${s.vendor} ${s.stream} stream incomplete${s.reason ? `: ${s.reason}` : ''}`)
    .sort();
}

/** Why the per-SKU rollup (cost side) may be incomplete. */
export function rollupReasons(base: CoverageBase, flags: readonly Flag[], sources: string[]): { notAudited: string[]; partial: string[] } {
  const notAudited = base.lines === 0 ? ['no subscription lines in input'] : [];
  const partial = [...sources];
  const money = flags.filter((f) => MONEY_FLAGS.has(f.code)).length;
  if (money > 0) partial.push(`${money} line flag(s) leave seats or cost unknown (see flags)`);
  return { notAudited, partial };
}

/** Why contract comparisons (seats, margins, cancelled-still-billed) may be incomplete. */
export function comparisonReasons(
  base: CoverageBase,
  flags: readonly Flag[],
  sources: string[],
  auditedCustomers: number,
): { notAudited: string[]; partial: string[] } {
  const notAudited: string[] = [];
  if (base.lines === 0) notAudited.push('no subscription lines in input');
  if (base.contracts === 0 && auditedCustomers === 0) notAudited.push('no PSA contract lines in input');
  if (base.linkedCustomers.length === 0) notAudited.push('no distributor customer is linked (auto/confirmed) to a PSA company');
  else if (auditedCustomers === 0 && base.contracts > 0) notAudited.push('no linked customer has PSA data supplied');
  const partial = [...sources];
  if (base.unlinkedCustomers.length > 0) partial.push(`${base.unlinkedCustomers.length} distributor customer(s) unlinked: not compared`);
  if (base.customersWithoutPsaData.length > 0) partial.push(`${base.customersWithoutPsaData.length} linked customer(s) whose PSA data was not supplied: not audited`);
  const contract = flags.filter((f) => CONTRACT_FLAGS.has(f.code)).length;
  if (contract > 0) partial.push(`${contract} contract flag(s): unmapped, malformed or unknown period (see flags)`);
  const money = flags.filter((f) => MONEY_FLAGS.has(f.code)).length;
  if (money > 0) partial.push(`${money} line flag(s) leave seats or cost unknown (see flags)`);
  return { notAudited, partial };
}
