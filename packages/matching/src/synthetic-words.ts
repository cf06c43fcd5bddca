// Vocabulary for the synthetic held-out data set. Deliberately disjoint from the shared dev set's
// surnames, place words and cities (checked when it was written), so scoring on it tests whether the
// matcher generalizes rather than remembers. Business types are generic categories and may overlap.

export const SURNAMES = (
  'abernathy okonkwo valdivia thorsen castellano nakamura brennan whitfield ostrowski delacroix fairbanks ' +
  'lindgren marchetti quiroga rasmussen sorensen tanaka vasquez wexler yamamoto zelenko achebe bergstrom ' +
  'cavanaugh drummond eriksen featherstone hargrove iverson jablonski kowalczyk lockhart montague nakashima ' +
  'oyelaran pemberton quinlan rutherford szabo thackeray villanueva weatherby xiong yilmaz zamora albrecht ' +
  'carvalho dalgaard fonseca gutierrez haugen ishikawa jovanovic kinsella lombardi mccallister norrington oduya ' +
  'petrakis ravensworth saldana tremblay ulrich winslow yoshida zielinski ambrose blackwood crandall dunmore ' +
  'fitzroy grantham ingersoll jarvis kingsford larkspur northcott oakes prescott ridgeway stanhope tolliver vance whitcombe'
).split(' ');

export const FIRST_NAMES = (
  'aurora bianca cedric delphine emeric fiona gideon harriet ignatius juniper kasimir leonora magnus noelle ' +
  'orson penelope quentin rosalind silas theodora ulysses viola wendell xavier yvette zachariah anouk bastian calla dmitri'
).split(' ');

export const PLACE_WORDS = (
  'juniper basalt osprey heron kestrel mesquite sagebrush bramble saffron sorrel larch hawthorn alder quarry ' +
  'riverbend foxglove driftwood windward lakeshore highland prairie tidewater fernwood stonefield ironwood marigold'
).split(' ');

export const ADJECTIVES = 'crimson velvet brass laughing golden jade scarlet humble noble dapper merry'.split(' ');
export const ANIMALS = 'otter heron lynx marten puffin walrus bison kestrel ibex'.split(' ');

export const BUSINESS_TYPES = (
  'Dental|Roofing|Plumbing|Bakery|Florist|Consulting|Accounting|Law Group|Landscaping|Veterinary Clinic|' +
  'Chiropractic|Realty|Insurance Agency|Staffing|Printing|Cabinetry|Catering|Logistics|Orthodontics|Winery|' +
  'Brewery|Fitness|Surveying|Engineering|Architects|Upholstery|Glassworks|Apiary|Cartography|Ceramics|' +
  'Locksmiths|Kennels|Medical Group|Auto Repair|Home Services|Mountain Outfitters|Brothers Moving'
).split('|');

export const PROFESSIONS = ['DDS', 'MD', 'CPA', 'DVM', 'Attorney at Law', 'PhD'];

/** Which word a business type's distinguishing "sibling" adds ("Dental" → "Dental Lab"). */
export const SIBLING_WORDS = ['Lab', 'Supply', 'Academy', 'Rentals', 'Outlet', 'Studio', 'Wholesale', 'Foundation'];

/** A country in the generator: ISO code, spellings, share of companies, legal forms, cities (name, state, postal prefix). */
export interface SyntheticCountry {
  iso: string;
  name: string;
  alt: string;
  share: number;
  legal: readonly string[];
  cities: ReadonlyArray<readonly [string, string, string]>;
}

export const COUNTRIES: readonly SyntheticCountry[] = [
  { iso: 'US', name: 'United States', alt: 'USA', share: 0.6, legal: ['Inc', 'Inc.', 'LLC', 'L.L.C.', 'Corp.', 'Co.', 'PLLC', 'P.C.', 'Incorporated'],
    cities: [['Spokane', 'WA', '992'], ['Boulder', 'CO', '803'], ['Savannah', 'GA', '314'], ['Madison', 'WI', '537'], ['Tulsa', 'OK', '741'],
      ['Fresno', 'CA', '937'], ['Akron', 'OH', '443'], ['Durham', 'NC', '277'], ['Eugene', 'OR', '974'], ['Wichita', 'KS', '672'],
      ['Fargo', 'ND', '581'], ['Duluth', 'MN', '558'], ['Pueblo', 'CO', '810'], ['Modesto', 'CA', '953'], ['Scranton', 'PA', '185'], ['Tempe', 'AZ', '852']] },
  { iso: 'CA', name: 'Canada', alt: 'Canada', share: 0.14, legal: ['Inc.', 'Ltd', 'Ltée', 'Corp.', 'Limited'],
    cities: [['Regina', 'SK', 'S4P'], ['Sherbrooke', 'QC', 'J1H'], ['Kingston', 'ON', 'K7L'], ['Victoria', 'BC', 'V8W'], ['Guelph', 'ON', 'N1H'], ['Sudbury', 'ON', 'P3A'], ['Kamloops', 'BC', 'V2C']] },
  { iso: 'GB', name: 'United Kingdom', alt: 'UK', share: 0.12, legal: ['Ltd', 'Limited', 'PLC', 'LLP', 'Ltd.'],
    cities: [['Leicester', '', 'LE1'], ['Exeter', '', 'EX1'], ['York', '', 'YO1'], ['Bristol', '', 'BS1'], ['Norwich', '', 'NR1'], ['Swansea', '', 'SA1'], ['Dundee', '', 'DD1']] },
  { iso: 'AU', name: 'Australia', alt: 'Australia', share: 0.08, legal: ['Pty Ltd', 'Pty. Ltd.', 'Pty Limited'],
    cities: [['Cairns', 'QLD', '48'], ['Toowoomba', 'QLD', '43'], ['Ballarat', 'VIC', '33'], ['Wollongong', 'NSW', '25'], ['Bendigo', 'VIC', '35']] },
  { iso: 'DE', name: 'Germany', alt: 'Deutschland', share: 0.06, legal: ['GmbH', 'AG', 'GmbH & Co. KG', 'UG'],
    cities: [['Bremen', 'HB', '28'], ['Leipzig', 'SN', '04'], ['Hannover', 'NI', '30'], ['Freiburg', 'BW', '79'], ['Mainz', 'RP', '55'], ['Kassel', 'HE', '34']] },
];

