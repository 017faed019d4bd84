/**
 * The lines printed in the envelope window, from a recipient's name parts and free-text address fields as
 * ingestion keeps them. Pure. An address that cannot be written to the destination's rules is a typed failure
 * (a reason code, never the address itself): the campaign reports that person as not reachable by letter
 * instead of posting a letter that a sorting machine cannot read.
 *
 * Rules, by destination:
 * - France, NF Z10-011 as La Poste's Service national de l'adresse summarises it
 *   (http://www.laposte.fr/sna/article.php3?id_article=148): lines ordered from the addressee to the locality;
 *   at most 6 lines (7 for international mail, the last one the country); at most 38 characters a line, spaces
 *   included; abbreviations only when the street label is longer than 32 characters; no punctuation from line 4
 *   (number and street) on; the last lines in capitals. La Poste also asks for capitals without accents, and
 *   for line 6 only digits and capital letters (NF Z10-011 of 2013, as quoted at
 *   https://www.haoui.com/newsletter/2014/janvier07/s2/index.html [S]).
 *   CEDEX: "postcode + town of the delivery office + CEDEX [+ office number]" on the last line
 *   (http://www.laposte.fr/sna/article.php3?id_article=763).
 * - Sweden, PostNord as the Swedish postcode system describes it: five digits written as two groups of three and
 *   two, "114 55", then the post town in capitals, on the last line
 *   (https://larkid.pages.dev/vem/886-sommar-vaegen.html [S]; https://www.ekolex.se/definition/utdelningsadress [S]).
 * - Any other destination: the lines as given, in the order given (we do not know that country's rules and do
 *   not guess them), then the country line.
 * - International mail: the destination country's name in capitals on the last line, in the sending country's
 *   language or an internationally recognised one (EU Interinstitutional Style Guide 9.1.1, after the UPU,
 *   https://style-guide.europa.eu/o/opportal-service/isg?resource=en%2F9.1.1-addresses-general-principles.html).
 *   From France it is written in French (also one of the UPU's languages); from anywhere else in English,
 *   which PostNord accepts from Sweden (https://www.21grams.se/adressera-ratt/ [S]).
 */

/** Why an address cannot be printed. Stable codes for reports; none carries the address. */
export const ADDRESS_FAILURES = [
  /** No name part at all. */
  'address-name-missing',
  /** The name is longer than a line even with the first given name reduced to its initial. */
  'address-name-too-long',
  /** No address text at all. */
  'address-empty',
  /** France and Sweden: no postcode found. */
  'address-postcode-missing',
  /** France and Sweden: five digits that cannot be a postcode there (00xxx in France, 0xxxx in Sweden). */
  'address-postcode-invalid',
  /** A postcode with no town after (or before) it. */
  'address-town-missing',
  /** Text after the town line that is neither CEDEX nor the destination country: order unknown, not guessed. */
  'address-trailing-text',
  /** The address ends with the name of another country than the destination. */
  'address-country-mismatch',
  /** The destination is not an ISO 3166-1 alpha-2 region code. */
  'address-country-unknown',
  /** More lines than the standard allows (6, plus the country for international mail). */
  'address-too-many-lines',
  /** A line longer than 38 characters even after the standard abbreviations. */
  'address-too-long',
  /** Characters the destination's machine-read lines cannot hold (another script, symbols). */
  'address-unsupported-characters',
] as const;
export type AddressFailure = (typeof ADDRESS_FAILURES)[number];

/** A recipient as ingestion keeps the contact: name parts (surnames first, given names last) and address fields. */
export interface RecipientContact {
  /**
   * Ingestion's order: birth surname, usage surname, given names, empty ones dropped. With two or more parts the
   * last is the given names and the one before it the surname used for mail (the usage surname when there is one).
   * One part is printed as it is.
   */
  readonly name: readonly string[];
  /** Free text: usually one field ("12 rue des Lilas, 69003 Lyon"), sometimes several. */
  readonly address: readonly string[];
}

