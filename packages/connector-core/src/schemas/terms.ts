import { z } from 'zod';

/**
 * A period as ISO 8601 duration: `P1M`, `P1Y`, `P2Y`, `P3Y`; `none` for no commitment;
 * `unknown` when the vendor's value could not be read (never guessed).
 *
 * @example
 * Term.parse('P1Y')
 */
export const Term = z.enum(['none', 'P1M', 'P1Y', 'P2Y', 'P3Y', 'unknown']);
export type Term = z.infer<typeof Term>;

/**
 * How often the customer is charged. Separate from the commitment term on purpose:
 * an annual commitment is often billed monthly.
 */
export const BillingFrequency = z.enum(['monthly', 'annual', 'one_time', 'usage', 'other', 'unknown']);
export type BillingFrequency = z.infer<typeof BillingFrequency>;

/** Months in a term, for run-rate maths; `undefined` when the term has no length. */
export function termMonths(term: Term): number | undefined {
  // A switch, not a lookup object: no allocation per call (licensing runs it for 100k lines), and
  // a stray runtime value such as "toString" cannot hit an inherited property.
  switch (term) {
    case 'P1M':
      return 1;
    case 'P1Y':
      return 12;
    case 'P2Y':
      return 24;
    case 'P3Y':
      return 36;
    default:
      return undefined;
  }
}
