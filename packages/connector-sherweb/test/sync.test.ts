import { collect, Subscription } from '@vectis/connector-core';
import { createSherwebConnector, type SherwebConnectorOptions } from '@vectis/connector-sherweb';
import { useFakeApi } from '@vectis/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import details from './fixtures/subscriptions-details.json' with { type: 'json' };
import problem404 from './fixtures/problem-404.json' with { type: 'json' };
import { BASE, CREDS, CUSTOMER, createScriptedApi, json } from './handlers';

const api = createScriptedApi();
useFakeApi(api);
beforeEach(() => api.reset());

const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;
const connect = (extra: Partial<SherwebConnectorOptions> = {}) => createSherwebConnector({ ...CREDS, apiUrl: BASE, ...FAST, ...extra });
const DETAILS = '/service-provider/v1/billing/subscriptions/details';
const LIST = '/service-provider/v1/billing/subscriptions';
const byId = (lines: Subscription[], id: string) => lines.find((l) => l.externalId === id);

describe('customers', () => {
  it('one GET for the whole list, streamed out in batches; suspendedOn decides the status', async () => {
    const many = { items: Array.from({ length: 250 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `Customer ${i}`, path: [], suspendedOn: null })) };
    api.on((_r, path) => (path === '/service-provider/v1/customers' ? json(many) : undefined));
    const batches = [];
    for await (const batch of connect().listCustomers()) batches.push(batch);
    expect(batches.map((b) => b.items.length)).toEqual([100, 100, 50]);
    expect(batches.at(-1)?.coverage).toMatchObject({ stream: 'customers', expected: 250, fetched: 250, pages: 1, complete: true });
    expect(api.paths()).toEqual(['POST /auth/oidc/connect/token', 'GET /service-provider/v1/customers']);

    api.reset();
    const { items } = await collect(connect().listCustomers());
    expect(items.map((c) => [c.name, c.status, c.rawStatus])).toEqual([
      ['Laurentian Dental Inc.', 'active', undefined],
      ['Prairie Logistics LLC', 'active', undefined], // suspendedOn missing altogether
      ['Boreal Clinic Ltée', 'suspended', '2026-10-02T14:11:05.7613888'],
    ]);
    expect(api.paths().some((p) => /customers\/[^/]+$/.test(p)), 'GET /customers/{id} does not exist').toBe(false);
  });
});

describe('an unreadable customer record', () => {
  it('is rejected by the customer stream (id + path); the subscription stream says it is incomplete', async () => {
    const body = { items: [{ id: CUSTOMER.acme, displayName: 'Laurentian Dental Inc.', path: [], suspendedOn: null }, { id: CUSTOMER.prairie, path: [] }] };
    api.on((_r, path) => (path === '/service-provider/v1/customers' ? json(body) : undefined));
    const batches = [];
    for await (const batch of connect().listCustomers()) batches.push(batch);
    expect(batches.flatMap((b) => b.rejected ?? [])).toEqual([
      { stream: 'customers', id: CUSTOMER.prairie, where: 'GET /service-provider/v1/customers item 1', issues: [expect.objectContaining({ path: 'displayName' })] },
    ]);
    expect(batches.at(-1)?.coverage).toMatchObject({ expected: 2, fetched: 1, complete: false });
    const subs = await collect(connect().listSubscriptions());
    expect(subs.items.every((l) => l.customerExternalId === CUSTOMER.acme)).toBe(true);
    expect(subs.coverage).toMatchObject({ complete: false, truncatedReason: expect.stringContaining('1 customer record(s) could not be read') });
  });
});

