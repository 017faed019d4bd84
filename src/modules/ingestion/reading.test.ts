import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineDecoder } from './line-decoder.js';
import { CsvRecordReader, MAX_RECORD_LINES, parseJsonRecord } from './record-reader.js';
import { detectDelimiter, detectFormat, sniffEncoding } from './source-format.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
function cp1252(s: string): Uint8Array {
  return Uint8Array.from([...s].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
}
function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function decodeAll(bytes: Uint8Array, chunk: number): { text: string; redecoded: boolean }[] {
  const g = sniffEncoding(bytes);
  const d = new LineDecoder(g.encoding, g.bom);
  const out = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...d.push(bytes.subarray(i, i + chunk)));
  out.push(...d.end());
  return out;
}

describe('encoding detection and line decoding', () => {
  const text = 'nom;prénom\nLefèvre;Hélène\r\nØstlund;Åsa\n';
  it('recognises UTF-8 with and without BOM, Windows-1252 and UTF-16 with and without BOM', () => {
    assert.equal(sniffEncoding(utf8(text)).encoding, 'utf-8');
    assert.deepEqual(sniffEncoding(utf8(`\ufeff${text}`)), { encoding: 'utf-8', bom: 3, reason: 'UTF-8 byte-order mark' });
    assert.equal(sniffEncoding(cp1252(text)).encoding, 'windows-1252');
    assert.equal(sniffEncoding(utf16le(text)).encoding, 'utf-16le');
    assert.equal(sniffEncoding(utf16le(text, false)).encoding, 'utf-16le');
  });

  it('gives the same lines whatever the encoding and however the bytes are chunked', () => {
    const expected = ['nom;prénom', 'Lefèvre;Hélène', 'Østlund;Åsa'];
    for (const bytes of [utf8(text), utf8(`\ufeff${text}`), cp1252(text), utf16le(text)]) {
      for (const chunk of [1, 3, 7, 1 << 16]) {
        assert.deepEqual(
          decodeAll(bytes, chunk).map((l) => l.text),
          expected,
          `chunk ${chunk}`,
        );
      }
    }
  });

  it('re-reads a Windows-1252 line inside a UTF-8 file and says so', () => {
    const bytes = new Uint8Array([...utf8('a;Hélène\n'), ...cp1252('b;Hélène\n'), ...utf8('c;Zoé\n')]);
    const lines = decodeAll(bytes, 5);
    assert.deepEqual(
      lines.map((l) => [l.text, l.redecoded]),
      [
        ['a;Hélène', false],
        ['b;Hélène', true],
        ['c;Zoé', false],
      ],
    );
  });

  it('decodes the whole Windows-1252 range, including € œ Œ ’ “ ” (0x80–0x9F)', () => {
    const lines = decodeAll(new Uint8Array([0x80, 0x9c, 0x8c, 0x92, 0x93, 0x94, 0x0a]), 3);
    assert.equal(lines[0]!.text, '€œŒ’“”');
  });

  it('keeps a last line without a line break', () => {
    assert.deepEqual(
      decodeAll(utf8('a\nb'), 1).map((l) => l.text),
      ['a', 'b'],
    );
  });
});

describe('format and delimiter detection', () => {
  it('detects delimiters, respecting quotes', () => {
    assert.equal(detectDelimiter(['a,b,c', '1,2,3']), ',');
    assert.equal(detectDelimiter(['a;b;c', '"1,5";2;3']), ';');
    assert.equal(detectDelimiter(['a\tb', '1\t2']), '\t');
    assert.equal(detectDelimiter(['a|b|c', '1|2|3']), '|');
    assert.equal(detectDelimiter(['onlyone', 'x']), null);
  });
  it('detects JSON Lines', () => {
    assert.equal(detectFormat(['{"email":"a@b.fr"}']), 'jsonl');
    assert.equal(detectFormat(['email,phone']), 'csv');
  });
});

describe('CSV records', () => {
  const read = (lines: string[], d = ',') => {
    const r = new CsvRecordReader(d);
    const out = lines.flatMap((text, i) => r.push(i + 1, { text, redecoded: false }));
    return [...out, ...r.end()];
  };

  it('reads quoted fields, doubled quotes and line breaks inside quotes, with the first line of each record', () => {
    assert.deepEqual(read(['a,"b,c","d""e"', '"multi', 'line",x']), [
      { line: 1, fields: ['a', 'b,c', 'd"e'] },
      { line: 2, fields: ['multi\nline', 'x'] },
    ]);
  });

  it('rejects an unterminated quote at its line and reads the following lines again', () => {
    const lines = ['"never closed,1', ...Array.from({ length: MAX_RECORD_LINES + 2 }, (_, i) => `r${i},${i}`)];
    const records = read(lines);
    assert.deepEqual(records[0], { line: 1, error: 'unterminated-quote' });
    assert.equal(records.length, lines.length);
    assert.deepEqual(records[1], { line: 2, fields: ['r0', '0'] });
    assert.deepEqual(read(['ok,1', '"open']), [
      { line: 1, fields: ['ok', '1'] },
      { line: 2, error: 'unterminated-quote' },
    ]);
  });

  it('round-trips any fields written the RFC 4180 way', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const quote = (f: string) => (/[",\n]/.test(f) || f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f);
        const text = rows.map((r) => r.map(quote).join(',')).join('\n');
        const lines = text.split('\n');
        const records = read(lines).filter((r) => r.fields);
        const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ''));
        assert.deepEqual(
          records.map((r) => r.fields).filter((f) => !(f!.length === 1 && f![0] === '')),
          nonEmpty,
        );
      }),
    );
  });
});

describe('JSON Lines records', () => {
  it('keeps strings and numbers, reads other values as empty, rejects bad lines', () => {
    assert.deepEqual(parseJsonRecord(3, '{"a":"x","b":12,"c":null}', ['a', 'b', 'c', 'd']), { line: 3, fields: ['x', '12', '', ''] });
    assert.deepEqual(parseJsonRecord(4, '{"a":', ['a']), { line: 4, error: 'json-invalid' });
    assert.deepEqual(parseJsonRecord(5, '[1]', ['a']), { line: 5, error: 'json-not-object' });
  });
});
