import {
  deriveEntryKeys,
  encodeMeta,
  metadataAad,
  sealMeta,
  META_BYTES,
  NONCE_BYTES,
  SEALED_BYTES,
  TAG_BYTES,
  type EntryMeta,
  type IndexCrypto,
} from './index-format.js';

/** One built entry: bucketHash (u32, big-endian) ‖ tag (16) ‖ sealed metadata (36). */
export const ENTRY_RECORD_BYTES = 4 + TAG_BYTES + SEALED_BYTES;

/** Evaluates the OPRF on identifier inputs and builds their index entries. */
export interface IndexEntryBuilder {
  /** One ENTRY_RECORD_BYTES record per input, in input order. */
  build(inputs: readonly Uint8Array[], metas: readonly EntryMeta[], epoch: number): Uint8Array;
}

const encoder = new TextEncoder();
/** The constants of index format v1 (index-format.ts), for implementations outside TypeScript. */
export function indexFormatParams(epoch: number): { salt: Uint8Array; info: Uint8Array; aad: Uint8Array } {
  return { salt: encoder.encode('breachdesk/index/v1'), info: encoder.encode('entry'), aad: metadataAad(epoch) };
}

/** The reference builder: any OPRF backend, derivation and sealing through IndexCrypto. */
export function createEntryBuilder(
  evaluateBatch: (inputs: readonly Uint8Array[]) => Uint8Array[],
  crypto: IndexCrypto,
  randomBytes: (n: number) => Uint8Array,
): IndexEntryBuilder {
  return {
    build(inputs, metas, epoch) {
      const outputs = inputs.length > 0 ? evaluateBatch(inputs) : [];
      const records = new Uint8Array(outputs.length * ENTRY_RECORD_BYTES);
      const view = new DataView(records.buffer);
      const nonces = randomBytes(outputs.length * NONCE_BYTES);
      outputs.forEach((out, k) => {
        const keys = deriveEntryKeys(crypto, out);
        const sealed = sealMeta(crypto, keys.metaKey, epoch, metas[k]!, nonces.subarray(k * NONCE_BYTES, (k + 1) * NONCE_BYTES));
        const at = k * ENTRY_RECORD_BYTES;
        view.setUint32(at, keys.bucketHash);
        records.set(keys.tag, at + 4);
        records.set(sealed, at + 4 + TAG_BYTES);
      });
      return records;
    },
  };
}

/** A backend that evaluates, derives and seals in one call (the native addon), given the format's constants. */
export type FusedEntryFunction = (
  inputs: readonly Uint8Array[],
  metas: Uint8Array,
  nonces: Uint8Array,
  params: { salt: Uint8Array; info: Uint8Array; aad: Uint8Array },
) => Uint8Array;

export function createFusedEntryBuilder(fused: FusedEntryFunction, randomBytes: (n: number) => Uint8Array): IndexEntryBuilder {
  return {
    build(inputs, metas, epoch) {
      if (inputs.length === 0) return new Uint8Array(0);
      const packed = new Uint8Array(metas.length * META_BYTES);
      metas.forEach((m, i) => packed.set(encodeMeta(m), i * META_BYTES));
      return fused(inputs, packed, randomBytes(inputs.length * NONCE_BYTES), indexFormatParams(epoch));
    },
  };
}
