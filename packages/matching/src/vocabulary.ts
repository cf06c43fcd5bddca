// Generic vocabularies for domains and locations (name tables live in tables.ts). They describe kinds
// of things (free-mail providers, marketing prefixes, country spellings), never particular companies,
// so they carry over to data the matcher has not seen.

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
