/**
 * A fixed-size, direct-mapped cache keyed by a safe-integer number (a scaled decimal). Each key has
 * exactly one slot; a new key overwrites the slot's old entry. Why not a `Map`: the report looks up
 * ~600k amounts among tens of thousands of distinct ones, and a Map that large misses the CPU caches
 * on nearly every lookup (that was a tenth of the report). A table of a few thousand slots stays in
 * cache, and amounts repeat close together (a row's cost, margin and group total are one value), so
 * most lookups still hit. Memory is fixed.
 *
 * @example
 * const m = new NumberMemo<string>(); m.set(22_100_000_000, '2.21'); m.get(22_100_000_000) // '2.21'
 */
export class NumberMemo<V> {
  private readonly keys: Float64Array;
  private readonly values: (V | undefined)[];
  private readonly shift: number;

  /** `bits`: the table has 2^bits slots (14: 16,384 slots, 256 KB). */
  constructor(bits = 14) {
    this.keys = new Float64Array(1 << bits).fill(Number.NaN); // NaN equals nothing: empty
    this.values = new Array<V | undefined>(1 << bits).fill(undefined);
    this.shift = 32 - bits;
  }

  get(key: number): V | undefined {
    const i = slotOf(key, this.shift);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: number, value: V): void {
    const i = slotOf(key, this.shift);
    this.keys[i] = key;
    this.values[i] = value;
  }
}

// Mixes the low and high 32 bits (scaled amounts end in many zero bits: 2.21 is 221 × 10^8), then
// keeps the top bits of a multiplicative hash.
function slotOf(key: number, shift: number): number {
  const lo = key | 0;
  const hi = (key / 4_294_967_296) | 0;
  return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> shift;
}
