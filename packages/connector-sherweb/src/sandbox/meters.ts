import type { SandboxSubscription } from './types';

// Platforms and meters as the newer official client models them (`CustomerConfiguredPlatforms`,
// `CustomerSubscriptionMetersDto`, `CustomerPlatformMeterUsagesDto`). Only the backup platforms
// meter anything here; Microsoft 365 has no meters (licences are the quantity).

const PLATFORMS: Record<string, { id: string; prefix: string }> = {
  acronis: { id: '6a1b2c3d-0000-4000-8000-00000000ac01', prefix: 'SW-ACRONIS' },
  dropsuite: { id: '6a1b2c3d-0000-4000-8000-00000000d501', prefix: 'SW-DROPSUITE' },
};

const platformOf = (s: SandboxSubscription) => Object.values(PLATFORMS).find((p) => s.sku.startsWith(p.prefix));

/** Deterministic usage: a few seats unused, now and then none. */
const consumedOf = (s: SandboxSubscription) => Math.max(0, s.quantity - (parseInt(s.id.slice(0, 2), 16) % 4));

export function serveMeters(path: string, q: URLSearchParams, subscriptionsOf: (customerId: string) => SandboxSubscription[]): Record<string, unknown> | undefined {
  const configs = /^\/service-provider\/v1\/customers\/([^/]+)\/platforms-configurations$/.exec(path);
  if (configs) {
    const customerId = decodeURIComponent(configs[1] as string);
    const ids = [...new Set(subscriptionsOf(customerId).map(platformOf).filter((p) => p !== undefined).map((p) => p.id))];
    return { customerId, configuredPlatforms: ids.map((id) => ({ id })) };
  }
  const usages = /^\/service-provider\/v1\/customers\/([^/]+)\/platforms\/([^/]+)\/meter-usages$/.exec(path);
  if (usages) {
    const customerId = decodeURIComponent(usages[1] as string);
    const platformId = decodeURIComponent(usages[2] as string);
    const subs = subscriptionsOf(customerId).filter((s) => platformOf(s)?.id === platformId);
    return {
      customerId,
      platformId,
      meterUsages: subs.flatMap((s) => {
        const consumed = consumedOf(s);
        const seats = { meterId: `${s.id}:seats`, totalQuantities: s.quantity, consumedQuantities: consumed, availableQuantities: s.quantity - consumed };
        return s.quantity % 5 === 0 ? [seats, { meterId: `${s.id}:storage-gb`, totalQuantities: 250, consumedQuantities: 180, availableQuantities: 70 }] : [seats];
      }),
    };
  }
  if (path === '/service-provider/v1/billing/subscriptions/meters') {
    const customerId = q.get('customerId') ?? '';
    const platformId = q.get('platformId') ?? '';
    const subs = subscriptionsOf(customerId).filter((s) => platformOf(s)?.id === platformId);
    return {
      customerId,
      platformId,
      subscriptionMeters: subs.map((s) => ({
        subscriptionId: s.id,
        // Every fifth backup subscription meters storage too: two meters, never added together.
        meters: [{ id: `${s.id}:seats`, name: 'Protected seats', description: 'Seats under protection' }, ...(s.quantity % 5 === 0 ? [{ id: `${s.id}:storage-gb`, name: 'Storage (GB)', description: 'Cloud storage used' }] : [])],
      })),
    };
  }
  return undefined;
}
