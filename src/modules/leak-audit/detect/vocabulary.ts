/**
 * The words a Detection's `chain` is made of, read left to right from the persona's value to the text on the wire
 * (outermost last): ['lower-case', 'sha256-hex', 'url'] is "lower-cased, hashed with SHA-256 as hex, then
 * percent-encoded". A chain that is empty means the value went out exactly as the persona holds it.
 */

/** How a value was rewritten before hashing or sending (per field; tracker-leak-audit.md §2 and §3.1 step 2). */
export const NORMALISATION_STEPS = [
  // Any field.
  'lower-case',
  'upper-case',
  /** Case changed in some other way than all-lower or all-upper, seen on the wire (plain text is matched ignoring case). */
  'case-changed',
  'trim',
  'strip-accents',
  'no-spaces',
  'no-separators',
  // E-mail: Google removes dots before '@' at gmail.com/googlemail.com; Microsoft UET reportedly removes all local-part
  // dots and a '+tag' ([unverified] in the reference), so both are tried.
  'gmail-dots-removed',
  'local-dots-removed',
  'plus-tag-removed',
  // Phone (libphonenumber-js with the persona's region).
  'e164',
  /** E.164 without '+': Meta's rule (digits only, with the country code). */
  'e164-digits',
  /** "0046…": the international call prefix. */
  'e164-00',
  'international-spaced',
  /** National form with the trunk prefix, digits only: "0701234567". */
  'national',
  /** National form as libphonenumber formats it: "070-123 45 67". */
  'national-formatted',
  /** National form with spaces instead of dashes: "070 123 45 67". */
  'national-spaced',
  /** The national significant number, without the trunk prefix: "701234567". */
  'national-significant',
  // Swedish personnummer.
  'pnr-12',
  'pnr-12-dash',
  'pnr-10',
  'pnr-10-dash',
  'pnr-10-plus',
  // French NIR.
  'nir-13',
  'nir-15',
  'nir-spaced',
  // Names, cities, streets: Meta's fn/ln/ct rules (lower-case, no punctuation; city also without spaces).
  'meta-name',
  'meta-city',
  // Postcode: "11455" / "114 55"; Meta's zp keeps the part before '-', without spaces.
  'postcode-spaced',
  'meta-zip',
  // Birth date.
  'yyyymmdd',
  'iso-date',
  'dd/mm/yyyy',
  'dd.mm.yyyy',
  'mm/dd/yyyy',
  // Sensitive terms: URL slugs.
  'slug',
  'slug-underscore',
] as const;
export type NormalisationStep = (typeof NORMALISATION_STEPS)[number];

export const HASH_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** How a digest is written: hex (either case; an upper-case one adds 'upper-case' after), base64 or base64url (padding optional). */
export const DIGEST_ENCODINGS = ['hex', 'base64', 'base64url'] as const;
export type DigestEncoding = (typeof DIGEST_ENCODINGS)[number];

export type HashStep = `${HashAlgorithm}-${DigestEncoding}`;

/**
 * Encodings and containers the detector removes from the wire, each one a "layer" (at most MAX_LAYERS nested):
 * 'url' percent-encoding (each decoding once, so double encoding is 'url', 'url'); 'base64' and 'base64url' of text;
 * 'json' the value sat inside a JSON document (string escapes such as \u0040 included); 'gzip', 'deflate' (zlib or raw)
 * and 'brotli' compression. Splitting a query string, form body, cookie header or multipart body into fields is parsing,
 * not a transformation, and adds no step; the percent-decoding of a field's value adds 'url' only when it changed the text
 * and, being the transport's own encoding, does not count towards MAX_LAYERS.
 */
export const ENCODING_STEPS = ['url', 'base64', 'base64url', 'json', 'gzip', 'deflate', 'brotli'] as const;
export type EncodingStep = (typeof ENCODING_STEPS)[number];

/** Nested encodings undone per request part (tracker-leak-audit.md §3.1 step 4, Leaky Forms' ENCODING_LAYERS = 3). */
export const MAX_LAYERS = 3;

export function hashStep(algorithm: HashAlgorithm, encoding: DigestEncoding): HashStep {
  return `${algorithm}-${encoding}`;
}
