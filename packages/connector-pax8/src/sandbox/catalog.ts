import type { SandboxPricing, SandboxProduct } from './types';

// A small Pax8-like catalog. Office 365 E3 is the spec's own example product (id, sku, vendorSku).
// Prices are integer cents here and become JSON numbers on the wire (cents / 100), as Pax8 sends them.

export interface CatalogTerm {
  billingTerm: 'Monthly' | 'Annual' | '2-Year' | '3-Year' | 'One-Time';
  /** Commitment term string as Pax8 writes it, when the offer has one (NCE). */
  commitment?: '1-Year' | '3-Year';
  /** Partner buy rate and suggested retail price, in cents, for one unit and one billing period. */
  cost: number;
  msrp: number;
}

export interface CatalogProduct {
  product: SandboxProduct;
  unit: string;
  terms: CatalogTerm[];
  /** Usage-rated: pricing rates are 0 and the unit is a container ("Each"); the charge is metered. */
  usage?: boolean;
  /** Sold as an add-on to a subscription of this SKU. */
  addOnTo?: string;
  seats: [number, number];
}

const ms = (id: string, name: string, sku: string, vendorSku: string, unit: string, terms: CatalogTerm[], seats: [number, number], more: Partial<CatalogProduct> = {}): CatalogProduct => ({
  product: { id, name, vendorName: 'Microsoft', sku, vendorSku, requiresCommitment: terms.every((t) => t.commitment !== undefined) },
  unit,
  terms,
  seats,
  ...more,
});

const nce = (monthly: number, cost: number): CatalogTerm[] => [
  { billingTerm: 'Monthly', cost: Math.round(cost * 1.2), msrp: Math.round(monthly * 1.2) }, // month-to-month NCE: +20 %
  { billingTerm: 'Monthly', commitment: '1-Year', cost, msrp: monthly },
  { billingTerm: 'Annual', commitment: '1-Year', cost: cost * 12, msrp: monthly * 12 },
];

