/**
 * Private look-up's cryptographic core: RFC 9497 OPRF, mode 0x00 (OPRF), suite ristretto255-SHA512.
 * The server side (evaluate for the index build, blindEvaluate for the online endpoint) runs on
 * libsodium: a native N-API addon when built, else the WASM build. The client side (blind, finalize)
 * runs on @noble/curves and is isomorphic (import it in the browser through './client.js').
 * Domain separation of the inputs (`breachdesk/v1|fr-nir|…`) is the caller's job: this module sees bytes.
 */
export {
  OPRF_SUITE,
  OUTPUT_BYTES as OPRF_OUTPUT_BYTES,
  ELEMENT_BYTES as OPRF_ELEMENT_BYTES,
  MAX_INPUT_BYTES as OPRF_MAX_INPUT_BYTES,
} from './rfc9497.js';
export {
  OPRF_BACKENDS,
  OPRF_BACKEND_PREFERENCES,
  type OprfBackendName,
  type OprfBackendPreference,
  type OprfEvaluator,
  type OprfKey,
} from './types.js';
export { createOprfKey, deriveKeyPair, keyFingerprint, randomSecretKey } from './key.js';
export { createOprfEvaluator, describeOprfBackend, nativeBackendStatus } from './evaluator.js';
export { blind, finalize } from './client.js';
