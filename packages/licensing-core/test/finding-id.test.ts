import { describe, expect, it } from 'vitest';
import { findingId } from '@vectis/licensing-core';

describe('findingId', () => {
  it('gives the same ids as every earlier version: muted and resolved findings are stored by id', () => {
    // Pinned values, equal to those of the first release (a plain cyrb53 of `kind\0customer\0sku`): a
    // change here would un-mute and un-resolve every stored finding, so it must never happen silently.
    const pinned: [string, string, string, string][] = [
      ['uncontracted_seats', 'psa:441793', 'psa:M365-BP', 'lf_0b043df28ef52403cc3c1ae238dc'],
      ['uncontracted_seats', 'pax8:cust-1', 'sku:CFQ7TTC0LCHC:0002|USD', 'lf_151146423e17a6173e95c76186c3'],
      ['uncontracted_seats', 'psa:', '', 'lf_01f69ee02a06fe0714e54653cba4'],
      ['below_margin', 'pax8:cust-1', 'sku:CFQ7TTC0LCHC:0002|USD', 'lf_1ca16cec0ef5500f453c8ea4c833'],
      ['unused_seats', 'pax8:cust-1', 'sku:CFQ7TTC0LCHC:0002|USD', 'lf_1de5c5c3f26ee20500953547d0b1'],
      ['unused_seats', 'psa:', '', 'lf_12d312cf8a415e107b988131c7b6'],
    ];
    for (const [kind, customer, sku, id] of pinned) expect(findingId(kind, customer, sku)).toBe(id);
  });
});
