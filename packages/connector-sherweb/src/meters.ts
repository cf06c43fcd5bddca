import { type HttpClient, isNotFoundError, isPermissionError, type ListOptions } from '@vectis/connector-core';
import { SherwebConfiguredPlatforms, SherwebMeterUsages, SherwebSubscriptionMeters } from './schemas';

// Meter usage (routes from developers.sherweb.com and the newer official client; not in the beta
// spec [C/U]): platforms configured for the customer → per platform, which meters belong to which
// subscription, and each meter's consumed/total quantities. Cost: 1 + 2·P requests per customer.

/** Consumed units per subscription id, only where exactly one meter belongs to it. */
export type MeterReadings = Map<string, { consumed: number; total: number }>;

const SP = '/service-provider/v1';
const enc = encodeURIComponent;

/**
 * Reads a customer's meter usage. A customer without platforms, or a tenant where these routes
 * answer 404/403, has no readings (the snapshot keeps the purchased quantity only).
 */
export async function readMeterUsage(http: HttpClient, customerId: string, o: ListOptions): Promise<MeterReadings> {
  const call = { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
  const readings: MeterReadings = new Map();
  try {
    const { data } = await http.get(`${SP}/customers/${enc(customerId)}/platforms-configurations`, { schema: SherwebConfiguredPlatforms, ...call });
    for (const platform of data.configuredPlatforms ?? []) {
      const [meters, usages] = await Promise.all([
        http.get(`${SP}/billing/subscriptions/meters`, { searchParams: { customerId, platformId: platform.id }, schema: SherwebSubscriptionMeters, ...call }),
        http.get(`${SP}/customers/${enc(customerId)}/platforms/${enc(platform.id)}/meter-usages`, { schema: SherwebMeterUsages, ...call }),
      ]);
      const usageOf = new Map(usages.data.meterUsages.map((u) => [u.meterId, u]));
      for (const s of meters.data.subscriptionMeters ?? []) {
        const ids = (s.meters ?? []).map((m) => m.id).filter((id): id is string => Boolean(id));
        // Several meters (seats and storage, say) measure different things: adding them would be wrong.
        const usage = ids.length === 1 ? usageOf.get(ids[0] as string) : undefined;
        if (!s.subscriptionId || !usage || !Number.isFinite(usage.consumedQuantities) || usage.consumedQuantities < 0) continue;
        readings.set(s.subscriptionId, { consumed: usage.consumedQuantities, total: usage.totalQuantities });
      }
    }
  } catch (error) {
    if (isNotFoundError(error) || isPermissionError(error)) return readings;
    throw error;
  }
  return readings;
}
