// The sandbox tenant's records, shaped as TD SYNNEX's SDK samples show them (StreamOneIonSDKPython
// `v3/README.md`) plus the PHP model's `subscriptionTotalLicenses` (a string), `billingCurrency` and
// `billingData[]` (NOTES §4). Amounts are JSON numbers as in the SDK sample, except where a tenant
// sends strings (`priceAsString`), as the PHP model reads them.

export interface SandboxCustomer {
  name: string;
  customerOrganization: string;
  customerAddress?: { street: string; city: string; state?: string; zip: string; country: string };
  customerName: string;
  customerEmail?: string;
  customerTitle?: string;
  customerPhone?: string;
  createTime: string;
  updateTime: string;
  languageCode: string;
  uid: string;
  customerStatus: string;
}

export interface SandboxBillingData {
  id: string;
  accountId: string;
  customerName: string;
  productName: string;
  skuName: string;
  billingCycle: string;
  sellerCost: number;
  customerCost: number;
  margin: number;
  usageQuantity: number;
  currency: string;
}

export interface SandboxSubscription {
  id: string;
  customerId: string;
  resellerId: string;
  isvId: string;
  cloudProviderId: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceType: string;
  ccpProductId: string;
  ccpSkuId: string;
  ccpPlanId: string;
  subscriptionProductId: string;
  subscriptionSkuId: string;
  subscriptionOfferId: string;
  unitType: string;
  subscriptionTotalLicenses?: string;
  subscriptionStatus: string;
  subscriptionPurchasedDate: string;
  subscriptionStartDate: string;
  subscriptionEndDate: string;
  cancellationAllowedUntilDate: string;
  subscriptionBillingType: string;
  subscriptionBillingCycle: string;
  subscriptionBillingTerm: string;
  subscriptionRenewStatus: string;
  ccpProductInfo: { productId: string; productDisplayName: string; skuId: string; skuDisplayName: string; planId: string; planDisplayName: string };
  isTrial: boolean;
  autoRenew: boolean;
  customerName: string;
  partnerName: string;
  lastUpdatedDate: string;
  price?: number | string;
  cost?: number | string;
  currency?: string;
  billingCurrency?: string;
  margin?: number | string;
  total?: number | string;
  msrp?: number | string;
  billingData?: SandboxBillingData[];
  renewalDate: string;
  mfgPartNumber: string;
}

/** Read access to the tenant's current data (copies; changing them changes nothing). */
export interface SandboxData {
  readonly accountId: string;
  readonly customers: readonly SandboxCustomer[];
  readonly subscriptions: readonly SandboxSubscription[];
}
