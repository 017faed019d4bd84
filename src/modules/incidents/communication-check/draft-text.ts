/**
 * The draft as the rules see it: HTML tags and entities removed, lower case, accents and ligatures
 * folded, every apostrophe `'`, every dash `-`, whitespace collapsed to one space. A paragraph break,
 * a block-level tag or a line that starts a list becomes `\n`, which ends a sentence and which no
 * phrase rule crosses. Every folded character keeps the span of the original it came from, so
 * evidence is reported as offsets (UTF-16 code units) in the text the caller gave.
 *
 * One pass over the input; tags, comments and script/style bodies are skipped with indexOf and
 * sticky regular expressions, so the cost stays linear in the length of the draft.
 */

export interface FoldedText {
  /** The folded text the rules run on. */
  readonly text: string;
  /** `starts[i]`/`ends[i]`: the original span of folded character i. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** An original span. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Tags that carry no break: a phrase may run through them. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'em',
  'font',
  'i',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
]);
/** Tags that end a sentence: headings, paragraphs, list items, table cells, line breaks. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'section',
  'table',
  'td',
  'th',
  'title',
  'tr',
  'ul',
]);

/** The named entities a French, Swedish or English e-mail is likely to carry; others stay as text. */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  laquo: '\u00ab',
  raquo: '\u00bb',
  hellip: '\u2026',
  ndash: '\u2013',
  mdash: '\u2014',
  euro: '\u20ac',
  copy: '\u00a9',
  shy: '\u00ad',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  icirc: 'î',
  iuml: 'ï',
  ocirc: 'ô',
  ouml: 'ö',
  oslash: 'ø',
  oelig: 'œ',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  Agrave: 'À',
  Acirc: 'Â',
  Auml: 'Ä',
  Aring: 'Å',
  Ccedil: 'Ç',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Ouml: 'Ö',
  OElig: 'Œ',
};

const TAG_NAME = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])/y;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/y;
const RAW_TEXT_END = /<\/(?:script|style)\s*>/gi;
const BULLET = /[-*•·‣▪◦○►–—]|\d{1,2}[.)]\s/y;

/** Folds one non-ASCII character; '' for a combining mark or an invisible character. */
function foldChar(ch: string): string {
  switch (ch) {
    case '\u2019':
    case '\u2018':
    case '\u201b':
    case '\u02bc':
    case '\u2032':
    case '\u00b4':
    case '`':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u00ab':
    case '\u00bb':
    case '\u2039':
    case '\u203a':
      return '"';
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2015':
    case '\u2212':
      return '-';
    case '\u2026':
      return '.';
    case '\u00ad':
    case '\u200b':
    case '\u200c':
    case '\u200d':
    case '\u2060':
    case '\ufeff':
      return '';
    case 'œ':
    case 'Œ':
      return 'oe';
    case 'æ':
    case 'Æ':
      return 'ae';
    case '\u2028':
    case '\u2029':
    case '\u0085':
      return '\n';
    default:
      return /^\s$/u.test(ch)
        ? ' '
        : ch
            .toLowerCase()
            .normalize('NFD')
            .replace(/\p{M}+/gu, '');
  }
}

/**
 * Folds the non-ASCII characters of a rule pattern the way a draft is folded ("délégué" → "delegue",
 * "’" → "'"), leaving ASCII alone so that escapes such as \p{L} survive. Patterns are written in lower case.
 */
export function foldPattern(pattern: string): string {
  let out = '';
  for (const ch of pattern) out += ch.charCodeAt(0) < 0x80 && ch !== '`' ? ch : foldChar(ch);
  return out;
}