export interface PostalAddressOptions {
  /** Destination, ISO 3166-1 alpha-2 ("FR", "SE", …). */
  readonly country: string;
  /** Where the letter is posted from, ISO 3166-1 alpha-2: decides domestic or international and the country's name. */
  readonly senderCountry: string;
}

export interface PostalAddress {
  /** Top to bottom, as printed. */
  readonly lines: readonly string[];
  /** Destination, upper case. */
  readonly country: string;
  /** The postcode as printed ("69003", "114 55"); null for destinations whose postcode we do not read. */
  readonly postcode: string | null;
  readonly international: boolean;
  /** A standard abbreviation was used to make a line fit. */
  readonly abbreviated: boolean;
}

export type PostalAddressResult =
  { readonly ok: true; readonly address: PostalAddress } | { readonly ok: false; readonly reason: AddressFailure };

/** NF Z10-011: at most 38 characters a line, spaces included. Applied to every destination as our own limit. */
export const MAX_LINE_LENGTH = 38;
/** NF Z10-011: abbreviate a street label only when it is longer than 32 characters. */
const ABBREVIATE_ABOVE = 32;
/** NF Z10-011: 6 lines; international mail adds the country line. */
export const MAX_LINES = 6;

export function formatPostalAddress(recipient: RecipientContact, options: PostalAddressOptions): PostalAddressResult {
  const country = options.country.trim().toUpperCase();
  const senderCountry = options.senderCountry.trim().toUpperCase();
  if (regionName(senderCountry, 'en') === undefined) {
    // The sender's country is configuration, not a person's data: a wrong one is a programming error.
    throw new RangeError(`senderCountry must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(options.senderCountry)}`);
  }
  if (regionName(country, 'en') === undefined) return failed('address-country-unknown');
  const international = country !== senderCountry;

  const name = nameLine(recipient.name, country);
  if (!name.ok) return name;

  let segments = splitSegments(recipient.address);
  if (segments.length === 0) return failed('address-empty');
  // A trailing country (a "pays" or "land" column): dropped when it is the destination, a failure when it is not.
  // In France and Sweden only once a postcode and town come before it: "Saint-Martin" is a country and many communes.
  const last = segments[segments.length - 1]!;
  let named = /\d/.test(last) ? undefined : countryNamed(last);
  if (country === 'FR' && named !== undefined && FRENCH_POSTCODE_REGIONS.has(named)) named = 'FR';
  const before = segments.slice(0, -1);
  if (named !== undefined && before.length > 0 && (POSTCODES[country] === undefined || hasTown(before, POSTCODES[country]))) {
    if (named !== country) return failed('address-country-mismatch');
    segments = before;
  }

  let body: AddressBody | Failure;
  if (country === 'FR') body = frenchBody(segments);
  else if (country === 'SE') body = swedishBody(segments);
  else body = { lines: segments, postcode: null, abbreviated: false };
  if ('reason' in body) return failed(body.reason);

  const lines = [name.line, ...body.lines];
  if (lines.length > MAX_LINES) return failed('address-too-many-lines');
  if (lines.some((line) => line.length > MAX_LINE_LENGTH)) return failed('address-too-long');
  if (international) lines.push(countryLine(country, senderCountry));
  return { ok: true, address: { lines, country, postcode: body.postcode, international, abbreviated: body.abbreviated } };
}

interface Failure {
  readonly ok: false;
  readonly reason: AddressFailure;
}
interface AddressBody {
  /** The lines after the name. */
  readonly lines: readonly string[];
  readonly postcode: string | null;
  readonly abbreviated: boolean;
}

const failed = (reason: AddressFailure): Failure => ({ ok: false, reason });

const clean = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

// ---------------------------------------------------------------------------------------------------------------
// Name

