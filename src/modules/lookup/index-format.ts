/**
 * The private look-up index format, version 1 (docs/adr/0006-private-lookup-index.md).
 *
 * Everything an entry holds is derived from the 64-byte RFC 9497 OPRF output `out` of one identifier:
 *
 *   okm        = HKDF-SHA512(ikm = out, salt = "breachdesk/index/v1", info = "entry", L = 52)
 *   bucketHash = first 31 bits of okm[0..4]      buckets are ranges of it (bucket bits chosen per export)
 *   tag        = okm[4..20]                      16 bytes de-duplicate; the first 8 are published
 *   metaKey    = okm[20..52]                     AES-256-GCM key for this identifier's metadata
 *   meta       = [1, 0, breachId u16, classMask u32]   (8 bytes, big-endian)
 *   sealed     = nonce(12) ‖ AES-256-GCM(metaKey, nonce, meta, aad = "breachdesk/index/v1|" ‖ epoch u32)
 *
 * The reference design derives bucket, tag and metadata key from the OPRF output rather than from a hash
 * of the identifier (../shared/reference/private-lookup.md §1 lesson (c), §2.1): without the key, a
 * stolen index or a copied bucket says nothing about whose entries they are. The nonce is random because
 * one identifier (one metaKey) has an entry per breach it is in.
 *
 * Pure: hashing and sealing come in through `IndexCrypto`, so the same code runs in the builder (Node's
 * crypto) and in a browser client.
 */
export const INDEX_FORMAT_VERSION = 1;
export const TAG_BYTES = 16;
export const PUBLISHED_TAG_BYTES = 8;
export const META_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const META_BYTES = 8;
export const GCM_TAG_BYTES = 16;
export const SEALED_BYTES = NONCE_BYTES + META_BYTES + GCM_TAG_BYTES;
/** Bytes of one entry in a published bucket: the 8-byte tag, then the sealed metadata. */
export const BUCKET_ENTRY_BYTES = PUBLISHED_TAG_BYTES + SEALED_BYTES;
/** Class masks are 32 bits: a breach can have at most this many data classes in the index. */
export const MAX_CLASSES_PER_BREACH = 32;
/** Breach numbers are 16 bits in the metadata. */
export const MAX_INDEX_BREACHES = 0xffff;
/** bucketHash values lie in [0, 2^31). */
export const BUCKET_HASH_BITS = 31;

const encoder = new TextEncoder();
const HKDF_SALT = encoder.encode('breachdesk/index/v1');
const HKDF_INFO = encoder.encode('entry');
const AAD_PREFIX = encoder.encode('breachdesk/index/v1|');

export interface IndexCrypto {
  hkdfSha512(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** AES-256-GCM: returns ciphertext ‖ 16-byte tag. */
  aesGcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  /** null when the tag does not verify. */
  aesGcmOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null;
}

export interface EntryKeys {
  readonly bucketHash: number;
  readonly tag: Uint8Array;
  readonly metaKey: Uint8Array;
}

export interface EntryMeta {
  readonly breachId: number;
  readonly classMask: number;
}

export function deriveEntryKeys(crypto: Pick<IndexCrypto, 'hkdfSha512'>, oprfOutput: Uint8Array): EntryKeys {
  if (oprfOutput.length !== 64) throw new RangeError('an OPRF output is 64 bytes');
  const okm = crypto.hkdfSha512(oprfOutput, HKDF_SALT, HKDF_INFO, 4 + TAG_BYTES + META_KEY_BYTES);
  const view = new DataView(okm.buffer, okm.byteOffset, okm.byteLength);
  return {
    bucketHash: view.getUint32(0) >>> 1,
    tag: okm.slice(4, 4 + TAG_BYTES),
    metaKey: okm.slice(4 + TAG_BYTES, 4 + TAG_BYTES + META_KEY_BYTES),
  };
}

export function metadataAad(epoch: number): Uint8Array {
  const aad = new Uint8Array(AAD_PREFIX.length + 4);
  aad.set(AAD_PREFIX, 0);
  new DataView(aad.buffer).setUint32(AAD_PREFIX.length, epoch);
  return aad;
}

export function encodeMeta(meta: EntryMeta): Uint8Array {
  if (!Number.isInteger(meta.breachId) || meta.breachId < 1 || meta.breachId > MAX_INDEX_BREACHES) {
    throw new RangeError('breachId must be 1..65535');
  }
  const out = new Uint8Array(META_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, INDEX_FORMAT_VERSION);
  view.setUint16(2, meta.breachId);
  view.setUint32(4, meta.classMask >>> 0);
  return out;
}

export function decodeMeta(bytes: Uint8Array): EntryMeta | null {
  if (bytes.length !== META_BYTES || bytes[0] !== INDEX_FORMAT_VERSION) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { breachId: view.getUint16(2), classMask: view.getUint32(4) };
}

/** nonce ‖ ciphertext ‖ GCM tag, SEALED_BYTES long. `nonce` must be fresh random bytes. */
export function sealMeta(crypto: IndexCrypto, metaKey: Uint8Array, epoch: number, meta: EntryMeta, nonce: Uint8Array): Uint8Array {
  if (nonce.length !== NONCE_BYTES) throw new RangeError('nonce must be 12 bytes');
  const body = crypto.aesGcmSeal(metaKey, nonce, encodeMeta(meta), metadataAad(epoch));
  const sealed = new Uint8Array(SEALED_BYTES);
  sealed.set(nonce, 0);
  sealed.set(body, NONCE_BYTES);
  return sealed;
}

export function openMeta(crypto: IndexCrypto, metaKey: Uint8Array, epoch: number, sealed: Uint8Array): EntryMeta | null {
  if (sealed.length !== SEALED_BYTES) return null;
  const plain = crypto.aesGcmOpen(metaKey, sealed.subarray(0, NONCE_BYTES), sealed.subarray(NONCE_BYTES), metadataAad(epoch));
  return plain ? decodeMeta(plain) : null;
}

/** Data classes whose bits are set in `mask`, from the breach's class list. */
export function classesOfMask(classes: readonly string[], mask: number): string[] {
  return classes.filter((_, i) => i < MAX_CLASSES_PER_BREACH && ((mask >>> i) & 1) === 1);
}
