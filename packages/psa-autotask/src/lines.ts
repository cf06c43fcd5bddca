import type { PsaBatch, PsaContractLine, PsaContractLineOptions, PsaCoverage, PsaRejectedRecord } from '@vectis/connector-core';
import type { AtFilter } from './client';
import { mapContractService } from './mappers';
import type { AutotaskQueries } from './reader';
import { AtContract, AtContractService, AtContractServiceUnit, AtService } from './schemas';

// The contract-lines join, all in bulk GET queries (never one request per contract):
// picklists, currencies, Contracts, Services, ServiceBundles, the unit rows covering as-of, then
// ContractServices and ContractServiceBundles page by page.

const KINDS = [
  { kind: 'svc', lines: 'ContractServices', units: 'ContractServiceUnits', unitKey: 'contractServiceID', catalog: 'services' },
  { kind: 'bundle', lines: 'ContractServiceBundles', units: 'ContractServiceBundleUnits', unitKey: 'contractServiceBundleID', catalog: 'bundles' },
] as const;

export async function* listContractLines(q: AutotaskQueries, opts: PsaContractLineOptions): AsyncGenerator<PsaBatch<PsaContractLine>> {
  const asOf = opts.asOf ?? new Date().toISOString();
  const picklists = new Map([
    ...(await q.picklists('Contracts', '', opts)),
    ...(await q.picklists('Services', '', opts)),
    ...(await q.picklists('ServiceBundles', 'bundle.', opts)),
  ]);
  const currencyOf = await q.currencyOf(opts);
  const incomplete: string[] = [];
  const load = async <T extends { id: number }>(entity: string, schema: Parameters<AutotaskQueries['all']>[1], filters: AtFilter[] = []) => {
    const r = await q.all(entity, schema, filters, opts);
    if (!r.coverage.complete) incomplete.push(`${entity}: ${r.coverage.truncatedReason ?? 'incomplete'}`);
    return r.items as unknown as T[];
  };
  const contracts = new Map((await load<AtContract>('Contracts', AtContract)).map((c) => [c.id, c]));
  const catalogs = {
    services: new Map((await load<AtService>('Services', AtService)).map((s) => [s.id, s])),
    bundles: new Map((await load<AtService>('ServiceBundles', AtService)).map((s) => [s.id, s])),
  };
  // Only the unit rows that cover as-of: "Queries will return a ContractServiceUnit entity for every period".
  const covering: AtFilter[] = [{ op: 'lte', field: 'startDate', value: asOf }, { op: 'gte', field: 'endDate', value: asOf.slice(0, 10) }];
  let fetched = 0;
  let expected = 0;
  let pages = 0;
  let rejectedCount = 0;
  for (const [index, k] of KINDS.entries()) {
    const units = new Map<number, AtContractServiceUnit[]>();
    for (const u of await load<AtContractServiceUnit>(k.units, AtContractServiceUnit, covering)) {
      const key = Number(u[k.unitKey]);
      units.set(key, [...(units.get(key) ?? []), u]);
    }
    for await (const batch of q.walk(k.lines, AtContractService, [], 'psa_contract_lines', opts)) {
      const items: PsaContractLine[] = [];
      const rejected: PsaRejectedRecord[] = [];
      for (const line of batch.items) {
        const contract = contracts.get(line.contractID);
        const catalogId = k.kind === 'bundle' ? line.serviceBundleID : line.serviceID;
        const mapped = mapContractService({
          kind: k.kind,
          line,
          contract,
          service: catalogId ? catalogs[k.catalog].get(catalogId) : undefined,
          units: units.get(line.id) ?? [],
          currency: contract ? currencyOf(contract.companyID) : undefined,
          asOf,
          picklists,
        });
        if (mapped.ok) items.push(mapped.line);
        else rejected.push({ stream: 'psa_contract_lines', id: `${k.kind}-${line.id}`, where: `GET /${k.lines}/query`, issues: [{ path: 'contractID', message: mapped.reason }] });
      }
      fetched += items.length;
      rejectedCount += rejected.length;
      const extra = rejected.length ? { rejected } : {};
      if (!batch.coverage || index < KINDS.length - 1) {
        if (batch.coverage) {
          expected += batch.coverage.expected ?? 0;
          pages += batch.coverage.pages;
          if (!batch.coverage.complete) incomplete.push(`${k.lines}: ${batch.coverage.truncatedReason}`);
        }
        yield { items, ...extra };
        continue;
      }
      expected += batch.coverage.expected ?? 0;
      pages += batch.coverage.pages;
      if (!batch.coverage.complete) incomplete.push(`${k.lines}: ${batch.coverage.truncatedReason}`);
      const coverage: PsaCoverage = {
        stream: 'psa_contract_lines',
        expected,
        fetched: fetched + rejectedCount,
        pages,
        duplicatesDropped: 0,
        complete: incomplete.length === 0,
        truncatedReason: incomplete.length ? incomplete.slice(0, 3).join('; ') : undefined,
      };
      opts.onProgress?.({ type: 'stream-done', connector: 'autotask', coverage });
      yield { items, ...extra, coverage };
    }
  }
}
