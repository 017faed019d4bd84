import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../../../platform/locale.js';
import { COMMUNICATION_MESSAGES } from './communication-messages.js';
import {
  CLARITY_RULES,
  CONTACT_WINDOW,
  DATE_RULES,
  ELEMENT_ARTICLES,
  ELEMENT_CODES,
  ELEMENT_PARTS,
  ELEMENT_RULES,
  LONG_SENTENCE_WORDS,
  RULE_PARTS,
  STOP_WORDS,
  type ClarityKind,
  type ElementCode,
  type PhraseRule,
  type RulePart,
} from './communication-rules.js';
import { excerptOf, foldDraft, foldPattern, originalSpan, sentencesOf, type FoldedText } from './draft-text.js';

/**
 * Checks a draft communication to data subjects against GDPR Art. 34(2): the nature of the breach in
 * clear and plain language, and at least the content of Art. 33(3)(b), (c) and (d), plus what the
 * person should do. Pure: the draft in, a report out; no clock, no I/O, runs in the browser.
 *
 * The check is lexical. It finds the phrases of communication-rules.ts and reports where they are, so
 * a person can verify each claim; it cannot tell whether what the draft says is true or sufficient.
 */

export const MISSING_REASONS = [
  'nature-none',
  'nature-no-event',
  'nature-no-data',
  'contact-none',
  'contact-no-details',
  'contact-no-mention',
  'consequences-none',
  'measures-none',
  'advice-none',
] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

