// The sandbox tenant's records, shaped exactly as the Marketplace API 1.6 spec (plus the 1.15
// subscription fields `expirationDate`, `billingModel`, `billingPeriod`, `subscriptionPeriod`).

export interface SandboxMoney {
  currency: string;
  /** Decimal string, as Ingram sends it (`"1.989"`). */
  amount: string;
}

export interface SandboxPeriod {
  type: 'day' | 'month' | 'year' | 'statement_day' | 'unknown';
  duration: number;
}

export interface SandboxContactPerson {
  type: 'admin' | 'billing' | 'technical';
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
}

export interface SandboxCustomer {
  id: string;
  externalId?: string;
  name: string;
  status: string;
  address: {
    streetAddress: string;
    addressExtension?: string;
    postalCode: string;
    city: string;
    state?: string;
    countryCode: string;
  };
  contactPersons: SandboxContactPerson[];
  language: string;
  taxRegId?: string;
  attributes: Record<string, string>;
  resellerId: string;
}

export interface SandboxProduct {
  mpn: string;
  vendor: string;
  id: string;
  name: string;
  quantity: number;
  unitPrice?: SandboxMoney;
  unitCost?: SandboxMoney;
  extendedPrice?: SandboxMoney;
  vendorSubscriptionId?: string;
}

export interface SandboxSubscription {
  id: string;
  name: string;
  customerId: string;
  status: string;
  attributes: Record<string, string>;
  renewalStatus: boolean;
  creationDate: string;
  renewalDate: string;
  lastModifiedDate: string;
  expirationDate: string;
  billingModel: string;
  billingPeriod: SandboxPeriod;
  subscriptionPeriod: SandboxPeriod;
  totalPrice?: SandboxMoney;
  totalSubscriptionPrice?: SandboxMoney;
  totalSubscriptionCost?: SandboxMoney;
  products: SandboxProduct[];
  orderParameters: { name: string; value: unknown }[];
  fulfillmentParameters: { name: string; value: unknown }[];
  planId: number;
}

/** Read access to the tenant's current data (copies; changing them changes nothing). */
export interface SandboxData {
  readonly marketplace: string;
  readonly currency: string;
  readonly customers: readonly SandboxCustomer[];
  readonly subscriptions: readonly SandboxSubscription[];
}