function nameLine(parts: readonly string[], country: string): { readonly ok: true; readonly line: string } | Failure {
  const names = parts.map(clean).filter((p) => p !== '');
  if (names.length === 0) return failed('address-name-missing');
  if (names.length === 1) {
    const only = names[0]!;
    return only.length <= MAX_LINE_LENGTH ? { ok: true, line: only } : failed('address-name-too-long');
  }
  const given = names[names.length - 1]!;
  const surnameAsGiven = names[names.length - 2]!;
  // In France the surname is written in capitals so that it is not taken for a given name; in Sweden it is not.
  const surname = country === 'SE' ? surnameAsGiven : surnameAsGiven.toLocaleUpperCase('fr');
  const first = given.split(' ')[0]!;
  // Too long: keep the first given name, then only its initial (the given name is what is shortened first).
  for (const candidate of [`${given} ${surname}`, `${first} ${surname}`, `${[...first][0] ?? ''}. ${surname}`]) {
    if (candidate.length <= MAX_LINE_LENGTH) return { ok: true, line: candidate };
  }
  return failed('address-name-too-long');
}

// ---------------------------------------------------------------------------------------------------------------
// Segments

/** Fields split at line breaks, commas and semicolons; a segment that is only a house number joins the next ("12, rue …"). */
function splitSegments(fields: readonly string[]): string[] {
  const raw = fields.flatMap((field) => field.split(/[\n\r;,]+/u)).map(clean);
  const segments: string[] = [];
  let pendingNumber: string | null = null;
  for (const segment of raw) {
    if (segment === '') continue;
    const text: string = pendingNumber === null ? segment : `${pendingNumber} ${segment}`;
    pendingNumber = null;
    if (/^\d{1,4}\s?(?:bis|ter|quater|[a-z])?$/iu.test(text)) pendingNumber = text;
    else segments.push(text);
  }
  if (pendingNumber !== null) segments.push(pendingNumber);
  return segments;
}

/** Where the postcode is: which segment, the postcode, and the text before and after it in that segment. */
interface PostcodeHit {
  readonly index: number;
  readonly digits: string;
  readonly before: string;
  readonly after: string;
}

/** The last match of `pattern` in the last segment that has one. `pattern` must be global, its group 1 the digits. */
function findPostcode(segments: readonly string[], pattern: RegExp): PostcodeHit | null {
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index]!;
    const matches = [...segment.matchAll(pattern)];
    const match = matches[matches.length - 1];
    if (!match) continue;
    const digits = match.slice(1).join('');
    const start = match.index;
    return { index, digits, before: segment.slice(0, start).trim(), after: segment.slice(start + match[0].length).trim() };
  }
  return null;
}

interface Locality {
  readonly town: string;
  /** Segments before the postcode's, plus any text before the postcode in its own segment. */
  readonly delivery: string[];
  /** Segments after the town. */
  readonly rest: string[];
}

/** The town after the postcode, else in the next segment, else before the postcode ("Lyon 69003") when that is only letters. */
function localityOf(segments: readonly string[], hit: PostcodeHit): Locality | Failure {
  const delivery = segments.slice(0, hit.index);
  let rest = segments.slice(hit.index + 1);
  let town = hit.after;
  let before = hit.before;
  if (town === '' && rest.length > 0 && !/\d/.test(rest[0]!)) {
    town = rest[0]!;
    rest = rest.slice(1);
  }
  if (town === '' && before !== '' && !/\d/.test(before)) {
    town = before;
    before = '';
  }
  if (town === '') return failed('address-town-missing');
  if (before !== '') delivery.push(before);
  return { town, delivery, rest };
}

function hasTown(segments: readonly string[], pattern: RegExp): boolean {
  const hit = findPostcode(segments, pattern);
  return hit !== null && !('reason' in localityOf(segments, hit));
}

// ---------------------------------------------------------------------------------------------------------------
// France

