import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nodeIndexCrypto } from '../../adapters/node-index-crypto.js';
import { nativeAddonSkipReason } from '../../../test/support/skip.js';
import { createOprfEvaluator, createOprfKey, randomSecretKey } from '../oprf/index.js';
import { createEntryBuilder, createFusedEntryBuilder, deriveEntryKeys, ENTRY_RECORD_BYTES, openMeta, TAG_BYTES } from './index.js';

const skip = await nativeAddonSkipReason();

describe('index entry builders', () => {
  it('the reference builder writes records that open with the identifier’s own OPRF output', async () => {
    const key = createOprfKey(
      3,
      randomSecretKey((n) => new Uint8Array(randomBytes(n))),
    );
    const evaluator = await createOprfEvaluator(key, 'wasm');
    const builder = createEntryBuilder(
      (i) => evaluator.evaluateBatch(i),
      nodeIndexCrypto,
      (n) => new Uint8Array(randomBytes(n)),
    );
    const inputs = ['breachdesk/v1|email|a@b.fr', 'breachdesk/v1|phone|+33612345678'].map((s) => new TextEncoder().encode(s));
    const records = builder.build(
      inputs,
      [
        { breachId: 2, classMask: 5 },
        { breachId: 2, classMask: 7 },
      ],
      3,
    );
    assert.equal(records.length, 2 * ENTRY_RECORD_BYTES);
    const keys = deriveEntryKeys(nodeIndexCrypto, evaluator.evaluate(inputs[1]!));
    const second = records.subarray(ENTRY_RECORD_BYTES);
    assert.equal(new DataView(second.buffer, second.byteOffset).getUint32(0), keys.bucketHash);
    assert.deepEqual(second.subarray(4, 4 + TAG_BYTES), keys.tag);
    assert.deepEqual(openMeta(nodeIndexCrypto, keys.metaKey, 3, second.subarray(4 + TAG_BYTES)), { breachId: 2, classMask: 7 });
  });

  it('the native fused builder (evaluate, derive and seal in C) gives byte-identical records', { skip }, async () => {
    const key = createOprfKey(
      1,
      randomSecretKey((n) => new Uint8Array(randomBytes(n))),
    );
    const nativeEval = await createOprfEvaluator(key, 'native');
    const wasmEval = await createOprfEvaluator(key, 'wasm');
    assert.ok(nativeEval.indexEntries, 'the native backend offers fused entries');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 0, max: 0xffffffff })), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        async (items, epoch) => {
          const nonces = new Uint8Array(randomBytes(items.length * 12));
          const sameNonces = (n: number) => {
            assert.equal(n, nonces.length);
            return nonces.slice();
          };
          const inputs = items.map(([s]) => new TextEncoder().encode(`breachdesk/v1|email|${s}`));
          const metas = items.map(([, breachId, classMask]) => ({ breachId, classMask }));
          const fused = createFusedEntryBuilder(nativeEval.indexEntries!, sameNonces).build(inputs, metas, epoch);
          const reference = createEntryBuilder((i) => wasmEval.evaluateBatch(i), nodeIndexCrypto, sameNonces).build(inputs, metas, epoch);
          assert.deepEqual(Buffer.from(fused), Buffer.from(reference));
        },
      ),
      { numRuns: 40 },
    );
  });
});
