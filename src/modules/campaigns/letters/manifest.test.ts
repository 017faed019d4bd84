import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';

import type { LetterPages } from './letter-pdf.js';
import { csvField, letterManifestCsv, MANIFEST_COLUMNS, type ManifestLetter } from './manifest.js';
import { formatPostalAddress, type PostalAddress } from './postal-address.js';

function address(name: string[], lines: string[], country: string, senderCountry = 'FR'): PostalAddress {
  const result = formatPostalAddress({ name, address: lines }, { country, senderCountry });
  if (!result.ok) throw new Error(result.reason);
  return result.address;
}

const PAGES: readonly LetterPages[] = [
  { messageId: 'msg-1', firstPage: 1, pageCount: 1, sheets: 1, envelope: 'fr-dl-window-right', substitutions: [] },
  { messageId: 'msg-2', firstPage: 3, pageCount: 3, sheets: 2, envelope: 'fr-dl-window-right', substitutions: [] },
];
const LETTERS: readonly ManifestLetter[] = [
  { messageId: 'msg-2', address: address(['Andersson', 'Anna'], ['Storgatan 1, 114 55 Stockholm'], 'SE'), postageClass: 'economy' },
  { messageId: 'msg-1', address: address(['DUPONT', 'Marie'], ['12 rue des Lilas, 69003 Lyon'], 'FR'), postageClass: 'priority' },
];

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  return records;
}

describe('letterManifestCsv', () => {
  it('one row per letter in the PDF’s order, without the name or the address', () => {
    const csv = letterManifestCsv(PAGES, LETTERS, { batchFile: 'letters-2027-03-01-001.pdf' });
    assert.ok(csv.endsWith('\r\n'));
    assert.deepEqual(parseCsv(csv), [
      [...MANIFEST_COLUMNS],
      ['letters-2027-03-01-001.pdf', 'msg-1', '1', '1', '1', 'FR', '69003', 'priority', 'fr-dl-window-right'],
      ['letters-2027-03-01-001.pdf', 'msg-2', '3', '3', '2', 'SE', '114 55', 'economy', 'fr-dl-window-right'],
    ]);
    for (const secret of ['DUPONT', 'Marie', 'Lilas', 'LYON', 'Andersson', 'Storgatan', 'STOCKHOLM'])
      assert.ok(!csv.includes(secret), secret);
  });

  it('adds the address lines only when the print house needs them', () => {
    const rows = parseCsv(letterManifestCsv(PAGES, LETTERS, { batchFile: 'b.pdf', includeAddress: true }));
    assert.deepEqual(rows[0]!.slice(MANIFEST_COLUMNS.length), [
      'address_line_1',
      'address_line_2',
      'address_line_3',
      'address_line_4',
      'address_line_5',
      'address_line_6',
      'address_line_7',
    ]);
    assert.deepEqual(rows[1]!.slice(MANIFEST_COLUMNS.length), ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON', '', '', '', '']);
    assert.deepEqual(rows[2]!.slice(MANIFEST_COLUMNS.length), ['Anna Andersson', 'Storgatan 1', '114 55 STOCKHOLM', 'SUEDE', '', '', '']);
  });

  it('quotes every field, so commas, quotes and line breaks stay inside it, and neutralises formulas', () => {
    const pages: LetterPages[] = [{ ...PAGES[0]!, messageId: '=HYPERLINK("http://evil.example","x")' }];
    const letters: ManifestLetter[] = [
      {
        messageId: pages[0]!.messageId,
        address: { ...LETTERS[1]!.address, lines: ['+33 1 00 00 00 00', '-2+3', '@SUM(A1:A2)', 'a, "b"\r\nc', '\tx'] },
        postageClass: 'registered',
      },
    ];
    const csv = letterManifestCsv(pages, letters, { batchFile: 'lettres, "mars".pdf', includeAddress: true });
    const row = parseCsv(csv)[1]!;
    assert.equal(row[0], 'lettres, "mars".pdf');
    assert.equal(row[1], `'=HYPERLINK("http://evil.example","x")`);
    assert.deepEqual(row.slice(MANIFEST_COLUMNS.length, MANIFEST_COLUMNS.length + 5), [
      "'+33 1 00 00 00 00",
      "'-2+3",
      "'@SUM(A1:A2)",
      'a, "b"\r\nc',
      "'\tx",
    ]);
  });

  it('a byte-order mark on request, for Excel', () => {
    assert.ok(letterManifestCsv(PAGES, LETTERS, { batchFile: 'b.pdf', bom: true }).startsWith('\uFEFF"batch_file"'));
    assert.ok(letterManifestCsv(PAGES, LETTERS, { batchFile: 'b.pdf' }).startsWith('"batch_file"'));
  });

  it('refuses a letter of the batch missing from the manifest’s letters', () => {
    assert.throws(() => letterManifestCsv(PAGES, LETTERS.slice(1), { batchFile: 'b.pdf' }), /msg-2/u);
  });

  it('csvField', () => {
    assert.equal(csvField('plain'), '"plain"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=1+1'), `"'=1+1"`);
    assert.equal(csvField(''), '""');
  });
});