describe('subscriptions: details + pricing information, one line per subscription', () => {
  it('maps SKU, seats, NCE term, renewal, billing cycle and the CAD unit price; a line without a price says so', async () => {
    const { items, coverage } = await collect(connect().listSubscriptions());
    expect(items.length).toBe(9); // 3 customers × 3 fixture subscriptions
    const line = items.find((l) => l.customerExternalId === CUSTOMER.acme && l.sku === 'CFQ7TTC0LF8Q:0001');
    expect(line).toMatchObject({
      vendor: 'sherweb',
      productName: 'Microsoft 365 Business Premium',
      quantity: 12,
      commitmentTerm: 'P1Y',
      billingFrequency: 'monthly',
      pricePeriod: 'P1M',
      unitPrice: { amount: '30.2', currency: 'CAD' },
      amountBasis: 'unit',
      startDate: '2025-03-14',
      endDate: '2026-03-13',
      renewalDate: '2026-03-14',
      autoRenew: true,
      status: 'active',
      recurring: true,
    });
    expect(line?.unitCost, 'no distributor scope: cost unknown, never 0').toBeUndefined();
    const backup = items.find((l) => l.customerExternalId === CUSTOMER.acme && l.sku === 'SW-ACRONIS-CB-250');
    expect(backup).toMatchObject({ commitmentTerm: 'none', amountBasis: 'unknown', billingFrequency: 'monthly' });
    expect(backup?.unitPrice, 'fees: null → no price').toBeUndefined();
    const teams = items.find((l) => l.customerExternalId === CUSTOMER.acme && l.sku === 'CFQ7TTC0LH16:0001');
    expect(teams?.unitPrice, 'currency Undefined → no price, not USD').toBeUndefined();
    expect(teams).toMatchObject({ commitmentTerm: 'P1M', autoRenew: false, endDate: '2026-12-31' });
    expect(items.filter((l) => l.customerExternalId === CUSTOMER.boreal).every((l) => l.status === 'suspended')).toBe(true);
    expect(coverage).toMatchObject({ stream: 'subscriptions', fetched: 9, complete: true, pages: 7, detailRequests: 6 });
    // Requests: token + customers + (details + pricing) per customer, no payable charges without the scope.
    expect(api.paths().filter((p) => p.startsWith('GET'))).toHaveLength(7);
    expect(api.paths().some((p) => p.includes('/distributor/'))).toBe(false);
    for (const item of items) Subscription.parse(item);
  });

  it('unit cost from payable charges: tagged with the customer, or the one price a SKU has; otherwise unknown', async () => {
    const { items } = await collect(connect({ scopes: ['service-provider', 'distributor'] }).listSubscriptions());
    const premium = (customer: string) => items.find((l) => l.customerExternalId === customer && l.sku === 'CFQ7TTC0LF8Q:0001');
    expect(premium(CUSTOMER.acme)?.unitCost).toEqual({ amount: '25.67', currency: 'CAD' });
    // Two different untagged prices exist for this SKU (CAD tagged, USD untagged): never guessed.
    expect(premium(CUSTOMER.prairie)?.unitCost).toBeUndefined();
    expect(api.paths().filter((p) => p === 'GET /distributor/v1/billing/payable-charges')).toHaveLength(1);
  });

  it('falls back to the deprecated /billing/subscriptions when the details route is absent, and stays there', async () => {
    api.on((_r, path) => (path.startsWith(DETAILS) ? json({ statusCode: 404, message: 'Resource not found' }, 404) : undefined));
    const { items, coverage } = await collect(connect({ scopes: ['service-provider', 'distributor'] }).listSubscriptions());
    expect(coverage?.complete).toBe(true);
    const keeper = items.find((l) => l.customerExternalId === CUSTOMER.prairie && l.sku === 'SW-KEEPER-BUS');
    expect(keeper).toMatchObject({ billingFrequency: 'annual', pricePeriod: 'P1Y', unitPrice: { amount: '45', currency: 'USD' }, unitCost: { amount: '31.5', currency: 'USD' } });
    const premium = items.find((l) => l.customerExternalId === CUSTOMER.acme && l.sku === 'CFQ7TTC0LF8Q:0001');
    expect(premium?.renewalDate).toBe('2026-03-14');
    const gets = api.paths().filter((p) => p.startsWith('GET'));
    expect(gets.filter((p) => p === `GET ${DETAILS}`), 'details is tried once, then known absent').toHaveLength(1);
    expect(gets.filter((p) => p === `GET ${LIST}`)).toHaveLength(3);
  });

  it('a gateway that has only the beta spec (details and pricing answer 405) still syncs, via the deprecated list', async () => {
    api.on((_r, path) => (path.startsWith(DETAILS) || path.includes('pricing-information') ? json({ title: 'Method Not Allowed', status: 405 }, 405) : undefined));
    const { items, coverage } = await collect(connect().listSubscriptions());
    expect(coverage?.complete).toBe(true);
    expect(items).toHaveLength(6);
    expect(items.every((l) => l.unitPrice !== undefined)).toBe(true);
  });

  it('a customer deleted between the list and its subscriptions: others kept, coverage incomplete with the reason', async () => {
    api.on((_r, path) => (path.includes(`customerId=${CUSTOMER.prairie}`) ? json(problem404, 404) : undefined));
    const { items, coverage } = await collect(connect().listSubscriptions());
    expect(new Set(items.map((l) => l.customerExternalId))).toEqual(new Set([CUSTOMER.acme, CUSTOMER.boreal]));
    expect(coverage).toMatchObject({ complete: false, truncatedReason: expect.stringContaining('1 customer(s) disappeared') });
  });

  it('a bad item is rejected on its own (id + path, no values); missing or negative seats are never 0 seats', async () => {
    const broken = structuredClone(details);
    const [first, second, third] = broken.items as Record<string, unknown>[];
    delete (first as Record<string, unknown>).quantity;
    (second as Record<string, unknown>).quantity = -3;
    (third as Record<string, unknown>).quantity = '5';
    api.on((_r, path) => (path.startsWith(DETAILS) && path.includes(CUSTOMER.acme) ? json(broken) : undefined));
    const batches = [];
    for await (const batch of connect().listSubscriptions()) batches.push(batch);
    const rejected = batches.flatMap((b) => b.rejected ?? []);
    expect(rejected.map((r) => [r.id, r.issues.map((i) => i.path)])).toEqual([
      ['0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', ['quantity']],
      ['1e2f3a4b-5c6d-4e7f-9a81-92a3b4c5d6e7', ['quantity']],
      ['2f3a4b5c-6d7e-4f80-a192-a3b4c5d6e7f8', ['quantity']],
    ]);
    expect(rejected[0]?.where).toContain(`customerId=${CUSTOMER.acme} item 0`);
    expect(JSON.stringify(rejected)).not.toMatch(/-3|"5"/);
    const lines = batches.flatMap((b) => b.items);
    expect(lines.filter((l) => l.customerExternalId === CUSTOMER.acme)).toEqual([]);
    expect(lines).toHaveLength(6);
  });

  it('seat snapshots are the purchased quantities, one row per line', async () => {
    const { items, coverage } = await collect(connect().listSeatSnapshots({ week: '2026-W49', asOf: '2026-12-01T00:00:00.000Z' }));
    expect(items).toHaveLength(9);
    expect(items[0]).toMatchObject({ vendor: 'sherweb', week: '2026-W49', source: 'purchased_quantity', quantity: 12 });
    expect(coverage).toMatchObject({ stream: 'seat_snapshots', fetched: 9, complete: true });
  });

  it('read-only: a full sync with both scopes sends GETs plus the one token POST, nothing else', async () => {
    const c = connect({ scopes: ['service-provider', 'distributor'] });
    await c.testConnection();
    await collect(c.listCustomers());
    await collect(c.listSubscriptions());
    const writes = api.paths().filter((p) => !p.startsWith('GET'));
    expect(writes).toEqual(['POST /auth/oidc/connect/token']);
  });
});
