import { pad2 } from './dates.js';
import type { Prng } from './prng.js';

/**
 * French NIR (numéro de sécurité sociale): a 13-character body (sex, YY, MM, department or 2A/2B or 99,
 * commune or country, order number) and a 2-digit key = 97 − (N mod 97), with 2A → 19 and 2B → 18 in N.
 */
export function nirKey(body: string): number {
  const department = body.slice(5, 7).toUpperCase();
  const digits =
    department === '2A' ? `${body.slice(0, 5)}19${body.slice(7)}` : department === '2B' ? `${body.slice(0, 5)}18${body.slice(7)}` : body;
  // 13 digits stay below 2^53, so Number arithmetic is exact.
  return 97 - (Number(digits) % 97);
}

/** Any key in 1..97 except the right one. */
export function wrongNirKey(key: number, rng: Prng): number {
  return 1 + ((key - 1 + rng.between(1, 96)) % 97);
}

/** Written as real files hold it: mostly 15 characters, some grouped with spaces, some with the key apart. */
export function formatNir(body: string, key: number, rng: Prng): string {
  const k = pad2(key);
  const lower = body.includes('2A') || body.includes('2B') ? rng.chance(0.2) : false;
  const b = lower ? body.toLowerCase() : body;
  const x = rng.float();
  if (x < 0.78) return b + k;
  if (x < 0.95) return `${b.slice(0, 1)} ${b.slice(1, 3)} ${b.slice(3, 5)} ${b.slice(5, 7)} ${b.slice(7, 10)} ${b.slice(10, 13)} ${k}`;
  return `${b} ${k}`;
}

/** A different written form of the same NIR than `written`, for duplicates. */
export function reformatNir(written: string, body: string, key: number): string {
  const k = pad2(key);
  const spaced = `${body.slice(0, 1)} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${k}`;
  return written.includes(' ') ? body + k : spaced;
}
