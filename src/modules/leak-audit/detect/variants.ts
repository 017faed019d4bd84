import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { PersonaField } from '../model.js';
import type { NormalisationStep } from './vocabulary.js';

/** One way a persona value may have been written before it was hashed or sent. */
export interface Variant {
  readonly text: string;
  /** From the persona value to `text`; empty for the value as entered. */
  readonly steps: readonly NormalisationStep[];
}

/**
 * Every normalised form of one persona value, the value as entered first, without duplicates (the first, simplest
 * derivation of a text names it). Rules per field follow tracker-leak-audit.md §2 (Meta's and Google's normalisation) and
 * §3.1 step 2. `region` is the persona's default phone region (ISO 3166 alpha-2).
 */
export function variantsOf(field: PersonaField, value: string, region?: string): Variant[] {
  const out = new VariantList();
  const entered = value.trim();
  if (entered === '') return [];
  out.add(entered, entered === value ? [] : ['trim']);
  switch (field) {
    case 'email':
      emailVariants(entered, out);
      break;
    case 'phone':
      phoneVariants(entered, region, out);
      break;
    case 'se-personnummer':
      personnummerVariants(entered, out);
      break;
    case 'fr-nir':
      nirVariants(entered, out);
      break;
    case 'first-name':
    case 'last-name':
      nameVariants(entered, out);
      break;
    case 'city':
      cityVariants(entered, out);
      break;
    case 'street':
      textVariants(entered, out);
      break;
    case 'postcode':
      postcodeVariants(entered, out);
      break;
    case 'birth-date':
      birthDateVariants(entered, out);
      break;
    case 'customer-number':
    case 'policy-number':
      numberVariants(entered, out);
      break;
    case 'sensitive-term':
      termVariants(entered, out);
      break;
  }
  return out.list;
}

class VariantList {
  readonly list: Variant[] = [];
  private readonly seen = new Set<string>();
  add(text: string, steps: readonly NormalisationStep[]): void {
    if (text === '' || this.seen.has(text)) return;
    this.seen.add(text);
    this.list.push({ text, steps });
  }
}

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function emailVariants(entered: string, out: VariantList): void {
  const lower = entered.toLowerCase();
  const lowered: NormalisationStep[] = lower === entered ? [] : ['lower-case'];
  out.add(lower, lowered);
  const at = lower.lastIndexOf('@');
  if (at <= 0) return;
  const local = lower.slice(0, at);
  const domain = lower.slice(at + 1);
  const untagged = local.split('+')[0] ?? local;
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    out.add(`${local.replace(/\./g, '')}@${domain}`, [...lowered, 'gmail-dots-removed']);
  }
  out.add(`${untagged}@${domain}`, [...lowered, 'plus-tag-removed']);
  out.add(`${local.replace(/\./g, '')}@${domain}`, [...lowered, 'local-dots-removed']);
  out.add(`${untagged.replace(/\./g, '')}@${domain}`, [...lowered, 'plus-tag-removed', 'local-dots-removed']);
}

function phoneVariants(entered: string, region: string | undefined, out: VariantList): void {
  const upper = region?.toUpperCase();
  const country: CountryCode | undefined = upper !== undefined && isSupportedCountry(upper) ? upper : undefined;
  const typed = entered.startsWith('00') ? `+${entered.slice(2)}` : entered;
  let parsed: PhoneNumber | undefined;
  try {
    parsed = parsePhoneNumberFromString(typed, country);
  } catch {
    parsed = undefined;
  }
  if (parsed) formattedPhoneVariants(parsed, out);
  out.add(entered.replace(/\D/g, ''), ['no-separators']);
}

function formattedPhoneVariants(parsed: PhoneNumber, out: VariantList): void {
  const e164 = parsed.number;
  out.add(e164, ['e164']);
  out.add(e164.slice(1), ['e164-digits']);
  out.add(`00${e164.slice(1)}`, ['e164-00']);
  out.add(parsed.formatInternational(), ['international-spaced']);
  const national = parsed.formatNational();
  out.add(national.replace(/\D/g, ''), ['national']);
  out.add(national, ['national-formatted']);
  out.add(national.replace(/-/g, ' '), ['national-spaced']);
  out.add(parsed.nationalNumber, ['national-significant']);
}

/**
 * YYYYMMDDNNNN and its written forms. A 10-digit canary has no century; both plausible ones are tried (19/20, or 18/19
 * with the '+' of a centenarian) rather than guess with a clock this pure code does not have.
 */
function personnummerVariants(entered: string, out: VariantList): void {
  const compact = entered.replace(/[\s.\-_+]/g, '');
  let full: string[];
  if (/^\d{12}$/.test(compact)) full = [compact];
  else if (/^\d{10}$/.test(compact)) full = (entered.includes('+') ? ['19', '18'] : ['19', '20']).map((c) => c + compact);
  else {
    out.add(compact, ['no-separators']);
    return;
  }
  for (const twelve of full) {
    const ten = twelve.slice(2);
    out.add(twelve, ['pnr-12']);
    out.add(`${twelve.slice(0, 8)}-${twelve.slice(8)}`, ['pnr-12-dash']);
    out.add(ten, ['pnr-10']);
    out.add(`${ten.slice(0, 6)}-${ten.slice(6)}`, ['pnr-10-dash']);
    out.add(`${ten.slice(0, 6)}+${ten.slice(6)}`, ['pnr-10-plus']);
  }
}

