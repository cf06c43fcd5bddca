// Finding ids must survive re-runs so a muted or resolved row stays muted or resolved: they hash
// only what identifies the condition (kind, customer, SKU key), never amounts or input order.

/**
 * The stable id of a finding: `lf_` + 26 hex digits of two seeded 53-bit hashes of
 * `kind`, `customerKey` and `skuKey`.
 *
 * @example
 * findingId('uncontracted_seats', 'psa:441793', 'psa:M365-BP') // 'lf_…' (same every run)
 */
export function findingId(kind: string, customerKey: string, skuKey: string): string {
  const text = `${kind}\u0000${customerKey}\u0000${skuKey}`;
  return `lf_${hash53(text, 0x9e3779b9).toString(16).padStart(14, '0')}${hash53(text, 0x85ebca6b).toString(16).padStart(14, '0')}`;
}

// cyrb53 (public domain): fast, well-mixed, no crypto dependency (this package does no I/O).
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
