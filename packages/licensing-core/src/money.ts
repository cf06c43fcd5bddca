import type { Money } from '@vectis/connector-core';
import { cmp, parseDec, ZERO, type Dec } from './decimal';
import { readCurrency } from './currency';
import type { Flag } from './types';

/**
 * Reads one amount of a row and flags what is wrong with it: a malformed amount, an unknown
 * currency (`XYZ`), a negative amount (never absorbed into totals), or a currency that was only
 * readable once upper-cased (`usd`, kept and noted). `undefined` unless the amount is usable.
 */
export function readAmount(money: Money | undefined, field: string, refOf: string | (() => string), flags: Flag[]): { amount: Dec; currency: string } | undefined {
  if (money === undefined) return undefined;
  const currency = readCurrency(money.currency);
  const amount = typeof money.amount === 'string' ? parseDec(money.amount) : undefined;
  if (amount === undefined) {
    flags.push({ code: 'invalid_amount', ref: refText(refOf), message: `${field} ${JSON.stringify(money.amount)} is not a decimal string: treated as unknown` });
    return undefined;
  }
  if (currency === undefined) {
    flags.push({ code: 'unknown_currency', ref: refText(refOf), message: `${field} currency ${JSON.stringify(money.currency)} is not an ISO 4217 code: amount treated as unknown` });
    return undefined;
  }
  if (currency.upperCased) {
    flags.push({ code: 'currency_upper_cased', ref: refText(refOf), message: `${field} currency "${money.currency}" read as ${currency.code}` });
  }
  if (cmp(amount, ZERO) < 0) {
    flags.push({ code: 'negative_amount', ref: refText(refOf), message: `${field} ${money.amount} ${currency.code} is negative: treated as unknown, not added to any total` });
    return undefined;
  }
  return { amount, currency: currency.code };
}

// A row's reference may be passed as a function, so its text is only built when the row gets a flag.
function refText(refOf: string | (() => string)): string {
  return typeof refOf === 'string' ? refOf : refOf();
}
