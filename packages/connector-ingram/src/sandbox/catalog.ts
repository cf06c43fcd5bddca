// Reference data for the sandbox tenant: Microsoft-like NCE products, company name parts and
// addresses per marketplace. MPNs follow Ingram's `<product>:<sku>_<term>_<billing>` shape
// (e.g. `CFQ7TTC0LH18:0001_P1Y_M`); the numbers are invented, not Microsoft's price list.

export interface CatalogProduct {
  code: string;
  name: string;
  /** Monthly list price in USD ten-thousandths (2.21 USD = 22100). */
  monthly: number;
  /** Add-ons that can ride along in the same subscription (plan resources). */
  addOns?: readonly string[];
  /** Vendor-rated consumption (Azure): `chargeExternalRating`, no seats. */
  usage?: boolean;
}

export const PRODUCTS: readonly CatalogProduct[] = [
  { code: 'CFQ7TTC0LH18:0001', name: 'Microsoft 365 Business Basic', monthly: 60000, addOns: ['CFQ7TTC0LH0R:0001', 'CFQ7TTC0LHWP:0001'] },
  { code: 'CFQ7TTC0LDPB:0001', name: 'Microsoft 365 Business Standard', monthly: 125000, addOns: ['CFQ7TTC0LH0R:0001', 'CFQ7TTC0LGZT:0001'] },
  { code: 'CFQ7TTC0LCHC:0002', name: 'Microsoft 365 Business Premium', monthly: 220000, addOns: ['CFQ7TTC0LGZT:0001', 'CFQ7TTC0LHWP:0001'] },
  { code: 'CFQ7TTC0LFLX:0001', name: 'Microsoft 365 E3', monthly: 360000, addOns: ['CFQ7TTC0LGZT:0001', 'CFQ7TTC0LHSF:0001'] },
  { code: 'CFQ7TTC0LF8Q:0001', name: 'Office 365 E1', monthly: 100000 },
  { code: 'CFQ7TTC0LF8R:0001', name: 'Office 365 E3', monthly: 230000 },
  { code: 'CFQ7TTC0LH16:0001', name: 'Exchange Online (Plan 1)', monthly: 40000, addOns: ['CFQ7TTC0LH3X:0001'] },
  { code: 'CFQ7TTC0LH1G:0001', name: 'Microsoft 365 Apps for business', monthly: 82500 },
  { code: 'CFQ7TTC0LFK5:0002', name: 'Microsoft Entra ID P1', monthly: 60000 },
  { code: 'CFQ7TTC0L3PB:0001', name: 'Power BI Pro', monthly: 140000 },
  { code: 'CFQ7TTC0LHRN:0001', name: 'Microsoft Intune Plan 1', monthly: 80000 },
  { code: 'DZH318Z0BPS6:0001', name: 'Azure plan', monthly: 0, usage: true },
];

export const ADD_ONS: Readonly<Record<string, { name: string; monthly: number }>> = {
  'CFQ7TTC0LH0R:0001': { name: 'Microsoft Defender for Office 365 (Plan 1)', monthly: 20000 },
  'CFQ7TTC0LHWP:0001': { name: 'Exchange Online Archiving', monthly: 30000 },
  'CFQ7TTC0LGZT:0001': { name: 'Microsoft Teams Phone Standard', monthly: 80000 },
  'CFQ7TTC0LHSF:0001': { name: 'Microsoft 365 E5 Security', monthly: 120000 },
  'CFQ7TTC0LH3X:0001': { name: 'Exchange Online Protection', monthly: 10000 },
};

export interface MarketplaceInfo {
  currency: string;
  /** Price factor vs USD, in percent. */
  fxPercent: number;
  country: string;
  language: string;
  suffixes: readonly string[];
  cities: readonly { city: string; state?: string; postalCode: string }[];
  streets: readonly string[];
  phonePrefix: string;
}

