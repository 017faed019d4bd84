import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { PDFDocument } from 'pdf-lib';

import { popplerSkipReason, renderPdfPages } from '../../../../test/support/pdf.js';
import {
  embedLetterFonts,
  encodableText,
  ENVELOPE_GEOMETRIES,
  layoutLetter,
  renderLetterBatch,
  textWidth,
  wrapLine,
  type EnvelopeGeometry,
  type EnvelopePreset,
  type LetterFonts,
  type LetterInput,
  type MmRect,
} from './letter-pdf.js';
import { formatPostalAddress } from './postal-address.js';

const MM = 72 / 25.4;

function addressOf(name: string[], address: string[], country: string, senderCountry: string): string[] {
  const result = formatPostalAddress({ name, address }, { country, senderCountry });
  if (!result.ok) throw new Error(result.reason);
  return [...result.address.lines];
}

const FRENCH_PARAGRAPH =
  'Nous vous écrivons parce que des données personnelles vous concernant ont été exposées lors d’un incident de sécurité survenu le 12 février 2027 : votre nom, votre adresse postale et votre numéro d’adhérent.';
const SWEDISH_PARAGRAPH =
  'Vi skriver till dig eftersom personuppgifter om dig har exponerats i en säkerhetsincident den 12 februari 2027: ditt namn, din postadress och ditt kundnummer.';

function frenchLetter(messageId: string, overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    messageId,
    locale: 'fr',
    recipient: { lines: addressOf(['DUPONT', 'Marie'], ['12 rue des Lilas, 69003 Lyon'], 'FR', 'FR') },
    sender: { name: 'Mutuelle Exemple', lines: ['Délégué à la protection des données', '1 place Bellecour', '69002 Lyon'] },
    place: 'Lyon',
    date: '2027-03-01',
    subject: 'Violation de données vous concernant',
    paragraphs: ['Madame, Monsieur,', FRENCH_PARAGRAPH, 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.'],
    signature: ['Jean Martin', 'Délégué à la protection des données'],
    ...overrides,
  };
}

function swedishLetter(messageId: string, paragraphs: number, overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    messageId,
    locale: 'sv',
    envelope: 'se-c65-window-left',
    recipient: { lines: addressOf(['Andersson', 'Anna'], ['Storgatan 1, 114 55 Stockholm'], 'SE', 'SE') },
    sender: { name: 'Exempel Försäkring AB', lines: ['Dataskyddsombud', 'Box 123', '111 22 Stockholm'] },
    place: 'Stockholm',
    date: '2027-03-01',
    subject: 'Personuppgiftsincident som rör dig',
    paragraphs: Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${SWEDISH_PARAGRAPH}`),
    signature: ['Karin Svensson', 'Dataskyddsombud'],
    ...overrides,
  };
}

let fonts: LetterFonts;
before(async () => {
  fonts = await embedLetterFonts(await PDFDocument.create());
});

describe('encodableText', () => {
  const cases: readonly [string, string, string | null, readonly string[]][] = [
    ['French and Swedish letters are printed as given', 'Élodie Ægir Œuvre, Åsa Öberg, 12 €', 'Élodie Ægir Œuvre, Åsa Öberg, 12 €', []],
    ['decomposed accents are composed first', 'E\u0301lodie', 'Élodie', []],
    ['a Latin letter outside WinAnsi keeps its base letter, and says so', 'Łódź, Wałęsa', 'Lódz, Walesa', ['Ł→L', 'ź→z', 'ł→l', 'ę→e']],
    ['Romanian and Hungarian letters too', 'Ștefan Erdős', 'Stefan Erdos', ['Ș→S', 'ő→o']],
    ['typographic spaces and signs silently', 'Article\u202f34\u2009: ≥\u00a02', 'Article\u00a034 : >=\u00a02', []],
    ['another script is refused', 'Иван Иванов', null, []],
    ['an emoji is refused', 'Bonjour 🙂', null, []],
  ];
  for (const [name, input, expected, substitutions] of cases) {
    it(name, () => {
      const seen = new Set<string>();
      assert.equal(encodableText(input, fonts.charset, seen), expected);
      if (expected !== null) assert.deepEqual([...seen].sort(), [...substitutions].sort());
    });
  }
});

describe('wrapLine', () => {
  it('fills lines up to the width, never past it, and keeps every word in order', () => {
    const width = 200;
    const lines = wrapLine(FRENCH_PARAGRAPH, fonts.regular, 10.5, width);
    assert.ok(lines.length > 3);
    for (const line of lines) assert.ok(textWidth(line, fonts.regular, 10.5) <= width, line);
    assert.equal(lines.join(' '), FRENCH_PARAGRAPH);
    for (const line of lines) assert.doesNotMatch(line, /^[:;!?»]/u);
  });

  it('cuts a word wider than the line', () => {
    const lines = wrapLine(`https://example.org/${'x'.repeat(80)}`, fonts.regular, 10, 100);
    assert.ok(lines.length > 1);
    for (const line of lines) assert.ok(textWidth(line, fonts.regular, 10) <= 100);
  });
});

