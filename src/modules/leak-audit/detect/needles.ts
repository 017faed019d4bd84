import { createHash } from 'node:crypto';
import type { Persona, PersonaField } from '../model.js';
import { variantsOf } from './variants.js';
import { DIGEST_ENCODINGS, HASH_ALGORITHMS, hashStep, type HashStep, type NormalisationStep } from './vocabulary.js';

/**
 * False-positive rules (tracker-leak-audit.md §3.5), applied when the needle pool is built:
 *
 * - Fields of low entropy — postcode, city, birth date — are matched only as a whole value: a whole query or form
 *   parameter, JSON leaf, cookie value, header value, path segment, or a vendor slot such as Meta `ud[zp]` or Google's
 *   `pc0`; never as a substring of longer text. Their hashes follow the same rule.
 * - Any other plain-text form shorter than MIN_TEXT_LENGTH characters, or made only of digits and shorter than
 *   MIN_DIGITS_LENGTH, is matched only as a whole value too; so are the hashes of forms shorter than MIN_TEXT_LENGTH.
 * - A plain-text form matched inside longer text needs boundaries: a digits-only form may not touch another digit (a
 *   personnummer inside a longer digit run is not it), and a form shorter than WORD_BOUNDARY_BELOW may not touch a letter
 *   or digit on either side.
 * - An empty value (or one that is only blanks) yields no needle at all, so the digest of the empty string — which tags
 *   send whenever they hash an empty field — can never match; EMPTY_DIGESTS is checked as a second guard.
 */
export const MIN_TEXT_LENGTH = 4;
export const MIN_DIGITS_LENGTH = 6;
export const WORD_BOUNDARY_BELOW = 8;
export const LOW_ENTROPY_FIELDS: ReadonlySet<PersonaField> = new Set<PersonaField>(['postcode', 'city', 'birth-date']);

export type Boundary = 'none' | 'digit' | 'word';

/** One string the detector looks for, and what it stands for. */
export interface Needle {
  readonly personaId: string;
  readonly field: PersonaField;
  /** The persona's value, as entered. */
  readonly value: string;
  /** The normalised form this needle comes from (before hashing). */
  readonly form: string;
  readonly steps: readonly NormalisationStep[];
  readonly hash?: HashStep;
  /** What is looked for on the wire. Case-insensitive needles are matched ignoring case. */
  readonly text: string;
  readonly caseSensitive: boolean;
  /** Only as a whole value (see the rules above), never inside longer text. */
  readonly wholeValueOnly: boolean;
  readonly boundary: Boundary;
}

const EMPTY_DIGESTS: ReadonlySet<string> = new Set(
  HASH_ALGORITHMS.flatMap((algorithm) => DIGEST_ENCODINGS.map((encoding) => digest(algorithm, '', encoding))),
);

export function digest(algorithm: (typeof HASH_ALGORITHMS)[number], text: string, encoding: (typeof DIGEST_ENCODINGS)[number]): string {
  const bytes = createHash(algorithm).update(text, 'utf8').digest();
  if (encoding === 'hex') return bytes.toString('hex');
  // Unpadded: a padded digest on the wire contains the unpadded one, and Google sends base64url without padding.
  return bytes.toString(encoding).replace(/=+$/, '');
}

/** All needles for all personas: every field value × normalised form × (plain, every hash × digest encoding). */
export function buildNeedles(personas: readonly Persona[]): Needle[] {
  const needles: Needle[] = [];
  for (const persona of personas) {
    for (const [field, values] of Object.entries(persona.fields) as [PersonaField, readonly string[] | undefined][]) {
      for (const value of values ?? []) {
        const seen = new Set<string>();
        const push = (needle: Needle): void => {
          const key = needle.caseSensitive ? needle.text : needle.text.toLowerCase();
          // base64 and base64url agree when the digest has no '+' or '/'; the first name wins.
          if (needle.text === '' || EMPTY_DIGESTS.has(needle.text) || seen.has(key)) return;
          seen.add(key);
          needles.push(needle);
        };
        for (const variant of variantsOf(field, value, persona.region)) {
          const base = { personaId: persona.id, field, value, form: variant.text, steps: variant.steps };
          const lowEntropy = LOW_ENTROPY_FIELDS.has(field);
          const digitsOnly = /^\d+$/.test(variant.text);
          const short = variant.text.length < MIN_TEXT_LENGTH || (digitsOnly && variant.text.length < MIN_DIGITS_LENGTH);
          const plain: Needle = {
            ...base,
            text: variant.text,
            caseSensitive: false,
            wholeValueOnly: lowEntropy || short,
            boundary: digitsOnly ? 'digit' : variant.text.length < WORD_BOUNDARY_BELOW ? 'word' : 'none',
          };
          push(plain);
          for (const algorithm of HASH_ALGORITHMS) {
            for (const encoding of DIGEST_ENCODINGS) {
              push({
                ...base,
                hash: hashStep(algorithm, encoding),
                text: digest(algorithm, variant.text, encoding),
                caseSensitive: encoding !== 'hex',
                wholeValueOnly: lowEntropy || variant.text.length < MIN_TEXT_LENGTH,
                boundary: 'none',
              });
            }
          }
        }
      }
    }
  }
  return needles;
}
