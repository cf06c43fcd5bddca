import { foldText } from './normalize';
import { COUNTRY_ALIASES } from './vocabulary';

/**
 * Country name or code → ISO 3166-1 alpha-2 (`USA`, `United States`, `us` → `US`); undefined if unknown.
 *
 * @example
 * normalizeCountry('United Kingdom') // 'GB'
 */
export function normalizeCountry(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const s = foldText(value).replace(/[.]/g, '').replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return COUNTRY_ALIASES.get(s) ?? (/^[a-z]{2}$/.test(s) ? s.toUpperCase() : undefined);
}

/**
 * Postal code in a comparable form: upper-case without spaces; US ZIP+4 cut to the 5-digit ZIP.
 *
 * @example
 * normalizePostalCode('27691-2363') // '27691'
 * normalizePostalCode('e1c 2p6') // 'E1C2P6'
 */
export function normalizePostalCode(value: string | null | undefined, country?: string): string | undefined {
  if (!value) return undefined;
  const s = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!s) return undefined;
  if ((country === 'US' || country === undefined) && /^\d{9}$/.test(s)) return s.slice(0, 5);
  return s;
}

/**
 * City in a comparable form: accents and punctuation removed, `St.`/`Ft.`/`Mt.` spelled out.
 *
 * @example
 * normalizeCity('Montréal') === normalizeCity('MONTREAL') // true
 */
export function normalizeCity(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const words = foldText(value)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w, i) => (i === 0 && w === 'st' ? 'saint' : i === 0 && w === 'ft' ? 'fort' : i === 0 && w === 'mt' ? 'mount' : w));
  return words.length ? words.join(' ') : undefined;
}
