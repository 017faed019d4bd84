import { PDFDocument, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

import type { PlanView } from './plan-view.js';

/**
 * The action plan as an A4 PDF, made with pdf-lib so that it can be made on the person's device
 * (docs/adr/0010-pdf-lib.md). The standard Helvetica fonts need no font file but only cover WinAnsi
 * (Windows-1252); other characters are replaced, never thrown on. The same view and date give the same bytes.
 */
export interface PlanPdfOptions {
  /** YYYY-MM-DD, passed in (the module reads no clock); the document's creation date. */
  readonly generatedOn: string;
  /** Ids of the steps to draw ticked. */
  readonly ticked?: ReadonlySet<string>;
}

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_X = 56;
const MARGIN_TOP = 56;
const MARGIN_BOTTOM = 60;
export const FOOTER_Y = 30;
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const STEP_INDENT = 20;
const BULLET_INDENT = 30;
const CHECKBOX_SIZE = 10;

export const INK = rgb(0.11, 0.11, 0.13);
export const MUTED = rgb(0.36, 0.37, 0.4);
const LINK = rgb(0.05, 0.27, 0.6);
const URGENCY_COLOURS: Readonly<Record<string, RGB>> = {
  now: rgb(0.7, 0.11, 0.11),
  'this-week': rgb(0.72, 0.38, 0.02),
  ongoing: rgb(0.1, 0.33, 0.6),
  'if-it-happens': rgb(0.3, 0.3, 0.34),
};

export interface PdfFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
}

/** One laid-out line of text. `keepWithNext` lines never end a page (a heading stays with what follows). */
export interface PdfLine {
  readonly text: string;
  readonly font: PDFFont;
  readonly size: number;
  /** Distance from this line's baseline to the previous one's. */
  readonly leading: number;
  /** Extra space above, dropped at the top of a page. */
  readonly gapBefore: number;
  readonly indent: number;
  readonly colour: RGB;
  readonly keepWithNext: boolean;
  /** The line is a step title's first line: draw a checkbox in the margin. */
  readonly checkbox?: { readonly ticked: boolean };
  /** Draw a rule under the line (urgency headings). */
  readonly rule?: RGB;
  /** Make the line a link to this URL. */
  readonly link?: string;
  /** Marks the first line of each step, for tests of the page breaks. */
  readonly stepId?: string;
}

export interface PdfPageLayout {
  readonly lines: readonly { readonly line: PdfLine; readonly y: number }[];
}

export async function renderPlanPdf(view: PlanView, options: PlanPdfOptions): Promise<Uint8Array> {
  const created = parseDay(options.generatedOn);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: PdfFonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };

  const pages = paginate(layoutPlan(view, options, fonts));
  const total = pages.length;
  for (const [index, layout] of pages.entries()) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    for (const { line, y } of layout.lines) drawLine(doc, page, line, y);
    const number = `${index + 1} / ${total}`;
    const width = fonts.regular.widthOfTextAtSize(number, 9);
    page.drawText(number, { x: (PAGE_WIDTH - width) / 2, y: FOOTER_Y, size: 9, font: fonts.regular, color: MUTED });
  }

  doc.setTitle(safeText(view.title, fonts.regular), { showInWindowTitleBar: true });
  doc.setSubject(safeText(view.countryLabel, fonts.regular));
  doc.setLanguage(view.locale);
  doc.setProducer('breachdesk');
  doc.setCreator('breachdesk');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  return doc.save();
}

