import { randomBytes } from 'node:crypto';

/**
 * Sortable unique ids in the ULID layout: 48-bit millisecond time + 80 random bits, Crockford base32.
 * Monotonic within a process: ids made in the same millisecond increment the random part, so rows
 * written later sort later in both SQLite and PostgreSQL without a sequence.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom = 0n;
const RANDOM_MAX = (1n << 80n) - 1n;

export function newId(now: Date): string {
  let time = Math.max(now.getTime(), lastTime);
  let random: bigint;
  if (time === lastTime) {
    random = lastRandom + 1n;
    if (random > RANDOM_MAX) {
      time += 1;
      random = fresh();
    }
  } else {
    random = fresh();
  }
  lastTime = time;
  lastRandom = random;
  return encode(BigInt(time), 10) + encode(random, 16);
}

function fresh(): bigint {
  // The top bit is left clear so a burst of increments within one millisecond cannot overflow.
  return BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n;
}

function encode(value: bigint, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET.charAt(Number(v & 31n)) + out;
    v >>= 5n;
  }
  return out;
}
