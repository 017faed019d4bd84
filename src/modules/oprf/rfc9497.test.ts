import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { nobleSha512 } from './noble-hash.js';
import { CONTEXT_STRING, DERIVE_KEY_PAIR_DST, expandMessageXmd, HASH_TO_GROUP_DST, i2osp } from './rfc9497.js';
import { nodeSha512 } from './wasm-backend.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('RFC 9497 / RFC 9380 building blocks', () => {
  it('has the suite constants of RFC 9497 §3.1 and §4.1', () => {
    assert.equal(Buffer.from(CONTEXT_STRING).toString('latin1'), 'OPRFV1-\x00-ristretto255-SHA512');
    assert.equal(hex(HASH_TO_GROUP_DST), '48617368546f47726f75702d4f50524656312d002d72697374726574746f3235352d534841353132');
    assert.equal(Buffer.from(DERIVE_KEY_PAIR_DST).toString('latin1'), 'DeriveKeyPairOPRFV1-\x00-ristretto255-SHA512');
  });

  it('i2osp is big-endian and range-checked', () => {
    assert.equal(hex(i2osp(0x1234, 2)), '1234');
    assert.equal(hex(i2osp(7, 1)), '07');
    assert.throws(() => i2osp(256, 1), RangeError);
    assert.throws(() => i2osp(-1, 2), RangeError);
  });

  it('expand_message_xmd(SHA-512) equals noble for any message, DST and length, with either SHA-512', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 1, maxLength: 255 }),
        fc.integer({ min: 1, max: 400 }),
        (msg, dst, length) => {
          const expected = hex(expand_message_xmd(msg, dst, length, sha512));
          assert.equal(hex(expandMessageXmd(nobleSha512, msg, dst, length)), expected);
          assert.equal(hex(expandMessageXmd(nodeSha512, msg, dst, length)), expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