/** Text boxes of the address, in points from the top-left corner, against the zone. */
function assertInside(rect: MmRect, box: { x0: number; y0: number; x1: number; y1: number }, what: string): void {
  const zone = { x0: rect.x * MM, y0: rect.y * MM, x1: (rect.x + rect.width) * MM, y1: (rect.y + rect.height) * MM };
  const inside = box.x0 >= zone.x0 - 0.01 && box.y0 >= zone.y0 - 0.01 && box.x1 <= zone.x1 + 0.01 && box.y1 <= zone.y1 + 0.01;
  assert.ok(inside, `${what} ${JSON.stringify(box)} is not inside ${JSON.stringify(zone)}`);
}

describe('layoutLetter', () => {
  for (const preset of ['fr-dl-window-right', 'se-c65-window-left'] as const) {
    it(`${preset}: the address block, ascenders and descenders included, lies inside the window zone`, () => {
      const geometry = ENVELOPE_GEOMETRIES[preset];
      const recipient = addressOf(
        ['DUPONT', 'Marie'],
        ['Bâtiment B, Résidence les Pins, 147 avenue du Maréchal Foch, 69003 Lyon'],
        'FR',
        'SE',
      );
      assert.equal(recipient.length, 6);
      const result = layoutLetter(frenchLetter('m1', { recipient: { lines: recipient } }), geometry, fonts);
      assert.ok(result.ok);
      for (const line of result.layout.address.lines) {
        const box = {
          x0: line.x,
          x1: line.x + textWidth(line.text, fonts.regular, line.size),
          y0: line.baseline - 0.931 * line.size, // Helvetica's FontBBox
          y1: line.baseline + 0.225 * line.size,
        };
        assertInside(geometry.addressZone, box, line.text);
      }
    });
  }

  it('drops to 9 pt for a French address too wide at 10 pt, and rejects one too wide at 9', () => {
    const geometry = ENVELOPE_GEOMETRIES['fr-dl-window-right'];
    // 241 pt wide at 10 pt, 217 at 9: the zone is 85 mm, 241 pt.
    const wide = 'WWWWWWWWWW MMMMMMMMMM MMMMMMM';
    const at9 = layoutLetter(frenchLetter('m1', { recipient: { lines: ['Marie DUPONT', wide, '69003 LYON'] } }), geometry, fonts);
    assert.ok(at9.ok);
    assert.equal(at9.layout.address.size, 9);
    const tooWide = layoutLetter(
      frenchLetter('m1', { recipient: { lines: ['Marie DUPONT', `${wide} MMMM`, '69003 LYON'] } }),
      geometry,
      fonts,
    );
    assert.deepEqual(tooWide, { ok: false, reason: 'address-does-not-fit-window', field: 'recipient' });
  });

  it('rejects a Swedish window address of 7 lines: PostNord asks 10 pt, and 7 lines do not fit at 10', () => {
    const lines = ['Anna Andersson', 'c/o Berg', 'Avdelning 2', 'Hus 3', 'Storgatan 1', '114 55 STOCKHOLM', 'SWEDEN'];
    const result = layoutLetter(swedishLetter('m1', 2, { recipient: { lines } }), ENVELOPE_GEOMETRIES['se-c65-window-left'], fonts);
    assert.deepEqual(result, { ok: false, reason: 'address-does-not-fit-window', field: 'recipient' });
  });

  it('a short letter is one page; a long one continues under a header, with page numbers', () => {
    const short = layoutLetter(frenchLetter('m1'), ENVELOPE_GEOMETRIES['fr-dl-window-right'], fonts);
    assert.ok(short.ok);
    assert.equal(short.layout.pages.length, 1);
    const long = layoutLetter(swedishLetter('m2', 16), ENVELOPE_GEOMETRIES['se-c65-window-left'], fonts);
    assert.ok(long.ok);
    assert.equal(long.layout.pages.length, 2);
    const second = long.layout.pages[1]!.map((t) => t.text);
    assert.ok(second.includes('Exempel Försäkring AB · Vår referens: m2'));
    assert.ok(second.includes('Sida 2 (2)'));
    assert.ok(long.layout.pages[0]!.some((t) => t.text === 'Sida 1 (2)'));
  });

  it('keeps the signature in one piece, with the last line of the body above it', () => {
    const geometry = ENVELOPE_GEOMETRIES['se-c65-window-left'];
    let pageCounts = new Set<number>();
    for (let paragraphs = 8; paragraphs <= 44; paragraphs++) {
      const result = layoutLetter(swedishLetter('m', paragraphs), geometry, fonts);
      assert.ok(result.ok);
      pageCounts = pageCounts.add(result.layout.pages.length);
      const page = result.layout.pages.find((p) => p.some((t) => t.text === 'Karin Svensson'))!;
      const at = page.findIndex((t) => t.text === 'Karin Svensson');
      assert.equal(page[at + 1]?.text, 'Dataskyddsombud', `${paragraphs} paragraphs: the signature is split`);
      const above = page[at - 1]!;
      assert.ok(
        above.size === 10.5 && !above.bold && above.x === page[at]!.x && above.baseline < page[at]!.baseline,
        `${paragraphs} paragraphs: no body line above the signature`,
      );
    }
    assert.deepEqual([...pageCounts].sort(), [1, 2, 3]);
  });

  it('rejects a letter whose text cannot be printed, naming the field and not the text', () => {
    const geometry = ENVELOPE_GEOMETRIES['fr-dl-window-right'];
    assert.deepEqual(
      layoutLetter(frenchLetter('m', { recipient: { lines: ['Иван Иванов', '1 RUE X', '75017 PARIS'] } }), geometry, fonts),
      {
        ok: false,
        reason: 'text-not-encodable',
        field: 'recipient',
      },
    );
    assert.deepEqual(layoutLetter(frenchLetter('m', { paragraphs: ['Merci 🙏'] }), geometry, fonts), {
      ok: false,
      reason: 'text-not-encodable',
      field: 'paragraphs',
    });
    assert.deepEqual(layoutLetter(frenchLetter('m', { recipient: { lines: [' '] } }), geometry, fonts), {
      ok: false,
      reason: 'address-missing',
      field: 'recipient',
    });
    const crowded = { ...frenchLetter('m').sender, lines: Array.from({ length: 8 }, (_, i) => `Ligne ${i}`) };
    assert.deepEqual(layoutLetter(frenchLetter('m', { sender: crowded }), geometry, fonts), {
      ok: false,
      reason: 'sender-does-not-fit',
      field: 'sender',
    });
  });

  it('writes the date in the letter’s language', () => {
    const dates = (letter: LetterInput): string[] => {
      const result = layoutLetter(letter, ENVELOPE_GEOMETRIES['fr-dl-window-right'], fonts);
      assert.ok(result.ok);
      return result.layout.pages[0]!.map((t) => t.text);
    };
    assert.ok(dates(frenchLetter('m')).includes('Lyon, le 1er mars 2027'));
    assert.ok(dates(frenchLetter('m', { place: undefined, date: '2027-08-15' })).includes('Le 15 août 2027'));
    assert.ok(dates(frenchLetter('m', { locale: 'en', place: 'London' })).includes('London, 1 March 2027'));
    assert.ok(dates(swedishLetter('m', 1)).includes('Stockholm den 1 mars 2027'));
  });
});

