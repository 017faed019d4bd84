import type { DecodedLine } from './line-decoder.js';

/** Why a whole record could not be read. */
export const RECORD_ERRORS = ['unterminated-quote', 'record-too-long', 'json-invalid', 'json-not-object'] as const;
export type RecordError = (typeof RECORD_ERRORS)[number];

/**
 * A record as read: its fields, or (`raw`) a line that is a whole record by itself and that the worker
 * threads split, or why it could not be read.
 */
export type SourceRecord =
  | { readonly line: number; readonly fields: string[]; readonly raw?: undefined; readonly error?: undefined }
  | { readonly line: number; readonly raw: string; readonly fields?: undefined; readonly error?: undefined }
  | { readonly line: number; readonly error: RecordError; readonly fields?: undefined; readonly raw?: undefined };

/** A quoted field may span lines, but not more than this: a stray quote must not swallow the file. */
export const MAX_RECORD_LINES = 64;
export const MAX_RECORD_CHARS = 1 << 20;

/**
 * RFC 4180 records from numbered lines: fields separated by `delimiter`, optionally quoted with `"`,
 * `""` inside quotes for a quote, quoted fields may contain line breaks. Lenient where real exports are
 * sloppy: a quote inside an unquoted field is kept as text. A quote still open after MAX_RECORD_LINES
 * lines (or at the end of the file) makes that record an `unterminated-quote` error at its first line, and
 * the lines after it are read again as records of their own, so one bad quote costs one row.
 */
export class CsvRecordReader {
  private readonly delimiter: string;
  private readonly passRaw: boolean;
  private pending: { line: number; text: string }[] = [];

  /** With `passRaw`, a line without quotes is returned unsplit (`raw`): splitting it is left to the workers. */
  constructor(delimiter: string | null, options: { passRaw?: boolean } = {}) {
    // A one-column file has no delimiter: a character that cannot occur in decoded text stands in.
    this.delimiter = delimiter ?? '\u0000';
    this.passRaw = options.passRaw ?? false;
  }

  /** Records completed by this line: none while a quoted field is open, several after a resync. */
  push(lineNo: number, line: DecodedLine): SourceRecord[] {
    // The common case, a whole record on one line without quotes, needs no state machine.
    if (this.pending.length === 0 && !line.text.includes('"')) {
      return [this.passRaw ? { line: lineNo, raw: line.text } : { line: lineNo, fields: line.text.split(this.delimiter) }];
    }
    this.pending.push({ line: lineNo, text: line.text });
    return this.drain(false);
  }

  end(): SourceRecord[] {
    return this.drain(true);
  }

  /** True while a blank line would be part of an open quoted field rather than a blank line. */
  get inRecord(): boolean {
    return this.pending.length > 0;
  }

  private drain(atEnd: boolean): SourceRecord[] {
    const out: SourceRecord[] = [];
    let replay: { line: number; text: string }[] = [];
    for (;;) {
      if (this.pending.length > 0) {
        const parsed = parseFields(
          this.pending.map((p) => p.text),
          this.delimiter,
        );
        const first = this.pending[0]!;
        const chars = this.pending.reduce((n, p) => n + p.text.length, 0);
        if (parsed.complete) {
          out.push({ line: first.line, fields: parsed.fields });
          this.pending = [];
        } else if (atEnd || this.pending.length >= MAX_RECORD_LINES || chars >= MAX_RECORD_CHARS) {
          // Give up on this record and read the lines after its first one again, one at a time.
          out.push({ line: first.line, error: chars >= MAX_RECORD_CHARS ? 'record-too-long' : 'unterminated-quote' });
          replay = [...this.pending.slice(1), ...replay];
          this.pending = [];
        } else if (replay.length === 0) {
          return out;
        }
      }
      const next = replay.shift();
      if (!next) return out;
      this.pending.push(next);
    }
  }
}

/** Parses the fields of one record spread over `lines`; `complete` is false while a quote is open. */
export function parseFields(lines: readonly string[], delimiter: string): { complete: boolean; fields: string[] } {
  const text = lines.join('\n');
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  while (i <= text.length) {
    if (i === text.length) {
      fields.push(field);
      return { complete: true, fields };
    }
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // quoted field
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        field += c;
        i++;
      }
      if (!closed) return { complete: false, fields };
      // anything between the closing quote and the delimiter is kept (lenient)
      while (i < text.length && text[i] !== delimiter) field += text[i++];
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  return { complete: true, fields };
}

/** One JSON object per line; values that are strings or numbers are kept, others read as empty. */
export function parseJsonRecord(lineNo: number, text: string, columns: readonly string[]): SourceRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line: lineNo, error: 'json-invalid' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { line: lineNo, error: 'json-not-object' };
  const obj = value as Record<string, unknown>;
  return {
    line: lineNo,
    fields: columns.map((c) => {
      const v = obj[c];
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
    }),
  };
}

/** Column names of a JSON Lines file: the keys of the sampled objects, in first-seen order. */
export function jsonColumns(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const l of lines) {
    try {
      const v = JSON.parse(l) as unknown;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) seen.add(k);
    } catch {
      // counted as a rejected row when read for real
    }
  }
  return [...seen];
}
