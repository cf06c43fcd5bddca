// The sandbox tenant's records, shaped exactly as Sherweb's published payloads: the Service Provider
// API (beta08) `Customer` and `Subscription`, the newer official client's `SubscriptionDetails` /
// `SubscriptionPricingInformation` split, and the Distributor API `Charge`.

/** Sherweb's currency enum, title case as sent. */
export type SandboxCurrency = 'Undefined' | 'Cad' | 'Usd' | 'Eur' | 'Gbp';

export interface SandboxCustomer {
  id: string;
  displayName: string;
  path: string[];
  /** `yyyy-MM-ddTHH:mm:ss.fffffff` or null. */
  suspendedOn: string | null;
}

export interface SandboxCommitmentTerm {
  type: string;
  termEndDate: string;
  renewalConfiguration: { renewalDate: string; scheduledQuantity: number | null } | null;
  committedMinimalQuantities: { committedUntil: string; quantity: number }[] | null;
}

export interface SandboxSubscription {
  id: string;
  /** Not in Sherweb's payload (it is the query parameter); kept here to serve per-customer lists. */
  customerId: string;
  productName: string;
  description: string;
  sku: string;
  quantity: number;
  billingCycle: string;
  purchaseDate: string;
  fees: { recurringFee: number; setupFee: number; currency: SandboxCurrency } | null;
  commitmentTerm: SandboxCommitmentTerm | null;
  /** Absent from every official model; set only by `setUnknownStatus` (one public client reads it). */
  status?: string;
}

export interface SandboxCharge {
  productId: string | null;
  productName: string | null;
  sku: string | null;
  chargeId: string | null;
  chargeName: string | null;
  chargeType: 'Setup' | 'Recurring' | 'Usage' | 'Unknown';
  billingCycleType: 'OneTime' | 'Monthly' | 'Yearly';
  periodFrom: string;
  periodTo: string;
  quantity: number;
  listPrice: number;
  netPrice: number;
  netPriceProrated: number;
  subTotal: number;
  currency: string | null;
  isBilled: boolean;
  isProratable: boolean;
  deductions: { code: string | null; name: string | null; deductionType: string; value: number; unitValue: number; totalValue: number }[] | null;
  fees: { name: string | null; unitValue: number; totalValue: number; isTaxable: boolean }[] | null;
  invoice: { number: string | null; date: string; periodFrom: string; periodTo: string } | null;
  taxes: { name: string | null; appliedRate: number }[] | null;
  tags: { name: string | null; value: string | null }[] | null;
}

/** Read access to the tenant's current data (copies). */
export interface SandboxData {
  readonly customers: readonly SandboxCustomer[];
  readonly subscriptions: readonly SandboxSubscription[];
  readonly payableCharges: readonly SandboxCharge[];
}