// A French postcode: five digits (NF Z10-011 line 6), optionally after "F-" or "FR-".
const FR_POSTCODE = /(?:^|\s)(?:FR?-\s?)?(\d{5})(?=\s|$)/giu;
// Department 01–98 (2A/2B are 20xxx; 97x overseas; 98 Monaco and the Pacific).
const FR_VALID_POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/u;
const CEDEX = /^(.*?)\s*\bcedex(?:\s+(\d{1,2}))?$/iu;
const ARRONDISSEMENT = /^(paris|lyon|marseille)\s+\d{1,2}\s*(?:e|er|ère|ème|eme|è)?(?:\s+arr(?:ondissement|\.)?)?$/iu;
// Lines 2 and 3 of NF Z10-011: what is inside the building or the building itself. They come before the street.
const COMPLEMENT =
  /^(?:app(?:ar)?t(?:ement)?\.?|apt\.?|appt\.?|b[aâ]t(?:iment)?\.?|esc(?:alier)?\.?|[ée]tage|entr[ée]e|r[ée]sidence|r[ée]s\.?|immeuble|imm\.?|chez|c\/o|tour|bloc|couloir|logement|log\.?|porte)(?:\s|$)/iu;

function frenchBody(segments: readonly string[]): AddressBody | Failure {
  const hit = findPostcode(segments, FR_POSTCODE);
  if (!hit) return failed('address-postcode-missing');
  if (!FR_VALID_POSTCODE.test(hit.digits)) return failed('address-postcode-invalid');
  const locality = localityOf(segments, hit);
  if ('reason' in locality) return locality;

  let town = locality.town;
  let cedex: string | null = null;
  const inTown = CEDEX.exec(town);
  if (inTown) {
    town = inTown[1]!;
    cedex = inTown[2] ?? '';
  }
  for (const segment of locality.rest) {
    const alone = CEDEX.exec(segment);
    if (alone && alone[1] === '' && cedex === null) cedex = alone[2] ?? '';
    else return failed('address-trailing-text');
  }
  const arrondissement = ARRONDISSEMENT.exec(town);
  if (arrondissement) town = arrondissement[1]!;
  // The locality still ending with "France" ("69003 Lyon France"): the country, not the town.
  town = town.replace(/\s+france$/iu, '');

  // NF Z10-011 order: complements (lines 2–3), then number and street (4), then lieu-dit or box (5).
  const complements = locality.delivery.filter((s) => COMPLEMENT.test(s));
  const delivery = locality.delivery.filter((s) => !COMPLEMENT.test(s));

  let abbreviated = false;
  const lines: string[] = [];
  for (const complement of complements) {
    const fitted = fitFrenchComplement(complement);
    abbreviated ||= fitted !== complement;
    lines.push(fitted);
  }
  for (const line of delivery) {
    const caps = postalCapitals(line);
    if (caps === null) return failed('address-unsupported-characters');
    const fitted = abbreviateFrenchStreet(caps);
    abbreviated ||= fitted !== caps;
    lines.push(fitted);
  }
  const townCaps = postalCapitals(town);
  if (townCaps === null || townCaps === '')
    return townCaps === '' ? failed('address-town-missing') : failed('address-unsupported-characters');
  let last = `${hit.digits} ${townCaps}${cedex === null ? '' : cedex === '' ? ' CEDEX' : ` CEDEX ${cedex}`}`;
  if (last.length > MAX_LINE_LENGTH) {
    const shorter = abbreviateWords(last, FR_TITLE_ABBREVIATIONS, MAX_LINE_LENGTH);
    abbreviated ||= shorter !== last;
    last = shorter;
  }
  lines.push(last);
  return { lines, postcode: hit.digits, abbreviated };
}

// Letters without a decomposition that have a plain Latin spelling.
const LATIN_FOLDS: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Þ: 'TH',
  þ: 'th',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
};

/**
 * Capitals without accents, punctuation made a space (La Poste: lines 4–6 hold only letters, digits and spaces;
 * "L'ÉGLISE" is written "L EGLISE" as in its street file). Null when a character is not a Latin letter or a digit.
 */
export function postalCapitals(text: string): string | null {
  let folded = '';
  for (const ch of text.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    folded += LATIN_FOLDS[ch] ?? ch;
  }
  const caps = folded
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return /^[A-Z0-9 ]*$/u.test(caps) ? caps : null;
}

