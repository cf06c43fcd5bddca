import { buildCandidateIndex, type CandidateIndex } from './candidates';
import { collectEvidence, toScore, type PairEvidence } from './evidence';
import { prepareCustomer, preparePsa, type PreparedCustomer } from './prepare';
import { editDistance } from './similarity';
import { DEFAULT_NAME_TABLES } from './tables';
import type { DistributorCustomer, MatchCandidate, MatchOptions, MatchReason, MatchResult, PsaCompany } from './types';

const DEFAULT_AUTO = 0.9;
const DEFAULT_REVIEW = 0.3;
// Two eligible companies closer than this (in points) are a tie: a human decides.
const TIE_MARGIN = 2;
// An exact name no other PSA company shares is worth this many points on top of the name itself.
const UNIQUE_BONUS = 2;
const INACTIVE = /inactive|deleted|prospect|not.?approved|former|lost|archiv|closed|disabled|suspect/i;

/**
 * Default PSA filter: drops rows whose status or type reads inactive, deleted, prospect, "not approved",
 * former or archived (the recycle-bin duplicates and prospects that produce wrong links).
 *
 * @example
 * isMatchablePsaCompany({ id: 1, name: 'Acme', type: 'Prospect' }) // false
 */
export function isMatchablePsaCompany(company: PsaCompany): boolean {
  return !INACTIVE.test(company.status ?? '') && !INACTIVE.test(company.type ?? '');
}

/**
 * Links distributor customers to PSA companies. Each customer gets a tier: `auto` (safe to apply),
 * `review` (a suggestion for a human) or `none`, with a 0..1 score, the reasons, and runners-up.
 *
 * Guardrails: a name alone auto-links only when it is an exact normalized match that no other PSA
 * company shares and nothing conflicts; a distinguishing word ("Summit Dental" vs "Summit Dental Lab")
 * never auto-links; ties go to review; `overrides` (by stable id) always win. One PSA company may take
 * several customers.
 *
 * @example
 * const results = matchCustomers(customers, psaCompanies, { overrides: { link: [{ distributorId: 'pax8:42', psaId: 7 }] } });
 * const links = results.filter((r) => r.tier === 'auto');
 */
export function matchCustomers(
  customers: readonly DistributorCustomer[],
  companies: readonly PsaCompany[],
  options: MatchOptions = {},
): MatchResult[] {
  const filter = options.candidateFilter ?? isMatchablePsaCompany;
  const tables = options.nameTables ?? DEFAULT_NAME_TABLES;
  const index = buildCandidateIndex(companies.filter(filter).map((company) => preparePsa(company, tables)));
  const autoAt = options.thresholds?.auto ?? DEFAULT_AUTO;
  const reviewAt = options.thresholds?.review ?? DEFAULT_REVIEW;
  const keep = options.runnersUp ?? 3;
  const limit = options.maxCandidates ?? 12;
  const links = new Map((options.overrides?.link ?? []).map((o) => [o.distributorId, o.psaId]));
  const never = new Set((options.overrides?.neverLink ?? []).map((o) => `${o.distributorId}\u0000${String(o.psaId)}`));
  const byId = new Map(companies.map((c) => [String(c.id), c]));

  return customers.map((customer) => {
    const c = prepareCustomer(customer, tables);
    const evidence = index
      .candidates(c, limit)
      .map((i) => collectEvidence(c, index.psa[i]!, index.weight, false))
      // Most runs have no never-link overrides: skip building a key per compared pair.
      .filter((e) => never.size === 0 || !never.has(`${c.id}\u0000${e.psa.id}`))
      .sort((a, b) => b.points - a.points);
    const forced = links.get(c.id);
    // Reasons are written only for the candidates a result shows (the chosen one and the runners-up).
    const explain = (e: PairEvidence) => (e.reasons = collectEvidence(c, e.psa, index.weight, true, e).reasons);
    if (forced !== undefined) return overridden(c, forced, byId.get(String(forced)), evidence, keep, explain);
    return decide(c, evidence, index, { autoAt, reviewAt, keep }, explain);
  });
}

type Explain = (e: PairEvidence) => void;

function overridden(c: PreparedCustomer, psaId: string | number, company: PsaCompany | undefined, evidence: PairEvidence[], keep: number, explain: Explain): MatchResult {
  const reasons: MatchReason[] = [{ signal: 'override', effect: 'agrees', detail: `manual link to PSA company ${String(psaId)}${company ? ` (${company.name})` : ''}` }];
  return {
    distributorId: c.id,
    distributorName: c.customer.name,
    psaId,
    tier: 'auto',
    score: 1,
    reasons,
    runnersUp: evidence.filter((e) => e.psa.id !== String(psaId)).slice(0, keep).map((e) => (explain(e), toCandidate(e))),
  };
}

