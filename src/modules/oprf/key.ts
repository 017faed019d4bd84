import { ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { AppError } from '../../platform/errors.js';
import { concatBytes, DERIVE_KEY_PAIR_DST, expandMessageXmd, i2osp, MAX_INPUT_BYTES, OPRF_SUITE, SCALAR_BYTES } from './rfc9497.js';
import { nobleSha512 } from './noble-hash.js';
import { type OprfKey } from './types.js';

/**
 * Key derivation and key objects. Scalar arithmetic is @noble/curves (only base-point multiplication by
 * the key, once per key, which noble does with constant-time precomputed windows).
 */

const { Point } = ristretto255;
const { Fn } = Point;

const FINGERPRINT_LABEL = new TextEncoder().encode('breachdesk/oprf-key/v1');
const SUITE_BYTES = new TextEncoder().encode(OPRF_SUITE);

function invalidKey(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: 'secretKey', message }] });
}

/** The scalar of a canonical, nonzero 32-byte little-endian encoding; throws without echoing the bytes. */
function parseSecretScalar(secretKey: Uint8Array): bigint {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== SCALAR_BYTES) {
    throw invalidKey('OPRF secret key must be 32 bytes');
  }
  let scalar: bigint;
  try {
    scalar = Fn.fromBytes(secretKey);
  } catch {
    throw invalidKey('OPRF secret key is not a canonical scalar (it must be below the group order)');
  }
  if (Fn.is0(scalar)) throw invalidKey('OPRF secret key is zero');
  return scalar;
}

/** RFC 9497 §3.2.1 DeriveKeyPair(seed, info) for mode 0x00 (used for the RFC test vectors). */
export function deriveKeyPair(seed: Uint8Array, info: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) {
    throw new AppError('VALIDATION_FAILED', 'DeriveKeyPair seed must be 32 bytes', {
      issues: [{ path: 'seed', message: 'must be 32 bytes' }],
    });
  }
  if (!(info instanceof Uint8Array) || info.length > MAX_INPUT_BYTES) {
    throw new AppError('VALIDATION_FAILED', 'DeriveKeyPair info must be at most 65535 bytes', {
      issues: [{ path: 'info', message: 'must be at most 65535 bytes' }],
    });
  }
  const deriveInput = concatBytes(seed, i2osp(info.length, 2), info);
  for (let counter = 0; counter <= 255; counter++) {
    // HashToScalar for ristretto255: expand_message_xmd to 64 bytes, little-endian, mod L.
    const uniform = expandMessageXmd(nobleSha512, concatBytes(deriveInput, i2osp(counter, 1)), DERIVE_KEY_PAIR_DST, 64);
    const scalar = Fn.create(bytesToNumberLE(uniform));
    if (!Fn.is0(scalar)) return { secretKey: Fn.toBytes(scalar), publicKey: Point.BASE.multiply(scalar).toBytes() };
  }
  throw new AppError('INTERNAL', 'DeriveKeyPair found no nonzero scalar in 256 attempts');
}

/**
 * A uniformly random nonzero scalar: 64 random bytes reduced mod L (bias below 2^-250), retried on zero.
 * `randomBytes` is the randomness port (node:crypto randomBytes on the server).
 */
export function randomSecretKey(randomBytes: (length: number) => Uint8Array): Uint8Array {
  for (let attempt = 0; attempt < 16; attempt++) {
    const wide = randomBytes(64);
    if (!(wide instanceof Uint8Array) || wide.length !== 64) throw new AppError('INTERNAL', 'randomBytes(64) did not return 64 bytes');
    const scalar = Fn.create(bytesToNumberLE(wide));
    wide.fill(0);
    if (!Fn.is0(scalar)) return Fn.toBytes(scalar);
  }
  throw new AppError('INTERNAL', 'The random source returned only zero scalars');
}

/** ristretto255 encoding of secretKey·G. */
export function publicKeyFor(secretKey: Uint8Array): Uint8Array {
  return Point.BASE.multiply(parseSecretScalar(secretKey)).toBytes();
}

/** Hex of the first 16 bytes of SHA-256("breachdesk/oprf-key/v1" || suite || publicKey). */
export function keyFingerprint(publicKey: Uint8Array): string {
  return bytesToHex(sha256(concatBytes(FINGERPRINT_LABEL, SUITE_BYTES, publicKey)).subarray(0, 16));
}

/** Builds the key object of one epoch from its secret scalar (copied; the caller may wipe its own). */
export function createOprfKey(epoch: number, secretKey: Uint8Array): OprfKey {
  if (!Number.isSafeInteger(epoch) || epoch < 0) {
    throw new AppError('VALIDATION_FAILED', 'OPRF key epoch must be a non-negative integer', {
      issues: [{ path: 'epoch', message: 'must be a non-negative integer' }],
    });
  }
  const publicKey = publicKeyFor(secretKey);
  const key = {};
  Object.defineProperties(key, {
    epoch: { value: epoch, enumerable: true },
    secretKey: { value: Uint8Array.from(secretKey), enumerable: false },
    publicKey: { value: publicKey, enumerable: true },
    fingerprint: { value: keyFingerprint(publicKey), enumerable: true },
  });
  return Object.freeze(key) as OprfKey;
}

/** Checks that an object really is a usable key (catches an OprfKey that lost its secret in a clone). */
export function assertOprfKey(key: OprfKey): void {
  if (typeof key !== 'object' || key === null || !(key.secretKey instanceof Uint8Array)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Not an OprfKey with a secret key (secretKey is non-enumerable and is lost by spread or structuredClone; call createOprfKey on the receiving side)',
    );
  }
  parseSecretScalar(key.secretKey);
}
