import { BUCKET_ENTRY_BYTES, INDEX_FORMAT_VERSION, PUBLISHED_TAG_BYTES } from './index-format.js';
import type { EpochRecord, LookupIndexStore } from './lookup-index.store.js';
import { MERKLE_HASH_BYTES, merkleLeaf, merkleLevels, merkleProof, merkleRoot } from './merkle.js';

/**
 * A publication: the look-up index of one epoch as static files — a manifest and 2^bits bucket files of one
 * size — that any static host or CDN can serve, the way Have I Been Pwned serves its k-anonymity ranges
 * (private-lookup.md §2.1). The server serves its own publication the same way.
 *
 * Bucket file = `bucketEntries` records of BUCKET_ENTRY_BYTES (tag ‖ sealed metadata, sorted, padded with
 * dummies) ‖ the bucket's Merkle proof (bits × 32 bytes). The manifest carries the Merkle root, so a client
 * checks what a CDN gave it; and canaries — public inputs with their OPRF outputs — that the client mixes
 * into its evaluation requests to catch a server that evaluates under another key (§2.7).
 *
 * The dummies come from a deterministic generator keyed by the operator (`paddingBytes`), so two servers
 * that share the key and the database publish byte-identical files, and a dummy stays the same between
 * publications (fresh random dummies would let anyone diff two publications and strip the padding).
 */
export const MANIFEST_FORMAT = 'breachdesk-lookup/1';
/** Blinded elements one evaluation request may carry (identifiers plus one canary). */
export const MAX_EVALUATION_BATCH = 8;
export const CANARY_COUNT = 4;

export interface ManifestBreach {
  readonly id: number;
  readonly slug: string;
  /** Data-class codes; bit i of an entry's class mask means classes[i]. */
  readonly classes: readonly string[];
}

export interface Canary {
  /** The OPRF input, UTF-8. */
  readonly input: string;
  /** The 64-byte OPRF output under the epoch's key, hex. */
  readonly output: string;
}

export interface LookupManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly indexFormat: number;
  readonly suite: string;
  readonly mode: 'oprf';
  readonly epoch: number;
  readonly publicKey: string;
  readonly keyFingerprint: string;
  /** First 16 bytes of the Merkle root, hex: names the bucket directory. */
  readonly publication: string;
  readonly createdAt: string;
  readonly entries: number;
  readonly bucketBits: number;
  readonly bucketEntries: number;
  readonly entryBytes: number;
  readonly tagBytes: number;
  readonly bucketBytes: number;
  readonly merkleRoot: string;
  /** Relative to the manifest's own URL; `{bucket}` is the bucket number in hex, zero-padded. */
  readonly bucketPath: string;
  readonly maxBatch: number;
  readonly breaches: readonly ManifestBreach[];
  readonly canaries: readonly Canary[];
}

/** Where a publication is written. A publication appears whole (commit) or not at all (abort). */
export interface PublicationSink {
  begin(): Promise<void>;
  /** `file` is the bucket's file name (bucketFileName + ".bin"). */
  writeBucket(file: string, entries: Uint8Array): Promise<void>;
  appendProof(file: string, proof: Uint8Array): Promise<void>;
  commit(manifest: LookupManifest): Promise<void>;
  abort(): Promise<void>;
}

export interface PublishDeps {
  readonly index: LookupIndexStore;
  readonly epoch: EpochRecord;
  /** `n` bytes of deterministic, keyed padding for bucket `id` of this epoch. */
  paddingBytes(bucketId: number, n: number): Uint8Array;
  readonly canaries: readonly Canary[];
  readonly sink: PublicationSink;
  now(): Date;
}

export function bucketFileName(id: number, bits: number): string {
  return id.toString(16).padStart(Math.max(1, Math.ceil(bits / 4)), '0');
}

export function bucketUrlPath(manifest: Pick<LookupManifest, 'bucketPath' | 'bucketBits'>, id: number): string {
  return manifest.bucketPath.replace('{bucket}', bucketFileName(id, manifest.bucketBits));
}

export function canaryInput(epoch: number, i: number): string {
  return `breachdesk/canary/v${INDEX_FORMAT_VERSION}|${epoch}|${i}`;
}

export async function buildPublication(deps: PublishDeps): Promise<LookupManifest> {
  const { index, epoch, sink } = deps;
  const stats = await index.stats(epoch.epoch);
  const bits = stats.bucketBits;
  const size = stats.paddedBucketSize;
  const buckets = 2 ** bits;
  const leaves: Uint8Array[] = new Array<Uint8Array>(buckets);
  await sink.begin();
  try {
    for (let id = 0; id < buckets; id++) {
      const bucket = await index.readBucket(epoch.epoch, bits, id, size, (n) => deps.paddingBytes(id, n));
      leaves[id] = merkleLeaf(bucket);
      await sink.writeBucket(`${bucketFileName(id, bits)}.bin`, bucket);
    }
    const levels = merkleLevels(leaves);
    if (bits > 0) for (let id = 0; id < buckets; id++) await sink.appendProof(`${bucketFileName(id, bits)}.bin`, merkleProof(levels, id));
    const root = toHex(merkleRoot(levels));
    const publication = root.slice(0, 32);
    const breaches = (await index.listBreaches()).map((b) => ({ id: b.id, slug: b.slug, classes: b.classes }));
    const manifest: LookupManifest = {
      format: MANIFEST_FORMAT,
      indexFormat: INDEX_FORMAT_VERSION,
      suite: epoch.suite,
      mode: 'oprf',
      epoch: epoch.epoch,
      publicKey: epoch.publicKey,
      keyFingerprint: epoch.fingerprint,
      publication,
      createdAt: deps.now().toISOString(),
      entries: stats.entries,
      bucketBits: bits,
      bucketEntries: size,
      entryBytes: BUCKET_ENTRY_BYTES,
      tagBytes: PUBLISHED_TAG_BYTES,
      bucketBytes: size * BUCKET_ENTRY_BYTES + bits * MERKLE_HASH_BYTES,
      merkleRoot: root,
      bucketPath: `${publication}/{bucket}.bin`,
      maxBatch: MAX_EVALUATION_BATCH,
      breaches,
      canaries: deps.canaries,
    };
    await sink.commit(manifest);
    return manifest;
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new RangeError('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
