import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.js';
import { knownAnswerFailure, RFC9497_A11 } from './known-answer.js';
import { assertOprfInput, ELEMENT_BYTES, OUTPUT_BYTES } from './rfc9497.js';
import { type OprfEvaluator } from './types.js';
import { invalidElement } from './oprf-errors.js';

/**
 * The fast server backend: native/sodium-oprf, a small N-API addon over the system libsodium that runs the
 * whole Evaluate in C (built by `npm run build:native`, which needs libsodium-dev). Optional: when it is
 * not built or does not load, nativeBackendStatus() says why and `auto` falls back to WASM.
 */

/** Where scripts/build-native.mjs puts the addon, relative to the package root. */
export const NATIVE_ADDON_PATH = 'native/sodium-oprf/build/Release/sodium_oprf.node';
const EXPECTED_ABI_VERSION = 3;
const ENTRY_RECORD_BYTES = 56;

/** The addon's exports (native/sodium-oprf/src/sodium_oprf.c). */
interface SodiumOprfAddon {
  readonly abiVersion: number;
  readonly libsodiumVersion: string;
  /** libsodium's AES-256-GCM needs AES-NI and PCLMUL; without them indexEntries is not offered. */
  readonly aesgcmAvailable: boolean;
  createContext(secretKey: Uint8Array): object;
  dispose(context: object): void;
  evaluate(context: object, input: Uint8Array): Uint8Array;
  evaluateBatch(context: object, data: Uint8Array, offsets: Uint32Array, out: Uint8Array): void;
  blindEvaluate(context: object, element: Uint8Array, out: Uint8Array): number;
  checkElement(element: Uint8Array): number;
  indexEntriesBatch(
    context: object,
    data: Uint8Array,
    offsets: Uint32Array,
    metas: Uint8Array,
    nonces: Uint8Array,
    salt: Uint8Array,
    info: Uint8Array,
    aad: Uint8Array,
    out: Uint8Array,
  ): void;
}

const BLIND_STATUS_REASONS: Readonly<Record<number, string>> = {
  1: 'not 32 bytes',
  2: 'not a canonical ristretto255 encoding',
  3: 'the identity element',
};

export type NativeLoad =
  { readonly addon: SodiumOprfAddon; readonly reason?: undefined } | { readonly addon?: undefined; readonly reason: string };

