/** The server-side OPRF implementations, fastest first. */
export const OPRF_BACKENDS = ['sodium-native', 'sodium-wasm', 'noble'] as const;
export type OprfBackendName = (typeof OPRF_BACKENDS)[number];

export const OPRF_BACKEND_PREFERENCES = ['auto', 'native', 'wasm', 'noble'] as const;
/** `auto`: the native addon when it loads and passes its known-answer test, else the WASM build. */
export type OprfBackendPreference = (typeof OPRF_BACKEND_PREFERENCES)[number];

/**
 * One epoch's OPRF key. `secretKey` is a non-enumerable property, so JSON.stringify, pino, object spread
 * and structuredClone/postMessage all leave it out: pass it to a worker explicitly and call
 * createOprfKey there.
 */
export interface OprfKey {
  readonly epoch: number;
  /** 32-byte canonical scalar, little-endian. Never logged. */
  readonly secretKey: Uint8Array;
  /** 32-byte ristretto255 encoding of secretKey·G. */
  readonly publicKey: Uint8Array;
  /** 32 hex characters: the first 16 bytes of SHA-256("breachdesk/oprf-key/v1" || suite || publicKey). */
  readonly fingerprint: string;
}

/** The server side of the OPRF. Not thread-safe: one per thread. */
export interface OprfEvaluator {
  readonly backend: OprfBackendName;
  /** Non-interactive RFC 9497 Evaluate(skS, input): the 64-byte output the client's Finalize will produce. */
  evaluate(input: Uint8Array): Uint8Array;
  /**
   * evaluate() over many inputs at once: the ingest worker's hot path. The outputs may be views into one
   * shared buffer; copy one (`slice()`) before keeping it apart from the others for long.
   */
  evaluateBatch(inputs: readonly Uint8Array[]): Uint8Array[];
  /** RFC 9497 BlindEvaluate for the online protocol. Throws AppError('OPRF_INVALID_ELEMENT') for a
   * wrong length, a non-canonical encoding or the identity. */
  blindEvaluate(blindedElement: Uint8Array): Uint8Array;
  /**
   * The checks blindEvaluate makes, without the multiplication: throws the same OPRF_INVALID_ELEMENT.
   * The online endpoint checks every element of a request this way before charging the rate limit.
   */
  checkElement(blindedElement: Uint8Array): void;
  /**
   * sodium-native only: Evaluate each input, then derive and seal its look-up index entry in C, so that the
   * 64-byte outputs never reach JavaScript. `params` and the record layout are those of the index format
   * (src/modules/lookup/entry-builder.ts, whose TypeScript builder is the reference this must equal).
   * metas: 8 bytes per input; nonces: 12 fresh random bytes per input; returns 56 bytes per input.
   */
  readonly indexEntries?: (
    inputs: readonly Uint8Array[],
    metas: Uint8Array,
    nonces: Uint8Array,
    params: { readonly salt: Uint8Array; readonly info: Uint8Array; readonly aad: Uint8Array },
  ) => Uint8Array;
}
