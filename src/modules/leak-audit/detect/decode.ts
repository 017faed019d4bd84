import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { EncodingStep } from './vocabulary.js';

/** Decompressed bodies larger than this are cut: a tracker payload is kilobytes, and a zip bomb must not take the audit down. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
/** Shortest text tried as base64: 8 characters are 6 bytes, the shortest canary worth decoding for. */
const MIN_BASE64_LENGTH = 8;
/** Base64 runs inside free text are tried up to this many per text (a big body has many long tokens). */
export const MAX_EMBEDDED_TOKENS = 64;

const PERCENT = /%[0-9A-Fa-f]{2}/;

export function hasPercentEscape(text: string): boolean {
  return PERCENT.test(text);
}

/** Percent-decoding that never throws: runs of escapes are read as UTF-8 bytes, a lone '%' stays as it is. */
export function percentDecode(text: string, plusAsSpace: boolean): string {
  const spaced = plusAsSpace ? text.replace(/\+/g, ' ') : text;
  return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

/** Text that may be base64 (standard or URL alphabet, padding optional) and is worth decoding. */
export function base64Kind(text: string): 'base64' | 'base64url' | undefined {
  if (text.length < MIN_BASE64_LENGTH || text.length % 4 === 1) return undefined;
  // Digits and hex are ids and digests far more often than base64 of text (which has upper-case letters beyond F).
  if (/^[0-9A-Fa-f]+$/.test(text)) return undefined;
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return 'base64';
  if (/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return 'base64url';
  return undefined;
}

export interface Decoded {
  readonly text: string;
  /** Outermost first, as removed. */
  readonly steps: readonly EncodingStep[];
}

/**
 * base64/base64url → bytes → (gzip/zlib inflated when the bytes start with their magic) → text, or undefined when the
 * result is not readable text (hex digests, ids and words also look like base64; their decoding is binary noise).
 */
export function decodeBase64(text: string): Decoded | undefined {
  const kind = base64Kind(text);
  if (!kind) return undefined;
  const bytes = Buffer.from(text, kind);
  if (bytes.length === 0) return undefined;
  const inflated = inflateByMagic(bytes);
  const readable = readableText(inflated ? inflated.bytes : bytes);
  if (readable === undefined) return undefined;
  return { text: readable, steps: inflated ? [kind, inflated.step] : [kind] };
}

/** Base64-looking runs inside a longer text (a token in a path, a blob inside a JS string), at most MAX_EMBEDDED_TOKENS. */
export function embeddedBase64Tokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{12,}={0,2}/g)) {
    // Digits and hex are ids and digests far more often than base64 of text.
    if (match[0] === text || /^[0-9A-Fa-f]+$/.test(match[0])) continue;
    tokens.add(match[0]);
    if (tokens.size >= MAX_EMBEDDED_TOKENS) break;
  }
  return [...tokens];
}

/** Inflate by the body's magic bytes: gzip 1f 8b, zlib 78 xx with a valid header check. */
export function inflateByMagic(bytes: Buffer): { bytes: Buffer; step: 'gzip' | 'deflate' } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const out = attempt(() => gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES }));
    return out && { bytes: out, step: 'gzip' };
  }
  if (bytes.length >= 3 && bytes[0] === 0x78 && ((bytes[0] << 8) | bytes[1]!) % 31 === 0) {
    const out = attempt(() => inflateSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES }));
    return out && { bytes: out, step: 'deflate' };
  }
  return undefined;
}

/** Undo a Content-Encoding (gzip, deflate as zlib or raw, br), falling back to the magic bytes when the header lies. */
export function decodeContentEncoding(bytes: Buffer, contentEncoding: string | undefined): { bytes: Buffer; step?: EncodingStep } {
  const coding = contentEncoding?.trim().toLowerCase();
  const limit = { maxOutputLength: MAX_INFLATED_BYTES };
  if (coding === 'br') {
    const out = attempt(() => brotliDecompressSync(bytes, limit));
    if (out) return { bytes: out, step: 'brotli' };
  }
  const magic = inflateByMagic(bytes);
  if (magic) return magic;
  if (coding === 'deflate') {
    const out = attempt(() => inflateRawSync(bytes, limit));
    if (out) return { bytes: out, step: 'deflate' };
  }
  return { bytes };
}

function attempt(inflate: () => Buffer): Buffer | undefined {
  try {
    return inflate();
  } catch {
    return undefined;
  }
}

/**
 * Valid UTF-8 without control characters other than tab, CR and LF, or undefined. Binary noise is the common case (ids,
 * digests and words decoded as base64), so validation is a byte scan: a TextDecoder in fatal mode would throw each time.
 */
export function readableText(bytes: Uint8Array): string | undefined {
  let ascii = true;
  let continuation = 0;
  for (const byte of bytes) {
    if (continuation > 0) {
      if ((byte & 0xc0) !== 0x80) return undefined;
      continuation -= 1;
      continue;
    }
    if (byte < 0x80) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return undefined;
      continue;
    }
    ascii = false;
    // Lead bytes of 2-, 3- and 4-byte sequences; C0/C1 (overlong) and F5–FF never occur in UTF-8.
    if (byte >= 0xc2 && byte <= 0xdf) continuation = 1;
    else if (byte >= 0xe0 && byte <= 0xef) continuation = 2;
    else if (byte >= 0xf0 && byte <= 0xf4) continuation = 3;
    else return undefined;
  }
  if (continuation > 0) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString(ascii ? 'latin1' : 'utf8');
  // Surrogates, overlong 3/4-byte forms and C1 controls slip through the scan above; they decode to U+FFFD or controls.
  if (!ascii && /[\u0080-\u009f\ufffd]/.test(text)) return undefined;
  return text;
}

/** JSON string escapes found in free text (\u0040, \/, \"), as scripts write them into text/plain beacons. */
export function unescapeJsonText(text: string): string {
  return text.replace(/\\(u[0-9A-Fa-f]{4}|["\\/bfnrt])/g, (_, escape: string) => {
    if (escape.startsWith('u')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    return simple[escape] ?? escape;
  });
}

export function looksLikeJson(text: string): boolean {
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  return (first === '{' && last === '}') || (first === '[' && last === ']');
}

export function looksLikeUrl(text: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(text);
}

// Parameter names as trackers write them ("ep.x", "ud[em]", "c.", "%5B"), not code or prose ("u=\"x\";").
const QUERY = /^[^\s=&;"'<>{}()]+=[^\s&]*(?:&[^\s=&;"'<>{}()]*(?:=[^\s&]*)?)*&?$/;

/** "a=1&b=2", one pair is enough ("em=tv.1~…"); every line of a GA4 batch counts separately. */
export function looksLikeQuery(text: string): boolean {
  return QUERY.test(text);
}

export interface RawPair {
  readonly name: string;
  readonly rawValue: string;
}

/** Splits a query string or form body into raw pairs; names are percent-decoded, values left for the caller. */
export function splitQuery(text: string): RawPair[] {
  const pairs: RawPair[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const rawName = equals === -1 ? piece : piece.slice(0, equals);
    pairs.push({ name: percentDecode(rawName, true), rawValue: equals === -1 ? '' : piece.slice(equals + 1) });
  }
  return pairs;
}
