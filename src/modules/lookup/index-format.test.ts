import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nodeIndexCrypto } from '../../adapters/node-index-crypto.js';
import {
  BUCKET_ENTRY_BYTES,
  bucketOf,
  bucketRange,
  chooseBucketBits,
  classesOfMask,
  deriveEntryKeys,
  findInBucket,
  layoutBucket,
  openMeta,
  paddedBucketSize,
  sealMeta,
  SEALED_BYTES,
} from './index.js';

const rnd = (n: number) => new Uint8Array(randomBytes(n));

describe('index entry format', () => {
  it('derives bucket, tag and metadata key deterministically from the OPRF output alone', () => {
    const out = rnd(64);
    const a = deriveEntryKeys(nodeIndexCrypto, out);
    const b = deriveEntryKeys(nodeIndexCrypto, out);
    assert.deepEqual(a, b);
    assert.ok(a.bucketHash >= 0 && a.bucketHash < 2 ** 31);
    assert.equal(a.tag.length, 16);
    assert.equal(a.metaKey.length, 32);
    assert.notDeepEqual(deriveEntryKeys(nodeIndexCrypto, rnd(64)).tag, a.tag);
  });

  it('seals metadata that only the matching OPRF output opens, bound to the epoch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 1000 }),
        (breachId, classMask, epoch) => {
          const keys = deriveEntryKeys(nodeIndexCrypto, rnd(64));
          const sealed = sealMeta(nodeIndexCrypto, keys.metaKey, epoch, { breachId, classMask }, rnd(12));
          assert.equal(sealed.length, SEALED_BYTES);
          assert.deepEqual(openMeta(nodeIndexCrypto, keys.metaKey, epoch, sealed), { breachId, classMask });
          assert.equal(openMeta(nodeIndexCrypto, keys.metaKey, epoch + 1, sealed), null);
          assert.equal(openMeta(nodeIndexCrypto, deriveEntryKeys(nodeIndexCrypto, rnd(64)).metaKey, epoch, sealed), null);
          const tampered = sealed.slice();
          tampered[20]! ^= 1;
          assert.equal(openMeta(nodeIndexCrypto, keys.metaKey, epoch, tampered), null);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('maps class bits to the breach class list', () => {
    assert.deepEqual(classesOfMask(['name', 'phone-number', 'postal-address'], 0b101), ['name', 'postal-address']);
  });
});

describe('bucket layout', () => {
  it('chooses bucket bits from the data size as the reference table does', () => {
    assert.equal(chooseBucketBits(0), 0);
    assert.equal(chooseBucketBits(6000), 0);
    assert.equal(chooseBucketBits(33_000_000), 12);
    assert.equal(chooseBucketBits(3_000_000_000), 19);
  });

  it('pads to at least the Poisson bound and never below the real largest bucket', () => {
    const size = paddedBucketSize(33_000_000, 12, 8200);
    const mean = 33_000_000 / 4096;
    assert.ok(size >= mean + Math.sqrt(2 * mean * Math.log(4096)));
    assert.equal(size % 16, 0);
    assert.equal(paddedBucketSize(100, 0, 100), 112);
    assert.ok(paddedBucketSize(1000, 2, 900) >= 900);
  });

  it('partitions the 31-bit hash space into contiguous ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (bits, hash) => {
        const id = bucketOf(hash, bits);
        const { from, to } = bucketRange(id, bits);
        assert.ok(hash >= from && hash < to);
      }),
    );
    assert.throws(() => bucketRange(4, 2), RangeError);
  });

  it('lays out a padded, sorted bucket in which every real entry is found by its tag', () => {
    const real = Array.from({ length: 50 }, (_, i) => ({ tag: rnd(16), sealed: rnd(SEALED_BYTES), i }));
    // two breaches for one identifier share a tag
    real.push({ tag: real[0]!.tag, sealed: rnd(SEALED_BYTES), i: 50 });
    const bucket = layoutBucket(real, 128, rnd);
    assert.equal(bucket.length, 128 * BUCKET_ENTRY_BYTES);
    for (let i = 1; i < 128; i++) {
      const prev = Buffer.from(bucket.subarray((i - 1) * BUCKET_ENTRY_BYTES, (i - 1) * BUCKET_ENTRY_BYTES + 8));
      const cur = Buffer.from(bucket.subarray(i * BUCKET_ENTRY_BYTES, i * BUCKET_ENTRY_BYTES + 8));
      assert.ok(Buffer.compare(prev, cur) <= 0, 'sorted by tag');
    }
    for (const e of real) {
      const found = findInBucket(bucket, e.tag).map((s) => Buffer.from(s).toString('hex'));
      assert.ok(found.includes(Buffer.from(e.sealed).toString('hex')));
    }
    assert.equal(findInBucket(bucket, real[0]!.tag).length, 2);
    assert.equal(findInBucket(bucket, rnd(16)).length, 0);
    assert.throws(() => layoutBucket(real, 10, rnd), RangeError);
  });
});
