// Windows-1252 bytes 0x80–0x9F that are not C1 controls, by code point.
const HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);
// The five bytes Windows-1252 leaves undefined decode to these C1 code points in WHATWG's table; they round-trip.
const UNDEFINED_BYTES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const QUESTION_MARK = 0x3f;

/** Encodes text as Windows-1252 (WHATWG table); a character outside it becomes '?', one per code point. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff) || UNDEFINED_BYTES.has(c)) out[n++] = c;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      out[n++] = QUESTION_MARK;
    } else out[n++] = HIGH.get(c) ?? QUESTION_MARK;
  }
  return out.subarray(0, n);
}

export function isWindows1252Encodable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c < 0x80 || (c >= 0xa0 && c <= 0xff) || UNDEFINED_BYTES.has(c) || HIGH.has(c))) return false;
  }
  return true;
}