/** The nearest folder above `start` holding a package.json: the repository from src/ (tsx) or dist/ (tsc). */
export function findPackageRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads and checks the addon at `addonPath` (exported for tests; the app uses loadNativeAddon). */
export function loadNativeAddonFrom(addonPath: string): NativeLoad {
  if (!existsSync(addonPath)) {
    return { reason: `the addon is not built (${addonPath} is missing; run npm run build:native with libsodium-dev installed)` };
  }
  let addon: SodiumOprfAddon;
  try {
    addon = createRequire(import.meta.url)(addonPath) as SodiumOprfAddon;
  } catch (error) {
    return { reason: `the addon did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (addon.abiVersion !== EXPECTED_ABI_VERSION) {
    return { reason: `the addon is stale (ABI ${String(addon.abiVersion)}, expected ${EXPECTED_ABI_VERSION}; run npm run build:native)` };
  }
  try {
    const failure = knownAnswerFailure(createNativeEvaluator(addon, RFC9497_A11.skSm));
    if (failure !== undefined) return { reason: `the addon failed its known-answer test (${failure})` };
  } catch (error) {
    return { reason: `the addon failed its known-answer test: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { addon };
}

let cached: NativeLoad | undefined;

/** Loads the addon once per thread. */
export function loadNativeAddon(): NativeLoad {
  if (cached === undefined) {
    const root = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
    cached =
      root === undefined
        ? { reason: 'no package.json above the OPRF module, so the addon cannot be located' }
        : loadNativeAddonFrom(join(root, NATIVE_ADDON_PATH));
  }
  return cached;
}

/** Inputs per N-API call: bounds the scratch buffers and keeps every offset well inside a Uint32. */
const BATCH_CHUNK = 4096;

export function createNativeEvaluator(addon: SodiumOprfAddon, secretKey: Uint8Array): OprfEvaluator {
  // The addon copies the key into sodium_malloc'd (locked, guarded) memory, wiped when the context is freed.
  const context = addon.createContext(secretKey);

  /** The inputs of [start, end) packed into one buffer with n + 1 offsets, as the addon takes them. */
  const pack = (inputs: readonly Uint8Array[], start: number, end: number): { data: Uint8Array; offsets: Uint32Array } => {
    const count = end - start;
    let total = 0;
    for (let i = start; i < end; i++) {
      const input = inputs[i] as Uint8Array;
      assertOprfInput(input);
      total += input.length;
    }
    const data = new Uint8Array(total);
    const offsets = new Uint32Array(count + 1);
    let position = 0;
    for (let i = 0; i < count; i++) {
      const input = inputs[start + i] as Uint8Array;
      offsets[i] = position;
      data.set(input, position);
      position += input.length;
    }
    offsets[count] = position;
    return { data, offsets };
  };

  const evaluateChunk = (inputs: readonly Uint8Array[], start: number, end: number, results: Uint8Array[]): void => {
    const count = end - start;
    const { data, offsets } = pack(inputs, start, end);
    const out = new Uint8Array(count * OUTPUT_BYTES);
    addon.evaluateBatch(context, data, offsets, out);
    data.fill(0); // the inputs are personal identifiers: do not leave an extra copy for the GC to keep
    for (let i = 0; i < count; i++) results.push(out.subarray(i * OUTPUT_BYTES, (i + 1) * OUTPUT_BYTES));
  };

  const indexEntries: NonNullable<OprfEvaluator['indexEntries']> = (inputs, metas, nonces, params) => {
    const out = new Uint8Array(inputs.length * ENTRY_RECORD_BYTES);
    for (let start = 0; start < inputs.length; start += BATCH_CHUNK) {
      const end = Math.min(start + BATCH_CHUNK, inputs.length);
      const { data, offsets } = pack(inputs, start, end);
      addon.indexEntriesBatch(
        context,
        data,
        offsets,
        metas.subarray(start * 8, end * 8),
        nonces.subarray(start * 12, end * 12),
        params.salt,
        params.info,
        params.aad,
        out.subarray(start * ENTRY_RECORD_BYTES, end * ENTRY_RECORD_BYTES),
      );
      data.fill(0);
    }
    return out;
  };

  return {
    backend: 'sodium-native',
    evaluate(input) {
      assertOprfInput(input);
      return addon.evaluate(context, input);
    },
    evaluateBatch(inputs) {
      const results: Uint8Array[] = [];
      for (let start = 0; start < inputs.length; start += BATCH_CHUNK) {
        evaluateChunk(inputs, start, Math.min(start + BATCH_CHUNK, inputs.length), results);
      }
      return results;
    },
    indexEntries: addon.aesgcmAvailable ? indexEntries : undefined,
    checkElement(blindedElement) {
      if (!(blindedElement instanceof Uint8Array)) throw invalidElement('not 32 bytes');
      const status = addon.checkElement(blindedElement);
      if (status !== 0) throw invalidElement(BLIND_STATUS_REASONS[status] ?? `status ${status}`);
    },
    blindEvaluate(blindedElement) {
      if (!(blindedElement instanceof Uint8Array)) throw invalidElement('not 32 bytes');
      const out = new Uint8Array(ELEMENT_BYTES);
      const status = addon.blindEvaluate(context, blindedElement, out);
      if (status !== 0) throw invalidElement(BLIND_STATUS_REASONS[status] ?? `status ${status}`);
      return out;
    },
  };
}

/** Throws OPRF_BACKEND_UNAVAILABLE with the reason when the addon cannot be used. */
export function requireNativeAddon(): SodiumOprfAddon {
  const loaded = loadNativeAddon();
  if (loaded.addon === undefined) {
    throw new AppError('OPRF_BACKEND_UNAVAILABLE', `The native OPRF backend is unavailable: ${loaded.reason}`, {
      data: { backend: 'sodium-native', reason: loaded.reason },
    });
  }
  return loaded.addon;
}
