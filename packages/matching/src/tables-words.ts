// Word groups for DEFAULT_NAME_TABLES.equivalents: the first spelling of each group is the canonical
// one. Generic business vocabulary only, in both directions (an abbreviation on either side becomes
// the same token), plus number words and ordinals, which become digits.

/** Abbreviations, alternative spellings and plural/singular of generic business words. */
export const ABBREVIATION_GROUPS: ReadonlyArray<readonly string[]> = [
  // "St" is Saint in "St Vincent School" and Street in "First St Printing"; both sides fold all three
  // to one token, so either reading agrees (no company differs only by Saint vs Street).
  ['st', 'saint', 'street', 'str'], ['ste', 'sainte', 'suite'], ['mount', 'mt'], ['mountain', 'mtn', 'mountains'], ['fort', 'ft'],
  ['brothers', 'bros', 'bro', 'brother'], ['services', 'svcs', 'svc', 'srvcs', 'servs', 'serv', 'service', 'svs'],
  // Associates and Association share the abbreviations "Assoc"/"Assn", so they are one word here.
  ['associates', 'assoc', 'assocs', 'assn', 'association', 'associate', 'assocation'],
  ['international', 'intl', 'intnl', 'internatl'], ['national', 'natl'], ['management', 'mgmt', 'mgt', 'mngmt'],
  ['department', 'dept', 'dpt'], ['group', 'grp'], ['center', 'ctr', 'cntr', 'centre', 'centers', 'centres'],
  ['university', 'univ'], ['academy', 'acad'], ['hospital', 'hosp'], ['medical', 'med'], ['engineering', 'engr', 'eng', 'engineers'],
  ['manufacturing', 'mfg'], ['insurance', 'ins'], ['systems', 'sys', 'system', 'syst'], ['solutions', 'solns', 'sol', 'solution', 'soln'],
  ['construction', 'constr', 'const', 'cnstr'], ['enterprises', 'ent', 'ents', 'enterprise', 'entps'],
  ['holdings', 'hldgs', 'hldg', 'holding'], ['industries', 'inds', 'ind', 'industry', 'indus'], ['property', 'properties', 'props', 'prop'],
  ['society', 'soc'], ['school', 'sch', 'schools'], ['heights', 'hts'], ['valley', 'vly'], ['springs', 'spgs', 'spg'],
  ['township', 'twp'], ['government', 'govt'], ['institute', 'inst'], ['church', 'chr'], ['cpa', 'cpas'],
  ['laboratories', 'labs', 'lab', 'laboratory'], ['technologies', 'tech', 'techs', 'technology', 'technol'],
  ['marketing', 'mktg'], ['development', 'dev', 'devel'], ['financial', 'fin', 'finl'], ['accounting', 'acctg', 'acct'],
  ['electric', 'elec', 'electrical'], ['plumbing', 'plbg'], ['partners', 'partner', 'ptnrs', 'prtnrs'],
  ['products', 'product', 'prods'], ['communications', 'comm', 'comms', 'communication'], ['distribution', 'dist', 'distrib'],
  ['supply', 'supplies', 'sply'], ['consulting', 'consultants', 'consultant', 'consultancy'], ['transport', 'transportation', 'trans'],
  ['associated', 'assocd'], ['county', 'cnty'], ['north', 'nth'], ['south', 'sth'],
  ['clinic', 'clinics', 'clin'], ['veterinary', 'vet'], ['pharmacy', 'pharm'],
  ['dds', 'dmd'], ['esq', 'esquire'], ['apartments', 'apts', 'apt'], ['restaurant', 'rest'], ['realty', 'real estate'],
];

/**
 * Number words and ordinals, so "First Choice" = "1st Choice" and "Three Rivers" = "3 Rivers". The word
 * is canonical, not the digit: a typo ("Frst") is then still one edit from it.
 */
export const NUMBER_GROUPS: ReadonlyArray<readonly string[]> = [
  ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'], ['seven', '7'], ['eight', '8'],
  ['nine', '9'], ['ten', '10'], ['eleven', '11'], ['twelve', '12'], ['thirteen', '13'], ['fourteen', '14'], ['fifteen', '15'],
  ['sixteen', '16'], ['seventeen', '17'], ['eighteen', '18'], ['nineteen', '19'], ['twenty', '20'], ['thirty', '30'],
  ['forty', '40'], ['fifty', '50'], ['sixty', '60'], ['seventy', '70'], ['eighty', '80'], ['ninety', '90'], ['hundred', '100', 'one hundred'],
  ['thousand', '1000', 'one thousand'],
  ['first', '1st'], ['second', '2nd'], ['third', '3rd'], ['fourth', '4th'], ['fifth', '5th'], ['sixth', '6th'], ['seventh', '7th'],
  ['eighth', '8th'], ['ninth', '9th'], ['tenth', '10th'], ['eleventh', '11th'], ['twelfth', '12th'], ['thirteenth', '13th'],
  ['twentieth', '20th'], ['twenty first', '21st'], ['hundredth', '100th'],
];

/** Canonical number words: two different numbers are never one typo apart ("Fifth" vs "Fifty"). */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(NUMBER_GROUPS.flatMap((g) => g[0]!.split(' ')));
