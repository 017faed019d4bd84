import { ristretto255, ristretto255_hasher, ristretto255_oprf } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { AppError } from '../../platform/errors.js';
import { assertOprfInput, ELEMENT_BYTES, HASH_TO_GROUP_DST, SCALAR_BYTES } from './rfc9497.js';

/**
 * The client side of RFC 9497 OPRF mode 0x00 (ristretto255-SHA512) on @noble/curves. Isomorphic: it runs
 * in the browser, so neither this file nor anything it imports may use a node: module (a test checks).
 */

const { Point } = ristretto255;
const { Fn } = Point;

function randomNonZeroScalar(): bigint {
  for (;;) {
    const scalar = Fn.create(bytesToNumberLE(randomBytes(64)));
    if (!Fn.is0(scalar)) return scalar;
  }
}

function parseBlind(bytes: Uint8Array): bigint {
  let scalar: bigint | undefined;
  if (bytes instanceof Uint8Array && bytes.length === SCALAR_BYTES) {
    try {
      scalar = Fn.fromBytes(bytes);
    } catch {
      scalar = undefined;
    }
  }
  if (scalar === undefined || Fn.is0(scalar)) {
    throw new AppError('VALIDATION_FAILED', 'OPRF blind must be a canonical nonzero 32-byte scalar', {
      issues: [{ path: 'blind', message: 'not a canonical nonzero 32-byte scalar' }],
    });
  }
  return scalar;
}

/**
 * Blind(input): a fresh random blind (or `randomScalar`, for the RFC test vectors) and the blinded element
 * to send to the server. Keep `blind` secret and pass it to finalize().
 */
export function blind(input: Uint8Array, randomScalar?: Uint8Array): { blind: Uint8Array; blindedElement: Uint8Array } {
  assertOprfInput(input);
  const r = randomScalar === undefined ? randomNonZeroScalar() : parseBlind(randomScalar);
  const inputElement = ristretto255_hasher.hashToCurve(input, { DST: HASH_TO_GROUP_DST });
  // RFC 9497 §3.3.1: fail on the identity (a SHA-512 preimage of it is not expected to exist).
  if (inputElement.equals(Point.ZERO)) throw new AppError('OPRF_INVALID_ELEMENT', 'The input hashes to the identity element');
  return { blind: Fn.toBytes(r), blindedElement: inputElement.multiply(r).toBytes() };
}

/** Finalize(input, blind, evaluatedElement): the 64-byte OPRF output. */
export function finalize(input: Uint8Array, blind: Uint8Array, evaluatedElement: Uint8Array): Uint8Array {
  assertOprfInput(input);
  parseBlind(blind);
  if (!(evaluatedElement instanceof Uint8Array) || evaluatedElement.length !== ELEMENT_BYTES) {
    throw new AppError('OPRF_INVALID_ELEMENT', 'The evaluated element must be 32 bytes');
  }
  try {
    return ristretto255_oprf.oprf.finalize(input, blind, evaluatedElement);
  } catch (error) {
    // noble rejects a non-canonical encoding or the identity; the message names neither value.
    throw new AppError('OPRF_INVALID_ELEMENT', 'The evaluated element is not a valid non-identity ristretto255 encoding', { cause: error });
  }
}
