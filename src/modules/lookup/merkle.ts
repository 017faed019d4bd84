import { sha256 } from '@noble/hashes/sha2.js';

/**
 * A Merkle tree over the published buckets of one publication, so that a client can check a bucket it
 * fetched from any static host or CDN against the one root in the manifest (private-lookup.md §2.1, §2.7).
 *
 * Hashes follow RFC 6962 §2.1 (Certificate Transparency): leaf = SHA-256(0x00 ‖ bucket bytes),
 * node = SHA-256(0x01 ‖ left ‖ right), so a leaf can never pass for a node. There are always 2^bits
 * leaves (every bucket exists, padded), so the tree is perfect and every proof is `bits` hashes long:
 * each bucket file carries its own proof after its entries, and all bucket files have one size.
 *
 * Pure and isomorphic: the same code builds the tree in Node and checks a proof in the browser.
 */
export const MERKLE_HASH_BYTES = 32;

export function merkleLeaf(bucket: Uint8Array): Uint8Array {
  const input = new Uint8Array(bucket.length + 1);
  input[0] = 0;
  input.set(bucket, 1);
  return sha256(input);
}

function node(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + 2 * MERKLE_HASH_BYTES);
  input[0] = 1;
  input.set(left, 1);
  input.set(right, 1 + MERKLE_HASH_BYTES);
  return sha256(input);
}

/** Every level of the tree, leaves first and the root last; `leaves.length` must be a power of two. */
export function merkleLevels(leaves: readonly Uint8Array[]): Uint8Array[][] {
  if (leaves.length === 0 || (leaves.length & (leaves.length - 1)) !== 0) throw new RangeError('a Merkle tree here has 2^bits leaves');
  const levels: Uint8Array[][] = [[...leaves]];
  for (let level = levels[0]!; level.length > 1;) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(node(level[i]!, level[i + 1]!));
    levels.push(next);
    level = next;
  }
  return levels;
}

export function merkleRoot(levels: readonly (readonly Uint8Array[])[]): Uint8Array {
  return levels[levels.length - 1]![0]!;
}

/** The sibling hashes from leaf `index` up to the root, concatenated: bits × 32 bytes. */
export function merkleProof(levels: readonly (readonly Uint8Array[])[], index: number): Uint8Array {
  const proof = new Uint8Array((levels.length - 1) * MERKLE_HASH_BYTES);
  let at = index;
  for (let depth = 0; depth < levels.length - 1; depth++) {
    proof.set(levels[depth]![at ^ 1]!, depth * MERKLE_HASH_BYTES);
    at >>>= 1;
  }
  return proof;
}

/** True when `bucket`, at position `index`, with `proof`, hashes up to `root`. */
export function verifyMerkleProof(bucket: Uint8Array, index: number, proof: Uint8Array, root: Uint8Array): boolean {
  if (proof.length % MERKLE_HASH_BYTES !== 0 || root.length !== MERKLE_HASH_BYTES) return false;
  const depth = proof.length / MERKLE_HASH_BYTES;
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** depth) return false;
  let hash = merkleLeaf(bucket);
  let at = index;
  for (let d = 0; d < depth; d++) {
    const sibling = proof.subarray(d * MERKLE_HASH_BYTES, (d + 1) * MERKLE_HASH_BYTES);
    hash = (at & 1) === 0 ? node(hash, sibling) : node(sibling, hash);
    at >>>= 1;
  }
  return equalBytes(hash, root);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
