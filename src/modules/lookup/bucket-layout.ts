import { BUCKET_ENTRY_BYTES, BUCKET_HASH_BITS, PUBLISHED_TAG_BYTES, SEALED_BYTES } from './index-format.js';

/**
 * Bucket sizing and padding (../shared/reference/private-lookup.md §2.4).
 *
 * The number of bucket bits is chosen from the number of entries so that a bucket holds about
 * TARGET_MEAN..2·TARGET_MEAN entries: 33 M entries give 12 bits and ~8,000 entries a bucket, as in the
 * reference's table. Every bucket of an epoch is padded with random dummy entries to one size, at least
 * the expected maximum of a Poisson(λ) load over 2^b buckets, λ + √(2λ·ln 2^b), so that a bucket's length
 * on the wire does not tell which bucket it is.
 */
export const TARGET_MEAN_ENTRIES = 4096;
export const MAX_BUCKET_BITS = 24;

export function chooseBucketBits(entries: number): number {
  if (entries < 2 * TARGET_MEAN_ENTRIES) return 0;
  return Math.min(MAX_BUCKET_BITS, Math.floor(Math.log2(entries / TARGET_MEAN_ENTRIES)));
}

/** The size every bucket is padded to: the Poisson bound, or the real largest bucket if larger, in steps of 16. */
export function paddedBucketSize(entries: number, bits: number, largestBucket: number): number {
  const buckets = 2 ** bits;
  const mean = entries / buckets;
  const bound = bits === 0 ? entries : mean + Math.sqrt(2 * mean * Math.log(buckets));
  const size = Math.max(Math.ceil(bound), largestBucket, 1);
  return Math.ceil(size / 16) * 16;
}

/** The bucketHash range [from, to) that bucket `id` covers with `bits` bucket bits. */
export function bucketRange(id: number, bits: number): { from: number; to: number } {
  if (!Number.isInteger(bits) || bits < 0 || bits > MAX_BUCKET_BITS) throw new RangeError(`bucket bits must be 0..${MAX_BUCKET_BITS}`);
  if (!Number.isInteger(id) || id < 0 || id >= 2 ** bits) throw new RangeError('bucket id out of range');
  const width = 2 ** (BUCKET_HASH_BITS - bits);
  return { from: id * width, to: (id + 1) * width };
}

export function bucketOf(bucketHash: number, bits: number): number {
  return Math.floor(bucketHash / 2 ** (BUCKET_HASH_BITS - bits));
}

export interface BucketEntry {
  /** At least the 8 published bytes; only those are written. */
  readonly tag: Uint8Array;
  readonly sealed: Uint8Array;
}

/**
 * A published bucket: `size` entries of BUCKET_ENTRY_BYTES, the real ones plus random dummies, sorted by
 * tag so a client can binary-search it. Dummies are indistinguishable from real entries without the
 * metadata key of a real identifier.
 */
export function layoutBucket(entries: readonly BucketEntry[], size: number, randomBytes: (n: number) => Uint8Array): Uint8Array {
  if (entries.length > size) throw new RangeError(`bucket has ${entries.length} entries, more than its padded size ${size}`);
  const records: Uint8Array[] = entries.map((e) => {
    if (e.sealed.length !== SEALED_BYTES) throw new RangeError('sealed metadata has the wrong length');
    const r = new Uint8Array(BUCKET_ENTRY_BYTES);
    r.set(e.tag.subarray(0, PUBLISHED_TAG_BYTES), 0);
    r.set(e.sealed, PUBLISHED_TAG_BYTES);
    return r;
  });
  const dummies = size - entries.length;
  if (dummies > 0) {
    const noise = randomBytes(dummies * BUCKET_ENTRY_BYTES);
    for (let i = 0; i < dummies; i++) records.push(noise.subarray(i * BUCKET_ENTRY_BYTES, (i + 1) * BUCKET_ENTRY_BYTES));
  }
  // By tag, then by the rest: the same entries and dummies always give the same bytes (one tag can have
  // an entry per breach, and the database returns them in no promised order).
  records.sort(compareRecords);
  const out = new Uint8Array(size * BUCKET_ENTRY_BYTES);
  records.forEach((r, i) => out.set(r, i * BUCKET_ENTRY_BYTES));
  return out;
}

/** Every entry of a laid-out bucket whose published tag equals the first 8 bytes of `tag` (one per breach). */
export function findInBucket(bucket: Uint8Array, tag: Uint8Array): Uint8Array[] {
  const n = Math.floor(bucket.length / BUCKET_ENTRY_BYTES);
  const want = tag.subarray(0, PUBLISHED_TAG_BYTES);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTags(bucket.subarray(mid * BUCKET_ENTRY_BYTES, mid * BUCKET_ENTRY_BYTES + PUBLISHED_TAG_BYTES), want) < 0) lo = mid + 1;
    else hi = mid;
  }
  const found: Uint8Array[] = [];
  for (let i = lo; i < n; i++) {
    const at = i * BUCKET_ENTRY_BYTES;
    if (compareTags(bucket.subarray(at, at + PUBLISHED_TAG_BYTES), want) !== 0) break;
    found.push(bucket.subarray(at + PUBLISHED_TAG_BYTES, at + BUCKET_ENTRY_BYTES));
  }
  return found;
}

function compareTags(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < PUBLISHED_TAG_BYTES; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function compareRecords(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < BUCKET_ENTRY_BYTES; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