/** Every line of the plan, in order, before page breaks. */
export function layoutPlan(view: PlanView, options: PlanPdfOptions, fonts: PdfFonts): PdfLine[] {
  const lines: PdfLine[] = [];
  const add = (
    text: string,
    style: Omit<PdfLine, 'text' | 'leading' | 'keepWithNext' | 'gapBefore' | 'indent'> & {
      readonly gapBefore?: number;
      readonly indent?: number;
      readonly hangingIndent?: number;
      readonly keepWithNext?: boolean;
    },
  ): void => {
    const indent = style.indent ?? 0;
    const hanging = style.hangingIndent ?? indent;
    const wrapped = wrapText(safeText(text, style.font), style.font, style.size, TEXT_WIDTH - hanging);
    for (const [i, part] of wrapped.entries()) {
      const last = i === wrapped.length - 1;
      lines.push({
        text: part,
        font: style.font,
        size: style.size,
        leading: style.size * 1.35,
        gapBefore: i === 0 ? (style.gapBefore ?? 0) : 0,
        indent: i === 0 ? indent : hanging,
        colour: style.colour,
        keepWithNext: style.keepWithNext ?? false,
        ...(i === 0 && style.checkbox ? { checkbox: style.checkbox } : {}),
        ...(last && style.rule ? { rule: style.rule } : {}),
        ...(style.link ? { link: style.link } : {}),
        ...(i === 0 && style.stepId ? { stepId: style.stepId } : {}),
      });
    }
  };

  add(view.title, { font: fonts.bold, size: 20, colour: INK, keepWithNext: true });
  add(view.countryLabel, { font: fonts.bold, size: 11, colour: MUTED, gapBefore: 4, keepWithNext: true });
  add(`${view.labels.generatedOn} ${options.generatedOn}`, { font: fonts.regular, size: 9, colour: MUTED });
  add(view.intro, { font: fonts.regular, size: 11, colour: INK, gapBefore: 10 });

  add(view.summary.heading, { font: fonts.bold, size: 13, colour: INK, gapBefore: 16, keepWithNext: true });
  if (view.summary.empty !== null) add(view.summary.empty, { font: fonts.regular, size: 10, colour: INK, gapBefore: 2 });
  for (const item of view.summary.classes) {
    add(`•  ${item.label}${view.labels.colon}${item.breaches.join(', ')}`, {
      font: fonts.regular,
      size: 10,
      colour: INK,
      gapBefore: 2,
      indent: 0,
      hangingIndent: 10,
    });
  }

  let urgency: string | null = null;
  for (const step of view.steps) {
    if (step.urgency !== urgency) {
      urgency = step.urgency;
      const colour = URGENCY_COLOURS[step.urgency] ?? INK;
      add(step.urgencyLabel, { font: fonts.bold, size: 14, colour, gapBefore: 20, keepWithNext: true, rule: colour });
    }
    const ticked = options.ticked?.has(step.id) ?? false;
    // The title, and everything up to and including the first line after it, stays on one page.
    add(step.title, {
      font: fonts.bold,
      size: 12,
      colour: INK,
      gapBefore: 12,
      indent: STEP_INDENT,
      keepWithNext: true,
      checkbox: { ticked },
      stepId: step.id,
    });
    for (const why of step.why) add(why, { font: fonts.italic, size: 9.5, colour: MUTED, gapBefore: 2, indent: STEP_INDENT });
    for (const action of step.actions) {
      add(`•  ${action}`, {
        font: fonts.regular,
        size: 10.5,
        colour: INK,
        gapBefore: 3,
        indent: STEP_INDENT,
        hangingIndent: BULLET_INDENT,
      });
    }
    if (step.deadline !== null) {
      add(view.labels.deadline, { font: fonts.bold, size: 9.5, colour: INK, gapBefore: 5, indent: STEP_INDENT, keepWithNext: true });
      add(step.deadline, { font: fonts.regular, size: 10.5, colour: INK, indent: STEP_INDENT });
    }
    if (step.sources.length > 0) {
      add(view.labels.sources, { font: fonts.bold, size: 8.5, colour: MUTED, gapBefore: 5, indent: STEP_INDENT, keepWithNext: true });
      // Sources that share a URL (articles of one law) are listed together above it.
      for (const [i, source] of step.sources.entries()) {
        add(source.label, { font: fonts.regular, size: 8.5, colour: MUTED, gapBefore: 1, indent: STEP_INDENT, keepWithNext: true });
        if (step.sources[i + 1]?.url !== source.url) {
          add(source.url, { font: fonts.regular, size: 8, colour: LINK, indent: STEP_INDENT, link: source.url });
        }
      }
    }
  }

  add(view.disclaimer, { font: fonts.regular, size: 8.5, colour: MUTED, gapBefore: 22 });
  return lines;
}

/**
 * Breaks the lines into pages. A run of keep-with-next lines and the line after it move to a new page
 * together when they do not fit, unless the run alone is taller than a page.
 */