// Common La Poste abbreviations (types of street first, then titles in names), as found in its street file and
// RNVP practice [S: not checked against the annex of NF Z10-011 itself]. Whole words only.
const FR_STREET_TYPE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ALLEE: 'ALL',
  AVENUE: 'AV',
  BOULEVARD: 'BD',
  CARREFOUR: 'CAR',
  CHAUSSEE: 'CHS',
  CHEMIN: 'CHE',
  CORNICHE: 'COR',
  COURS: 'CRS',
  DOMAINE: 'DOM',
  ESPLANADE: 'ESP',
  FAUBOURG: 'FG',
  HAMEAU: 'HAM',
  IMPASSE: 'IMP',
  LOTISSEMENT: 'LOT',
  MONTEE: 'MTE',
  PASSAGE: 'PAS',
  PLACE: 'PL',
  PROMENADE: 'PRO',
  QUARTIER: 'QUA',
  RESIDENCE: 'RES',
  ROUTE: 'RTE',
  SENTIER: 'SEN',
  SQUARE: 'SQ',
  TRAVERSE: 'TRA',
  VILLA: 'VLA',
};
const FR_TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  SAINT: 'ST',
  SAINTE: 'STE',
  GENERAL: 'GAL',
  MARECHAL: 'MAL',
  DOCTEUR: 'DR',
  PRESIDENT: 'PDT',
  PROFESSEUR: 'PR',
  COMMANDANT: 'CDT',
  LIEUTENANT: 'LT',
  COLONEL: 'COL',
  MONSEIGNEUR: 'MGR',
};
const FR_COMPLEMENT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  APPARTEMENT: 'APT',
  BATIMENT: 'BAT',
  ESCALIER: 'ESC',
  IMMEUBLE: 'IMM',
  RESIDENCE: 'RES',
};

/** The street line with its label (the line without the house number) no longer than 32 characters where abbreviations allow. */
function abbreviateFrenchStreet(line: string): string {
  const number = /^\d+(?:\s(?:BIS|TER|QUATER|[A-Z]))?\s/u.exec(line)?.[0] ?? '';
  let label = line.slice(number.length);
  if (label.length <= ABBREVIATE_ABOVE) return line;
  label = abbreviateWords(label, FR_STREET_TYPE_ABBREVIATIONS, ABBREVIATE_ABOVE);
  label = abbreviateWords(label, FR_TITLE_ABBREVIATIONS, ABBREVIATE_ABOVE);
  return `${number}${label}`;
}

/** A complement line (free case and punctuation) longer than a line: its first word abbreviated when it can be. */
function fitFrenchComplement(line: string): string {
  if (line.length <= MAX_LINE_LENGTH) return line;
  const [first = '', ...rest] = line.split(' ');
  const key = postalCapitals(first.replace(/\.$/u, ''));
  const short = key === null ? undefined : FR_COMPLEMENT_ABBREVIATIONS[key];
  return short === undefined ? line : [short, ...rest].join(' ');
}

/** Replaces words from `table`, left to right, until the text is no longer than `limit`. */
function abbreviateWords(text: string, table: Readonly<Record<string, string>>, limit: number): string {
  const words = text.split(' ');
  for (let i = 0; i < words.length && words.join(' ').length > limit; i++) {
    const short = table[words[i]!];
    if (short !== undefined) words[i] = short;
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Sweden

// A Swedish postcode: 3 + 2 digits, with or without the space, optionally after "SE-" or the older "S-".
const SE_POSTCODE = /(?:^|\s)(?:SE?-\s?)?(\d{3})\s?(\d{2})(?=\s|$)/giu;
const POSTCODES: Readonly<Record<string, RegExp>> = { FR: FR_POSTCODE, SE: SE_POSTCODE };
const SE_APARTMENT = /^lgh\s*\d{4}$/iu;
// Abbreviations of the street word, as the Nordic posts give them ("gata = g, väg(en) = v"; Posti's Swedish-language
// instructions, http://www.posti.fi/foretag/posten-till-din-tjanst/instruktioner/instruktioner-for-sandning-av-brev-och-reklam.html [S]).
const SE_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/(\p{L})gatan\b/u, '$1g'],
  [/(\p{L})vägen\b/u, '$1v'],
];

