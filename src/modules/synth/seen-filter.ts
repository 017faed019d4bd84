/**
 * A Bloom filter over canonical identifier keys. `claim(key)` adds the key and answers true only when the
 * key was certainly never added before; false means it might have been (then nothing changes). The
 * generator redraws an identifier until its claim succeeds, so a fresh row is fresh for certain while
 * memory stays bounded (8 bits per expected key, at most 128 MiB).
 */
export interface SeenFilter {
  claim(key: string): boolean;
}

const MIN_BITS = 2 ** 16;
const MAX_BITS = 2 ** 30;

export function createSeenFilter(expectedKeys: number): SeenFilter {
  let bits = MIN_BITS;
  while (bits < expectedKeys * 8 && bits < MAX_BITS) bits *= 2;
  const words = new Int32Array(bits / 32);
  const mask = bits - 1;
  return {
    claim(key) {
      // Three probes by double hashing (Kirsch–Mitzenmacher) from two 32-bit string hashes.
      let h1 = 0x811c9dc5;
      let h2 = 0x9747b28c;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      h1 ^= h1 >>> 13;
      h1 = Math.imul(h1, 0xc2b2ae35);
      h1 ^= h1 >>> 16;
      h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) | 1;
      let fresh = false;
      for (let k = 0; k < 3; k++) {
        const bit = (h1 + Math.imul(k, h2)) & mask;
        const word = bit >>> 5;
        const flag = 1 << (bit & 31);
        const old = words[word] as number;
        if ((old & flag) === 0) {
          fresh = true;
          words[word] = old | flag;
        }
      }
      return fresh;
    },
  };
}
