import { parseBirthDate } from './birth-date.js';
import { MAX_RAW_LENGTH, type NameDobField, type ParseOptions, type ParseResult } from './parse-result.js';
import type { RejectionReason } from './rejection-reason.js';

/** Most variants the build side emits per person: each is one more OPRF evaluation and one more bucket entry. */
const MAX_VARIANTS = 12;

// Apostrophes and look-alikes are deleted, not turned into spaces: D'ARTAGNAN → DARTAGNAN, N'DIAYE → NDIAYE. Includes the
// acute and grave accents typed as apostrophes, and U+02BC/U+02BB, which Unicode counts as letters.
const APOSTROPHES = /['\u2018\u2019\u201B\u2032\u02BB\u02BC\u02B9`\u00B4\uFF07]/g;
// Letters that Unicode does not decompose into a base letter plus marks.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'SS',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Ø: 'O',
  ø: 'O',
  Œ: 'OE',
  œ: 'OE',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Ð: 'D',
  ð: 'D',
  Þ: 'TH',
  þ: 'TH',
  ı: 'I',
};
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;
const NON_LETTERS = /[^\p{L}]+/gu;
// A hyphen (or dash) with spaces around it still joins a compound given name: "Jean - Pierre".
const SPACED_HYPHEN = /\s*[-\u2010-\u2015]\s*/g;
const GIVEN_NAME_SEPARATORS = /[\s,;/]+/;

// Leading surname particles (French, Dutch, German, Scandinavian, Italian, Spanish, Portuguese), after normalisation.
// D and L stand for the elided d' and l'.
const PARTICLES = new Set(
  'D L DE DU DES LA LE LES VAN VON DER DEN HET AF AV ZU ZUM ZUR DI DA DAL DEL DELLA DELLE DEI DO DOS DAS TEN TER'.split(' '),
);

/**
 * A name normalised for matching (private-lookup.md §2.2): compatibility-decomposed with combining marks dropped, upper
 * case, ß → SS, Æ → AE, Ø → O, Œ → OE (and the few other letters with no decomposition), apostrophes deleted, every run
 * of non-letters → one space, trimmed. NFKD rather than the reference's NFD so that copy-pasted ligatures (ﬁ) and
 * full-width letters fold too; on anything else the two agree.
 */
export function normalizeName(raw: string): string {
  return foldLetters(raw.replace(APOSTROPHES, '')).replace(NON_LETTERS, ' ').trim();
}

function foldLetters(text: string): string {
  // Decompose before the table (Ǽ is Æ plus a mark) and repeat until stable: upper-casing can itself produce marks or
  // apostrophes (ŉ → ʼN, ΐ → Ϊ́), and the result must be a fixed point.
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    const next = decompose(current)
      .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter)
      .replace(APOSTROPHES, '')
      .toUpperCase();
    if (next === current) break;
    current = next;
  }
  return current;
}

