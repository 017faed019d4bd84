import { createHash } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { knownAnswerFailure, RFC9497_A11 } from './known-answer.js';
import { assertOprfInput, ELEMENT_BYTES, finalizeOutput, hashToGroupUniformBytes, type Sha512 } from './rfc9497.js';
import { invalidElement } from './oprf-errors.js';
import { type OprfEvaluator } from './types.js';

/**
 * The portable server backend: libsodium compiled to WASM (`libsodium-wrappers-sumo`; the plain build has
 * no ristretto255), with node:crypto SHA-512 for the RFC 9380/9497 hashing around it.
 *
 * Import it as the default export: the package's types declare every crypto_* function as a named export,
 * but at run time its ESM build exports them only on the default object (`import * as` gives undefined).
 */

export const nodeSha512: Sha512 = (parts) => {
  const h = createHash('sha512');
  for (const part of parts) h.update(part);
  return h.digest();
};

let ready: Promise<string | undefined> | undefined;

/** Resolves to undefined once libsodium is usable, or to why it is not. */
export function wasmBackendProblem(): Promise<string | undefined> {
  ready ??= sodium.ready.then(
    () => {
      const failure = knownAnswerFailure(createWasmEvaluator(RFC9497_A11.skSm));
      return failure === undefined ? undefined : `libsodium WASM failed its known-answer test (${failure})`;
    },
    (error: unknown) => `libsodium WASM did not initialise: ${error instanceof Error ? error.message : String(error)}`,
  );
  return ready;
}

export function wasmLibsodiumVersion(): string {
  return sodium.sodium_version_string();
}

/** Call only after wasmBackendProblem() resolved to undefined. */
export function createWasmEvaluator(secretKey: Uint8Array): OprfEvaluator {
  const sk = Uint8Array.from(secretKey);

  const evaluate = (input: Uint8Array): Uint8Array => {
    assertOprfInput(input);
    const point = sodium.crypto_core_ristretto255_from_hash(hashToGroupUniformBytes(nodeSha512, input));
    // Throws only if the product is the identity: impossible for a nonzero key and a from_hash point.
    const evaluated = sodium.crypto_scalarmult_ristretto255(sk, point);
    return finalizeOutput(nodeSha512, input, evaluated);
  };

  const checkElement = (blindedElement: Uint8Array): void => {
    if (!(blindedElement instanceof Uint8Array) || blindedElement.length !== ELEMENT_BYTES) throw invalidElement('not 32 bytes');
    // is_valid_point accepts the identity (its only canonical encoding is all zeros): check it first.
    if (sodium.is_zero(blindedElement)) throw invalidElement('the identity element');
    // RFC 9496 rejects any value >= p, so a set top bit too (libsodium up to 1.0.18 ignores that bit).
    if ((blindedElement[31] ?? 0) & 0x80 || !sodium.crypto_core_ristretto255_is_valid_point(blindedElement)) {
      throw invalidElement('not a canonical ristretto255 encoding');
    }
  };
  return {
    backend: 'sodium-wasm',
    evaluate,
    // WASM has no per-call overhead worth batching away (the wrapper adds ~1 µs to ~150 µs of curve work).
    evaluateBatch: (inputs) => inputs.map(evaluate),
    checkElement,
    blindEvaluate(blindedElement) {
      checkElement(blindedElement);
      try {
        return sodium.crypto_scalarmult_ristretto255(sk, blindedElement);
      } catch (error) {
        throw invalidElement('the product is the identity', error);
      }
    },
  };
}