export const CATALOG: readonly CatalogProduct[] = [
  ms('3c4f08e2-9b1a-4f0e-8a51-0b7c61d2a101', 'Microsoft 365 Business Basic', 'MST-CSP-NCE-M365-BB', 'CFQ7TTC0LH18:0001', 'User', nce(600, 510), [3, 40]),
  ms('1810aea9-0c95-421d-a77a-7ebccdfa2f6c', 'Microsoft 365 Business Standard', 'MST-CSP-NCE-M365-BS', 'CFQ7TTC0LDPB:0001', 'User', nce(1250, 1063), [2, 60]),
  ms('7a6d2c11-53ef-4c4a-9d0e-5f1b2a3c4d55', 'Microsoft 365 Business Premium', 'MST-CSP-NCE-M365-BP', 'CFQ7TTC0LCHC:0002', 'User', nce(2200, 1870), [2, 80]),
  ms('e91bba5e-a9a3-483f-b036-f80165d410e3', 'Microsoft Office 365 E3', 'MST-OFC-EE3-C100', '796B6B5F-613C-4E24-A17C-EBA730D49C02', 'User', [
    ...nce(2300, 1955),
    { billingTerm: '3-Year', commitment: '3-Year', cost: 1955 * 36, msrp: 2300 * 36 },
  ], [5, 120]),
  ms('0b4c9e7d-2f51-4a33-8c6e-1d2e3f4a5b66', 'Exchange Online (Plan 1)', 'MST-CSP-NCE-EXO-P1', 'CFQ7TTC0LH16:0001', 'User', nce(400, 340), [1, 30]),
  ms('8540387d-967b-4bba-9a5c-2c41e5769c6e', 'Microsoft Defender for Business', 'MST-CSP-NCE-MDB', 'CFQ7TTC0HCH8:0002', 'User', nce(300, 255), [2, 60], { addOnTo: 'MST-CSP-NCE-M365-BS' }),
  ms('b3bb9455-c454-4efa-9be8-15b86caf6933', 'Microsoft Azure Plan', 'MST-AZR-PLAN', 'DZH318Z0BPS6:0001', 'Each', [{ billingTerm: 'Monthly', cost: 0, msrp: 0 }], [1, 1], { usage: true }),
  {
    product: { id: '2d3432cb-5a61-4f87-a197-7ea8e2227aeb', name: 'Google Workspace Business Starter', vendorName: 'Google', sku: 'GGL-WSP-BST', requiresCommitment: false },
    unit: 'User',
    terms: [{ billingTerm: 'Monthly', cost: 504, msrp: 600 }, { billingTerm: 'Annual', commitment: '1-Year', cost: 4800, msrp: 5760 }],
    seats: [2, 40],
  },
  {
    product: { id: '5766ecd7-a0bf-4ee0-ba1d-bd3ca92ca555', name: 'Proofpoint Essentials - Professional', vendorName: 'Proofpoint', sku: 'PPT-ESS-PRO', requiresCommitment: false },
    unit: 'User',
    terms: [{ billingTerm: 'Monthly', cost: 290, msrp: 450 }],
    seats: [5, 50],
  },
  {
    product: { id: '25d15d2e-b293-4393-9e16-e6890a6650b0', name: 'Webroot SecureAnywhere Business Endpoint Protection', vendorName: 'OpenText', sku: 'WBR-SAB-EPP', requiresCommitment: false },
    unit: 'Device',
    terms: [{ billingTerm: 'Monthly', cost: 175, msrp: 300 }],
    seats: [5, 150],
  },
  {
    product: { id: 'c2d1e0f9-8a7b-4c6d-9e5f-4a3b2c1d0e99', name: 'Acronis Cyber Protect Cloud', vendorName: 'Acronis', sku: 'ACR-CPC-USG', requiresCommitment: false },
    unit: 'Each',
    terms: [{ billingTerm: 'Monthly', cost: 0, msrp: 0 }],
    seats: [1, 1],
    usage: true,
  },
  {
    product: { id: '7597a0fd-f0ec-4547-8a20-fd2d3f311a5c', name: 'Adobe Creative Cloud', vendorName: 'Adobe', sku: 'ADB-CCE-ALL', requiresCommitment: true },
    unit: 'User',
    terms: [{ billingTerm: 'Annual', commitment: '1-Year', cost: 71988, msrp: 83988 }],
    seats: [1, 10],
  },
  {
    product: { id: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8', name: 'Microsoft 365 Migration Service', vendorName: 'Pax8', sku: 'PAX-SVC-MIG', requiresCommitment: false },
    unit: 'Each',
    terms: [{ billingTerm: 'One-Time', cost: 25000, msrp: 40000 }],
    seats: [1, 1],
  },
];

/** The `/products/{id}/pricing` answer for a catalog product (`{content: Pricing[]}`). */
export function pricingOf(p: CatalogProduct): SandboxPricing[] {
  return p.terms.map((t) => ({
    productId: p.product.id,
    productName: p.product.name,
    billingTerm: t.billingTerm,
    ...(t.commitment ? { commitmentTerm: t.commitment, commitmentTermInMonths: t.commitment === '3-Year' ? 36 : 12 } : {}),
    type: 'Flat',
    unitOfMeasurement: p.unit,
    rates: [{ partnerBuyRate: t.cost / 100, suggestedRetailPrice: t.msrp / 100, startQuantityRange: 1, endQuantityRange: null, chargeType: p.usage || t.billingTerm === 'One-Time' ? 'Flat Rate' : 'Per Unit' }],
  }));
}

export const COMPANY_NAME_PARTS = {
  first: ['Acme', 'Birch', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Lakeside', 'Maple', 'Northwind', 'Oak', 'Pioneer', 'Quartz', 'Redwood', 'Summit', 'Tidewater', 'Union', 'Valley', 'Willow', 'Yarrow', 'Zenith'],
  second: ['Dental', 'Legal', 'Logistics', 'Architects', 'Accounting', 'Clinic', 'Manufacturing', 'Realty', 'Engineering', 'Foods', 'Insurance', 'Consulting', 'Veterinary', 'Construction', 'Design'],
  suffix: ['Inc', 'LLC', 'Ltd', 'Group', 'Partners', 'Co', 'Inc.', ''],
};

export const PLACES = [
  { city: 'Denver', stateOrProvince: 'Colorado', country: 'US', postal: '802', currency: 'USD' },
  { city: 'Greenwood Village', stateOrProvince: 'CO', country: 'US', postal: '801', currency: 'USD' },
  { city: 'Phoenix', stateOrProvince: 'Arizona', country: 'US', postal: '850', currency: 'USD' },
  { city: 'Tampa', stateOrProvince: 'Florida', country: 'US', postal: '336', currency: 'USD' },
  { city: 'Austin', stateOrProvince: 'TX', country: 'US', postal: '787', currency: 'USD' },
  { city: 'Toronto', stateOrProvince: 'Ontario', country: 'CA', postal: 'M5V', currency: 'CAD' },
  { city: 'London', stateOrProvince: 'Greater London', country: 'GB', postal: 'EC1', currency: 'GBP' },
] as const;