/** Surnames written with accents or punctuation on the PSA side (folded or re-punctuated by distributors). */
export const MARKED_SURNAMES = ['Grünewald', 'Lefèvre', 'Nuñez-Ortega', "O'Halloran", 'Søndergård', 'Château-Roux', 'Bélanger', "D'Ambrosio", 'Šimková', 'Ångström', 'Brăileanu', "Mc'Allister"];

/** Number words and ordinals with their digit forms, for names like "Third Harbor Dental" / "3rd Harbor Dental". */
export const NUMBERS: ReadonlyArray<readonly [string, string]> = [
  ['First', '1st'], ['Second', '2nd'], ['Third', '3rd'], ['Fourth', '4th'], ['Fifth', '5th'], ['Seventh', '7th'], ['Ninth', '9th'],
  ['Two', '2'], ['Three', '3'], ['Four', '4'], ['Five', '5'], ['Seven', '7'], ['Nine', '9'], ['Twelve', '12'],
];
export const NUMBER_NOUNS = ['Harbor', 'Summit', 'Avenue', 'Crossing', 'Quadrant', 'Pines', 'Bridges', 'Gables', 'Lanterns', 'Anchors'];

/** Words that have an abbreviation, full → short (the matcher's tables must read them as equal). */
export const ABBREVIABLE: ReadonlyArray<readonly [string, string]> = [
  ['Saint', 'St.'], ['Mount', 'Mt.'], ['International', "Int'l"], ['Services', 'Svcs'], ['Management', 'Mgmt'],
  ['Associates', 'Assoc.'], ['Association', 'Assn'], ['Department', 'Dept.'], ['Brothers', 'Bros.'], ['Technologies', 'Tech'],
  ['Systems', 'Sys.'], ['Group', 'Grp'], ['Corporation', 'Corp.'], ['Company', 'Co.'], ['Center', 'Ctr.'], ['Manufacturing', 'Mfg.'],
  ['Laboratories', 'Labs'], ['Holdings', 'Hldgs'], ['Mountain', 'Mtn'], ['Fort', 'Ft.'],
];
/** Name patterns that use those words; `#` is a surname or place word. */
export const ABBREVIABLE_SHAPES = [
  'Saint # Clinic', 'Mount # Outfitters', '# International Freight', '# Property Management', '# Home Services', '# & Associates',
  '# Dental Association', '# Parks Department', '# Brothers Moving', '# Technologies', '# Systems', '# Consulting Group',
  '# Corporation', '# Trading Company', '# Medical Center', '# Manufacturing', '# Laboratories', '# Holdings', '# Mountain Guides', 'Fort # Storage',
];

/** Whole words a distributor adds to a name that stays the same company ("Acme Roofing Services of Tulsa"). */
export const EXTRA_WORDS = ['Services', 'Group', 'Holdings', 'Solutions', 'Global', 'Enterprises', 'USA', 'Partners', 'Office', 'Online'];

/** Legal forms of countries the generator places anywhere in a name. */
export const FOREIGN_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['FR', 'SARL'], ['FR', 'SAS'], ['FR', 'S.A.'], ['NL', 'B.V.'], ['NL', 'N.V.'], ['SE', 'AB'], ['NO', 'AS'], ['FI', 'Oy'],
  ['GB', 'plc'], ['US', 'LLP'], ['US', 'P.C.'], ['US', 'PLLC'], ['DE', 'GmbH'], ['CH', 'AG'], ['AU', 'Pty Ltd'],
];

/** Trade-name markers as people type them. */
export const TRADE_MARKERS = ['dba', 'DBA', 'd/b/a', 'D/B/A', 't/a', 'trading as', 'doing business as', 'formerly', 'f/k/a'];

/** Professional titles for person-named practices; two different titles mean two different practices. */
export const TITLES = ['DDS', 'MD', 'CPA', 'DVM', 'Attorney at Law', 'PhD', 'DMD', 'Esq.'];
