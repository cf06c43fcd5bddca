// The Pax8 side of the example: a real Pax8 partner account when PAX8_CLIENT_ID / PAX8_CLIENT_SECRET
// are set, otherwise the sandbox Pax8 tenant. Some sandbox companies are clients the MSP also buys
// for through Ingram (same name, domain and address), so the report shows "Mixed" for them.
import type { DistributorConnector } from '@vectis/connector-core';
import { createPax8Connector } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS, type SandboxCompanySeed } from '@vectis/connector-pax8/sandbox';

/** An Ingram sandbox customer, as far as the shared clients need it. */
export interface SharedClient {
  id: string;
  name: string;
  address?: { streetAddress?: string; city?: string; state?: string; postalCode?: string; countryCode?: string };
  contactPersons?: readonly { email?: string }[];
}

export interface Pax8Tenant {
  connector: DistributorConnector;
  /** Applies a week of changes to the sandbox (nothing on a real tenant). */
  simulateWeek(): string[];
  close(): Promise<void>;
}

/** The external id the MSP typed on a shared client in Pax8 (and stored on its PSA company). */
export const sharedRef = (index: number) => `PSA-SHARED-${index + 1}`;

/**
 * @example
 * const pax8 = await startPax8({ shared: ingramSandbox.data.customers.slice(0, 6), start });
 */
export async function startPax8(o: {
  shared: readonly SharedClient[];
  /** The Ingram MPNs each shared client buys (by Ingram customer id): the Pax8 side buys one of the same products. */
  mpnsOf?: (customerId: string) => readonly string[];
  start: number;
  real?: boolean;
}): Promise<Pax8Tenant | undefined> {
  const env = process.env;
  if (env.PAX8_CLIENT_ID && env.PAX8_CLIENT_SECRET) {
    const connector = createPax8Connector({
      clientId: env.PAX8_CLIENT_ID,
      clientSecret: env.PAX8_CLIENT_SECRET,
      ...(env.PAX8_AUDIENCE ? { audience: env.PAX8_AUDIENCE } : {}),
      ...(env.PAX8_TOKEN_URL ? { tokenUrl: env.PAX8_TOKEN_URL } : {}),
    });
    return { connector, simulateWeek: () => [], close: async () => {} };
  }
  if (o.real) return undefined; // a real Ingram tenant without Pax8 credentials: Ingram only
  const seedCompanies: SandboxCompanySeed[] = o.shared.map((c, i) => {
    const website = domainOf(c);
    return {
    name: c.name,
    externalId: sharedRef(i),
    ...(website ? { website } : {}),
    address: { street: c.address?.streetAddress, city: c.address?.city, stateOrProvince: c.address?.state, postalCode: c.address?.postalCode, country: c.address?.countryCode },
    subscriptions: 2,
    // Ingram MPNs are Microsoft's product id plus a term suffix (`CFQ7TTC0LDPB:0001_P1Y_M`).
    vendorSkus: [...new Set((o.mpnsOf?.(c.id) ?? []).map((mpn) => mpn.split('_')[0] ?? mpn))].slice(0, 1),
    };
  });
  const sandbox = createPax8Sandbox({ companies: 30, subscriptions: 90, seedCompanies, now: () => o.start });
  const server = await sandbox.listen();
  const connector = createPax8Connector({
    ...PAX8_SANDBOX_CREDENTIALS,
    apiUrl: server.url,
    allowInsecureLoopback: true,
    pacing: { limit: 200, intervalMs: 1_000 }, // the sandbox has no rate limit; real tenants keep the 900/min default
  });
  return {
    connector,
    simulateWeek: () => sandbox.simulateWeek().map((c) => `pax8 ${c.kind}`),
    close: () => server.close(),
  };
}

function domainOf(c: SharedClient): string | undefined {
  const email = c.contactPersons?.find((p) => p.email?.includes('@'))?.email;
  return email?.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
