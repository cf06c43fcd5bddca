import type { UsageCharges } from '@vectis/connector-core';
import type { Pax8UsageSummary } from './schemas';
import { addDecimals, decimalString, text } from './values';

/** A line's charges from its usage summaries, or why they could not be read exactly. */
export interface ChargesResult {
  /** Absent when the summaries cannot be added up honestly (see `problem`). */
  charges?: UsageCharges | undefined;
  /** Why the charges are missing or partial: makes the stream's coverage incomplete. */
  problem?: string | undefined;
  /** Summaries flagged `isTrial`, left out of the amounts. */
  trialSummaries: number;
}

/**
 * **The one place that decides how a Pax8 usage line's summaries become `Usage.charges`.**
 *
 * - One summary per resource group; the line's charges are their exact sum, `currentCharges` →
 *   `customer`, `partnerTotal` → `partner` (month to date, from the first day of the month of `asOf`).
 * - Summaries flagged `isTrial` are left out: trial usage is not invoiced [guess, docs/connectors/pax8.md checklist].
 * - Summaries in more than one currency are never added: no charges, and a `problem`.
 * - A summary without a readable amount or currency: that side is left out, with a `problem` (a
 *   partial sum must not pass for the whole). No summaries at all: `charges` without amounts (read,
 *   nothing reported), never a made-up zero.
 * - Summaries of other companies (resource groups assigned elsewhere) still count for this line [guess].
 *
 * @example
 * usageChargesOf([{ id: '52d8…', currentCharges: 100.56, partnerTotal: 86.456, currencyCode: 'USD', isTrial: false }], '2026-12-01')
 * // { charges: { period: 'month_to_date', from: '2026-12-01', customer: { amount: '100.56', currency: 'USD' }, partner: { amount: '86.456', currency: 'USD' } }, trialSummaries: 0 }
 */
export function usageChargesOf(summaries: readonly Pax8UsageSummary[], from: string): ChargesResult {
  const billable = summaries.filter((s) => s.isTrial !== true);
  const trialSummaries = summaries.length - billable.length;
  const base: UsageCharges = { period: 'month_to_date', from };
  if (!billable.length) return { charges: base, trialSummaries };
  const codes = billable.map((s) => text(s.currencyCode)?.toUpperCase());
  const unreadable = billable.filter((_, i) => !codes[i] || !/^[A-Z]{3}$/.test(codes[i] as string));
  if (unreadable.length) return { problem: `usage summary ${unreadable[0]?.id} has no readable currencyCode`, trialSummaries };
  const currencies = [...new Set(codes as string[])].sort();
  if (currencies.length > 1) return { problem: `usage summaries in several currencies (${currencies.join(', ')}) were not added up`, trialSummaries };
  const currency = currencies[0] as string;
  const problems: string[] = [];
  const side = (field: 'currentCharges' | 'partnerTotal') => {
    const amounts = billable.map((s) => (typeof s[field] === 'number' ? decimalString(s[field]) : undefined));
    const missing = billable.find((_, i) => amounts[i] === undefined);
    if (missing) {
      problems.push(`usage summary ${missing.id} has no ${field}`);
      return undefined;
    }
    return { amount: addDecimals(amounts as string[]), currency };
  };
  const customer = side('currentCharges');
  const partner = side('partnerTotal');
  const charges: UsageCharges = { ...base, ...(customer ? { customer } : {}), ...(partner ? { partner } : {}) };
  return { charges, ...(problems.length ? { problem: problems.join('; ') } : {}), trialSummaries };
}
