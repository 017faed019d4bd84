import { ristretto255, ristretto255_hasher, ristretto255_oprf } from '@noble/curves/ed25519.js';
import { nobleSha512 } from './noble-hash.js';
import { invalidElement } from './oprf-errors.js';
import { assertOprfInput, ELEMENT_BYTES, finalizeOutput, HASH_TO_GROUP_DST } from './rfc9497.js';
import { type OprfEvaluator } from './types.js';

/**
 * A pure-JavaScript server backend on @noble/curves, for tests and as a last resort. Slow (about 10× WASM)
 * and, per noble's README, its multiplication of a non-base point by the long-lived key is not blinded
 * against timing: do not serve the online endpoint with it.
 */
export function createNobleEvaluator(secretKey: Uint8Array): OprfEvaluator {
  const sk = Uint8Array.from(secretKey);
  const scalar = ristretto255.Point.Fn.fromBytes(sk);
  const { oprf } = ristretto255_oprf;
  // noble's oprf.evaluate exists at run time but not in its types: compose it from the typed pieces.
  const evaluate = (input: Uint8Array): Uint8Array => {
    assertOprfInput(input);
    const element = ristretto255_hasher.hashToCurve(input, { DST: HASH_TO_GROUP_DST });
    return finalizeOutput(nobleSha512, input, element.multiply(scalar).toBytes());
  };
  return {
    backend: 'noble',
    evaluate,
    evaluateBatch: (inputs) => inputs.map(evaluate),
    checkElement(blindedElement) {
      if (!(blindedElement instanceof Uint8Array) || blindedElement.length !== ELEMENT_BYTES) throw invalidElement('not 32 bytes');
      let point;
      try {
        point = ristretto255.Point.fromBytes(blindedElement);
      } catch (error) {
        throw invalidElement('not a canonical ristretto255 encoding', error);
      }
      if (point.equals(ristretto255.Point.ZERO)) throw invalidElement('the identity element');
    },
    blindEvaluate(blindedElement) {
      if (!(blindedElement instanceof Uint8Array) || blindedElement.length !== ELEMENT_BYTES) throw invalidElement('not 32 bytes');
      try {
        return oprf.blindEvaluate(sk, blindedElement);
      } catch (error) {
        // noble rejects non-canonical encodings and, after decoding, the identity.
        throw invalidElement('not a canonical non-identity ristretto255 encoding', error);
      }
    },
  };
}
