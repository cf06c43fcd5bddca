import { z } from 'zod';

/** A decimal number as a string: optional minus, digits, optional fraction. Never a float. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string such as "12.50"');

/** ISO 4217 currency code, upper case. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"');

/**
 * An exact amount of money: a decimal string plus its currency. Amounts of different currencies
 * are never added together anywhere in this library.
 *
 * @example
 * const price: Money = { amount: '2.21', currency: 'USD' };
 */
export const Money = z.object({ amount: DecimalString, currency: CurrencyCode });
export type Money = z.infer<typeof Money>;