export function paginate(lines: readonly PdfLine[]): PdfPageLayout[] {
  const top = PAGE_HEIGHT - MARGIN_TOP;
  const room = top - MARGIN_BOTTOM;
  const pages: { line: PdfLine; y: number }[][] = [[]];
  let y = top;
  const step = (line: PdfLine): number => line.gapBefore + line.leading;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let page = pages[pages.length - 1]!;
    if (page.length > 0) {
      let breakHere = y - step(line) < MARGIN_BOTTOM;
      if (!breakHere && !lines[i - 1]?.keepWithNext) {
        // The run this line starts: it and every keep-with-next line after it, plus the line they keep with.
        let needed = step(line);
        let onFreshPage = line.size;
        for (let j = i; lines[j]?.keepWithNext && j + 1 < lines.length; j++) {
          needed += step(lines[j + 1]!);
          onFreshPage += step(lines[j + 1]!);
        }
        breakHere = y - needed < MARGIN_BOTTOM && onFreshPage <= room;
      }
      if (breakHere) {
        page = [];
        pages.push(page);
        y = top;
      }
    }
    // The first line of a page sits at the top margin: no gap, only its own height.
    y -= page.length === 0 ? line.size : step(line);
    page.push({ line, y });
  }
  return pages.map((page) => ({ lines: page }));
}

export function drawLine(doc: PDFDocument, page: PDFPage, line: PdfLine, y: number): void {
  const x = MARGIN_X + line.indent;
  page.drawText(line.text, { x, y, size: line.size, font: line.font, color: line.colour });
  if (line.checkbox) drawCheckbox(page, MARGIN_X + 2, y - 1, line.checkbox.ticked);
  if (line.rule) {
    page.drawLine({ start: { x: MARGIN_X, y: y - 5 }, end: { x: PAGE_WIDTH - MARGIN_X, y: y - 5 }, thickness: 0.8, color: line.rule });
  }
  if (line.link) {
    const width = line.font.widthOfTextAtSize(line.text, line.size);
    const annotation = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [x, y - 2, x + width, y + line.size],
        Border: [0, 0, 0],
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(line.link) },
      }),
    );
    page.node.addAnnot(annotation);
  }
}

function drawCheckbox(page: PDFPage, x: number, y: number, ticked: boolean): void {
  page.drawRectangle({ x, y, width: CHECKBOX_SIZE, height: CHECKBOX_SIZE, borderColor: INK, borderWidth: 1 });
  if (!ticked) return;
  const s = CHECKBOX_SIZE;
  page.drawLine({ start: { x: x + s * 0.2, y: y + s * 0.5 }, end: { x: x + s * 0.42, y: y + s * 0.22 }, thickness: 1.6, color: INK });
  page.drawLine({ start: { x: x + s * 0.42, y: y + s * 0.22 }, end: { x: x + s * 0.85, y: y + s * 0.85 }, thickness: 1.6, color: INK });
}

// Characters outside WinAnsi that have a readable WinAnsi spelling; anything else without one becomes "?".
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': '\u00a0',
  '\u200b': '',
  '\u00ad': '',
};

/** The text with every character the font cannot encode replaced, so that drawing it never throws. */
export function safeText(text: string, font: PDFFont): string {
  const supported = charsetOf(font);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (supported.has(code)) out += ch;
    else if (ch === '\n' || ch === '\r' || ch === '\t') out += ' ';
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      // A letter with an accent the font lacks (ő, ł̣…) keeps its base letter when that one is encodable.
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}

const charsets = new WeakMap<PDFFont, ReadonlySet<number>>();
function charsetOf(font: PDFFont): ReadonlySet<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

// French puts a space before these; a line must not start with one, nor end with an opening guillemet.
const CLINGS_TO_PREVIOUS = /^[:;!?»]+[.,]?$/;

/** Word-wraps by measured width; a word wider than the line (a long URL) is cut where it must. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const words: string[] = [];
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const previous = words[words.length - 1];
    if (previous !== undefined && (CLINGS_TO_PREVIOUS.test(word) || previous.endsWith('«')))
      words[words.length - 1] = `${previous} ${word}`;
    else words.push(word);
  }
  const measure = (s: string): number => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    while (measure(current) > width) {
      const chars = [...current];
      let fit = 1;
      while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= width) fit++;
      lines.push(chars.slice(0, fit).join(''));
      current = chars.slice(fit).join('');
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

function parseDay(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`generatedOn must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return date;
}