function decompose(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Given names one by one, normalised; a hyphenated compound is one name: "Jean-Pierre, Marie" → JEAN PIERRE, MARIE. */
function givenNameList(raw: string): string[] {
  return raw
    .replace(SPACED_HYPHEN, '-')
    .split(GIVEN_NAME_SEPARATORS)
    .map(normalizeName)
    .filter((name) => name !== '');
}

/** The first given name: "Jean-Pierre Marie" → "JEAN PIERRE". Empty if there is none. */
export function firstGivenName(raw: string): string {
  return givenNameList(raw)[0] ?? '';
}

type FieldProblem = { reason: RejectionReason; field: NameDobField };

function nameProblem(raw: unknown, field: NameDobField, missing: RejectionReason): FieldProblem | null {
  if (typeof raw !== 'string' || raw.trim() === '') return { reason: missing, field };
  if (raw.length > MAX_RAW_LENGTH) return { reason: 'too-long', field };
  if (normalizeName(raw) === '') return { reason: 'no-letters', field };
  return null;
}

function birthDateOf(raw: unknown, options: ParseOptions): { canonical: string } | FieldProblem {
  if (typeof raw !== 'string' || raw.trim() === '') return { reason: 'missing-birth-date', field: 'birthDate' };
  const result = parseBirthDate(raw, options);
  return result.ok ? { canonical: result.canonical } : { reason: result.reason, field: 'birthDate' };
}

function canonicalNameDob(surname: string, givenName: string, birthDate: string): string {
  return `${surname}|${givenName}|${birthDate}`;
}

/**
 * Look-up side: what one person types → `SURNAME|GIVEN|YYYY-MM-DD`, the whole surname as typed (normalised) and the first
 * given name. Fields are checked in the order surname, given names, birth date; the first problem is reported with its field.
 */
export function parseNameDob(input: { surname: string; givenNames: string; birthDate: string }, options: ParseOptions): ParseResult {
  const problem =
    nameProblem(input.surname, 'surname', 'missing-surname') ?? nameProblem(input.givenNames, 'givenNames', 'missing-given-name');
  if (problem) return { ok: false, kind: 'name-dob', ...problem };
  const birthDate = birthDateOf(input.birthDate, options);
  if ('reason' in birthDate) return { ok: false, kind: 'name-dob', ...birthDate };
  return {
    ok: true,
    kind: 'name-dob',
    canonical: canonicalNameDob(normalizeName(input.surname), firstGivenName(input.givenNames), birthDate.canonical),
  };
}

/**
 * Build side: every `SURNAME|GIVEN|YYYY-MM-DD` a person in a breach row may type, most likely first, deduplicated, at most
 * MAX_VARIANTS. canonicals[0] is what parseNameDob gives for the birth surname (else the usage surname) and the given names.
 *
 * Surnames, for the birth then the usage surname: the whole surname; without leading particles (de la Fontaine → FONTAINE,
 * d'Artagnan → ARTAGNAN); and, when what remains has exactly two parts, each part (Martin-Dupont → MARTIN, DUPONT).
 * Given names: the first given name; the first part of a hyphenated one (Jean-Pierre → JEAN); and, when the first given
 * name is a single word followed by others, the first two joined, for files that drop the hyphen of a compound
 * ("Jean Pierre" typed by its owner as Jean-Pierre).
 * Pairs are ranked by the sum of both ranks, so whole birth surname + whole first given name come first.
 */
export function nameDobVariants(
  input: { birthSurname?: string; usageSurname?: string; givenNames: string; birthDate: string },
  options: ParseOptions,
): { ok: true; canonicals: string[] } | { ok: false; reason: RejectionReason; field: NameDobField } {
  const surnameInputs = [input.birthSurname, input.usageSurname].filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  if (surnameInputs.length === 0) return { ok: false, reason: 'missing-surname', field: 'surname' };
  // A placeholder surname with no letters ("-") is ignored when the other surname is usable.
  const surnameProblems = surnameInputs.map((s) => nameProblem(s, 'surname', 'missing-surname'));
  const usableSurnames = surnameInputs.filter((_, index) => surnameProblems[index] === null);
  const firstProblem = surnameProblems.find((p) => p !== null);
  if (usableSurnames.length === 0 && firstProblem) return { ok: false, ...firstProblem };

  const givenProblem = nameProblem(input.givenNames, 'givenNames', 'missing-given-name');
  if (givenProblem) return { ok: false, ...givenProblem };
  const birthDate = birthDateOf(input.birthDate, options);
  if ('reason' in birthDate) return { ok: false, ...birthDate };

  const surnames = rankedSurnames(usableSurnames);
  const givens = givenNameVariants(input.givenNames);
  const pairs: { canonical: string; rank: number; givenRank: number; order: number }[] = [];
  for (const surname of surnames) {
    for (const given of givens) {
      const canonical = canonicalNameDob(surname.name, given.name, birthDate.canonical);
      pairs.push({ canonical, rank: surname.rank + given.rank, givenRank: given.rank, order: pairs.length });
    }
  }
  // Equal ranks: a whole given name with a less likely surname beats a shortened given name with a likelier one.
  pairs.sort((a, b) => a.rank - b.rank || a.givenRank - b.givenRank || a.order - b.order);
  const canonicals = [...new Set(pairs.map((p) => p.canonical))].slice(0, MAX_VARIANTS);
  return { ok: true, canonicals };
}

type Ranked = { name: string; rank: number };

function rankedSurnames(rawSurnames: readonly string[]): Ranked[] {
  const ranked: Ranked[] = [];
  rawSurnames.forEach((raw, which) => {
    const full = normalizeName(raw);
    ranked.push({ name: full, rank: which });
    const bare = withoutParticles(raw);
    if (bare !== full) ranked.push({ name: bare, rank: 2 + which });
    const parts = bare.split(' ');
    if (parts.length === 2) for (const part of parts) ranked.push({ name: part, rank: 4 + which });
  });
  return ranked;
}

/** The surname without leading particles, apostrophes read as word breaks (d'Artagnan → ARTAGNAN); never empty. */
function withoutParticles(raw: string): string {
  const words = foldLetters(raw.replace(APOSTROPHES, ' ')).replace(NON_LETTERS, ' ').trim().split(' ');
  let start = 0;
  while (start < words.length - 1 && PARTICLES.has(words[start] ?? '')) start += 1;
  // Nothing stripped: return the whole surname exactly as normalizeName writes it (N'Diaye → NDIAYE, not N DIAYE).
  return start === 0 ? normalizeName(raw) : words.slice(start).join(' ');
}

function givenNameVariants(raw: string): Ranked[] {
  const [first, second] = givenNameList(raw);
  if (first === undefined) return [];
  const variants: Ranked[] = [{ name: first, rank: 0 }];
  const words = first.split(' ');
  if (words.length > 1 && words[0] !== undefined) variants.push({ name: words[0], rank: 1 });
  else if (second !== undefined) variants.push({ name: `${first} ${second}`, rank: 2 });
  return variants;
}
