// customer_links: the matcher's computed links and the manual decisions that outrank them.
import { ConfigurationError } from '@vectis/connector-core';
import type { SqlExecutor } from './executor';
import { parseJson, toIso, type Param, type Row } from './rows';
import type { CustomerLink, MatchOverrides, Store } from './types';

type LinkMethods = Pick<Store, 'saveComputedLink' | 'setManualLink' | 'clearLink' | 'listLinks' | 'matchOverrides'>;

function linkFromRow(row: Row): CustomerLink {
  return {
    vendor: row.vendor as CustomerLink['vendor'],
    customerExternalId: String(row.customer_external_id),
    psaCompanyId: String(row.psa_company_id),
    source: row.source as CustomerLink['source'],
    override: row.override == null ? undefined : (row.override as CustomerLink['override']),
    tier: row.tier == null ? undefined : String(row.tier),
    score: row.score == null ? undefined : Number(row.score),
    reasons: (parseJson(row.reasons) ?? []) as unknown[],
    note: row.note == null ? undefined : String(row.note),
    updatedAt: toIso(row.updated_at) ?? '',
  };
}

const COLUMNS = 'vendor, customer_external_id, psa_company_id, source, override, tier, score, reasons, note, updated_at';
const UPSERT =
  `INSERT INTO customer_links (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ` +
  'ON CONFLICT (vendor, customer_external_id, psa_company_id) DO UPDATE SET source = excluded.source, ' +
  'override = excluded.override, tier = excluded.tier, score = excluded.score, reasons = excluded.reasons, ' +
  'note = excluded.note, updated_at = excluded.updated_at';

export function createLinkMethods(exec: SqlExecutor): LinkMethods {
  const c = exec.collate;
  const listLinks: Store['listLinks'] = async (filter = {}) => {
    const conditions: string[] = [];
    const params: Param[] = [];
    if (filter.vendor) (conditions.push('vendor = ?'), params.push(filter.vendor));
    if (filter.source) (conditions.push('source = ?'), params.push(filter.source));
    const rows = await exec.all(
      `SELECT * FROM customer_links${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ` +
        `ORDER BY vendor${c}, customer_external_id${c}, psa_company_id${c}`,
      params,
    );
    return rows.map(linkFromRow);
  };
  return {
    saveComputedLink: (link) =>
      exec.transaction('saving a customer link', async (tx) => {
        const key = [link.vendor, link.customerExternalId];
        const manual = await tx.all(
          "SELECT psa_company_id, override FROM customer_links WHERE vendor = ? AND customer_external_id = ? AND source = 'manual'",
          key,
        );
        if (manual.some((m) => m.override === 'link')) return 'kept-manual-link';
        await tx.run("DELETE FROM customer_links WHERE vendor = ? AND customer_external_id = ? AND source = 'computed'", key);
        if (link.psaCompanyId === null) return 'cleared';
        const psa = String(link.psaCompanyId);
        if (manual.some((m) => m.override === 'never_link' && String(m.psa_company_id) === psa)) return 'never-link';
        await tx.run(UPSERT, [
          ...key, psa, 'computed', null, link.tier, link.score, JSON.stringify(link.reasons), null, link.at,
        ]);
        return 'saved';
      }),

    async setManualLink(link) {
      if (link.psaCompanyId === undefined || link.psaCompanyId === null || String(link.psaCompanyId) === '') {
        throw new ConfigurationError({
          issues: [{ field: 'psaCompanyId', message: 'required: the PSA company this decision is about' }],
          remedy: 'Pass the PSA company id to link to (or never to link to).',
        });
      }
      const psa = String(link.psaCompanyId);
      await exec.transaction('saving a manual customer link', async (tx) => {
        // A manual link is the customer's one current link: other links (computed or manual) go.
        if (link.override === 'link') {
          await tx.run(
            "DELETE FROM customer_links WHERE vendor = ? AND customer_external_id = ? AND psa_company_id <> ? AND (override IS NULL OR override = 'link')",
            [link.vendor, link.customerExternalId, psa],
          );
        }
        await tx.run(UPSERT, [
          link.vendor, link.customerExternalId, psa, 'manual', link.override, null, null, '[]', link.note ?? null, link.at,
        ]);
      });
    },

    clearLink: (vendor, customerExternalId, psaCompanyId) =>
      exec.transaction('clearing customer links', (tx) => {
        const params: Param[] = [vendor, customerExternalId];
        if (psaCompanyId !== undefined) params.push(String(psaCompanyId));
        return tx.run(
          `DELETE FROM customer_links WHERE vendor = ? AND customer_external_id = ?${psaCompanyId === undefined ? '' : ' AND psa_company_id = ?'}`,
          params,
        );
      }),

    listLinks,

    async matchOverrides(filter = {}) {
      const out: MatchOverrides = { link: [], neverLink: [] };
      for (const l of await listLinks({ vendor: filter.vendor, source: 'manual' })) {
        const pair = { distributorId: `${l.vendor}:${l.customerExternalId}`, psaId: l.psaCompanyId };
        (l.override === 'never_link' ? out.neverLink : out.link).push(pair);
      }
      return out;
    },
  };
}
