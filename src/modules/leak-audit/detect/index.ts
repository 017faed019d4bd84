/**
 * Leak-audit detector (issue 8): searches captured requests for persona canaries in every normalised form, encoding and
 * hash. See detect-leaks.ts for the method and needles.ts for the false-positive rules.
 */
export { createLeakDetector, detectLeaks, type LeakDetector } from './detect-leaks.js';
export {
  DIGEST_ENCODINGS,
  ENCODING_STEPS,
  HASH_ALGORITHMS,
  MAX_LAYERS,
  NORMALISATION_STEPS,
  type DigestEncoding,
  type EncodingStep,
  type HashAlgorithm,
  type HashStep,
  type NormalisationStep,
} from './vocabulary.js';
export { LOW_ENTROPY_FIELDS, MIN_DIGITS_LENGTH, MIN_TEXT_LENGTH, WORD_BOUNDARY_BELOW } from './needles.js';
export { variantsOf, type Variant } from './variants.js';
