// Versioned schema migrations, one logical schema for both databases. Column types differ only
// where the engines do: PostgreSQL gets NUMERIC money, JSONB, TIMESTAMPTZ and BOOLEAN; SQLite
// keeps money as exact decimal TEXT (never REAL), JSON as TEXT, instants as ISO 8601 TEXT.
// Append new migrations; never edit one that has shipped.

export type Dialect = 'sqlite' | 'postgres';

interface Types {
  /** Collation for index columns the store orders by (PostgreSQL sorts byte-wise with "C"). */
  collate: string;
  money: string;
  json: string;
  ts: string;
  bool: string;
  num: string;
}

const TYPES: Record<Dialect, Types> = {
  sqlite: { collate: '', money: 'TEXT', json: 'TEXT', ts: 'TEXT', bool: 'INTEGER', num: 'REAL' },
  postgres: { collate: ' COLLATE "C"', money: 'NUMERIC', json: 'JSONB', ts: 'TIMESTAMPTZ', bool: 'BOOLEAN', num: 'DOUBLE PRECISION' },
};

export interface Migration {
  version: number;
  name: string;
  statements: (t: Types) => string[];
}

// Bookkeeping shared by customers and lines: when first/last seen, by which run, when the
// content last changed (record_hash decides), and the soft-delete mark.
const tracking = (t: Types) => `
  record_hash TEXT NOT NULL,
  first_seen_at ${t.ts} NOT NULL,
  last_seen_at ${t.ts} NOT NULL,
  last_seen_run_id TEXT NOT NULL,
  changed_at ${t.ts} NOT NULL,
  removed_at ${t.ts}`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial licensing schema',
    statements: (t) => [
      `CREATE TABLE customers (
        vendor TEXT NOT NULL,
        external_id TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        raw_status TEXT,
        external_ref TEXT,
        email TEXT,
        domains ${t.json},
        address ${t.json},
        vendor_updated_at TEXT,
        raw ${t.json},${tracking(t)},
        PRIMARY KEY (vendor, external_id)
      )`,
      `CREATE TABLE license_subscriptions (
        vendor TEXT NOT NULL,
        external_id TEXT NOT NULL,
        parent_external_id TEXT,
        vendor_subscription_id TEXT,
        customer_external_id TEXT NOT NULL,
        product_external_id TEXT,
        sku TEXT,
        product_name TEXT NOT NULL,
        quantity ${t.num} NOT NULL,
        unit_cost_amount ${t.money},
        unit_cost_currency TEXT,
        unit_price_amount ${t.money},
        unit_price_currency TEXT,
        msrp_amount ${t.money},
        msrp_currency TEXT,
        amount_basis TEXT NOT NULL,
        price_period TEXT NOT NULL,
        billing_frequency TEXT NOT NULL,
        commitment_term TEXT NOT NULL,
        recurring ${t.bool} NOT NULL,
        status TEXT NOT NULL,
        raw_status TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        renewal_date TEXT,
        auto_renew ${t.bool},
        vendor_updated_at TEXT,
        raw ${t.json},${tracking(t)},
        PRIMARY KEY (vendor, external_id)
      )`,
      `CREATE INDEX license_subscriptions_parent ON license_subscriptions (vendor, parent_external_id)`,
      `CREATE INDEX license_subscriptions_customer ON license_subscriptions (vendor, customer_external_id)`,
      `CREATE TABLE license_usage (
        vendor TEXT NOT NULL,
        subscription_external_id TEXT NOT NULL,
        customer_external_id TEXT NOT NULL,
        week TEXT NOT NULL,
        as_of ${t.ts} NOT NULL,
        sku TEXT,
        quantity ${t.num} NOT NULL,
        assigned ${t.num},
        consumed ${t.num},
        source TEXT NOT NULL,
        run_id TEXT NOT NULL,
        PRIMARY KEY (vendor, subscription_external_id, week)
      )`,
      `CREATE INDEX license_usage_week ON license_usage (week, vendor)`,
      `CREATE TABLE sync_runs (
        id TEXT PRIMARY KEY,
        started_at ${t.ts} NOT NULL,
        finished_at ${t.ts},
        status TEXT NOT NULL,
        week TEXT NOT NULL,
        as_of ${t.ts} NOT NULL,
        vendors ${t.json} NOT NULL,
        errors ${t.json} NOT NULL
      )`,
      `CREATE INDEX sync_runs_started ON sync_runs (started_at)`,
      `CREATE TABLE sync_checkpoints (
        vendor TEXT PRIMARY KEY,
        connector TEXT NOT NULL,
        checkpoint ${t.json} NOT NULL,
        run_id TEXT NOT NULL,
        saved_at ${t.ts} NOT NULL
      )`,
      // One row per (customer, PSA company) pair: at most one current link per customer (computed
      // or manual 'link'), plus any number of manual 'never_link' pairs.
      `CREATE TABLE customer_links (
        vendor TEXT NOT NULL,
        customer_external_id TEXT NOT NULL,
        psa_company_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('computed', 'manual')),
        override TEXT CHECK (override IN ('link', 'never_link')),
        tier TEXT,
        score ${t.num},
        reasons ${t.json} NOT NULL,
        note TEXT,
        updated_at ${t.ts} NOT NULL,
        PRIMARY KEY (vendor, customer_external_id, psa_company_id)
      )`,
    ],
  },
  {
    version: 2,
    name: 'run leases, week completeness, previous-lines index',
    statements: (t) => [
      // One row per vendor: the run allowed to write that vendor's rows, until expires_at.
      // A live holder renews heartbeat_at/expires_at; a crashed one simply stops renewing.
      `CREATE TABLE sync_leases (
        vendor TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        holder TEXT NOT NULL,
        acquired_at ${t.ts} NOT NULL,
        heartbeat_at ${t.ts} NOT NULL,
        expires_at ${t.ts} NOT NULL
      )`,
      // Each (vendor, week) snapshot's state: incomplete from the first write of a run until
      // that run proves the stream complete; readers skip incomplete weeks by default.
      `CREATE TABLE sync_weeks (
        vendor TEXT NOT NULL,
        week TEXT NOT NULL,
        complete ${t.bool} NOT NULL,
        run_id TEXT NOT NULL,
        reason TEXT,
        updated_at ${t.ts} NOT NULL,
        PRIMARY KEY (vendor, week)
      )`,
      // linesByParent filters on (vendor, parent) and orders by external_id: with only
      // (vendor, parent) indexed, SQLite preferred the primary key to skip the sort and scanned
      // every line of the vendor for each parent (quadratic incremental syncs).
      'DROP INDEX license_subscriptions_parent',
      `CREATE INDEX license_subscriptions_parent_line ON license_subscriptions (vendor, parent_external_id, external_id${t.collate})`,
    ],
  },
  {
    version: 3,
    name: 'psa companies and contract lines',
    statements: (t) => [
      // The MSP's own billing, read by a PsaReader: keyed by (psa, id), every field of the
      // normalized record kept. `id_kind`/`company_id_kind` remember whether the PSA sent a number
      // or a string id, so a record reads back exactly as the reader produced it.
      `CREATE TABLE psa_companies (
        psa TEXT NOT NULL,
        id TEXT NOT NULL,
        id_kind TEXT NOT NULL,
        name TEXT NOT NULL,
        code TEXT,
        website TEXT,
        city TEXT,
        state TEXT,
        postal_code TEXT,
        country TEXT,
        status TEXT,
        type TEXT,
        phone TEXT,
        parent_id TEXT,
        currency TEXT,
        external_ids ${t.json},
        microsoft_tenant_ids ${t.json},
        psa_updated_at TEXT,
        nulls ${t.json},${tracking(t)},
        PRIMARY KEY (psa, id)
      )`,
      `CREATE TABLE psa_contract_lines (
        psa TEXT NOT NULL,
        id TEXT NOT NULL,
        psa_company_id TEXT NOT NULL,
        company_id_kind TEXT NOT NULL,
        product_id TEXT,
        sku TEXT,
        description TEXT,
        quantity ${t.num} NOT NULL,
        unit_price_amount ${t.money} NOT NULL,
        unit_price_currency TEXT NOT NULL,
        billing_period TEXT NOT NULL,
        price_period TEXT,
        status TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        contract_id TEXT,
        contract_name TEXT,
        unit_cost_amount ${t.money},
        unit_cost_currency TEXT,
        billable ${t.bool},
        quantity_source TEXT,
        warnings ${t.json},${tracking(t)},
        PRIMARY KEY (psa, id)
      )`,
      `CREATE INDEX psa_contract_lines_company ON psa_contract_lines (psa, psa_company_id${t.collate})`,
      // Each run's per-reader outcome (counts and coverage per PSA stream), beside `vendors`.
      `ALTER TABLE sync_runs ADD COLUMN psa ${t.json}`,
    ],
  },
  {
    version: 4,
    name: 'usage charges on license_usage',
    statements: (t) => [
      // A usage-rated line's vendor-reported charges so far in the period (`Usage.charges`):
      // exact amounts with their currency, customer side and partner side. NULL on every row
      // written before this migration and on lines without charges.
      `ALTER TABLE license_usage ADD COLUMN charges_period TEXT`,
      `ALTER TABLE license_usage ADD COLUMN charges_from TEXT`,
      `ALTER TABLE license_usage ADD COLUMN charges_customer_amount ${t.money}`,
      `ALTER TABLE license_usage ADD COLUMN charges_customer_currency TEXT`,
      `ALTER TABLE license_usage ADD COLUMN charges_partner_amount ${t.money}`,
      `ALTER TABLE license_usage ADD COLUMN charges_partner_currency TEXT`,
    ],
  },
];

/** The statements of one migration for a dialect. */
export function migrationStatements(migration: Migration, dialect: Dialect): string[] {
  return migration.statements(TYPES[dialect]);
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
