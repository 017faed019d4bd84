import type { SourceEncoding } from './source-format.js';

export interface DecodedLine {
  /** Without the line terminator (LF or CRLF). */
  readonly text: string;
  /** True when the line was not valid in the file's encoding and was read as Windows-1252 instead. */
  readonly redecoded: boolean;
}

/**
 * Turns a byte stream into lines, in bounded memory. For UTF-8 files a chunk of whole lines is decoded at
 * once; if that fails, its lines are decoded one by one and each invalid one is re-read as Windows-1252,
 * so a file pasted together from several systems loses no row and says how many lines it re-read.
 * Windows-1252 lines are decoded as such; UTF-16 is decoded as a stream, then split.
 */
export class LineDecoder {
  private readonly encoding: SourceEncoding;
  private skip: number;
  private carry: Uint8Array = new Uint8Array(0);
  private textCarry = '';
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly cp1252 = { decode: decodeWindows1252 };
  private readonly utf16: TextDecoder | null;

  constructor(encoding: SourceEncoding, bom: number) {
    this.encoding = encoding;
    this.skip = bom;
    this.utf16 = encoding === 'utf-16le' || encoding === 'utf-16be' ? new TextDecoder(encoding) : null;
  }

  push(chunk: Uint8Array): DecodedLine[] {
    let bytes = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(n);
      this.skip -= n;
    }
    if (this.utf16) return this.splitText(this.utf16.decode(bytes, { stream: true }), false);
    const joined = this.carry.length === 0 ? bytes : concat(this.carry, bytes);
    const lastLf = joined.lastIndexOf(0x0a);
    if (lastLf < 0) {
      this.carry = joined.slice();
      return [];
    }
    this.carry = joined.slice(lastLf + 1);
    return this.decodeLines(joined.subarray(0, lastLf + 1));
  }

  end(): DecodedLine[] {
    if (this.utf16) return this.splitText(this.utf16.decode(), true);
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    if (rest.length === 0) return [];
    const lines = this.decodeLines(concat(rest, new Uint8Array([0x0a])));
    return lines;
  }

  /** `block` ends with LF. */
  private decodeLines(block: Uint8Array): DecodedLine[] {
    if (this.encoding === 'windows-1252') return this.splitText(this.cp1252.decode(block), true, false);
    try {
      return this.splitText(this.utf8.decode(block), true, false);
    } catch {
      const out: DecodedLine[] = [];
      let start = 0;
      for (let i = 0; i < block.length; i++) {
        if (block[i] !== 0x0a) continue;
        const line = block.subarray(start, i);
        start = i + 1;
        let text: string;
        let redecoded = false;
        try {
          text = this.utf8.decode(line);
        } catch {
          text = this.cp1252.decode(line);
          redecoded = true;
        }
        out.push({ text: stripCr(text), redecoded });
      }
      return out;
    }
  }

  /** Splits decoded text on LF. With `final`, the text is known to end at a line end (or the stream does). */
  private splitText(text: string, final: boolean, useCarry = true): DecodedLine[] {
    const all = useCarry ? this.textCarry + text : text;
    const parts = all.split('\n');
    let last = parts.pop() ?? '';
    if (useCarry) {
      if (final) {
        if (last !== '') parts.push(last);
        last = '';
      }
      this.textCarry = last;
    }
    return parts.map((p) => ({ text: stripCr(p), redecoded: false }));
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Windows-1252, byte for byte. Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (that
 * is, as ISO-8859-1), which would turn €, œ, Œ, ’ and “ ” in French names and addresses into garbage.
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as the code points of the same value.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const latin1 = new TextDecoder('latin1');

export function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}