function toCandidate(e: PairEvidence): MatchCandidate {
  return { psaId: e.psa.company.id, psaName: e.psa.company.name, score: e.score, reasons: e.reasons };
}

/** Why this pair may be auto-linked, or undefined when a guardrail says no. */
function autoGround(c: PreparedCustomer, e: PairEvidence, index: CandidateIndex, all: PairEvidence[]): MatchReason | undefined {
  if (e.externalRef) {
    // A reference that happens to equal some PSA id while nothing else agrees is more likely another
    // numbering scheme (an ERP code) than a link: a human confirms it. Something about the identity
    // (name, domain, tenant) must agree, and no
    // country, or domain and city together, may contradict it.
    const n = e.name;
    // The address alone does not corroborate: many companies share a city (and a ZIP area).
    const corroborated = n.equivalent || n.contained || n.similarity >= 0.5 || e.domain === 'match' || e.tenant === 'exact' || e.tenant === 'partial' || e.domainName !== 'none';
    const contradicted = e.country === 'conflict' || (e.domain === 'conflict' && e.city === 'conflict');
    return corroborated && !contradicted ? { signal: 'external_ref', effect: 'agrees', detail: 'partner-set reference, corroborated by the name, domain or tenant' } : undefined;
  }
  if (e.country === 'conflict') return undefined;
  if (e.name.contained) {
    // Containment ("Acme Roofing" vs "Acme Roofing Services") links only on strong evidence, and only
    // when no other candidate carries the name itself: that one would be the sibling the extra word names.
    const strong = e.domain === 'match' ? 'the same website domain' : e.tenant === 'exact' && e.city !== 'conflict' && e.postal !== 'conflict' && tenantDiscriminates(c, e) ? 'a tenant that spells the PSA name' : undefined;
    const rival = all.find((o) => o !== e && (o.name.equivalent || o.domain === 'match') && o.country !== 'conflict');
    if (!strong || rival) return undefined;
    return { signal: 'name', effect: 'agrees', detail: `one name contains the other and ${strong} confirms it` };
  }
  if (!e.name.equivalent) return undefined;
  if (e.domain === 'match') return { signal: 'domain', effect: 'agrees', detail: 'same company domain and compatible name' };
  if (e.city === 'conflict' || e.postal === 'conflict') return undefined;
  const located = e.city === 'match' || e.postal === 'match';
  const spelled =
    e.tenant === 'exact' || e.domainName === 'exact' || (e.tenant === 'partial' && e.tenantLength >= 12) || (e.domainName === 'partial' && e.domainNameLength >= 12);
  if (e.name.typos === 0 && (located || spelled || e.tenant === 'partial' || e.domainName === 'partial')) {
    return { signal: 'name', effect: 'agrees', detail: 'same normalized name, corroborated' };
  }
  if (e.name.typos > 0 && (located || spelled)) return { signal: 'name', effect: 'agrees', detail: 'name within typos, corroborated' };
  // Name alone: only an exact normalized name that no other PSA company shares, with nothing against it.
  const unique = index.keyCount(e.name.leftKey) === 1 && !all.some((o) => o !== e && o.name.equivalent && o.country !== 'conflict');
  if (e.name.exact && unique && e.domain !== 'conflict') {
    e.points += UNIQUE_BONUS;
    e.score = toScore(e.points);
    return { signal: 'uniqueness', effect: 'agrees', detail: 'exact normalized name, unique among PSA companies, nothing conflicts' };
  }
  const alone = nearlyExactAlone(e, index, all);
  if (alone) {
    e.points += UNIQUE_BONUS;
    e.score = toScore(e.points);
    return { signal: 'uniqueness', effect: 'agrees', detail: alone };
  }
  return undefined;
}

// A misspelt word must be at least this long (the PSA's spelling) to be read as a typo with nothing else
// corroborating it: one letter apart, short words are often other names ("Eric"/"Erik", "Karl"/"Carl").
const TYPO_ALONE_MIN_LENGTH = 6;

/**
 * Name alone, not letter for letter: the names differ only by optional legal words, a middle initial or a
 * split word, or by one misspelt word that the PSA vocabulary does not contain at all (a word no PSA
 * company uses is a typo, not another company's name; a word some PSA company uses could be that
 * company's). The PSA name must keep another distinctive word, no other candidate may be equivalent
 * (a twin elsewhere, another company the typo could point at), and nothing may conflict.
 */
