/**
 * Recognising what a breach file is from its first bytes: encoding, format (delimited text or JSON
 * Lines) and delimiter. Pure: the caller reads the sample.
 */
export const SOURCE_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type SourceEncoding = (typeof SOURCE_ENCODINGS)[number];
export const SOURCE_FORMATS = ['csv', 'jsonl'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface EncodingGuess {
  readonly encoding: SourceEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bom: number;
  readonly reason: string;
}

/**
 * BOM first; then UTF-16 without BOM (every other byte zero in mostly-ASCII text); then UTF-8 if most
 * lines carrying non-ASCII bytes decode as UTF-8 (a few that do not are re-decoded one by one as
 * Windows-1252: files assembled from several systems mix them); else Windows-1252, which also covers
 * Latin-1 (ISO-8859-1) for every printable character.
 */
export function sniffEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3, reason: 'UTF-8 byte-order mark' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, reason: 'UTF-16LE byte-order mark' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2, reason: 'UTF-16BE byte-order mark' };
  const n = Math.min(sample.length, 4096) & ~1;
  if (n >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    const half = n / 2;
    if (oddZero > half * 0.3 && evenZero < half * 0.05) return { encoding: 'utf-16le', bom: 0, reason: 'UTF-16LE (zero high bytes)' };
    if (evenZero > half * 0.3 && oddZero < half * 0.05) return { encoding: 'utf-16be', bom: 0, reason: 'UTF-16BE (zero high bytes)' };
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = 0;
  let invalid = 0;
  for (const line of splitBytes(sample, true)) {
    if (!line.some((b) => b >= 0x80)) continue;
    try {
      utf8.decode(line);
      valid++;
    } catch {
      invalid++;
    }
  }
  if (valid === 0 && invalid === 0) return { encoding: 'utf-8', bom: 0, reason: 'ASCII only' };
  if (valid >= invalid) return { encoding: 'utf-8', bom: 0, reason: invalid === 0 ? 'valid UTF-8' : 'mostly UTF-8' };
  return { encoding: 'windows-1252', bom: 0, reason: 'not UTF-8: Windows-1252 / Latin-1' };
}

/** Lines of a byte sample; the last, possibly cut, line is dropped when `dropLast`. */
function splitBytes(bytes: Uint8Array, dropLast: boolean): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (!dropLast && start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

/** JSON Lines when the first non-blank line is a JSON object; delimited text otherwise. */
export function detectFormat(lines: readonly string[]): SourceFormat {
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined) return 'csv';
  const t = first.trim();
  if (t.startsWith('{') && t.endsWith('}')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) return 'jsonl';
    } catch {
      // not JSON: delimited text with a brace in it
    }
  }
  return 'csv';
}

/**
 * The delimiter that splits the sample lines into the same number (> 1) of fields most consistently;
 * quoted fields are respected. null when no candidate splits anything (a one-column file).
 */
export function detectDelimiter(lines: readonly string[]): string | null {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 50);
  let best: { d: string; score: number } | null = null;
  for (const d of DELIMITERS) {
    const counts = sample.map((l) => countOutsideQuotes(l, d));
    if (counts.length === 0 || counts.every((c) => c === 0)) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (mode === 0) continue;
    const score = (modeCount / counts.length) * 1000 + Math.min(mode, 50);
    if (!best || score > best.score) best = { d, score };
  }
  return best?.d ?? null;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}