const US: MarketplaceInfo = {
  currency: 'USD',
  fxPercent: 100,
  country: 'US',
  language: 'en',
  suffixes: ['Inc.', 'LLC', 'Corp.', 'Co.', 'LLP', 'Group, Inc.'],
  cities: [
    { city: 'Irvine', state: 'CA', postalCode: '92612' },
    { city: 'Austin', state: 'TX', postalCode: '78701' },
    { city: 'Columbus', state: 'OH', postalCode: '43215' },
    { city: 'Denver', state: 'CO', postalCode: '80202' },
    { city: 'Raleigh', state: 'NC', postalCode: '27601' },
    { city: 'Tampa', state: 'FL', postalCode: '33602' },
    { city: 'Madison', state: 'WI', postalCode: '53703' },
    { city: 'Boise', state: 'ID', postalCode: '83702' },
  ],
  streets: ['Main Street', 'Oak Avenue', 'Commerce Drive', 'Market Street', 'Industrial Parkway', 'Lake Road'],
  phonePrefix: '1',
};

export const MARKETPLACES: Readonly<Record<string, MarketplaceInfo>> = {
  us: US,
  ca: { ...US, currency: 'CAD', fxPercent: 136, country: 'CA', suffixes: ['Inc.', 'Ltd.', 'Corp.', 'ULC'],
    cities: [{ city: 'Toronto', state: 'ON', postalCode: 'M5V 2T6' }, { city: 'Calgary', state: 'AB', postalCode: 'T2P 1J9' }, { city: 'Halifax', state: 'NS', postalCode: 'B3J 1S9' }] },
  uk: { ...US, currency: 'GBP', fxPercent: 79, country: 'GB', suffixes: ['Ltd', 'Limited', 'LLP', 'plc'],
    cities: [{ city: 'Leeds', postalCode: 'LS1 4AP' }, { city: 'Bristol', postalCode: 'BS1 5TR' }, { city: 'Reading', postalCode: 'RG1 1AZ' }],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'], phonePrefix: '44' },
  se: { ...US, currency: 'SEK', fxPercent: 1050, country: 'SE', language: 'sv', suffixes: ['AB', 'HB', 'Aktiebolag'],
    cities: [{ city: 'Göteborg', postalCode: '411 01' }, { city: 'Malmö', postalCode: '211 20' }, { city: 'Uppsala', postalCode: '753 10' }],
    streets: ['Storgatan', 'Kungsgatan', 'Drottninggatan'], phonePrefix: '46' },
  de: { ...US, currency: 'EUR', fxPercent: 92, country: 'DE', language: 'de', suffixes: ['GmbH', 'GmbH & Co. KG', 'AG', 'UG'],
    cities: [{ city: 'Köln', postalCode: '50667' }, { city: 'Leipzig', postalCode: '04109' }, { city: 'Freiburg', postalCode: '79098' }],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße'], phonePrefix: '49' },
  au: { ...US, currency: 'AUD', fxPercent: 152, country: 'AU', suffixes: ['Pty Ltd', 'Pty. Ltd.', 'Limited'],
    cities: [{ city: 'Brisbane', state: 'QLD', postalCode: '4000' }, { city: 'Perth', state: 'WA', postalCode: '6000' }],
    streets: ['George Street', 'Queen Street', 'King William Street'], phonePrefix: '61' },
};

export const NAME_PARTS = {
  first: ['Blue', 'North', 'Summit', 'Granite', 'Harbor', 'Maple', 'Silver', 'Pioneer', 'Cedar', 'Lakeside',
    'Redwood', 'Keystone', 'Evergreen', 'Riverbend', 'Ironwood', 'Crescent', 'Westfield', 'Bright', 'Oakridge', 'Falcon'],
  second: ['Dental', 'Logistics', 'Legal', 'Engineering', 'Accounting', 'Veterinary', 'Construction', 'Realty',
    'Insurance', 'Architects', 'Medical', 'Manufacturing', 'Consulting', 'Marketing', 'Bakery', 'Freight'],
  people: ['Jane Doe', 'Omar Haddad', 'Li Wei', 'Maria Garcia', 'Sven Larsson', 'Aisha Khan', 'Tom Becker',
    'Priya Nair', 'Lucas Martin', 'Emma Wilson', 'Kenji Sato', 'Chloe Dubois'],
};