function nearlyExactAlone(e: PairEvidence, index: CandidateIndex, all: PairEvidence[]): string | undefined {
  const n = e.name;
  if (!n.equivalent || n.exact || n.typos > 1 || e.domain === 'conflict') return undefined;
  if (all.some((o) => o !== e && o.name.equivalent && o.country !== 'conflict')) return undefined;
  if (n.typos === 0) return 'names equal up to optional legal words, initials or split words, unique among PSA companies, nothing conflicts';
  const [written, meant] = n.typoPairs[0]!;
  const distinctive = e.psa.name.tokens.filter((t) => t !== meant && t.length > 1).length;
  if (meant.length < TYPO_ALONE_MIN_LENGTH || index.tokenCount(written) > 0 || distinctive === 0) return undefined;
  return `one misspelt word ("${written}" for "${meant}", a word no PSA company uses), otherwise the same name, unique among PSA companies, nothing conflicts`;
}

/**
 * A tenant that spells the PSA name is strong evidence for a longer customer name only when it tells
 * the two readings apart: "acmedental" for the customer "Acme Dental Lab" may just be that customer's
 * own name cut short, so it proves nothing against the sibling reading, unless the added words are
 * generic ("Group", "Services"), which no sibling is named by.
 */
function tenantDiscriminates(c: PreparedCustomer, e: PairEvidence): boolean {
  const extra = [...e.name.onlyLeft, ...e.name.onlyRight].filter((w) => w.length > 1 || /\d/.test(w));
  // A generic word with one typo ("Soutions") is still generic; from 6 letters, like the other typo rules.
  const generic = (w: string) => c.generic.has(w) || (w.length >= 6 && [...c.generic].some((g) => g.length >= 6 && editDistance(g, w, 1) <= 1));
  if (extra.every(generic)) return true;
  const t = e.tenantMatched;
  // Up to one typo in the customer's own spelling still reads as the same cut ("ambrosefittess…").
  const cutOfOwnName = (k: string) => k.length > t.length && [t.length - 1, t.length, t.length + 1].some((n) => editDistance(k.slice(0, n), t, 1) <= 1);
  return !c.compacts.some(cutOfOwnName);
}

function decide(
  c: PreparedCustomer,
  evidence: PairEvidence[],
  index: CandidateIndex,
  t: { autoAt: number; reviewAt: number; keep: number },
  explain: Explain,
): MatchResult {
  const base = { distributorId: c.id, distributorName: c.customer.name };
  const best = evidence[0];
  if (!best) return { ...base, psaId: null, tier: 'none', score: 0, reasons: [], runnersUp: [] };
  const grounds = evidence.map((e) => autoGround(c, e, index, evidence));
  const eligible = evidence.filter((e, i) => grounds[i] !== undefined && (e.score >= t.autoAt || e.externalRef));
  eligible.sort((a, b) => b.points - a.points);
  const chosen = eligible[0];
  if (chosen) {
    explain(chosen);
    const rivals = evidence.filter((e) => e !== chosen && e.points >= chosen.points - TIE_MARGIN && (eligible.includes(e) || e.points >= chosen.points));
    // The customer's legal name pointing at one company and its trade name at another is a conflict too.
    const chosenPart = chosen.name.leftTokens.join(' ');
    for (const e of evidence) if (e !== chosen && !rivals.includes(e) && e.name.exact && e.name.leftTokens.join(' ') !== chosenPart) rivals.push(e);
    const refOnly = chosen.externalRef && !rivals.some((r) => r.externalRef);
    if (rivals.length === 0 || refOnly) {
      const ground = grounds[evidence.indexOf(chosen)]!;
      return { ...base, psaId: chosen.psa.company.id, tier: 'auto', score: chosen.score, reasons: [ground, ...chosen.reasons], runnersUp: others(evidence, chosen, t.keep, explain) };
    }
    const tie: MatchReason = { signal: 'tie', effect: 'conflicts', detail: `tied with ${rivals.map((r) => `"${r.psa.company.name}" (${String(r.psa.company.id)})`).join(', ')}: left for review` };
    return { ...base, psaId: chosen.psa.company.id, tier: 'review', score: chosen.score, reasons: [tie, ...chosen.reasons], runnersUp: others(evidence, chosen, t.keep, explain) };
  }
  explain(best);
  if (best.score >= t.reviewAt) {
    return { ...base, psaId: best.psa.company.id, tier: 'review', score: best.score, reasons: best.reasons, runnersUp: others(evidence, best, t.keep, explain) };
  }
  return { ...base, psaId: null, tier: 'none', score: best.score, reasons: [], runnersUp: evidence.slice(0, t.keep).map((e) => (explain(e), toCandidate(e))) };
}

function others(evidence: PairEvidence[], chosen: PairEvidence, keep: number, explain: Explain): MatchCandidate[] {
  return evidence.filter((e) => e !== chosen).slice(0, keep).map((e) => (explain(e), toCandidate(e)));
}
