import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { ristretto255 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { isAppError } from '../../platform/errors.js';
import { blind, createOprfEvaluator, createOprfKey, finalize, type OprfBackendPreference, type OprfEvaluator } from './index.js';
import { randomSecretKey } from './key.js';
import { nativeAddonSkipReason } from '../../../test/support/skip.js';

// Every server backend against the noble client and against each other: the online protocol
// (blind → blindEvaluate → finalize) must give what the index build computes (evaluate), everywhere.

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const nativeSkip = await nativeAddonSkipReason();
const nativeMissing = nativeSkip !== false;
if (nativeMissing) console.log(`# sodium-native left out of the cross-tests: ${nativeSkip}`);
const PREFERENCES: readonly OprfBackendPreference[] = nativeMissing ? ['wasm', 'noble'] : ['wasm', 'native', 'noble'];

const key = createOprfKey(
  7,
  randomSecretKey((n) => randomBytes(n)),
);
const evaluators: OprfEvaluator[] = [];
before(async () => {
  for (const preference of PREFERENCES) evaluators.push(await createOprfEvaluator(key, preference));
});

function assertInvalidElement(fn: () => unknown, what: string): void {
  assert.throws(fn, (error: unknown) => isAppError(error) && error.code === 'OPRF_INVALID_ELEMENT', what);
}

describe('OPRF backends agree', () => {
  it('uses the backends it was asked for', () => {
    assert.deepEqual(
      evaluators.map((e) => e.backend),
      PREFERENCES.map((p) => ({ wasm: 'sodium-wasm', native: 'sodium-native', noble: 'noble', auto: '?' })[p]),
    );
  });

  it('client blind → every backend blindEvaluate → client finalize == every backend evaluate', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 80 }),
          fc.stringMatching(/^[0-9]{13}$/).map((nir) => utf8(`breachdesk/v1|fr-nir|${nir}`)),
        ),
        (input) => {
          const expected = hex(evaluators[0]!.evaluate(input));
          const { blind: r, blindedElement } = blind(input);
          for (const evaluator of evaluators) {
            assert.equal(hex(evaluator.evaluate(input)), expected, `${evaluator.backend} evaluate`);
            assert.equal(hex(finalize(input, r, evaluator.blindEvaluate(blindedElement))), expected, `${evaluator.backend} round trip`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('evaluateBatch equals evaluate item by item, including empty inputs, views and an empty batch', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 12 }), (inputs) => {
        for (const evaluator of evaluators) {
          assert.deepEqual(
            evaluator.evaluateBatch(inputs).map(hex),
            inputs.map((x) => hex(evaluator.evaluate(x))),
            evaluator.backend,
          );
        }
      }),
      { numRuns: 25 },
    );
    // Inputs that are views at an offset into a larger buffer (what a file reader hands over).
    const pool = utf8('xxbreachdesk/v1|email|a@example.orgyybreachdesk/v1|phone|+33612345678zz');
    const views = [pool.subarray(2, 35), pool.subarray(37, 71), pool.subarray(5, 5)];
    for (const evaluator of evaluators) {
      assert.deepEqual(
        evaluator.evaluateBatch(views).map(hex),
        views.map((v) => hex(evaluator.evaluate(Uint8Array.from(v)))),
        evaluator.backend,
      );
    }
  });

  it('a batch larger than one native chunk (4096) gives the same outputs on the sodium backends', () => {
    const inputs = Array.from({ length: 4100 }, (_, i) => utf8(`breachdesk/v1|fr-nir|${1850512345000 + i}`));
    const sodium = evaluators.filter((e) => e.backend !== 'noble');
    const [first, ...others] = sodium.map((e) => e.evaluateBatch(inputs).map(hex));
    assert.equal(first?.length, inputs.length);
    for (const other of others) assert.deepEqual(other, first);
    assert.equal(new Set(first).size, inputs.length);
  });

  it('accepts a 65535-byte input and refuses a longer one with VALIDATION_FAILED', () => {
    const longest = new Uint8Array(65535).fill(0x61);
    const outputs = evaluators.map((e) => hex(e.evaluate(longest)));
    assert.equal(new Set(outputs).size, 1);
    for (const evaluator of evaluators) {
      for (const call of [
        () => evaluator.evaluate(new Uint8Array(65536)),
        () => evaluator.evaluateBatch([new Uint8Array(1), new Uint8Array(65536)]),
      ]) {
        assert.throws(call, (error: unknown) => isAppError(error) && error.code === 'VALIDATION_FAILED', evaluator.backend);
      }
    }
  });
});

describe('blindEvaluate and checkElement reject bad elements with OPRF_INVALID_ELEMENT', () => {
  const p = (1n << 255n) - 19n;
  const le32 = (n: bigint): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
  const valid = ristretto255.Point.BASE.multiply(12345n).toBytes();
  const highBit = Uint8Array.from(valid);
  highBit[31] = (highBit[31] ?? 0) | 0x80;

  const bad: readonly [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['31 bytes', valid.subarray(0, 31)],
    ['33 bytes', Uint8Array.from([...valid, 0])],
    ['64 bytes', new Uint8Array(64).fill(1)],
    ['the identity (all zeros)', new Uint8Array(32)],
    ['p, a non-canonical encoding of zero', le32(p)],
    ['p + 2, a non-canonical field element', le32(p + 2n)],
    ['2^255 - 1', le32((1n << 255n) - 1n)],
    ['a valid encoding with the top bit set', highBit],
    ['s = 1, a negative field element', le32(1n)],
    ['all 0xff', new Uint8Array(32).fill(0xff)],
  ];

  for (const [name, element] of bad) {
    it(name, () => {
      for (const evaluator of evaluators) {
        assertInvalidElement(() => evaluator.blindEvaluate(element), `${evaluator.backend}: ${name}`);
        assertInvalidElement(() => evaluator.checkElement(element), `${evaluator.backend} checkElement: ${name}`);
      }
    });
  }

  it('random 32-byte strings: every backend accepts exactly what noble decodes, with equal results', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        let decodable: boolean;
        try {
          decodable = !ristretto255.Point.fromBytes(bytes).is0();
        } catch {
          decodable = false;
        }
        if (!decodable) {
          rejected++;
          for (const evaluator of evaluators) {
            assertInvalidElement(() => evaluator.blindEvaluate(bytes), evaluator.backend);
            assertInvalidElement(() => evaluator.checkElement(bytes), `${evaluator.backend} checkElement`);
          }
          return;
        }
        for (const evaluator of evaluators) evaluator.checkElement(bytes); // accepts what it will evaluate
        const results = evaluators.map((e) => hex(e.blindEvaluate(bytes)));
        assert.equal(new Set(results).size, 1);
      }),
      { numRuns: 300 },
    );
    assert.ok(rejected > 100, `most random strings are not valid encodings (rejected ${rejected})`);
  });

  it('error messages and data never contain the element bytes', () => {
    const element = le32(p + 2n);
    for (const evaluator of evaluators) {
      try {
        evaluator.blindEvaluate(element);
        assert.fail('accepted');
      } catch (error) {
        const text = `${String(error)} ${JSON.stringify(error)}`;
        assert.ok(!text.includes(hex(element)) && !text.includes(Buffer.from(element).toString('base64')), evaluator.backend);
      }
    }
  });
});
