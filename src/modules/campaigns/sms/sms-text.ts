/**
 * SMS text under GSM 03.38 (3GPP TS 23.038): which alphabet a text needs, how many segments it costs, and an opt-in folding
 * of French and other Latin letters onto the GSM 7-bit alphabet. Pure: no I/O.
 *
 * Nothing here may be logged with its input: the text of a notice can hold a name. The analyses carry counts and single
 * characters only, for the campaign author's preview.
 */

/** The GSM 7-bit default alphabet, 0x00–0x7F in order, without 0x1B (the escape to the extension table). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  '\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E' + // Δ _ Φ Γ Λ Ω Π Ψ Σ Θ Ξ
  'ÆæßÉ' +
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each is sent as ESC + a code, so it costs two septets. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const SMS_ENCODINGS = ['gsm7', 'ucs2'] as const;
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

/**
 * Units per segment. A single SMS carries 140 bytes: 160 septets or 70 UTF-16 code units. A concatenated SMS spends 6 bytes
 * of each part on the user data header, leaving 153 septets or 67 code units.
 */
export const SEGMENT_LIMITS: Readonly<Record<SmsEncoding, { readonly single: number; readonly multi: number }>> = Object.freeze({
  gsm7: Object.freeze({ single: 160, multi: 153 }),
  ucs2: Object.freeze({ single: 70, multi: 67 }),
});

export interface SmsTextAnalysis {
  readonly encoding: SmsEncoding;
  /** Septets for gsm7 (an extension-table character counts 2), UTF-16 code units for ucs2 (a surrogate pair counts 2). */
  readonly units: number;
  /** 0 for the empty text. */
  readonly segments: number;
  /** Capacity of each segment as the text is split: the single or the multi limit. */
  readonly unitsPerSegment: number;
  /** Units still free in the last segment before one more is needed. */
  readonly remainingInLastSegment: number;
  /** The distinct characters (code points) that force ucs2, in order of first appearance; empty for gsm7. */
  readonly nonGsm7Characters: readonly string[];
}

/** True when the code point is in the GSM 7-bit default alphabet or its extension table. */
export function isGsm7Character(char: string): boolean {
  return BASIC.has(char) || EXTENSION.has(char);
}

/** True when the whole text can be sent in the GSM 7-bit alphabet. The empty text is. */
export function isGsm7Text(text: string): boolean {
  for (const char of text) if (!isGsm7Character(char)) return false;
  return true;
}

/**
 * The encoding and segment count of a text exactly as given (no normalisation: a decomposed "é" is e + U+0301, which forces
 * ucs2; prepareSmsText normalises first). Segments are packed the way handsets reassemble them: an escape pair or a surrogate
 * pair is never split across two segments, so a long text can need one segment more than units / limit suggests.
 */
export function analyseSmsText(text: string): SmsTextAnalysis {
  const nonGsm: string[] = [];
  const septets: number[] = [];
  const codeUnits: number[] = [];
  for (const char of text) {
    if (BASIC.has(char)) septets.push(1);
    else if (EXTENSION.has(char)) septets.push(2);
    else if (!nonGsm.includes(char)) nonGsm.push(char);
    codeUnits.push(char.length);
  }
  const encoding: SmsEncoding = nonGsm.length === 0 ? 'gsm7' : 'ucs2';
  const sizes = encoding === 'gsm7' ? septets : codeUnits;
  const units = sizes.reduce((sum, n) => sum + n, 0);
  const { single, multi } = SEGMENT_LIMITS[encoding];

  if (units <= single) {
    return {
      encoding,
      units,
      segments: units === 0 ? 0 : 1,
      unitsPerSegment: single,
      remainingInLastSegment: single - units,
      nonGsm7Characters: nonGsm,
    };
  }
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments, unitsPerSegment: multi, remainingInLastSegment: multi - used, nonGsm7Characters: nonGsm };
}

