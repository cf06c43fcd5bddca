import { editDistance } from './similarity';
import { ABBREVIATIONS, LEGAL_FORMS, STOP_TOKENS, TENANT_NOISE } from './vocabulary';

/**
 * A company name broken down for comparison.
 *
 * @example
 * const n: NormalizedName = normalizeName('The Iron Marlin Co.'); // { tokens: ['iron', 'marlin'], legal: ['co'], key: 'iron marlin' }
 */
export interface NormalizedName {
  /** Identity tokens: lower-case ASCII, abbreviations expanded, legal forms / stop words / tenant noise removed. */
  tokens: string[];
  /** Legal-form tokens that were stripped (kept for display and for compact forms). */
  legal: string[];
  /** Order-insensitive key of `tokens`; equal keys mean "the same name after normalization". */
  key: string;
}

// Noise that is safe to drop even without a separator ("Acme Tenant", "Acme M365").
const TRAILING_NOISE = new Set(['m365', 'o365', 'tenant', 'csp', 'nce', 'azure']);
const ENTITIES: Record<string, string> = { amp: '&', apos: "'", quot: '"', '#39': "'", '#38': '&', nbsp: ' ' };

/**
 * Lower-case, strip accents and decode the HTML entities some portals leave in names.
 *
 * @example
 * foldText('Café M&amp;M') // 'cafe m&m'
 */
export function foldText(text: string): string {
  return text
    .replace(/&(amp|apos|quot|#39|#38|nbsp);/gi, (_, e: string) => ENTITIES[e.toLowerCase()] ?? ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** Removes " - M365", "(Main)", trailing "Tenant" and similar labels distributors append to a customer name. */
function stripTenantNoise(text: string): string {
  let s = text.replace(/\(([^)]*)\)/g, (whole, inner: string) => (isNoise(inner) ? ' ' : whole));
  for (;;) {
    const dash = /\s[-–—|:]\s*([^-–—|:]+)$/.exec(s);
    if (dash?.[1] !== undefined && isNoise(dash[1])) s = s.slice(0, dash.index);
    else break;
  }
  return s;
}

function isNoise(segment: string): boolean {
  const words = segment.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => TENANT_NOISE.has(w));
}

/**
 * Splits a name into comparable tokens: collapses dotted initials (`L.L.C.` → `llc`), turns `&`/`+` into
 * `and`, drops punctuation, apostrophes and accents, then expands common abbreviations.
 *
 * @example
 * rawTokens('Cruz Bros. Auto-Body & Sons') // ['cruz', 'brothers', 'auto', 'body', 'and', 'sons']
 */
export function rawTokens(name: string): string[] {
  let s = stripTenantNoise(foldText(name)).replace(/\.{2,}/g, '.');
  s = s.replace(/\b[a-z](?:\.[a-z])+\.?(?=\s|,|$)/g, (m) => m.replace(/\./g, ''));
  s = s.replace(/[&+]/g, ' and ').replace(/['’`´]/g, '').replace(/[^a-z0-9]+/g, ' ');
  const words = s.split(' ').filter(Boolean);
  while (words.length > 1 && TRAILING_NOISE.has(words[words.length - 1] ?? '')) words.pop();
  if (words.length > 2 && words.at(-2) === 'microsoft' && words.at(-1) === '365') words.splice(-2);
  return words.map((w, i) => {
    // "St" leads saints' names ("St Vincent School") but is a street elsewhere ("First St Printing").
    if (w === 'st') return i === 0 ? 'saint' : 'street';
    return ABBREVIATIONS.get(w) ?? w;
  });
}

/**
 * Normalizes a company name for matching: see {@link rawTokens}, then strips legal forms at the end
 * (`Inc`, `GmbH`, `Pty Ltd`, …), stop words (`The`, `and`, `Dr`) and keeps the rest as identity tokens.
 *
 * @example
 * normalizeName('The Iron Marlin Company').key === normalizeName('IRON MARLIN CO. - M365').key // true
 */
export function normalizeName(name: string): NormalizedName {
  const words = rawTokens(name);
  const legal: string[] = [];
  // Legal forms come last, possibly several ("Pty Ltd", "GmbH & Co KG"); a leading one is part of the name.
  while (words.length > 1) {
    const last = words[words.length - 1] ?? '';
    // "Acme Company, The": a trailing article does not stop the legal-form strip.
    if (last === 'the') {
      words.pop();
      continue;
    }
    if (!isLegalForm(last) && !(last === 'and' && legal.length > 0)) break;
    legal.unshift(last);
    words.pop();
  }
  let tokens = words.filter((w) => !STOP_TOKENS.has(w));
  if (tokens.length === 0) tokens = words.length > 0 ? words : legal.slice();
  return { tokens, legal, key: [...tokens].sort().join(' ') };
}

// Legal words at the end of a name are often mistyped ("Compnay", "Coorp.", "Crop."): one edit still
// reads as the legal form. Only forms of 4+ letters, so short real words are not swallowed.
const FUZZY_LEGAL = [...LEGAL_FORMS].filter((f) => f.length >= 4);
function isLegalForm(token: string): boolean {
  if (LEGAL_FORMS.has(token)) return true;
  return token.length >= 4 && FUZZY_LEGAL.some((f) => editDistance(f, token, 1) <= 1);
}

/** Joins tokens into the spelling a domain or tenant would use (`iron marlin` → `ironmarlin`). */
export function compact(tokens: readonly string[]): string {
  return tokens.join('');
}
