import { AppError } from '../../platform/errors.js';

/**
 * The byte-level pieces of RFC 9497 (OPRF mode 0x00, suite ristretto255-SHA512) that libsodium lacks:
 * RFC 9380 expand_message_xmd with SHA-512 (the HashToGroup step, before the RFC 9496 one-way map that
 * libsodium calls crypto_core_ristretto255_from_hash) and Finalize. Pure and isomorphic: SHA-512 comes
 * in as a function (node:crypto on the server, @noble/hashes in the browser), so no node: import here.
 */

export const OPRF_SUITE = 'ristretto255-SHA512' as const;
/** Mode 0x00: the base, non-verifiable OPRF. */
export const OPRF_MODE = 0x00;
export const ELEMENT_BYTES = 32;
export const SCALAR_BYTES = 32;
export const OUTPUT_BYTES = 64;
/** Inputs are length-prefixed with two bytes throughout the protocol (RFC 9497 §1.2). */
export const MAX_INPUT_BYTES = 0xffff;

/** SHA-512 of the concatenation of `parts`. */
export type Sha512 = (parts: readonly Uint8Array[]) => Uint8Array;

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** RFC 8017 I2OSP: `value` as `length` big-endian bytes. */
export function i2osp(value: number, length: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** (8 * length)) {
    throw new RangeError(`i2osp: ${value} does not fit in ${length} bytes`);
  }
  const out = new Uint8Array(length);
  for (let i = length - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
  return out;
}

/** contextString = "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier (RFC 9497 §3.1). */
export const CONTEXT_STRING = concatBytes(ascii('OPRFV1-'), i2osp(OPRF_MODE, 1), ascii(`-${OPRF_SUITE}`));
export const HASH_TO_GROUP_DST = concatBytes(ascii('HashToGroup-'), CONTEXT_STRING);
export const DERIVE_KEY_PAIR_DST = concatBytes(ascii('DeriveKeyPair'), CONTEXT_STRING);
const FINALIZE_LABEL = ascii('Finalize');

/** SHA-512 block size (r_in_bytes) and output size (b_in_bytes) for expand_message_xmd. */
const SHA512_BLOCK_BYTES = 128;
const SHA512_BYTES = 64;
const Z_PAD = new Uint8Array(SHA512_BLOCK_BYTES);

/** RFC 9380 §5.3.1 expand_message_xmd with SHA-512. */
export function expandMessageXmd(sha512: Sha512, msg: Uint8Array, dst: Uint8Array, lenInBytes: number): Uint8Array {
  const ell = Math.ceil(lenInBytes / SHA512_BYTES);
  if (ell > 255 || lenInBytes > 0xffff || lenInBytes < 1) throw new RangeError('expand_message_xmd: invalid output length');
  if (dst.length > 255) throw new RangeError('expand_message_xmd: DST longer than 255 bytes');
  const dstPrime = concatBytes(dst, i2osp(dst.length, 1));
  const b0 = sha512([Z_PAD, msg, i2osp(lenInBytes, 2), i2osp(0, 1), dstPrime]);
  const out = new Uint8Array(ell * SHA512_BYTES);
  let previous = sha512([b0, i2osp(1, 1), dstPrime]);
  out.set(previous, 0);
  for (let i = 2; i <= ell; i++) {
    const mixed = new Uint8Array(SHA512_BYTES);
    for (let j = 0; j < SHA512_BYTES; j++) mixed[j] = (b0[j] ?? 0) ^ (previous[j] ?? 0);
    previous = sha512([mixed, i2osp(i, 1), dstPrime]);
    out.set(previous, (i - 1) * SHA512_BYTES);
  }
  return out.subarray(0, lenInBytes);
}

/** The 64 uniform bytes HashToGroup(input) feeds to the RFC 9496 one-way map (libsodium's from_hash). */
export function hashToGroupUniformBytes(sha512: Sha512, input: Uint8Array): Uint8Array {
  return expandMessageXmd(sha512, input, HASH_TO_GROUP_DST, 64);
}

/** Finalize = SHA-512(I2OSP(len(input), 2) || input || I2OSP(len(unblinded), 2) || unblinded || "Finalize"). */
export function finalizeOutput(sha512: Sha512, input: Uint8Array, unblindedElement: Uint8Array): Uint8Array {
  return sha512([i2osp(input.length, 2), input, i2osp(unblindedElement.length, 2), unblindedElement, FINALIZE_LABEL]);
}

/** The caller's programming error, not a user's: inputs are short canonical strings built by the caller. */
export function assertOprfInput(input: Uint8Array): void {
  if (!(input instanceof Uint8Array)) {
    throw new AppError('VALIDATION_FAILED', 'OPRF input must be a Uint8Array', {
      issues: [{ path: 'input', message: 'not a Uint8Array' }],
    });
  }
  if (input.length > MAX_INPUT_BYTES) {
    throw new AppError('VALIDATION_FAILED', `OPRF input is longer than ${MAX_INPUT_BYTES} bytes`, {
      issues: [{ path: 'input', message: `longer than ${MAX_INPUT_BYTES} bytes` }],
      data: { length: input.length },
    });
  }
}
