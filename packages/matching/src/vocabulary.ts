// Generic vocabularies used by normalization. They describe kinds of things (legal forms,
// business abbreviations, free-mail providers, tenant labels), never particular companies,
// so they carry over to data the matcher has not seen.

/** Legal-form tokens across countries, after dots are collapsed (`L.L.C.` → `llc`). Stripped from the end of a name. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // US / CA / UK / AU / IE
  'inc', 'incorporated', 'llc', 'llp', 'lllp', 'lp', 'pllc', 'plc', 'pc', 'pa', 'ltd', 'limited', 'corp',
  'corporation', 'co', 'company', 'pty', 'ptyltd', 'ltee', 'lte', 'ulc', 'cic', 'dba', 'uc', 'nl',
  // DE / AT / CH
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ek', 'ev', 'gbr', 'mbh', 'kgaa', 'se', 'haftungsbeschrankt',
  // FR / BE / ES / IT / PT / NL / Nordics / others
  'sa', 'sas', 'sarl', 'sasu', 'eurl', 'sl', 'srl', 'spa', 'sapa', 'lda', 'bv', 'nv', 'vof', 'ab', 'as',
  'asa', 'aps', 'oy', 'oyj', 'kk', 'bhd', 'sdn', 'pte',
]);

/** Tokens that carry no identity: articles, connectors and honorifics. */
export const STOP_TOKENS: ReadonlySet<string> = new Set(['the', 'and', 'of', 'at', 'for', 'dr', 'mr', 'mrs', 'ms', 'et', 'und', 'le', 'la']);

/** Common business abbreviations → the word they stand for. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mtn', 'mountain'], ['mt', 'mount'], ['ft', 'fort'], ['bros', 'brothers'], ['bro', 'brother'],
  ['svcs', 'services'], ['svc', 'services'], ['srvcs', 'services'], ['servs', 'services'], ['serv', 'services'],
  ['assoc', 'associates'], ['assocs', 'associates'], ['assn', 'association'], ['intl', 'international'],
  ['natl', 'national'], ['mgmt', 'management'], ['mgt', 'management'], ['dept', 'department'],
  ['grp', 'group'], ['ctr', 'center'], ['cntr', 'center'], ['centre', 'center'], ['univ', 'university'],
  ['acad', 'academy'], ['hosp', 'hospital'], ['med', 'medical'], ['engr', 'engineering'], ['eng', 'engineering'],
  ['mfg', 'manufacturing'], ['ins', 'insurance'], ['sys', 'systems'], ['solns', 'solutions'], ['sol', 'solutions'],
  ['constr', 'construction'], ['const', 'construction'], ['ent', 'enterprises'], ['ents', 'enterprises'],
  ['hldgs', 'holdings'], ['hldg', 'holding'], ['inds', 'industries'], ['ind', 'industries'], ['props', 'properties'],
  ['soc', 'society'], ['sch', 'school'], ['hts', 'heights'], ['vly', 'valley'], ['spgs', 'springs'],
  ['twp', 'township'], ['govt', 'government'], ['inst', 'institute'], ['chr', 'church'],
  ['cpas', 'cpa'], ['labs', 'laboratories'], ['lab', 'laboratory'], ['tech', 'technologies'], ['techs', 'technologies'],
  ['technology', 'technologies'], ['mktg', 'marketing'], ['dev', 'development'], ['fin', 'financial'],
  ['acctg', 'accounting'], ['acct', 'accounting'], ['elec', 'electric'], ['plbg', 'plumbing'],
]);

/** Words that mark a distributor-side tenant/billing label rather than the company ("Acme - M365", "Acme (Main)"). */
export const TENANT_NOISE: ReadonlySet<string> = new Set([
  'm365', 'o365', '365', 'microsoft', 'office', 'azure', 'tenant', 'main', 'hq', 'csp', 'nce', 'new', 'old',
  'primary', 'legacy', 'prod', 'production', 'test', 'trial', 'ms', 'mca', 'ea', 'eu', 'us', 'account', 'billing',
]);

/** Free-mail and ISP domains: a contact address there says nothing about which company it is. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.ca', 'yahoo.com.au', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.ca', 'outlook.com', 'live.com', 'live.ca', 'live.co.uk', 'msn.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.de', 'gmx.net',
  'web.de', 't-online.de', 'freenet.de', 'mail.com', 'zoho.com', 'yandex.com', 'fastmail.com', 'hey.com',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'charter.net', 'cox.net',
  'earthlink.net', 'optonline.net', 'frontier.com', 'frontiernet.net', 'windstream.net', 'centurylink.net',
  'q.com', 'roadrunner.com', 'rr.com', 'juno.com', 'netzero.net', 'spectrum.net', 'mediacombb.net',
  'shaw.ca', 'telus.net', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'bell.net', 'btinternet.com',
  'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'bigpond.com', 'bigpond.net.au', 'optusnet.com.au',
  'iinet.net.au', 'tpg.com.au', 'xtra.co.nz', 'orange.fr', 'free.fr', 'wanadoo.fr', 'libero.it', 'arcor.de',
]);

/** Marketing prefixes companies put in front of their name in a domain (`getacme.com`, `theacme.com`). */
export const DOMAIN_PREFIXES: readonly string[] = ['the', 'my', 'go', 'get', 'try', 'team', 'hello', 'shop', 'use', 'dr'];

/** Country names and codes → ISO 3166-1 alpha-2. */
export const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['us', 'US'], ['usa', 'US'], ['united states', 'US'], ['united states of america', 'US'], ['america', 'US'],
  ['ca', 'CA'], ['can', 'CA'], ['canada', 'CA'],
  ['gb', 'GB'], ['uk', 'GB'], ['gbr', 'GB'], ['united kingdom', 'GB'], ['great britain', 'GB'], ['england', 'GB'],
  ['scotland', 'GB'], ['wales', 'GB'], ['northern ireland', 'GB'],
  ['au', 'AU'], ['aus', 'AU'], ['australia', 'AU'], ['nz', 'NZ'], ['nzl', 'NZ'], ['new zealand', 'NZ'],
  ['de', 'DE'], ['deu', 'DE'], ['germany', 'DE'], ['deutschland', 'DE'], ['at', 'AT'], ['austria', 'AT'],
  ['osterreich', 'AT'], ['ch', 'CH'], ['switzerland', 'CH'], ['schweiz', 'CH'], ['ie', 'IE'], ['ireland', 'IE'],
  ['fr', 'FR'], ['france', 'FR'], ['nl', 'NL'], ['netherlands', 'NL'], ['the netherlands', 'NL'], ['holland', 'NL'],
  ['be', 'BE'], ['belgium', 'BE'], ['es', 'ES'], ['spain', 'ES'], ['it', 'IT'], ['italy', 'IT'], ['mx', 'MX'],
  ['mexico', 'MX'], ['za', 'ZA'], ['south africa', 'ZA'], ['in', 'IN'], ['india', 'IN'], ['sg', 'SG'], ['singapore', 'SG'],
  ['se', 'SE'], ['sweden', 'SE'], ['no', 'NO'], ['norway', 'NO'], ['dk', 'DK'], ['denmark', 'DK'], ['fi', 'FI'], ['finland', 'FI'],
  ['pl', 'PL'], ['poland', 'PL'], ['pt', 'PT'], ['portugal', 'PT'], ['br', 'BR'], ['brazil', 'BR'],
]);
