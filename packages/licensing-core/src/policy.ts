import { ConfigurationError, VENDORS, normalizeVendor, type Vendor } from '@vectis/connector-core';
import { cmp, decFromInt, isDecimalString, mul, parseDec, ZERO, type Dec } from './decimal';
import type { ConfigIssue } from '@vectis/connector-core';
import type { LicensingPolicy, VendorTag } from './types';

/** The policy, checked once and turned into lookups. */
export interface PreparedPolicy {
  minMargin: Dec;
  minMarginBySku: Map<string, Dec>;
  /** `<vendor>|<sku>` or `*|<sku>` → PSA product id. */
  skuToProduct: Map<string, string>;
  mappedProducts: Set<string>;
  /** `<from>|<to>` → rate. */
  fx: Map<string, Dec>;
  assumeUnit: boolean;
  /** Markup for valuing seats with neither a contract price nor an msrp (20 % unless configured). */
  markup: Dec;
  /** Per-run memo: vendor → SKU → comparison key (one string per SKU, hashed once). */
  skuKeys: Map<string, Map<string, { key: string; sku: string }>>;
  /** One string per SKU key text (see prepare.ts). */
  keyTexts: Map<string, string>;
  /** Per-run memo: vendor → customer id → `<vendor>:<id>`. */
  customerKeys: Map<string, Map<string, { key: string; psa: string | undefined }>>;
  /** Per-run memo: PSA company id → `psa:<id>`. */
  psaKeys: Map<string, string>;
}

/**
 * Reads `now` (a Date or an ISO string) or throws a `ConfigurationError`: analytics never read the clock.
 */
export function parseNow(now: Date | string): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'string' ? Date.parse(now) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ConfigurationError({
      issues: [{ field: 'now', message: 'expected a Date or an ISO 8601 string' }],
      remedy: 'Pass the run time explicitly, e.g. now: new Date().',
    });
  }
  return ms;
}

/** Parses a date-only (`YYYY-MM-DD`, midnight UTC) or ISO instant; `undefined` when absent or unreadable. */
export function parseWhen(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  let ms = dates.get(text);
  if (ms === undefined) {
    ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
    if (dates.size >= 10_000) dates.clear();
    dates.set(text, ms);
  }
  return Number.isNaN(ms) ? undefined : ms;
}

// Many lines share a renewal or end date; parsing each once keeps 100k-line runs fast.
const dates = new Map<string, number>();

/** `synnex` reads as `td_synnex`; anything unknown is `undefined` (and gets flagged by the caller). */
export function readVendor(tag: VendorTag | string): Vendor | undefined {
  if (typeof tag !== 'string') return undefined;
  const vendor = normalizeVendor(tag);
  // The canonical constant, not the row's own copy of the text: later lookups compare by identity.
  return vendor === undefined ? undefined : (VENDORS[VENDORS.indexOf(vendor)] as Vendor);
}

/**
 * Validates the policy, listing every bad field in one `ConfigurationError`.
 */
export function preparePolicy(policy: LicensingPolicy): PreparedPolicy {
  const issues: ConfigIssue[] = [];
  const minMargin = readPercent(policy.minMarginPercent, 'minMarginPercent', issues);
  const minMarginBySku = new Map<string, Dec>();
  for (const [key, value] of Object.entries(policy.minMarginBySku ?? {})) {
    minMarginBySku.set(key, readPercent(value, `minMarginBySku.${key}`, issues));
  }
  const skuToProduct = new Map<string, string>();
  const mappedProducts = new Set<string>();
  for (const [i, m] of (policy.skuMappings ?? []).entries()) {
    const vendor = m.vendor === undefined ? '*' : readVendor(m.vendor);
    if (vendor === undefined) issues.push({ field: `skuMappings[${i}].vendor`, message: 'unknown vendor tag' });
    else if (!m.sku || !m.psaProductId) issues.push({ field: `skuMappings[${i}]`, message: 'needs sku and psaProductId' });
    else {
      skuToProduct.set(`${vendor}|${m.sku}`, m.psaProductId);
      mappedProducts.add(m.psaProductId);
    }
  }
  const fx = new Map<string, Dec>();
  for (const [i, r] of (policy.fx ?? []).entries()) {
    const rate = isDecimalString(r.rate) ? parseDec(r.rate) : undefined;
    if (rate === undefined || cmp(rate, ZERO) <= 0) issues.push({ field: `fx[${i}].rate`, message: 'expected a positive decimal string' });
    else fx.set(`${r.from}|${r.to}`, rate);
  }
  let markup = decFromInt(20);
  if (policy.defaultMarkupPercent !== undefined) {
    const m = isDecimalString(policy.defaultMarkupPercent) ? parseDec(policy.defaultMarkupPercent) : undefined;
    if (m === undefined || cmp(m, ZERO) < 0) issues.push({ field: 'defaultMarkupPercent', message: 'expected a non-negative percentage as a decimal string, e.g. "20"' });
    else markup = m;
  }
  if (issues.length > 0) {
    throw new ConfigurationError({ issues, remedy: 'Fix the licensing policy fields listed and run the report again.' });
  }
  return { minMargin, minMarginBySku, skuToProduct, mappedProducts, fx, assumeUnit: policy.unknownAmountBasis === 'assume_unit', markup, skuKeys: new Map(), keyTexts: new Map(), customerKeys: new Map(), psaKeys: new Map() };
}

/** Converts with an explicit rate only; `undefined` when none was supplied. */
export function convert(amount: Dec, from: string, to: string, policy: PreparedPolicy): Dec | undefined {
  if (from === to) return amount;
  const rate = policy.fx.get(`${from}|${to}`);
  return rate === undefined ? undefined : mul(amount, rate);
}

function readPercent(value: string, field: string, issues: ConfigIssue[]): Dec {
  const parsed = isDecimalString(value) ? parseDec(value) : undefined;
  if (parsed === undefined || cmp(parsed, ZERO) < 0 || cmp(parsed, decFromInt(100)) >= 0) {
    issues.push({ field, message: 'expected a percentage as a decimal string from "0" up to (not including) "100"' });
    return ZERO;
  }
  return parsed;
}
