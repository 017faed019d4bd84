import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { blind, createOprfEvaluator, createOprfKey, deriveKeyPair, finalize, type OprfBackendPreference } from './index.js';
import { RFC9497_A11 } from './known-answer.js';
import { nativeAddonSkipReason } from '../../../test/support/skip.js';

// RFC 9497 Appendix A.1.1, ristretto255-SHA512, OPRF mode: checked on every server backend. The values in
// known-answer.ts agree with the RFC text, with @noble/curves' own ristretto255_oprf (tested upstream
// against the RFC) and with both libsodium paths.

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// Skipped with the reason when the addon is not built, but never on CI, where it must be.
const nativeSkip = await nativeAddonSkipReason();

const BACKENDS: readonly { preference: OprfBackendPreference; skip: string | false }[] = [
  { preference: 'wasm', skip: false },
  { preference: 'native', skip: nativeSkip },
  { preference: 'noble', skip: false },
];

describe('RFC 9497 A.1.1 (ristretto255-SHA512, OPRF mode)', () => {
  it('DeriveKeyPair(seed, "test key") gives skSm', () => {
    const { secretKey, publicKey } = deriveKeyPair(RFC9497_A11.seed, RFC9497_A11.keyInfo);
    assert.equal(hex(secretKey), hex(RFC9497_A11.skSm));
    assert.equal(hex(publicKey), hex(createOprfKey(1, secretKey).publicKey));
  });

  for (const [i, v] of RFC9497_A11.vectors.entries()) {
    it(`vector ${i + 1}: Blind (noble client) gives the BlindedElement`, () => {
      const blinded = blind(v.input, v.blind);
      assert.equal(hex(blinded.blind), hex(v.blind));
      assert.equal(hex(blinded.blindedElement), hex(v.blindedElement));
    });

    it(`vector ${i + 1}: Finalize (noble client) gives the Output`, () => {
      assert.equal(hex(finalize(v.input, v.blind, v.evaluationElement)), hex(v.output));
    });
  }

  for (const { preference, skip } of BACKENDS) {
    describe(`server backend ${preference}`, () => {
      it('BlindEvaluate, Evaluate and evaluateBatch reproduce every vector', { skip }, async () => {
        const evaluator = await createOprfEvaluator(createOprfKey(0, RFC9497_A11.skSm), preference);
        for (const v of RFC9497_A11.vectors) {
          const evaluated = evaluator.blindEvaluate(v.blindedElement);
          assert.equal(hex(evaluated), hex(v.evaluationElement));
          assert.equal(hex(finalize(v.input, v.blind, evaluated)), hex(v.output));
          assert.equal(hex(evaluator.evaluate(v.input)), hex(v.output));
        }
        const batch = evaluator.evaluateBatch(RFC9497_A11.vectors.map((v) => v.input));
        assert.deepEqual(
          batch.map(hex),
          RFC9497_A11.vectors.map((v) => hex(v.output)),
        );
      });
    });
  }
});
