// Finding ids must survive re-runs so a muted or resolved row stays muted or resolved: they hash
// only what identifies the condition (kind, customer, SKU key), never amounts or input order.

/**
 * The stable id of a finding: `lf_` + 28 hex digits of two seeded 53-bit hashes of
 * `kind`, `customerKey` and `skuKey`.
 *
 * @example
 * findingId('uncontracted_seats', 'psa:441793', 'psa:M365-BP') // 'lf_…' (same every run)
 */
export function findingId(kind: string, customerKey: string, skuKey: string): string {
  // Two seeded cyrb53 hashes (public domain) in one pass: well mixed, no crypto dependency.
  // Hashes `${kind}\0${customerKey}\0${skuKey}` without building that string (100k ids per run).
  // The state after `${kind}\0` is the same for every id of a kind (seven kinds): kept, not redone.
  const start = kindState(kind);
  let h1 = start[0] as number;
  let h2 = start[1] as number;
  let h3 = start[2] as number;
  let h4 = start[3] as number;
  const c = customerKey.length;
  const end = c + 1 + skuKey.length;
  for (let i = 0; i < end; i++) {
    const ch = i < c ? customerKey.charCodeAt(i) : i === c ? 0 : skuKey.charCodeAt(i - c - 1);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
    h3 = Math.imul(h3 ^ ch, 2654435761);
    h4 = Math.imul(h4 ^ ch, 1597334677);
  }
  const a1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const a2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a1 ^ (a1 >>> 13), 3266489909);
  const b1 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909);
  const b2 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(b1 ^ (b1 >>> 13), 3266489909);
  // 21 + 32 bits per hash as 6 + 4 + 4 hex digits, written as char codes into one buffer: one flat
  // string per id (template pieces would build a rope of 13 strings for each of 100k ids).
  put(a2 & 0x1fffff, 3, 6);
  put(a1 >>> 16, 9, 4);
  put(a1 & 0xffff, 13, 4);
  put(b2 & 0x1fffff, 17, 6);
  put(b1 >>> 16, 23, 4);
  put(b1 & 0xffff, 27, 4);
  return String.fromCharCode.apply(null, codes);
}

// The four hash states after `${kind}\0`, per kind.
const KIND_STATES = new Map<string, Int32Array>();
function kindState(kind: string): Int32Array {
  let state = KIND_STATES.get(kind);
  if (state) return state;
  let h1 = 0xdeadbeef ^ 0x9e3779b9;
  let h2 = 0x41c6ce57 ^ 0x9e3779b9;
  let h3 = 0xdeadbeef ^ 0x85ebca6b;
  let h4 = 0x41c6ce57 ^ 0x85ebca6b;
  for (let i = 0; i <= kind.length; i++) {
    const ch = i < kind.length ? kind.charCodeAt(i) : 0;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
    h3 = Math.imul(h3 ^ ch, 2654435761);
    h4 = Math.imul(h4 ^ ch, 1597334677);
  }
  state = Int32Array.of(h1, h2, h3, h4);
  if (KIND_STATES.size < 64) KIND_STATES.set(kind, state); // bounded: callers may pass any text
  return state;
}

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** `lf_` followed by 28 hex digits; reused by every call (the string is copied out). */
const codes: number[] = [108, 102, 95, ...Array.from({ length: 28 }, () => 48)];

// Writes `value` as `digits` lowercase hex digits at `pos`.
function put(value: number, pos: number, digits: number): void {
  for (let i = pos + digits - 1; i >= pos; i--) {
    codes[i] = HEX[value & 15] as number;
    value >>>= 4;
  }
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `items` in id order (code units), as `sort` by id would give. Findings are 100k+ per report, and
 * comparing 31-character strings with a JS comparator was a tenth of the run: instead the first 7
 * hex digits (28 bits) of each `lf_` id become a number key, the items are radix-sorted by it (two
 * counting passes of 14 bits, no comparator), and only runs of equal keys (a few dozen among 100k)
 * are then sorted by the whole id. Any other id shape sorts the plain way. `known` holds
 * {@link idKey} of some items (by index), taken earlier.
 *
 * @example
 * sortById([{ id: 'lf_b…' }, { id: 'lf_a…' }]) // [{ id: 'lf_a…' }, { id: 'lf_b…' }]
 */
export function sortById<T extends { id: string }>(items: T[], known?: readonly number[]): T[] {
  const n = items.length;
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = known?.[i] ?? idKey((items[i] as T).id);
    if (key < 0) return items.slice().sort(byId);
    keys[i] = key;
  }
  // LSD radix sort of the indexes: low 14 bits, then high 14 bits; each pass is stable.
  const low = radixPass(keys, identity(n), 0);
  const order = radixPass(keys, low, RADIX_BITS);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[order[i] as number] as T;
  // Equal keys: order the run by the whole id (radix order kept input order there).
  for (let i = 0; i < n; ) {
    let j = i + 1;
    const key = keys[order[i] as number];
    while (j < n && keys[order[j] as number] === key) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(byId);
      for (let k = 0; k < run.length; k++) out[i + k] = run[k] as T;
    }
    i = j;
  }
  return out;
}

const RADIX_BITS = 14;
const RADIX = 1 << RADIX_BITS;

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

// One stable counting-sort pass of `order` by the RADIX_BITS bits of each key above `shift`.
function radixPass(keys: Int32Array, order: Uint32Array, shift: number): Uint32Array {
  const counts = new Uint32Array(RADIX + 1);
  const n = order.length;
  for (let i = 0; i < n; i++) (counts[(((keys[order[i] as number] as number) >>> shift) & (RADIX - 1)) + 1] as number)++;
  for (let b = 0; b < RADIX; b++) (counts[b + 1] as number) += counts[b] as number;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const idx = order[i] as number;
    const b = ((keys[idx] as number) >>> shift) & (RADIX - 1);
    out[(counts[b] as number)++] = idx;
  }
  return out;
}

/**
 * The sort key of an id for {@link sortById} (pass keys taken while the findings are fresh in the CPU
 * cache: a later pass over 100k findings misses it on each): −1 for an id not of the `lf_` shape.
 */
export function idKey(id: string): number {
  // Seven lowercase hex digits after `lf_`: their numeric order is their text order, and equal keys
  // compare the whole id, so what follows the prefix needs no check.
  return id.startsWith('lf_') ? hexPrefix(id) : -1;
}

// The value of id[3..10) as lowercase hex, or −1 when a character is not one.
function hexPrefix(id: string): number {
  if (id.length < 10) return -1;
  let v = 0;
  for (let i = 3; i < 10; i++) {
    const c = id.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}