export function foldDraft(original: string): FoldedText {
  const n = original.length;
  let capacity = n + 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  const chunks: string[] = [];
  let length = 0;
  const cache = new Map<string, string>();

  // Pending whitespace: emitted as one ' ' or '\n' before the next visible character.
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingNewlines = 0;
  let pendingBreak = false;

  const push = (out: string, start: number, end: number): void => {
    if (length + out.length > capacity) {
      capacity = Math.max(capacity * 2, length + out.length + 16);
      const s = new Int32Array(capacity);
      s.set(starts.subarray(0, length));
      starts = s;
      const e = new Int32Array(capacity);
      e.set(ends.subarray(0, length));
      ends = e;
    }
    for (let k = 0; k < out.length; k++) {
      starts[length] = start;
      ends[length] = end;
      length++;
    }
    chunks.push(out);
  };

  const space = (start: number, end: number, newlines: number, hardBreak: boolean): void => {
    if (pendingStart < 0) pendingStart = start;
    pendingEnd = end;
    pendingNewlines += newlines;
    pendingBreak ||= hardBreak;
  };

  /** Emits a visible folded string for the original span [start, end). */
  const visible = (out: string, start: number, end: number): void => {
    if (pendingStart >= 0) {
      if (length > 0) {
        BULLET.lastIndex = start;
        const brk = pendingBreak || pendingNewlines >= 2 || (pendingNewlines >= 1 && BULLET.test(original));
        push(brk ? '\n' : ' ', pendingStart, pendingEnd);
      }
      pendingStart = -1;
      pendingNewlines = 0;
      pendingBreak = false;
    }
    push(out, start, end);
  };

  /** One decoded character from the original span [start, end). */
  const character = (ch: string, start: number, end: number): void => {
    const code = ch.charCodeAt(0);
    if (code < 0x80 && ch !== '`') {
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') space(start, end, 0, false);
      else if (ch === '\n') space(start, end, 1, false);
      else visible(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch, start, end);
      return;
    }
    let out = cache.get(ch);
    if (out === undefined) {
      out = foldChar(ch);
      cache.set(ch, out);
    }
    if (out === ' ' || out === '\n') {
      space(start, end, out === '\n' ? 1 : 0, ch === '\u2029');
      return;
    }
    if (out === '') {
      // A combining mark (NFD input) or an invisible character: widen the previous character's span.
      if (length > 0 && pendingStart < 0 && ends[length - 1] === start) ends[length - 1] = end;
      return;
    }
    visible(out, start, end);
  };

  // Once a search for '>' or '-->' fails, no later '<' can close either: this keeps unclosed '<' linear.
  let noGt = false;
  let noCommentEnd = false;
  /** End of the markup starting at `at`, or `at` when the '<' starts none. */
  const skipMarkup = (at: number): number => {
    if (original.startsWith('<!--', at)) {
      const close = noCommentEnd ? -1 : original.indexOf('-->', at + 4);
      if (close >= 0) return close + 3;
      noCommentEnd = true;
      return at;
    }
    const name = markupName(original, at);
    if (name === undefined || noGt) return at;
    const gt = original.indexOf('>', at);
    if (gt < 0) {
      noGt = true;
      return at;
    }
    if ((name === 'script' || name === 'style') && original.charAt(at + 1) !== '/') {
      RAW_TEXT_END.lastIndex = gt + 1;
      return RAW_TEXT_END.exec(original) ? RAW_TEXT_END.lastIndex : n;
    }
    return gt + 1;
  };

  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c === 60 /* < */) {
      const end = skipMarkup(i);
      if (end > i) {
        const name = markupName(original, i);
        if (name !== undefined && !INLINE_TAGS.has(name)) space(i, end, 0, BLOCK_TAGS.has(name));
        i = end;
        continue;
      }
    } else if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      if (m) {
        const decoded = decodeEntity(m[1], m[2], m[3]);
        if (decoded !== undefined) {
          for (const ch of decoded) character(ch, i, ENTITY.lastIndex);
          i = ENTITY.lastIndex;
          continue;
        }
      }
    }
    const cp = original.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    character(original.slice(i, i + width), i, i + width);
    i += width;
  }

  return { text: chunks.join(''), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** Lower-cased tag name at `at` ('!' for comments and declarations), or undefined. */
function markupName(text: string, at: number): string | undefined {
  const next = text.charAt(at + 1);
  if (next === '!' || next === '?') return '!';
  TAG_NAME.lastIndex = at;
  const m = TAG_NAME.exec(text);
  return m?.[2]?.toLowerCase();
}

function decodeEntity(dec: string | undefined, hex: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined;
  const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : undefined;
}

/** The original span of folded [from, to). */
export function originalSpan(folded: FoldedText, from: number, to: number): Span {
  return { start: folded.starts[from] ?? 0, end: folded.ends[Math.max(from, to - 1)] ?? 0 };
}

const EXCERPT_MAX = 80;
/** An excerpt reads at most this much of the original, so a one-sentence megabyte costs nothing extra. */
const EXCERPT_SOURCE_MAX = 4000;
/** The markup foldDraft skips; `[^<>]` keeps an unclosed '<' from scanning to the end. */
const MARKUP = /<\/?[a-zA-Z][a-zA-Z0-9]*(?=[\s/>])[^<>]*>|<!--[^]*?-->|<[!?][^<>]*>/g;

/** A short, readable quote of an original span: tags dropped, entities decoded, whitespace collapsed. */
export function excerptOf(original: string, span: Span, max = EXCERPT_MAX): string {
  let text = original.slice(span.start, Math.min(span.end, span.start + EXCERPT_SOURCE_MAX));
  if (text.includes('<')) text = text.replace(MARKUP, ' ');
  if (text.includes('&')) {
    text = text.replace(
      /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g,
      (whole: string, dec?: string, hex?: string, name?: string) => decodeEntity(dec, hex, name) ?? whole,
    );
  }
  text = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

export interface Sentence {
  /** Folded span. */
  readonly from: number;
  readonly to: number;
  readonly words: number;
}

/** Abbreviations whose dot does not end a sentence (folded). */
const ABBREVIATIONS = new Set([
  'art',
  'arts',
  'al',
  'bd',
  'bl.a',
  'ca',
  'cf',
  'dr',
  'dvs',
  'e.g',
  'etc',
  'ex',
  'fig',
  'i.e',
  'jfr',
  'm',
  'mme',
  'mlle',
  'mr',
  'mrs',
  'ms',
  'no',
  'nr',
  'p.ex',
  'resp',
  's.k',
  'st',
  't.ex',
  'tel',
  'vs',
]);

// A word (letters or digits, joined by inner apostrophes, hyphens, dots, colons or @ as in "l'art",
// "t.ex", "IMY:s", "dpo@exemple.fr"), a run of sentence terminators, or a hard break. Each alternative
// starts with a distinct class, so there is no backtracking.
const TOKEN = /([\p{L}\p{N}]+(?:['.:@-][\p{L}\p{N}]+)*)|([.!?]+)|(\n)/gu;

/** Splits the folded text into sentences and counts their words. */
export function sentencesOf(folded: string): Sentence[] {
  const out: Sentence[] = [];
  let from = -1;
  let to = -1;
  let words = 0;
  let lastWord = '';
  let lastWordEnd = -1;
  const close = (): void => {
    if (words > 0) out.push({ from, to, words });
    from = -1;
    words = 0;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const [token, word, stop] = m;
    if (word !== undefined) {
      if (from < 0) from = m.index;
      to = m.index + token.length;
      words++;
      lastWord = word.slice(word.lastIndexOf("'") + 1);
      lastWordEnd = to;
    } else if (stop !== undefined) {
      if (from < 0) continue;
      to = m.index + token.length;
      const glued = lastWordEnd === m.index;
      // "Art. 34", "t.ex. ", "J. Dupont", "1. Changez": the dot belongs to the word.
      const abbreviation =
        stop === '.' && glued && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord) || (words === 1 && /^\d+$/.test(lastWord)));
      const next = folded.charAt(m.index + token.length);
      if (!abbreviation && (next === '' || next === ' ' || next === '\n' || next === '"' || next === ')' || next === "'")) close();
    } else {
      close();
    }
  }
  close();
  return out;
}
