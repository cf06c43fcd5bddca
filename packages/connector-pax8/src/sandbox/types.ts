// The sandbox tenant's records, shaped exactly as the Pax8 Partner API spec (`pax8-partner-api.openapi.json`),
// ugly parts included: money as JSON numbers, optional `partnerCost`, plain dates mixed into
// date-time fields, offsets without a colon (`-0600`).

export interface SandboxAddress {
  street: string;
  street2?: string;
  city: string;
  stateOrProvince: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface SandboxCompany {
  id: string;
  name: string;
  address: SandboxAddress;
  phone?: string;
  /** A bare host or a full URL, as Pax8's examples have both. */
  website?: string;
  externalId?: string;
  billOnBehalfOfEnabled: boolean;
  selfServiceAllowed: boolean;
  orderApprovalRequired?: boolean;
  status: string;
  /** e.g. `2023-08-11T11:33:12.314-0600`. */
  updatedDate: string;
}

export interface SandboxSubscription {
  id: string;
  parentSubscriptionId?: string;
  companyId: string;
  productId: string;
  vendorSubscriptionId?: string;
  vendorSkuId?: string;
  quantity: number;
  startDate: string;
  endDate?: string;
  createdDate: string;
  updatedDate?: string;
  billingStart: string;
  status: string;
  price: number;
  currencyCode: string;
  partnerCost?: number;
  productName: string;
  billingTerm: string;
  commitmentTerm?: { id: string; term: string; endDate: string };
}

export interface SandboxRate {
  partnerBuyRate: number;
  suggestedRetailPrice: number;
  startQuantityRange?: number;
  endQuantityRange?: number | null;
  chargeType: 'Per Unit' | 'Flat Rate';
}

export interface SandboxPricing {
  productId: string;
  productName: string;
  billingTerm: string;
  commitmentTerm?: string;
  commitmentTermInMonths?: number;
  type: 'Flat' | 'Volume' | 'Tiered' | 'Mark-Up';
  unitOfMeasurement: string;
  rates: SandboxRate[];
}

export interface SandboxProduct {
  id: string;
  name: string;
  vendorName: string;
  shortDescription?: string;
  sku: string;
  vendorSku?: string;
  requiresCommitment: boolean;
}

/** Read access to the tenant's current data (copies; changing them changes nothing). */
export interface SandboxData {
  readonly companies: readonly SandboxCompany[];
  readonly subscriptions: readonly SandboxSubscription[];
  readonly products: readonly SandboxProduct[];
}

/** `UsageSummary` as served (the spec's fields, plus `subscriptionId` as its examples carry it). */
export interface SandboxUsageSummary {
  id: string;
  companyId?: string;
  subscriptionId?: string;
  productId?: string;
  resourceGroup?: string;
  vendorName?: string;
  /** Customer side, month to date; a JSON number (or absent, to test a missing amount). */
  currentCharges?: number;
  currencyCode?: string;
  /** Partner cost, month to date. */
  partnerTotal?: number;
  isTrial?: boolean;
}
