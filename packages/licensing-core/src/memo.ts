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

// Keeps the top bits of the key's hash.
function slotOf(key: number, shift: number): number {
  return mix(0, key) >>> shift;
}

// Mixes a safe-integer key's low and high 32 bits into `h` (scaled amounts end in many zero bits:
// 2.21 is 221 × 10^8) with a multiplicative hash, whose top bits are the well-mixed ones.
function mix(h: number, key: number): number {
  return Math.imul(h ^ (key | 0) ^ Math.imul((key / 4_294_967_296) | 0, 0x85ebca6b), 0x9e3779b1);
}

/**
 * Memo of one text template, keyed by the (up to three) numbers and the one text it is built from.
 * Finding texts repeat: 45k "n distributor seat(s) vs m contracted" rows have about a thousand
 * distinct (n, m). A hit skips building the text and shares one string between rows, which the
 * garbage collector then copies once instead of once per row. Fixed-size and direct-mapped like
 * `NumberMemo`; a bigint key (an amount beyond 900,719) is never memoized.
 *
 * @example
 * const SUMMARY = new TextMemo();
 * const text = SUMMARY.get(seats, contracted, 0, '') ?? SUMMARY.put(seats, contracted, 0, '', `${seats} vs ${contracted}`);
 */
export class TextMemo {
  private readonly a = new Float64Array(TEXT_SLOTS).fill(Number.NaN);
  private readonly b = new Float64Array(TEXT_SLOTS);
  private readonly c = new Float64Array(TEXT_SLOTS);
  private readonly tags: string[] = new Array<string>(TEXT_SLOTS).fill('');
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(TEXT_SLOTS).fill(undefined);

  get(a: number | bigint, b: number | bigint, c: number | bigint, tag: string): string | undefined {
    if (typeof a !== 'number' || typeof b !== 'number' || typeof c !== 'number') return undefined;
    const i = textSlot(a, b, c);
    return this.a[i] === a && this.b[i] === b && this.c[i] === c && this.tags[i] === tag ? this.texts[i] : undefined;
  }

  /** Stores `text` under the key and returns it. */
  put(a: number | bigint, b: number | bigint, c: number | bigint, tag: string, text: string): string {
    if (typeof a !== 'number' || typeof b !== 'number' || typeof c !== 'number') return text;
    const i = textSlot(a, b, c);
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    this.tags[i] = tag;
    this.texts[i] = text;
    return text;
  }
}

const TEXT_BITS = 11;
const TEXT_SLOTS = 1 << TEXT_BITS;

// The three numbers mixed in turn; the top bits pick the slot.
function textSlot(a: number, b: number, c: number): number {
  return mix(mix(mix(0, a), b), c) >>> (32 - TEXT_BITS);
}
