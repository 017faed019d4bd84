import { deflateSync } from 'node:zlib';

import {
  PDFContentStream,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames as Op,
  PDFRawStream,
  StandardFonts,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

import type { Locale } from '../../../platform/locale.js';

/**
 * A batch of letters (GDPR Art. 34 notices by post) as ONE print-ready A4 PDF for a print-and-mail house, with
 * pdf-lib and the standard Helvetica fonts like the action plan (docs/adr/0010-pdf-lib.md). Pure: the same letters
 * and options give the same bytes.
 *
 * Each letter: the sender's block, the recipient's address inside the window of the chosen window envelope, the
 * reference (the message id) and the date and place, the subject, the body (wrapped, continuing on further pages
 * under a header), the signature. Every letter starts on an odd page, a blank page being added after a letter
 * with an odd number of pages, so that duplex printing never puts two people's letters on one sheet; the batch
 * itself ends on an even page.
 *
 * Characters: the standard fonts encode WinAnsi (Windows-1252) only, which holds every letter of English, French
 * and Swedish. Decision: a Latin letter outside it keeps its base letter ("ł" → "l", "ő" → "o", "ț" → "t") and the
 * letter reports each such substitution in `substitutions`: a name spelt without its accent still reaches its
 * person, and La Poste prints machine-read lines without accents anyway. Typographic characters are replaced
 * silently by their WinAnsi spelling (narrow no-break space → no-break space, "≥" → ">="). Anything else (another
 * script, emoji) would print as something else than what was written, so that letter is rejected with the field
 * it is in (`text-not-encodable`) and the rest of the batch is rendered: the campaign reports that person as not
 * reachable by letter, or sends the letter by a channel that can carry the text.
 */

/** Dimensions are in millimetres from the top-left corner of the unfolded A4 sheet. */
export interface MmRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const ENVELOPE_PRESETS = ['fr-dl-window-right', 'se-c65-window-left'] as const;
export type EnvelopePreset = (typeof ENVELOPE_PRESETS)[number];

export interface EnvelopeGeometry {
  readonly name: string;
  /** Where the address must lie on the sheet so that it shows through the window whatever the sheet's play. */
  readonly addressZone: MmRect;
  /** The sender's block: beside the window, never through it. */
  readonly senderBlock: MmRect;
  /** Font sizes allowed for the address, tried largest first. */
  readonly addressFontSizes: readonly number[];
  /** Where the sheet is folded, mm from the top: nothing but the address may show in the top panel's window. */
  readonly foldsMm: readonly number[];
}

/**
 * A4 folded in three (letter fold, panels of 99 mm: 297 / 3) into a DL-size window envelope.
 *
 * - fr-dl-window-right: French DL (110 × 220 mm) or C5/6 (114 × 229 mm) envelope, window on the right. The address
 *   frame is 85 mm wide and 33 mm high, 55 mm from the top of the sheet and 110 mm from its left edge, as a French
 *   print-and-mail house asks (edics, https://edics.fr/rediger-vos-adresses-les-bonnes-pratiques/ [S]); the same page
 *   asks for Arial or Helvetica at 10 pt, the postal rules allowing 9 to 12.
 * - se-c65-window-left: Swedish E65 (110 × 220 mm) or C6/5 (114 × 229 mm) envelope, window on the left (the Swedish
 *   standard's left position V2, https://www.harrykuvert.se/kuvertguide/ [S]). Nordic windows start 15 mm from the
 *   left edge; E65's window is 95 × 30 mm from 40 mm below the top, C6/5's 100 × 35 mm from 39 mm
 *   (https://officeconsult.no/blogg/brevmaler-plassering-av-mottakerfelt-i-vinduskonvolutter/ [S]). The zone is their
 *   intersection (x 15–110, y 40–70 mm) inset by 5 mm at the sides and 2 mm at the top, which matches the Nordic
 *   address field 20 mm from the left and about 45 mm from the top (SFS 2487, the Finnish counterpart). 10 pt, as
 *   PostNord's distributors ask 10–12 pt (https://www.21grams.se/adressera-ratt/ [S]).
 */
export const ENVELOPE_GEOMETRIES: Readonly<Record<EnvelopePreset, EnvelopeGeometry>> = {
  'fr-dl-window-right': {
    name: 'DL or C5/6, window on the right (France)',
    addressZone: { x: 110, y: 55, width: 85, height: 33 },
    senderBlock: { x: 20, y: 18, width: 75, height: 32 },
    addressFontSizes: [10, 9],
    foldsMm: [99, 198],
  },
  'se-c65-window-left': {
    name: 'E65 or C6/5, window on the left (Sweden)',
    addressZone: { x: 20, y: 42, width: 85, height: 28 },
    senderBlock: { x: 120, y: 18, width: 70, height: 32 },
    addressFontSizes: [10],
    foldsMm: [99, 198],
  },
};

export interface LetterInput {
  /** The outbox message id; printed as the reference and used to match returns and the manifest. */
  readonly messageId: string;
  readonly locale: Locale;
  /** From formatPostalAddress (postal-address.ts). */
  readonly recipient: { readonly lines: readonly string[] };
  readonly sender: { readonly name: string; readonly lines: readonly string[] };
  /** Where the letter is written from ("Lyon"), before the date. */
  readonly place?: string;
  /** YYYY-MM-DD, passed in (the module reads no clock); written out in the letter's language. */
  readonly date: string;
  readonly subject: string;
  /** Paragraphs of the body; a line break inside one starts a new line. */
  readonly paragraphs: readonly string[];
  /** The signature block: the signatory's name, role, … */
  readonly signature: readonly string[];
  /** Overrides the batch's envelope for this letter. */
  readonly envelope?: EnvelopePreset | EnvelopeGeometry;
}

export interface LetterBatchOptions {
  /** The window envelope the print house fills. */
  readonly envelope: EnvelopePreset | EnvelopeGeometry;
  /** YYYY-MM-DD: the PDF's creation date. */
  readonly generatedOn: string;
  /** The PDF's title. */
  readonly title?: string;
}

export const LETTER_REJECTIONS = [
  /** A character the standard fonts cannot print and that has no Latin spelling. */
  'text-not-encodable',
  /** The address is wider or taller than the envelope window at every allowed font size. */
  'address-does-not-fit-window',
  /** No address lines. */
  'address-missing',
  /** The sender's block is larger than its place beside the window. */
  'sender-does-not-fit',
] as const;
export type LetterRejection = (typeof LETTER_REJECTIONS)[number];
export type LetterField = 'messageId' | 'recipient' | 'sender' | 'place' | 'subject' | 'paragraphs' | 'signature';

export interface LetterPages {
  readonly messageId: string;
  /** 1-based, always odd. */
  readonly firstPage: number;
  /** The letter's own pages, without the blank page that may follow it. */
  readonly pageCount: number;
  /** Sheets printed on both sides: ceil(pageCount / 2). */
  readonly sheets: number;
  /** The envelope the letter is laid out for: a preset's id, or a custom geometry's name. */
  readonly envelope: string;
  /** Letters printed as their Latin base letter, as "ł→l"; empty when the text was printed as given. */
  readonly substitutions: readonly string[];
}

export interface RejectedLetter {
  readonly messageId: string;
  readonly reason: LetterRejection;
  readonly field: LetterField;
}

export interface LetterBatch {
  readonly pdf: Uint8Array;
  /** The rendered letters, in input order. */
  readonly pages: readonly LetterPages[];
  /** Letters left out of the PDF; the rest of the batch is rendered. */
  readonly rejected: readonly RejectedLetter[];
  /** Pages in the PDF, blank ones included: always even, 0 when every letter was rejected (nothing to send). */
  readonly pageTotal: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Page geometry (PDF points; y measured down from the top of the page, turned around when drawing)

const MM = 72 / 25.4;
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
const MARGIN_LEFT = 20 * MM;
const MARGIN_RIGHT = PAGE_WIDTH - 20 * MM;
const TEXT_WIDTH = MARGIN_RIGHT - MARGIN_LEFT;
/** Reference and date, just below the first fold (99 mm): on the middle panel, hidden inside the folded letter. */
const INFO_BASELINE = 108 * MM;
/** Top of the flow (subject, body, signature) on the first page, and on the following ones below the header. */
const FIRST_PAGE_TOP = 114 * MM;
const NEXT_PAGE_TOP = 26 * MM;
const HEADER_BASELINE = 15 * MM;
const HEADER_RULE = 18 * MM;
const FLOW_BOTTOM = 272 * MM;
const FOOTER_BASELINE = 286 * MM;

const BODY_SIZE = 10.5;
const BODY_LEADING = 14.5;
const PARAGRAPH_GAP = 6;
const SUBJECT_SIZE = 11;
const SIGNATURE_GAP = 20;
const SMALL_SIZE = 8;
/** Address line spacing: clearly more than one line, never read as a blank line (21grams). */
const ADDRESS_LEADING = 1.15;
// Helvetica's font bounding box is [-166 -225 1000 931] (its AFM): no glyph, accented capitals included, reaches above
// 0.931 em or below -0.225 em, so an address block measured with these stays inside the zone to the ink.
const ADDRESS_ASCENT = 0.931;
const ADDRESS_DESCENT = 0.225;
const MUTED = 0.35;

interface Labels {
  readonly reference: string;
  readonly subject: string;
  readonly page: (page: number, of: number) => string;
  readonly months: readonly string[];
  readonly dateLine: (day: number, month: string, year: number, place: string | undefined) => string;
}

const LABELS: Readonly<Record<Locale, Labels>> = {
  en: {
    reference: 'Our reference:',
    subject: 'Subject:',
    page: (page, of) => `Page ${page} of ${of}`,
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    dateLine: (day, month, year, place) => `${place === undefined ? '' : `${place}, `}${day} ${month} ${year}`,
  },
  fr: {
    reference: 'Notre référence\u00a0:',
    subject: 'Objet\u00a0:',
    page: (page, of) => `Page ${page} sur ${of}`,
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    dateLine: (day, month, year, place) => `${place === undefined ? 'Le' : `${place}, le`} ${day === 1 ? '1er' : day} ${month} ${year}`,
  },
  sv: {
    reference: 'Vår referens:',
    subject: 'Ärende:',
    page: (page, of) => `Sida ${page} (${of})`,
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    dateLine: (day, month, year, place) => `${place === undefined ? '' : `${place} den `}${day} ${month} ${year}`,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Fonts, measuring, encodable text

/** A standard font with its glyph widths in a table: measuring is a sum, with no kerning, as the PDF draws it. */
export interface LetterFont {
  readonly font: PDFFont;
  /** The resource name on every page. */
  readonly key: string;
  /** Glyph widths in thousandths of an em, by UTF-16 code unit (every WinAnsi character is one). */
  readonly widths: Float64Array;
  /** Each character's WinAnsi byte as two hex digits, as the text is written in the page, by code unit. */
  readonly hex: readonly string[];
}

export interface LetterFonts {
  readonly regular: LetterFont;
  readonly bold: LetterFont;
  /** Code points both fonts encode (WinAnsi). */
  readonly charset: ReadonlySet<number>;
}

export async function embedLetterFonts(doc: PDFDocument): Promise<LetterFonts> {
  const make = async (name: StandardFonts, key: string): Promise<LetterFont & { codes: ReadonlySet<number> }> => {
    const font = await doc.embedFont(name);
    const codes = font.getCharacterSet().filter((code) => code <= 0xffff);
    const widths = new Float64Array(Math.max(...codes) + 1);
    const hex: string[] = [];
    for (const code of codes) {
      const ch = String.fromCharCode(code);
      widths[code] = font.widthOfTextAtSize(ch, 1000);
      hex[code] = font.encodeText(ch).asString();
    }
    return { font, key, widths, hex, codes: new Set(codes) };
  };
  const regular = await make(StandardFonts.Helvetica, 'F1');
  const bold = await make(StandardFonts.HelveticaBold, 'F2');
  return { regular, bold, charset: new Set([...regular.codes].filter((c) => bold.codes.has(c))) };
}

export function textWidth(text: string, font: LetterFont, size: number): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += font.widths[text.charCodeAt(i)] ?? 0;
  return (units * size) / 1000;
}

// Typographic characters outside WinAnsi with a WinAnsi spelling of the same meaning.
const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '\u202f': '\u00a0', // narrow no-break space (French before : ; ! ?)
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2026': '...',
};
// Latin letters without a decomposition into base letter and accent.
const LATIN_BASE: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  ĸ: 'k',
  ſ: 's',
};

/**
 * The text as the fonts can print it, or null when a character has neither a WinAnsi spelling nor a Latin base
 * letter. Letters printed as their base letter are added to `substitutions` ("ł→l").
 */
export function encodableText(text: string, charset: ReadonlySet<number>, substitutions: Set<string>): string | null {
  // Printable ASCII and Latin-1 are all in WinAnsi: most text needs no look-up.
  if (/^[\x20-\x7e\u00a0-\u00ff]*$/u.test(text)) return text;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (charset.has(ch.codePointAt(0)!)) {
      out += ch;
      continue;
    }
    const typographic = TYPOGRAPHIC[ch];
    if (typographic !== undefined) {
      out += typographic;
      continue;
    }
    if (!/\p{Script=Latin}/u.test(ch)) return null;
    const base = LATIN_BASE[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (base === '' || base === ch || ![...base].every((c) => charset.has(c.codePointAt(0)!))) return null;
    substitutions.add(`${ch}→${base}`);
    out += base;
  }
  return out;
}

// French puts a space before these; a line must not start with one, nor end with an opening guillemet.
const CLINGS_TO_PREVIOUS = /^[:;!?»]+[.,]?$/u;

/** Word-wraps by measured width; a word wider than the line (a long URL) is cut where it must. */
export function wrapLine(text: string, font: LetterFont, size: number, width: number): string[] {
  const words: string[] = [];
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const previous = words[words.length - 1];
    if (previous !== undefined && (CLINGS_TO_PREVIOUS.test(word) || previous.endsWith('«')))
      words[words.length - 1] = `${previous} ${word}`;
    else words.push(word);
  }
  const space = textWidth(' ', font, size);
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of words) {
    const wordWidth = textWidth(word, font, size);
    if (current !== '' && currentWidth + space + wordWidth <= width) {
      current += ` ${word}`;
      currentWidth += space + wordWidth;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    currentWidth = wordWidth;
    while (currentWidth > width) {
      const chars = [...current];
      let fit = 1;
      while (fit < chars.length && textWidth(chars.slice(0, fit + 1).join(''), font, size) <= width) fit++;
      lines.push(chars.slice(0, fit).join(''));
      current = chars.slice(fit).join('');
      currentWidth = textWidth(current, font, size);
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Layout of one letter (pure, no PDF objects but the fonts' metrics)

/** A line at a position: x from the left edge, baseline from the top edge, both in points. */
export interface PlacedText {
  readonly text: string;
  readonly bold: boolean;
  readonly size: number;
  readonly x: number;
  readonly baseline: number;
  readonly grey?: boolean;
}

export interface LetterLayout {
  readonly messageId: string;
  /** Each page's lines; page 1 holds the address. */
  readonly pages: readonly (readonly PlacedText[])[];
  /** Letters printed as their Latin base letter ("ł→l"). */
  readonly substitutions: readonly string[];
  /** The address block's font size and its lines, for checks. */
  readonly address: { readonly size: number; readonly lines: readonly PlacedText[] };
}

interface FlowLine {
  readonly text: string;
  readonly bold: boolean;
  readonly size: number;
  readonly leading: number;
  /** Extra space above; dropped at the top of a page. */
  readonly gapBefore: number;
  /** The line never ends a page (the end of the body stays with the signature). */
  readonly keepWithNext: boolean;
}

export type LayoutResult =
  | { readonly ok: true; readonly layout: LetterLayout }
  | { readonly ok: false; readonly reason: LetterRejection; readonly field: LetterField };

export function resolveGeometry(envelope: EnvelopePreset | EnvelopeGeometry): EnvelopeGeometry {
  return typeof envelope === 'string' ? ENVELOPE_GEOMETRIES[envelope] : envelope;
}

/** Lays one letter out on as many pages as it needs. */
export function layoutLetter(letter: LetterInput, geometry: EnvelopeGeometry, fonts: LetterFonts): LayoutResult {
  const labels = LABELS[letter.locale];
  const substitutions = new Set<string>();
  // Line breaks and tabs inside a one-line field are spaces; paragraphs are cut at their line breaks first.
  const encode = (text: string): string | null => encodableText(text.replace(/[\r\n\t]+/gu, ' '), fonts.charset, substitutions);
  const encodeAll = (texts: readonly string[]): string[] | null => {
    const out: string[] = [];
    for (const text of texts) {
      const encoded = encode(text);
      if (encoded === null) return null;
      out.push(encoded);
    }
    return out;
  };
  const reject = (reason: LetterRejection, field: LetterField): LayoutResult => ({ ok: false, reason, field });

  // Address: every text is checked before anything is laid out, so a letter is either whole or rejected.
  const recipient = encodeAll(letter.recipient.lines.map((l) => l.trim()).filter((l) => l !== ''));
  if (recipient === null) return reject('text-not-encodable', 'recipient');
  if (recipient.length === 0) return reject('address-missing', 'recipient');
  const senderName = encode(letter.sender.name);
  const senderLines = encodeAll(letter.sender.lines);
  if (senderName === null || senderLines === null) return reject('text-not-encodable', 'sender');
  const place = letter.place === undefined ? undefined : encode(letter.place);
  if (place === null) return reject('text-not-encodable', 'place');
  const subject = encode(letter.subject);
  if (subject === null) return reject('text-not-encodable', 'subject');
  const paragraphs: string[][] = [];
  for (const paragraph of letter.paragraphs) {
    const lines = encodeAll(paragraph.split(/\r?\n/u));
    if (lines === null) return reject('text-not-encodable', 'paragraphs');
    paragraphs.push(lines);
  }
  const signature = encodeAll(letter.signature);
  if (signature === null) return reject('text-not-encodable', 'signature');

  const address = placeAddress(recipient, geometry, fonts);
  if (address === null) return reject('address-does-not-fit-window', 'recipient');
  const sender = placeSender(senderName, senderLines, geometry, fonts);
  if (sender === null) return reject('sender-does-not-fit', 'sender');

  const messageId = encode(letter.messageId);
  if (messageId === null) return reject('text-not-encodable', 'messageId');
  const first: PlacedText[] = [...sender, ...address.lines];
  const reference = `${labels.reference} ${messageId}`;
  first.push({ text: reference, bold: false, size: 9, x: MARGIN_LEFT, baseline: INFO_BASELINE });
  const dateText = dateLine(letter.date, labels, place);
  first.push({
    text: dateText,
    bold: false,
    size: BODY_SIZE,
    x: MARGIN_RIGHT - textWidth(dateText, fonts.regular, BODY_SIZE),
    baseline: INFO_BASELINE,
  });

  const flow: FlowLine[] = [];
  for (const line of wrapLine(`${labels.subject} ${subject}`, fonts.bold, SUBJECT_SIZE, TEXT_WIDTH)) {
    flow.push({ text: line, bold: true, size: SUBJECT_SIZE, leading: SUBJECT_SIZE * 1.3, gapBefore: 0, keepWithNext: true });
  }
  paragraphs.forEach((paragraph, p) => {
    paragraph.forEach((hardLine, h) => {
      wrapLine(hardLine, fonts.regular, BODY_SIZE, TEXT_WIDTH).forEach((line, i) => {
        const gap = h === 0 && i === 0 ? (p === 0 ? 12 : PARAGRAPH_GAP) : 0;
        flow.push({ text: line, bold: false, size: BODY_SIZE, leading: BODY_LEADING, gapBefore: gap, keepWithNext: false });
      });
    });
  });
  // The signature stays in one piece, with the last line of the body above it.
  const lastBody = flow.length - 1;
  if (signature.length > 0 && lastBody >= 0) flow[lastBody] = { ...flow[lastBody]!, keepWithNext: true };
  signature.forEach((line, i) => {
    flow.push({
      text: line,
      bold: i === 0,
      size: BODY_SIZE,
      leading: BODY_LEADING,
      gapBefore: i === 0 ? SIGNATURE_GAP : 0,
      keepWithNext: i < signature.length - 1,
    });
  });

  const flowPages = paginate(flow);
  const total = flowPages.length;
  const pages: PlacedText[][] = flowPages.map((lines, index) => {
    const placed: PlacedText[] = index === 0 ? first : [];
    if (index > 0) {
      const header = `${senderName} \u00b7 ${reference}`;
      placed.push({ text: header, bold: false, size: SMALL_SIZE, x: MARGIN_LEFT, baseline: HEADER_BASELINE, grey: true });
    }
    for (const { line, baseline } of lines) placed.push({ text: line.text, bold: line.bold, size: line.size, x: MARGIN_LEFT, baseline });
    if (total > 1) {
      const label = labels.page(index + 1, total);
      const x =
        index > 0
          ? MARGIN_RIGHT - textWidth(label, fonts.regular, SMALL_SIZE)
          : (PAGE_WIDTH - textWidth(label, fonts.regular, SMALL_SIZE)) / 2;
      placed.push({ text: label, bold: false, size: SMALL_SIZE, x, baseline: index > 0 ? HEADER_BASELINE : FOOTER_BASELINE, grey: true });
    }
    return placed;
  });
  return { ok: true, layout: { messageId: letter.messageId, pages, substitutions: [...substitutions], address } };
}

/** The address at the largest allowed size whose block fits the zone: left-aligned, from the zone's top edge. */
function placeAddress(lines: readonly string[], geometry: EnvelopeGeometry, fonts: LetterFonts): LetterLayout['address'] | null {
  const zone = geometry.addressZone;
  for (const size of geometry.addressFontSizes) {
    const leading = size * ADDRESS_LEADING;
    const height = ADDRESS_ASCENT * size + (lines.length - 1) * leading + ADDRESS_DESCENT * size;
    const widest = Math.max(...lines.map((l) => textWidth(l, fonts.regular, size)));
    if (height > zone.height * MM || widest > zone.width * MM) continue;
    const top = zone.y * MM + ADDRESS_ASCENT * size;
    return {
      size,
      lines: lines.map((text, i) => ({ text, bold: false, size, x: zone.x * MM, baseline: top + i * leading })),
    };
  }
  return null;
}

function placeSender(name: string, lines: readonly string[], geometry: EnvelopeGeometry, fonts: LetterFonts): PlacedText[] | null {
  const block = geometry.senderBlock;
  const width = block.width * MM;
  const placed: PlacedText[] = [];
  let baseline = block.y * MM + 10;
  for (const line of wrapLine(name, fonts.bold, 10, width)) {
    placed.push({ text: line, bold: true, size: 10, x: block.x * MM, baseline });
    baseline += 12;
  }
  for (const text of lines) {
    for (const line of wrapLine(text, fonts.regular, 9, width)) {
      placed.push({ text: line, bold: false, size: 9, x: block.x * MM, baseline, grey: true });
      baseline += 11;
    }
  }
  const bottom = placed.length === 0 ? 0 : placed[placed.length - 1]!.baseline + 9 * ADDRESS_DESCENT;
  return bottom <= (block.y + block.height) * MM ? placed : null;
}

/**
 * Breaks the flow into pages: the first starts below the reference line, the next ones below the header. A run of
 * keep-with-next lines and the line after it move to a new page together when they do not fit.
 */
function paginate(lines: readonly FlowLine[]): { line: FlowLine; baseline: number }[][] {
  const pages: { line: FlowLine; baseline: number }[][] = [[]];
  let top = FIRST_PAGE_TOP;
  let y = top;
  const fits = (baseline: number, line: FlowLine): boolean => baseline + line.size * 0.25 <= FLOW_BOTTOM;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let page = pages[pages.length - 1]!;
    if (page.length > 0) {
      let breakHere = !fits(y + line.gapBefore + line.leading, line);
      if (!breakHere && line.keepWithNext && !lines[i - 1]?.keepWithNext) {
        let end = y + line.gapBefore + line.leading;
        let fresh = line.size;
        for (let j = i + 1; j < lines.length && lines[j - 1]!.keepWithNext; j++) {
          end += lines[j]!.gapBefore + lines[j]!.leading;
          fresh += lines[j]!.gapBefore + lines[j]!.leading;
        }
        breakHere = end + line.size * 0.25 > FLOW_BOTTOM && NEXT_PAGE_TOP + fresh <= FLOW_BOTTOM;
      }
      if (breakHere) {
        page = [];
        pages.push(page);
        top = NEXT_PAGE_TOP;
        y = top;
      }
    }
    y = page.length === 0 ? top + line.size : y + line.gapBefore + line.leading;
    page.push({ line, baseline: y });
  }
  return pages;
}

function dateLine(day: string, labels: Labels, place: string | undefined): string {
  const [year, month, date] = parseDay(day);
  return labels.dateLine(date, labels.months[month - 1]!, year, place);
}

function parseDay(day: string): [number, number, number] {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`a letter date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return [parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate()];
}

// ---------------------------------------------------------------------------------------------------------------
// The batch

/**
 * Renders every letter that can be printed into one PDF; the others are listed in `rejected` with the reason and
 * the field, never with their text. Throws RangeError only for a programming error (a date not written YYYY-MM-DD),
 * before anything is drawn.
 */
export async function renderLetterBatch(letters: readonly LetterInput[], options: LetterBatchOptions): Promise<LetterBatch> {
  parseDay(options.generatedOn);
  const created = new Date(`${options.generatedOn}T00:00:00Z`);
  for (const letter of letters) parseDay(letter.date);

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedLetterFonts(doc);
  const writer = new PageWriter(doc, fonts);
  const pages: LetterPages[] = [];
  const rejected: RejectedLetter[] = [];
  let pageTotal = 0;
  for (const letter of letters) {
    const envelope = letter.envelope ?? options.envelope;
    const geometry = resolveGeometry(envelope);
    const result = layoutLetter(letter, geometry, fonts);
    if (!result.ok) {
      rejected.push({ messageId: letter.messageId, reason: result.reason, field: result.field });
      continue;
    }
    const firstPage = pageTotal + 1;
    for (const placed of result.layout.pages) writer.write(doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]), placed);
    const pageCount = result.layout.pages.length;
    pageTotal += pageCount;
    if (pageCount % 2 === 1) {
      doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      pageTotal += 1;
    }
    pages.push({
      messageId: letter.messageId,
      firstPage,
      pageCount,
      sheets: Math.ceil(pageCount / 2),
      envelope: typeof envelope === 'string' ? envelope : envelope.name,
      substitutions: result.layout.substitutions,
    });
  }

  doc.setTitle(options.title ?? 'Letters', { showInWindowTitleBar: true });
  doc.setProducer('breachdesk');
  doc.setCreator('breachdesk');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  // pdf-lib would add a blank page to a document without one: a batch whose letters were all rejected has none.
  return { pdf: await doc.save({ addDefaultPage: false }), pages, rejected, pageTotal };
}

/**
 * Writes a page's content stream directly: one BT…ET block, a font change only where the font or size changes,
 * numbers made once per batch, compressed with Node's zlib. pdf-lib's drawText adds a font resource per call and
 * encodes glyph by glyph, and its pure-JavaScript deflate allocates its tables for every page: together they were
 * most of a batch's time and garbage. (Letters are made on the server only; the action plan, made in the browser,
 * keeps pdf-lib's own drawing.)
 */
class PageWriter {
  private readonly numbers = new Map<number, PDFNumber>();
  private readonly names: ReadonlyMap<string, PDFName>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: LetterFonts,
  ) {
    this.names = new Map([fonts.regular.key, fonts.bold.key].map((key) => [key, PDFName.of(key)]));
  }

  write(page: PDFPage, placed: readonly PlacedText[]): void {
    const { regular, bold } = this.fonts;
    page.node.setFontDictionary(this.names.get(regular.key)!, regular.font.ref);
    page.node.setFontDictionary(this.names.get(bold.key)!, bold.font.ref);
    const ops: PDFOperator[] = [PDFOperator.of(Op.BeginText)];
    let font: LetterFont | null = null;
    let size = 0;
    let grey: number | null = null;
    for (const text of placed) {
      const wanted = text.bold ? bold : regular;
      if (wanted !== font || text.size !== size) {
        ops.push(PDFOperator.of(Op.SetFontAndSize, [this.names.get(wanted.key)!, this.number(text.size)]));
        font = wanted;
        size = text.size;
      }
      const colour = text.grey === true ? MUTED : 0;
      if (colour !== grey) {
        ops.push(PDFOperator.of(Op.NonStrokingColorGray, [this.number(colour)]));
        grey = colour;
      }
      const one = this.number(1);
      const zero = this.number(0);
      ops.push(
        PDFOperator.of(Op.SetTextMatrix, [one, zero, zero, one, this.number(text.x), this.number(PAGE_HEIGHT - text.baseline)]),
        PDFOperator.of(Op.ShowText, [PDFHexString.of(hexOf(text.text, wanted))]),
      );
    }
    ops.push(PDFOperator.of(Op.EndText));
    if (placed.some((t) => t.baseline === HEADER_BASELINE)) {
      const y = this.number(PAGE_HEIGHT - HEADER_RULE);
      ops.push(
        PDFOperator.of(Op.StrokingColorGray, [this.number(0.6)]),
        PDFOperator.of(Op.SetLineWidth, [this.number(0.5)]),
        PDFOperator.of(Op.MoveTo, [this.number(MARGIN_LEFT), y]),
        PDFOperator.of(Op.LineTo, [this.number(MARGIN_RIGHT), y]),
        PDFOperator.of(Op.StrokePath),
      );
    }
    const plain = PDFContentStream.of(this.doc.context.obj({}), ops, false).getContents();
    const stream = PDFRawStream.of(this.doc.context.obj({ Filter: 'FlateDecode' }), deflateSync(plain, { level: 6 }));
    page.node.addContentStream(this.doc.context.register(stream));
  }

  /** Rounded to 1/100 pt; each distinct value is turned into text once. */
  private number(value: number): PDFNumber {
    const rounded = Math.round(value * 100) / 100;
    let number = this.numbers.get(rounded);
    if (!number) {
      number = PDFNumber.of(rounded);
      this.numbers.set(rounded, number);
    }
    return number;
  }
}

function hexOf(text: string, font: LetterFont): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += font.hex[text.charCodeAt(i)] ?? '';
  return hex;
}
