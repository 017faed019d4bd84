import { randomBytes } from 'node:crypto';

/**
 * Sortable unique ids: 48-bit millisecond time + 80 random bits, Crockford base32 (ULID layout), so rows
 * created later sort later in both SQLite and PostgreSQL without a sequence.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newId(now: Date): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET.charAt(time % 32) + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(10);
  let tail = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      tail += ALPHABET.charAt((acc >> bits) & 31);
    }
  }
  return head + tail;
}
