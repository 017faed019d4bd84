/**
 * A seeded pseudo-random stream: sfc32, its state filled by splitmix32 from a hash of the seed's UTF-8 bytes.
 * Only 32-bit integer arithmetic (Math.imul, >>> 0) and exact divisions by 2^32 are used, so a seed gives the
 * same numbers on every platform and Node version. Not for secrets.
 */
export interface Prng {
  /** A uniform integer in [0, 2^32). */
  u32(): number;
  /** A uniform number in [0, 1). */
  float(): number;
  /** A uniform integer in [0, n); n must be a positive integer below 2^32. */
  int(n: number): number;
  /** A uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

const TWO_32 = 4294967296;

export function createPrng(seed: string): Prng {
  const bytes = new TextEncoder().encode(seed);
  // FNV-1a over the bytes, then splitmix32 to spread it over the 128-bit state.
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  let sm = (h ^ bytes.length) >>> 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;

  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) u32();

  const float = (): number => u32() / TWO_32;
  const int = (n: number): number => Math.floor(float() * n);
  return {
    u32,
    float,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => float() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(items.length)] as T;
    },
  };
}

/** Picks from a fixed list with integer weights, in O(log n). */
export interface Weighted<T> {
  readonly items: readonly T[];
  pick(rng: Prng): T;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new RangeError('weighted list has no positive weight');
  return {
    items,
    pick(rng) {
      const x = rng.float() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}