/** One kind of replacement a folding made: `from` (one code point) became `to` (possibly empty), `count` times. */
export interface Gsm7Substitution {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

export interface Gsm7Folding {
  readonly text: string;
  /** In order of first appearance. */
  readonly substitutions: readonly Gsm7Substitution[];
  /** Distinct characters with no GSM 7-bit equivalent (emoji, CJK, ł...), left as they were. */
  readonly unfoldable: readonly string[];
}

/**
 * Typography with no decomposition to lean on. Letters with diacritics (ê â î ô û ç À È ...) need no entry: they fold through
 * their compatibility decomposition, minus the combining marks, below.
 */
const EXPLICIT_FOLDS: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], // ‘
  ['\u2019', "'"], // ’ the French apostrophe
  ['\u201A', "'"], // ‚
  ['\u201B', "'"], // ‛
  ['\u2032', "'"], // ′
  ['\u00B4', "'"], // ´
  ['`', "'"], // not in GSM 03.38
  ['\u2039', "'"], // ‹
  ['\u203A', "'"], // ›
  ['\u201C', '"'], // “
  ['\u201D', '"'], // ”
  ['\u201E', '"'], // „
  ['\u201F', '"'], // ‟
  ['\u2033', '"'], // ″
  ['\u00AB', '"'], // «
  ['\u00BB', '"'], // »
  ['\u2010', '-'], // ‐
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2012', '-'], // ‒
  ['\u2013', '-'], // –
  ['\u2014', '-'], // —
  ['\u2015', '-'], // ―
  ['\u2212', '-'], // −
  ['\u2022', '-'], // •
  ['\t', ' '],
  ['\u00A0', ' '], // no-break space
  ['\u202F', ' '], // narrow no-break space, before ; : ! ? in French
  ['\u2009', ' '], // thin space
  ['\u200B', ''], // zero-width space
  ['\u2060', ''], // word joiner
  ['\uFEFF', ''], // byte order mark
  ['\u00AD', ''], // soft hyphen
  ['œ', 'oe'],
  ['Œ', 'OE'],
]);

const COMBINING_MARK = /\p{M}/gu;

function foldCharacter(char: string): string | undefined {
  const explicit = EXPLICIT_FOLDS.get(char);
  if (explicit !== undefined) return explicit;
  const decomposed = char.normalize('NFKD').replace(COMBINING_MARK, '');
  return decomposed !== '' && decomposed !== char && isGsm7Text(decomposed) ? decomposed : undefined;
}

/**
 * Replaces every character outside GSM 03.38 that has a plain equivalent: ê→e, â→a, î→i, ô→o, û→u, ç→c (Ç is in the alphabet
 * and stays), À→A, œ→oe, curly quotes and guillemets → straight quotes, dashes → '-', '…' → '...', special spaces → ' '.
 * Letters already in the alphabet are kept (é è à ù ì ò Ç É Å Ä Ö å ä ö ñ ü ß...). The text is NFC-normalised first.
 */
export function foldToGsm7(text: string): Gsm7Folding {
  const substitutions = new Map<string, { to: string; count: number }>();
  const unfoldable: string[] = [];
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isGsm7Character(char)) {
      out += char;
      continue;
    }
    const folded = foldCharacter(char);
    if (folded === undefined) {
      if (!unfoldable.includes(char)) unfoldable.push(char);
      out += char;
      continue;
    }
    const seen = substitutions.get(char);
    if (seen) seen.count += 1;
    else substitutions.set(char, { to: folded, count: 1 });
    out += folded;
  }
  return { text: out, substitutions: [...substitutions].map(([from, { to, count }]) => ({ from, to, count })), unfoldable };
}

export interface PrepareSmsTextOptions {
  /** Fold onto the GSM 7-bit alphabet when that makes the whole text GSM-7 (a campaign opts in). */
  readonly foldToGsm7?: boolean;
}

export interface PreparedSmsText {
  /** What to send: NFC-normalised, and folded when the folding was applied. */
  readonly text: string;
  readonly analysis: SmsTextAnalysis;
  /** Present when folding was asked for. */
  readonly folding?: {
    /** False when the text was GSM-7 already, or when some character cannot be folded (the text stays ucs2 either way). */
    readonly applied: boolean;
    /** What was changed, or what would have been when `applied` is false. */
    readonly substitutions: readonly Gsm7Substitution[];
    readonly unfoldable: readonly string[];
  };
}

/**
 * The text a campaign sends. Always NFC (lossless, and it turns a decomposed é back into the GSM-7 one). With `foldToGsm7`,
 * the folding is applied only if it leaves no character outside the alphabet: when an emoji keeps the text in ucs2 anyway,
 * removing accents would lose information for no saving, so the text is kept and the report says why.
 */
export function prepareSmsText(text: string, options: PrepareSmsTextOptions = {}): PreparedSmsText {
  const normalised = text.normalize('NFC');
  const analysis = analyseSmsText(normalised);
  if (!options.foldToGsm7) return { text: normalised, analysis };
  if (analysis.encoding === 'gsm7') return { text: normalised, analysis, folding: { applied: false, substitutions: [], unfoldable: [] } };
  const folding = foldToGsm7(normalised);
  if (folding.unfoldable.length > 0) {
    return {
      text: normalised,
      analysis,
      folding: { applied: false, substitutions: folding.substitutions, unfoldable: folding.unfoldable },
    };
  }
  return {
    text: folding.text,
    analysis: analyseSmsText(folding.text),
    folding: { applied: true, substitutions: folding.substitutions, unfoldable: [] },
  };
}