describe('renderLetterBatch', () => {
  it('renders the printable letters, lists the others, starts each on an odd page and ends the batch on an even one', async () => {
    const batch = await renderLetterBatch(
      [
        frenchLetter('a'),
        swedishLetter('b', 16),
        frenchLetter('c', { recipient: { lines: ['Иван Иванов', '1 RUE X', '75017 PARIS'] } }),
        frenchLetter('d', { paragraphs: ['Madame Wałęsa,', FRENCH_PARAGRAPH] }),
      ],
      { envelope: 'fr-dl-window-right', generatedOn: '2027-03-01' },
    );
    assert.deepEqual(
      batch.pages.map((p) => [p.messageId, p.firstPage, p.pageCount, p.sheets, p.envelope]),
      [
        ['a', 1, 1, 1, 'fr-dl-window-right'],
        ['b', 3, 2, 1, 'se-c65-window-left'],
        ['d', 5, 1, 1, 'fr-dl-window-right'],
      ],
    );
    assert.deepEqual(batch.pages[2]!.substitutions, ['ł→l', 'ę→e']);
    assert.deepEqual(batch.rejected, [{ messageId: 'c', reason: 'text-not-encodable', field: 'recipient' }]);
    assert.equal(batch.pageTotal, 6);
    assert.equal((await PDFDocument.load(batch.pdf)).getPageCount(), 6);
  });

  it('an empty batch, or one whose letters were all rejected, has no page', async () => {
    const batch = await renderLetterBatch([frenchLetter('a', { subject: 'Ответ' })], {
      envelope: 'fr-dl-window-right',
      generatedOn: '2027-03-01',
    });
    assert.deepEqual(batch.rejected, [{ messageId: 'a', reason: 'text-not-encodable', field: 'subject' }]);
    assert.equal(batch.pageTotal, 0);
    assert.equal((await PDFDocument.load(batch.pdf)).getPageCount(), 0);
  });

  it('gives the same bytes for the same letters', async () => {
    const letters = [frenchLetter('a'), swedishLetter('b', 3)];
    const options = { envelope: 'fr-dl-window-right', generatedOn: '2027-03-01' } as const;
    assert.deepEqual((await renderLetterBatch(letters, options)).pdf, (await renderLetterBatch(letters, options)).pdf);
  });

  it('throws before drawing anything on a date not written YYYY-MM-DD (a programming error)', async () => {
    await assert.rejects(
      renderLetterBatch([frenchLetter('a', { date: '01/03/2027' })], { envelope: 'fr-dl-window-right', generatedOn: '2027-03-01' }),
      RangeError,
    );
    await assert.rejects(renderLetterBatch([frenchLetter('a')], { envelope: 'fr-dl-window-right', generatedOn: '2027-02-30' }), RangeError);
  });

  it('takes a custom geometry', async () => {
    const custom: EnvelopeGeometry = {
      ...ENVELOPE_GEOMETRIES['fr-dl-window-right'],
      name: 'C5/6 house window',
      addressZone: { x: 105, y: 50, width: 90, height: 40 },
    };
    const batch = await renderLetterBatch([frenchLetter('a')], { envelope: custom, generatedOn: '2027-03-01' });
    assert.equal(batch.pages[0]!.envelope, 'C5/6 house window');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through poppler: what a print house's RIP would see.

const run = promisify(execFile);

interface Word {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** pdftotext -bbox: every page's words with their boxes, in points from the top-left corner. */
async function wordsByPage(pdfPath: string): Promise<Word[][]> {
  const { stdout } = await run('/usr/bin/pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const unescape = (s: string): string =>
    s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: unescape(m[5]!),
      })),
    );
}

const pageText = (words: readonly Word[]): string => words.map((w) => w.text).join(' ');
/** Without accents, as a name may be printed (ł has no decomposition). */
const plain = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('ł', 'l');

describe('a batch through poppler', { skip: popplerSkipReason() }, () => {
  let dir = '';
  const letters: readonly LetterInput[] = [
    frenchLetter('msg-fr-0001'),
    swedishLetter('msg-se-0002', 16),
    frenchLetter('msg-fr-0003', {
      recipient: { lines: addressOf(['Wałęsa', 'Lech'], ['Storgatan 1, 211 20 Malmö'], 'SE', 'FR') },
      paragraphs: ['Monsieur Wałęsa,', FRENCH_PARAGRAPH],
    }),
  ];
  const presets: readonly EnvelopePreset[] = ['fr-dl-window-right', 'se-c65-window-left', 'fr-dl-window-right'];
  let pages: Word[][] = [];
  let batch: Awaited<ReturnType<typeof renderLetterBatch>>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'letters-pdf-'));
    batch = await renderLetterBatch(letters, { envelope: 'fr-dl-window-right', generatedOn: '2027-03-01' });
    writeFileSync(join(dir, 'batch.pdf'), batch.pdf);
    pages = await wordsByPage(join(dir, 'batch.pdf'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has the pages the result says, each letter starting on an odd page', () => {
    assert.equal(pages.length, batch.pageTotal);
    assert.equal(batch.pageTotal % 2, 0);
    assert.deepEqual(
      batch.pages.map((p) => [p.messageId, p.firstPage, p.pageCount]),
      [
        ['msg-fr-0001', 1, 1],
        ['msg-se-0002', 3, 2],
        ['msg-fr-0003', 5, 1],
      ],
    );
    for (const letter of batch.pages) {
      assert.equal(letter.firstPage % 2, 1);
      // Every page of the letter carries its reference (in the reference line, then in the header).
      for (let p = letter.firstPage; p < letter.firstPage + letter.pageCount; p++)
        assert.match(pageText(pages[p - 1]!), new RegExp(letter.messageId, 'u'));
      // The page after a letter of odd length is blank: the next letter starts on the front of a sheet.
      if (letter.pageCount % 2 === 1) assert.deepEqual(pages[letter.firstPage + letter.pageCount - 1], []);
    }
  });

  it('puts each recipient’s address entirely inside its preset’s window, and nothing else there', () => {
    batch.pages.forEach((letter, i) => {
      const zone = ENVELOPE_GEOMETRIES[presets[i]!].addressZone;
      const words = pages[letter.firstPage - 1]!;
      const addressWords = plain(letters[i]!.recipient.lines.join(' ')).split(' ');
      const rect = { x0: zone.x * MM, y0: zone.y * MM, x1: (zone.x + zone.width) * MM, y1: (zone.y + zone.height) * MM };
      const inZone = words.filter((w) => w.x1 > rect.x0 && w.x0 < rect.x1 && w.y1 > rect.y0 && w.y0 < rect.y1);
      assert.deepEqual(
        inZone.map((w) => plain(w.text)),
        addressWords,
        `letter ${letter.messageId}: the words in the window`,
      );
      for (const w of inZone) assertInside(zone, w, `${letter.messageId}: "${w.text}"`);
    });
  });

  it('prints the expected text, in order, with the continuation header and page numbers', () => {
    const fr = pageText(pages[0]!);
    for (const expected of [
      'Mutuelle Exemple',
      'Marie DUPONT 12 RUE DES LILAS 69003 LYON',
      'Notre référence : msg-fr-0001',
      'Lyon, le 1er mars 2027',
      'Objet : Violation de données vous concernant',
      'Madame, Monsieur,',
      'Veuillez agréer, Madame, Monsieur, nos salutations distinguées. Jean Martin Délégué à la protection des données',
    ])
      assert.ok(fr.includes(expected), `page 1 lacks "${expected}": ${fr}`);
    const se1 = pageText(pages[2]!);
    const se2 = pageText(pages[3]!);
    for (const expected of [
      'Anna Andersson Storgatan 1 114 55 STOCKHOLM',
      'Vår referens: msg-se-0002',
      'Stockholm den 1 mars 2027',
      'Ärende: Personuppgiftsincident som rör dig',
      '1. Vi skriver',
      'Sida 1 (2)',
    ])
      assert.ok(se1.includes(expected), `page 3 lacks "${expected}"`);
    for (const expected of [
      'Exempel Försäkring AB · Vår referens: msg-se-0002 Sida 2 (2)',
      '16. Vi skriver',
      'Karin Svensson Dataskyddsombud',
    ])
      assert.ok(se2.includes(expected), `page 4 lacks "${expected}"`);
    const third = pageText(pages[4]!);
    assert.ok(third.includes('Lech Walesa Storgatan 1 211 20 MALMÖ SUEDE'), third);
    assert.ok(third.includes('Monsieur Walesa,'));
  });

  it('renders: ink on every letter page, none on the blank ones', async () => {
    const images = join(dir, 'images');
    mkdirSync(images);
    const rendered = await renderPdfPages(join(dir, 'batch.pdf'), images);
    assert.equal(rendered.length, batch.pageTotal);
    rendered.forEach((page, i) => {
      const blank = pages[i]!.length === 0;
      if (blank) assert.equal(page.inkShare, 0, `page ${i + 1} should be blank`);
      else assert.ok(page.inkShare > 0.002, `page ${i + 1} has no ink`);
    });
  });
});
