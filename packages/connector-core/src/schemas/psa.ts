import { z } from 'zod';
import { Money } from './money';

// Normalized PSA records. Field names and types match what licensing-core (`PsaContractLine`) and
// matching (`PsaCompany`) consume today, so those packages can import these instead (issue 18 item 1);
// everything beyond that shape is optional and extra.

/**
 * The period one PSA unit price covers, as licensing-core reads it. Periods licensing cannot yet
 * convert (quarterly, semi-annual, weekly…) are `unknown` here and spelled out in `PsaContractLine.pricePeriod`.
 *
 * @example
 * PsaBillingPeriod.parse('P1M');
 */
export const PsaBillingPeriod = z.enum(['P1M', 'P1Y', 'P2Y', 'P3Y', 'one_time', 'unknown']);
export type PsaBillingPeriod = z.infer<typeof PsaBillingPeriod>;

/**
 * A PSA company (the MSP's client) with the identifiers matching uses.
 *
 * @example
 * const company: PsaCompany = { id: 250, name: 'Cruz Brothers Auto Body', code: 'CruzBrothers', website: 'cruzbrothers.com', status: 'Active', type: 'Client' };
 */
export const PsaCompany = z.object({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  website: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string().nullish(),
  /** The PSA's own status label (tenant data), e.g. `Active`, `Inactive`, `Not-Approved`, `Deleted`. */
  status: z.string().nullish(),
  /** The PSA company type label, e.g. `Client`, `Prospect`; several types are joined with `, `. */
  type: z.string().nullish(),
  /** Ids the MSP stored on the PSA row for distributor customers or Microsoft tenants. */
  externalIds: z.array(z.string()).readonly().optional(),
  /** The MSP's short key for the company (CW `identifier`, Autotask `companyNumber`, Halo `ref`). */
  code: z.string().optional(),
  phone: z.string().optional(),
  parentId: z.string().optional(),
  currency: z.string().optional(),
  microsoftTenantIds: z.array(z.string()).readonly().optional(),
  /** `_info.lastUpdated` and equivalents, as the PSA sent it. */
  updatedAt: z.string().optional(),
});
export type PsaCompany = z.infer<typeof PsaCompany>;

/**
 * One billed product line on a PSA agreement, contract or recurring invoice: what the MSP bills its client.
 * `quantity` is the **billed** quantity (each reader documents which PSA field that is), `unitPrice`
 * covers `billingPeriod`. `billable: false` lines are contracted but not charged (never revenue).
 *
 * @example
 * const line: PsaContractLine = { id: 'cw-addition-7', psaCompanyId: '250', productId: '31', sku: 'M365-BP',
 *   quantity: 8, unitPrice: { amount: '22.00', currency: 'USD' }, billingPeriod: 'P1M', status: 'active' };
 */
export const PsaContractLine = z.object({
  id: z.string(),
  psaCompanyId: z.union([z.string(), z.number()]),
  productId: z.string().optional(),
  sku: z.string().optional(),
  description: z.string().optional(),
  quantity: z.number(),
  unitPrice: Money,
  billingPeriod: PsaBillingPeriod,
  status: z.enum(['active', 'cancelled', 'inactive']),
  /** Effective from (`YYYY-MM-DD`). */
  startDate: z.string().optional(),
  /** Effective to, exclusive (`YYYY-MM-DD`). */
  endDate: z.string().optional(),
  contractId: z.string().optional(),
  contractName: z.string().optional(),
  unitCost: Money.optional(),
  /** The PSA's own period name when `billingPeriod` could not express it (e.g. `Quarterly`). */
  pricePeriod: z.string().optional(),
  /** False when the PSA says the line is contracted but not charged (CW `DoNotBill`/`NoCharge`). */
  billable: z.boolean().optional(),
  /** Where the quantity came from, e.g. `billedQuantity`, `quantity-lessIncluded`, `qty_order`. */
  quantitySource: z.string().optional(),
  /** Mapping doubts worth a human look (e.g. `extPrice ≠ quantity × unitPrice`). */
  warnings: z.array(z.string()).readonly().optional(),
});
export type PsaContractLine = z.infer<typeof PsaContractLine>;

/**
 * A PSA catalog product with every field an MSP may have used to record the vendor SKU.
 *
 * @example
 * const p: PsaProduct = { id: '31', code: 'M365-BP', name: 'Microsoft 365 Business Premium', vendorSkus: ['CFQ7TTC0LCHC:0002'], active: true };
 */
export const PsaProduct = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string().optional(),
  vendorSkus: z.array(z.string()).readonly(),
  vendorName: z.string().optional(),
  listPrice: Money.optional(),
  listCost: Money.optional(),
  active: z.boolean(),
});
export type PsaProduct = z.infer<typeof PsaProduct>;
