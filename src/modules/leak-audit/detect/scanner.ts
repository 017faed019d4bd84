import type { Boundary } from './needles.js';

/**
 * Multi-needle substring search: needles bucketed by a hash of their first KEY_LENGTH case-folded characters, a 64 Ki
 * bit table to skip positions no needle can start at, and verification of the few candidates left. Chosen over
 * Aho–Corasick because the pool (a few thousand needles, most of them hex or base64 digests) has near-unique prefixes, so a
 * position costs four reads and one table probe; measured in bench/leak-detect.bench.ts.
 *
 * Case folding is per UTF-16 unit and keeps lengths (no 'ß' → 'ss'), so offsets in the folded text are offsets in the
 * original.
 */
export const KEY_LENGTH = 4;

export interface ScanEntry<T> {
  readonly text: string;
  readonly caseSensitive: boolean;
  readonly boundary: Boundary;
  readonly payload: T;
}

export interface ScanMatch<T> {
  readonly entry: ScanEntry<T>;
  readonly start: number;
  readonly end: number;
}

interface Compiled<T> {
  readonly entry: ScanEntry<T>;
  /** Folded when case-insensitive, else raw code units. */
  readonly codes: Uint16Array;
}

let foldTable: Uint16Array | undefined;

/** Lower-case of one UTF-16 unit when that is again one unit, else the unit itself. */
export function foldTableFor(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) {
      table[code] = code;
      continue;
    }
    const lower = String.fromCharCode(code).toLowerCase();
    table[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  foldTable = table;
  return table;
}

export function foldText(text: string): string {
  // ASCII (nearly every parameter value): toLowerCase folds exactly as the table does.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i += 1) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) return text.toLowerCase();
  const fold = foldTableFor();
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += String.fromCharCode(fold[text.charCodeAt(i)]!);
  return out;
}

function keyOf(a: number, b: number, c: number, d: number): number {
  return (Math.imul(Math.imul(Math.imul(a, 31) + b, 31) + c, 31) + d) | 0;
}

export interface Scanner<T> {
  scan(text: string): ScanMatch<T>[];
}

export function createScanner<T>(entries: readonly ScanEntry<T>[]): Scanner<T> {
  const fold = foldTableFor();
  const buckets = new Map<number, Compiled<T>[]>();
  const filter = new Uint8Array(65536);
  for (const entry of entries) {
    if (entry.text.length < KEY_LENGTH) throw new RangeError(`scanner needles must have at least ${KEY_LENGTH} characters`);
    const codes = new Uint16Array(entry.text.length);
    for (let i = 0; i < codes.length; i += 1) {
      const code = entry.text.charCodeAt(i);
      codes[i] = entry.caseSensitive ? code : fold[code]!;
    }
    const key = keyOf(fold[codes[0]!]!, fold[codes[1]!]!, fold[codes[2]!]!, fold[codes[3]!]!);
    filter[key & 0xffff] = 1;
    const bucket = buckets.get(key);
    if (bucket) bucket.push({ entry, codes });
    else buckets.set(key, [{ entry, codes }]);
  }

  let folded = new Uint16Array(4096);
  let raw = new Uint16Array(4096);

  return {
    scan(text: string): ScanMatch<T>[] {
      const n = text.length;
      const matches: ScanMatch<T>[] = [];
      if (n < KEY_LENGTH || buckets.size === 0) return matches;
      if (folded.length < n) {
        folded = new Uint16Array(n * 2);
        raw = new Uint16Array(n * 2);
      }
      for (let i = 0; i < n; i += 1) {
        const code = text.charCodeAt(i);
        raw[i] = code;
        folded[i] = fold[code]!;
      }
      let a = 0;
      let b = folded[0]!;
      let c = folded[1]!;
      let d = folded[2]!;
      for (let i = 0; i + KEY_LENGTH <= n; i += 1) {
        a = b;
        b = c;
        c = d;
        d = folded[i + 3]!;
        const key = keyOf(a, b, c, d);
        if (filter[key & 0xffff] === 0) continue;
        const bucket = buckets.get(key);
        if (!bucket) continue;
        for (const candidate of bucket) {
          const length = candidate.codes.length;
          if (i + length > n) continue;
          const source = candidate.entry.caseSensitive ? raw : folded;
          let j = 0;
          while (j < length && source[i + j] === candidate.codes[j]) j += 1;
          if (j < length) continue;
          if (!boundaryHolds(candidate.entry.boundary, raw, n, i, i + length)) continue;
          matches.push({ entry: candidate.entry, start: i, end: i + length });
        }
      }
      return matches;
    },
  };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCharacter(code: number): boolean {
  if (isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code >= 0xc0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function boundaryHolds(boundary: Boundary, codes: Uint16Array, n: number, start: number, end: number): boolean {
  if (boundary === 'none') return true;
  const test = boundary === 'digit' ? isDigit : isWordCharacter;
  if (start > 0 && test(codes[start - 1]!) && test(codes[start]!)) return false;
  if (end < n && test(codes[end]!) && test(codes[end - 1]!)) return false;
  return true;
}
