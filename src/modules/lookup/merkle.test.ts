import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { merkleLeaf, merkleLevels, merkleProof, merkleRoot, verifyMerkleProof } from './merkle.js';

describe('bucket Merkle tree', () => {
  it('proves every leaf of trees of 1 to 2^6 leaves, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 64, maxLength: 64 }),
        (bits, pool) => {
          const buckets = pool.slice(0, 2 ** bits);
          const levels = merkleLevels(buckets.map(merkleLeaf));
          const root = merkleRoot(levels);
          buckets.forEach((bucket, i) => {
            const proof = merkleProof(levels, i);
            assert.equal(proof.length, bits * 32);
            assert.ok(verifyMerkleProof(bucket, i, proof, root));
            const other = Uint8Array.from([...bucket, 1]);
            assert.ok(!verifyMerkleProof(other, i, proof, root), 'a changed bucket fails');
            if (bits > 0)
              assert.ok(
                !verifyMerkleProof(bucket, i ^ 1, proof, root) || equal(buckets[i ^ 1]!, bucket),
                'a bucket moved to another position fails',
              );
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('separates leaves from nodes (RFC 6962), and refuses malformed proofs', () => {
    const levels = merkleLevels([merkleLeaf(new Uint8Array([1])), merkleLeaf(new Uint8Array([2]))]);
    const root = merkleRoot(levels);
    assert.notDeepEqual(root, merkleLeaf(new Uint8Array([1, 2])));
    assert.ok(!verifyMerkleProof(new Uint8Array([1]), 0, new Uint8Array(31), root));
    assert.ok(!verifyMerkleProof(new Uint8Array([1]), 2, merkleProof(levels, 0), root));
    assert.throws(
      () => merkleLevels([merkleLeaf(new Uint8Array()), merkleLeaf(new Uint8Array()), merkleLeaf(new Uint8Array())]),
      RangeError,
    );
  });
});

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