function swedishBody(segments: readonly string[]): AddressBody | Failure {
  const hit = findPostcode(segments, SE_POSTCODE);
  if (!hit) return failed('address-postcode-missing');
  if (!/^[1-9]/u.test(hit.digits)) return failed('address-postcode-invalid');
  const locality = localityOf(segments, hit);
  if ('reason' in locality) return locality;
  if (locality.rest.length > 0) return failed('address-trailing-text');
  const town = locality.town.replace(/\s+(?:sverige|sweden)$/iu, '').toLocaleUpperCase('sv');
  if (!/^[\p{Script=Latin} '-]+$/u.test(town)) return failed('address-unsupported-characters');

  // "lgh 1101" belongs on the street line; c/o comes right after the name.
  const delivery: string[] = [];
  for (const segment of locality.delivery) {
    if (SE_APARTMENT.test(segment) && delivery.length > 0) delivery[delivery.length - 1] += ` ${segment}`;
    else delivery.push(segment);
  }
  const careOf = delivery.filter((s) => /^c\/o\s/iu.test(s));
  let abbreviated = false;
  const lines = [...careOf, ...delivery.filter((s) => !/^c\/o\s/iu.test(s))].map((line) => {
    let fitted = line;
    for (const [pattern, short] of SE_ABBREVIATIONS) if (fitted.length > MAX_LINE_LENGTH) fitted = fitted.replace(pattern, short);
    abbreviated ||= fitted !== line;
    return fitted;
  });
  const postcode = `${hit.digits.slice(0, 3)} ${hit.digits.slice(3)}`;
  lines.push(`${postcode} ${town}`);
  return { lines, postcode, abbreviated };
}

// ---------------------------------------------------------------------------------------------------------------
// Countries

const displayNames = new Map<string, Intl.DisplayNames>();
// Codes ICU names that are not a country one can post to: unknown, groupings, pseudo-regions, and withdrawn codes
// (German names East Germany "Deutschland").
const NOT_COUNTRIES: ReadonlySet<string> = new Set([
  'ZZ',
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'DD',
  'YU',
  'CS',
  'SU',
  'ZR',
  'TP',
  'BU',
  'NT',
  'FX',
  'AN',
  'UK',
]);
// French overseas departments and communities with French postcodes (97xxx): La Poste delivers them as domestic mail,
// so an address ending with "Réunion" is consistent with a destination of FR.
const FRENCH_POSTCODE_REGIONS: ReadonlySet<string> = new Set(['GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']);

/** The region's name in `language` (Node's ICU), or undefined when `code` is not a region code. */
function regionName(code: string, language: string): string | undefined {
  if (!/^[A-Z]{2}$/u.test(code)) return undefined;
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    displayNames.set(language, names);
  }
  try {
    const name = names.of(code);
    return name === undefined || name === code || NOT_COUNTRIES.has(code) ? undefined : name;
  } catch {
    return undefined;
  }
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let countriesByName: ReadonlyMap<string, string> | null = null;

// The languages a country column is likely written in: ours, and the destination's for the larger European ones.
const NAME_LANGUAGES = ['en', 'fr', 'sv', 'de', 'es', 'it', 'nl', 'pt', 'pl', 'da', 'fi', 'nb'] as const;

/** The region a segment names in one of NAME_LANGUAGES (accents and case ignored), if any. */
function countryNamed(segment: string): string | undefined {
  if (!countriesByName) {
    const map = new Map<string, string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        for (const language of NAME_LANGUAGES) {
          const name = regionName(code, language);
          if (name !== undefined && !map.has(fold(name))) map.set(fold(name), code);
        }
      }
    }
    countriesByName = map;
  }
  return countriesByName.get(fold(segment));
}

/** The destination's name in capitals (without accents, as La Poste asks) in the sending country's language. */
function countryLine(country: string, senderCountry: string): string {
  const language = senderCountry === 'FR' ? 'fr' : 'en';
  const name = regionName(country, language) ?? country;
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleUpperCase(language);
}
