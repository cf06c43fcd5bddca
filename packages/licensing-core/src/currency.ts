// ISO 4217 alphabetic codes of currencies in use (list of 2024, SIX Financial Information). Kept
// here rather than read from `Intl.supportedValuesOf('currency')`, which depends on the runtime's
// ICU data and would make a report differ between Node builds. Precious metals, funds codes used
// only for accounting (XAG, XAU, XBA–XBD, XDR, XPD, XPT, XSU, XUA) and the testing / "no currency"
// codes XTS and XXX are left out on purpose: no distributor bills in them.
const ISO_4217 = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD ' +
    'KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN ' +
    'SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD ' +
    'XCG XOF XPF YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

/** How a currency code read: as is, after upper-casing (`usd` → `USD`), or not a known ISO 4217 code. */
export type CurrencyReading = { code: string; upperCased: boolean } | undefined;

// `UNREADABLE` marks a code known to be no currency, so a hit costs one lookup.
const UNREADABLE = { code: '', upperCased: false };
const readings = new Map<string, NonNullable<CurrencyReading>>();

/**
 * Reads a currency code: a known ISO 4217 code as is, a code that becomes one when trimmed and
 * upper-cased (Sherweb sends `Usd`, some exports `usd`), else `undefined` (e.g. `XYZ`).
 */
export function readCurrency(code: unknown): CurrencyReading {
  if (typeof code !== 'string') return undefined;
  const seen = readings.get(code);
  if (seen !== undefined) return seen === UNREADABLE ? undefined : seen;
  let reading: CurrencyReading;
  if (ISO_4217.has(code)) reading = { code, upperCased: false };
  else {
    const upper = code.trim().toUpperCase();
    reading = ISO_4217.has(upper) ? { code: upper, upperCased: true } : undefined;
  }
  if (readings.size >= 1_000) readings.clear(); // bounded: arbitrary junk codes must not grow memory
  readings.set(code, reading ?? UNREADABLE);
  return reading;
}
