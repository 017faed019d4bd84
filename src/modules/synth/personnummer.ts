import { pad2 } from './dates.js';
import type { Prng } from './prng.js';

/**
 * Swedish personnummer as 12 digits: YYYYMMDD (day + 60 for a samordningsnummer), a 3-digit birth number
 * (odd for men, even for women) and a Luhn check digit computed over the 9 digits after the century.
 */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/** 12 digits from the century-full date part (YYYYMMDD, day possibly + 60) and the birth number. */
export function personnummer(datePart: string, birthNumber: number): string {
  const nnn = birthNumber < 10 ? `00${birthNumber}` : birthNumber < 100 ? `0${birthNumber}` : String(birthNumber);
  const base = datePart + nnn;
  return base + String(luhnCheckDigit(base.slice(2)));
}

export function datePart(y: number, m: number, d: number): string {
  return `${y}${pad2(m)}${pad2(d)}`;
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(pnr: string, rng: Prng): string {
  const c = pnr.charCodeAt(11) - 48;
  return pnr.slice(0, 11) + String((c + rng.between(1, 9)) % 10);
}

/**
 * The written forms: YYYYMMDD-NNNN, YYYYMMDDNNNN, and YYMMDD-NNNN where '-' becomes '+' from the year the
 * person turns 100 (so the 10-digit form stays unambiguous).
 */
export function formatPersonnummer(pnr: string, centenarian: boolean, rng: Prng): string {
  const x = rng.float();
  if (x < 0.4) return `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
  if (x < 0.75) return pnr;
  return shortPersonnummer(pnr, centenarian);
}

export function shortPersonnummer(pnr: string, centenarian: boolean): string {
  return `${pnr.slice(2, 8)}${centenarian ? '+' : '-'}${pnr.slice(8)}`;
}

/** A different written form of the same number than `written`, for duplicates. */
export function reformatPersonnummer(written: string, pnr: string, centenarian: boolean): string {
  if (written.length === 11) return `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
  return written.length === 12 ? shortPersonnummer(pnr, centenarian) : pnr;
}