/** The NIR with and without its key, compact and spaced "1 85 03 75 123 456 78" (structure as in identifiers/fr-nir.ts). */
function nirVariants(entered: string, out: VariantList): void {
  const compact = entered.replace(/[\s.\-_\u2010-\u2015]/g, '').toUpperCase();
  if (!/^\d{5}[0-9AB]{2}\d{6}(\d{2})?$/.test(compact)) {
    out.add(compact, ['no-separators']);
    return;
  }
  const body = compact.slice(0, 13);
  const key = compact.length === 15 ? compact.slice(13) : String(nirKey(body)).padStart(2, '0');
  const spaced = `${body.slice(0, 1)} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)}`;
  out.add(body, ['nir-13']);
  out.add(body + key, ['nir-15']);
  out.add(`${spaced} ${key}`, ['nir-spaced']);
  out.add(spaced, ['nir-13', 'nir-spaced']);
}

/** 97 − (N mod 97), Corsican 2A → 19 and 2B → 18 (the same rule as identifiers/fr-nir.ts, which does not export it). */
function nirKey(body: string): number {
  const digits = body.slice(0, 5) + body.slice(5, 7).replace('2A', '19').replace('2B', '18') + body.slice(7);
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return 97 - remainder;
}

/** Meta fn/ln: lower-case, no punctuation (UTF-8 letters allowed), so also without accents as people often send them. */
function nameVariants(entered: string, out: VariantList): void {
  const lower = entered.toLowerCase();
  out.add(lower, ['lower-case']);
  out.add(stripAccents(lower), ['lower-case', 'strip-accents']);
  const meta = lower.replace(/[\p{P}\p{S}\s]/gu, '');
  out.add(meta, ['meta-name']);
  out.add(stripAccents(meta), ['meta-name', 'strip-accents']);
}

/** Meta ct: lower-case without spaces, digits or "().-". */
function cityVariants(entered: string, out: VariantList): void {
  textVariants(entered, out);
  const meta = entered.toLowerCase().replace(/[\d\s().-]/g, '');
  out.add(meta, ['meta-city']);
  out.add(stripAccents(meta), ['meta-city', 'strip-accents']);
}

function textVariants(entered: string, out: VariantList): void {
  const lower = entered.toLowerCase();
  out.add(lower, ['lower-case']);
  out.add(stripAccents(lower), ['lower-case', 'strip-accents']);
}

/** Swedish postcodes are written "114 55" or "11455"; Meta's zp drops spaces and keeps the part before '-'. */
function postcodeVariants(entered: string, out: VariantList): void {
  const compact = entered.replace(/\s/g, '');
  out.add(compact, ['no-spaces']);
  if (/^\d{5}$/.test(compact)) out.add(`${compact.slice(0, 3)} ${compact.slice(3)}`, ['postcode-spaced']);
  out.add(compact.toLowerCase().split('-')[0] ?? '', ['meta-zip']);
}

function birthDateVariants(entered: string, out: VariantList): void {
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(entered);
  const european = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(entered);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return;
  const mm = m.padStart(2, '0');
  const dd = d.padStart(2, '0');
  out.add(`${y}${mm}${dd}`, ['yyyymmdd']);
  out.add(`${y}-${mm}-${dd}`, ['iso-date']);
  out.add(`${dd}/${mm}/${y}`, ['dd/mm/yyyy']);
  out.add(`${dd}.${mm}.${y}`, ['dd.mm.yyyy']);
  out.add(`${mm}/${dd}/${y}`, ['mm/dd/yyyy']);
}

function numberVariants(entered: string, out: VariantList): void {
  const compact = entered.replace(/[\s\-./]/g, '');
  out.add(compact, ['no-separators']);
  out.add(entered.toLowerCase(), ['lower-case']);
  out.add(compact.toLowerCase(), ['no-separators', 'lower-case']);
  out.add(compact.toUpperCase(), ['no-separators', 'upper-case']);
}

/** Sensitive terms as they show up in page paths and titles: "pregnancy-insurance", "gravidforsakring". */
function termVariants(entered: string, out: VariantList): void {
  const lower = entered.toLowerCase();
  const plain = stripAccents(lower);
  out.add(lower, ['lower-case']);
  out.add(plain, ['lower-case', 'strip-accents']);
  const slug = (text: string, joiner: string): string =>
    text
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
      .join(joiner);
  const folded: NormalisationStep[] = plain === lower ? [] : ['strip-accents'];
  out.add(slug(lower, '-'), ['slug']);
  out.add(slug(plain, '-'), [...folded, 'slug']);
  out.add(slug(plain, '_'), [...folded, 'slug-underscore']);
  out.add(slug(plain, ''), [...folded, 'no-spaces']);
  out.add(slug(lower, ''), ['lower-case', 'no-spaces']);
}