export const FINDING_CODES = ['long-sentences', 'vague-wording', 'jargon', 'no-breach-date'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Evidence kept per element and per finding; counts stay exact. */
export const MAX_ELEMENT_EVIDENCE = 5;
export const MAX_FINDING_EVIDENCE = 10;
/** Distinct phrases quoted in a vague-wording or jargon message. */
const MAX_QUOTED = 5;
/** Language detection reads this much of the folded draft. */
const DETECTION_CHARS = 100_000;

export interface CommunicationDraft {
  /** Plain text or HTML (tags are ignored, offsets still refer to this text). */
  readonly text: string;
  /** The draft's language; detected among en/fr/sv when absent. */
  readonly locale?: Locale;
}

export interface CheckOptions {
  /** Sentences longer than this many words are reported; LONG_SENTENCE_WORDS by default. */
  readonly longSentenceWords?: number;
}

/** A place in the draft: UTF-16 offsets into `draft.text`, and a short quote of it. */
export interface Evidence {
  readonly start: number;
  readonly end: number;
  readonly excerpt: string;
  /** The rule that matched (communication-rules.ts), or "sentence". */
  readonly rule: string;
}

export interface ElementReport {
  readonly code: ElementCode;
  /** The element's name in the draft's language. */
  readonly name: string;
  /** The GDPR provision that requires it. */
  readonly article: string;
  readonly present: boolean;
  /** In text order; at most MAX_ELEMENT_EVIDENCE, at least one per part found. */
  readonly evidence: readonly Evidence[];
  /** Set when absent. */
  readonly reason?: MissingReason;
  /** Set when absent: what is missing, in the draft's language, citing the article. */
  readonly missing?: string;
}

export interface ClarityFinding {
  readonly code: FindingCode;
  readonly message: string;
  /** Occurrences in the whole draft (0 for no-breach-date). */
  readonly count: number;
  /** In text order; at most MAX_FINDING_EVIDENCE. */
  readonly evidence: readonly Evidence[];
}

export interface ClarityReport {
  readonly sentences: number;
  readonly words: number;
  /** Rounded to one decimal; 0 for an empty draft. */
  readonly averageSentenceWords: number;
  readonly longestSentenceWords: number;
  /** The threshold used for long-sentences. */
  readonly longSentenceWords: number;
  readonly findings: readonly ClarityFinding[];
}

export interface LanguageReport {
  readonly locale: Locale;
  readonly source: 'given' | 'detected';
  /** Share of the stop-word hits that belong to the chosen language, 0–1 (1 when given). */
  readonly confidence: number;
  /** Per language, the share of words that are its stop words. */
  readonly scores: Readonly<Record<Locale, number>>;
}

export interface CommunicationReport {
  /** The language of the draft and of every message in this report. */
  readonly locale: Locale;
  readonly language: LanguageReport;
  /** Every element is present. */
  readonly complete: boolean;
  readonly elements: readonly ElementReport[];
  /** The absent elements, in ELEMENT_CODES order. */
  readonly missing: readonly ElementCode[];
  readonly clarity: ClarityReport;
}

interface Hit {
  readonly from: number;
  readonly to: number;
  readonly rule: string;
}

const compiled = new Map<string, RegExp>();

/** The rule as a global regular expression on the folded text, anchored on word boundaries. */
function regexOf(rule: PhraseRule): RegExp {
  let re = compiled.get(rule.id);
  if (re === undefined) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${foldPattern(rule.pattern)})(?![\\p{L}\\p{N}])`, 'gu');
    compiled.set(rule.id, re);
  }
  return re;
}

function hitsOf(rule: PhraseRule, text: string, limit = Infinity): Hit[] {
  const re = regexOf(rule);
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < limit; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ from: m.index, to: m.index + m[0].length, rule: rule.id });
  }
  return out;
}

/** Where one rule matches in a text (plain or HTML): for tests, audits and a UI that explains a rule. */
export function findRule(rule: PhraseRule, text: string): Evidence[] {
  const folded = foldDraft(text);
  return hitsOf(rule, folded.text).map((hit) => toEvidence(text, folded, hit));
}

const applies = (rule: PhraseRule, locale: Locale): boolean => rule.locale === 'any' || rule.locale === locale;
const byPosition = (a: Hit, b: Hit): number => a.from - b.from || a.to - b.to;

export function checkCommunication(draft: CommunicationDraft, options: CheckOptions = {}): CommunicationReport {
  const original = typeof draft.text === 'string' ? draft.text : '';
  const folded = foldDraft(original);
  const language: LanguageReport = isLocale(draft.locale)
    ? { locale: draft.locale, source: 'given', confidence: 1, scores: stopWordScores(folded.text).scores }
    : detectFolded(folded.text);
  const locale = language.locale;
  const messages = COMMUNICATION_MESSAGES[locale];
  const evidenceOf = (hit: Hit): Evidence => toEvidence(original, folded, hit);

  const hits = new Map<RulePart, Hit[]>(RULE_PARTS.map((part) => [part, []]));
  for (const rule of ELEMENT_RULES) {
    const list = hits.get(rule.part);
    if (list === undefined || !applies(rule, locale)) continue;
    for (const hit of hitsOf(rule, folded.text)) list.push(hit);
  }
  for (const list of hits.values()) list.sort(byPosition);
  const rawMentions = hits.get('contact-mention') ?? [];
  const rawDetails = hits.get('contact-details') ?? [];
  const [mentions, details] = linkContacts(rawMentions, rawDetails, folded.text.length);
  const contactReason: MissingReason =
    rawMentions.length > 0 ? 'contact-no-details' : rawDetails.length > 0 ? 'contact-no-mention' : 'contact-none';
  hits.set('contact-mention', mentions);
  hits.set('contact-details', details);

  const elements = ELEMENT_CODES.map((code): ElementReport => {
    const parts = ELEMENT_PARTS[code].map((part) => hits.get(part) ?? []);
    const present = parts.every((list) => list.length > 0);
    const base = {
      code,
      name: messages.elements[code],
      article: ELEMENT_ARTICLES[code],
      present,
      evidence: pickEvidence(parts).map(evidenceOf),
    };
    if (present) return base;
    const reason = code === 'contact-point' ? contactReason : missingReason(code, parts);
    return { ...base, reason, missing: messages.missing[reason] };
  });
  const missing = elements.filter((e) => !e.present).map((e) => e.code);

  const eventNamed = (hits.get('event') ?? []).length > 0;
  const clarity = checkClarity(original, folded, locale, eventNamed, options.longSentenceWords ?? LONG_SENTENCE_WORDS);

  return { locale, language, complete: missing.length === 0, elements, missing, clarity };
}

/**
 * Keeps the contact mentions and details that are close to each other (CONTACT_WINDOW): a phone
 * number in a letterhead says nothing about whom to ask, a DPO with no address cannot be reached.
 */
function linkContacts(mentions: readonly Hit[], details: readonly Hit[], length: number): [Hit[], Hit[]] {
  if (mentions.length === 0 || details.length === 0) return [[], []];
  // Coverage of the mentions' windows, and a running count of detail starts, both linear.
  const cover = new Int32Array(length + 2);
  for (const m of mentions) {
    cover[Math.max(0, m.from - CONTACT_WINDOW.before)]! += 1;
    cover[Math.min(length + 1, m.to + CONTACT_WINDOW.after + 1)]! -= 1;
  }
  for (let i = 1; i < cover.length; i++) cover[i]! += cover[i - 1]!;
  const linkedDetails = details.filter((d) => cover[d.from]! > 0);
  const starts = new Int32Array(length + 2);
  for (const d of linkedDetails) starts[d.from + 1]! += 1;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const detailsIn = (from: number, to: number): number => starts[Math.min(length + 1, to)]! - starts[Math.max(0, from)]!;
  const linkedMentions = mentions.filter((m) => detailsIn(m.from - CONTACT_WINDOW.before, m.to + CONTACT_WINDOW.after + 1) > 0);
  return [linkedMentions, linkedDetails];
}

function missingReason(code: ElementCode, parts: readonly (readonly Hit[])[]): MissingReason {
  const [first = [], second = []] = parts;
  switch (code) {
    case 'nature':
      if (first.length === 0 && second.length === 0) return 'nature-none';
      return first.length === 0 ? 'nature-no-event' : 'nature-no-data';
    case 'contact-point':
      return 'contact-none';
    case 'consequences':
      return 'consequences-none';
    case 'measures':
      return 'measures-none';
    case 'advice':
      return 'advice-none';
  }
}

/** The first hit of each part, then the earliest others, up to the limit; in text order. */
function pickEvidence(parts: readonly (readonly Hit[])[], limit = MAX_ELEMENT_EVIDENCE): Hit[] {
  const chosen = new Set<Hit>();
  for (const list of parts) if (list[0] !== undefined) chosen.add(list[0]);
  const rest = parts.flat().sort(byPosition);
  for (const hit of rest) {
    if (chosen.size >= limit) break;
    chosen.add(hit);
  }
  return [...chosen].sort(byPosition).slice(0, limit);
}

function toEvidence(original: string, folded: FoldedText, hit: Hit): Evidence {
  const span = originalSpan(folded, hit.from, hit.to);
  return { start: span.start, end: span.end, excerpt: excerptOf(original, span), rule: hit.rule };
}

function checkClarity(original: string, folded: FoldedText, locale: Locale, eventNamed: boolean, limit: number): ClarityReport {
  const messages = COMMUNICATION_MESSAGES[locale];
  const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  const quoteList = (phrases: readonly string[]): string =>
    phrases.map((p) => `${messages.quote.open}${p}${messages.quote.close}`).join(messages.listSeparator);

  const sentences = sentencesOf(folded.text);
  let words = 0;
  let longest = 0;
  for (const s of sentences) {
    words += s.words;
    longest = Math.max(longest, s.words);
  }
  const findings: ClarityFinding[] = [];

  const long = sentences.filter((s) => s.words > limit);
  if (long.length > 0) {
    findings.push({
      code: 'long-sentences',
      message: fill(messages.findings['long-sentences'], { count: long.length, limit }),
      count: long.length,
      evidence: long.slice(0, MAX_FINDING_EVIDENCE).map((s) => toEvidence(original, folded, { from: s.from, to: s.to, rule: 'sentence' })),
    });
  }

  const wording = (kind: ClarityKind): void => {
    const found = CLARITY_RULES.filter((r) => r.kind === kind && applies(r, locale) && !(r.unlessEventNamed && eventNamed))
      .flatMap((r) => hitsOf(r, folded.text))
      .sort(byPosition);
    if (found.length === 0) return;
    const evidence = found.slice(0, MAX_FINDING_EVIDENCE).map((h) => toEvidence(original, folded, h));
    const phrases = new Map<string, string>();
    for (const hit of found) {
      if (phrases.size >= MAX_QUOTED) break;
      const key = folded.text.slice(hit.from, hit.to);
      if (!phrases.has(key)) phrases.set(key, excerptOf(original, originalSpan(folded, hit.from, hit.to)));
    }
    findings.push({
      code: kind,
      message: fill(messages.findings[kind], { phrases: quoteList([...phrases.values()]) }),
      count: found.length,
      evidence,
    });
  };
  wording('vague-wording');
  wording('jargon');

  if (!DATE_RULES.some((r) => applies(r, locale) && hitsOf(r, folded.text, 1).length > 0)) {
    findings.push({ code: 'no-breach-date', message: messages.findings['no-breach-date'], count: 0, evidence: [] });
  }

  return {
    sentences: sentences.length,
    words,
    averageSentenceWords: sentences.length === 0 ? 0 : Math.round((words / sentences.length) * 10) / 10,
    longestSentenceWords: longest,
    longSentenceWords: limit,
    findings,
  };
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

const STOP_SETS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: new Set(STOP_WORDS.en),
  fr: new Set(STOP_WORDS.fr),
  sv: new Set(STOP_WORDS.sv),
};

function stopWordScores(folded: string): { hits: Record<Locale, number>; scores: Record<Locale, number> } {
  const hits: Record<Locale, number> = { en: 0, fr: 0, sv: 0 };
  let total = 0;
  const word = /\p{L}+/gu;
  const sample = folded.length > DETECTION_CHARS ? folded.slice(0, DETECTION_CHARS) : folded;
  for (let m = word.exec(sample); m !== null; m = word.exec(sample)) {
    total++;
    for (const locale of LOCALES) if (STOP_SETS[locale].has(m[0])) hits[locale]++;
  }
  const share = (n: number): number => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);
  return { hits, scores: { en: share(hits.en), fr: share(hits.fr), sv: share(hits.sv) } };
}

function detectFolded(folded: string): LanguageReport {
  const { hits, scores } = stopWordScores(folded);
  let best: Locale = DEFAULT_LOCALE;
  for (const locale of LOCALES) if (hits[locale] > hits[best]) best = locale;
  const sum = hits.en + hits.fr + hits.sv;
  return { locale: best, source: 'detected', confidence: sum === 0 ? 0 : Math.round((hits[best] / sum) * 100) / 100, scores };
}

/** Guesses the language of a text among en/fr/sv from stop-word frequencies; English with confidence 0 when there is nothing to go on. */
export function detectLanguage(text: string): LanguageReport {
  return detectFolded(foldDraft(text).text);
}
