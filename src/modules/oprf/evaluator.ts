import { AppError } from '../../platform/errors.js';
import { assertOprfKey } from './key.js';
import { createNativeEvaluator, loadNativeAddon, requireNativeAddon } from './native-backend.js';
import { createNobleEvaluator } from './noble-backend.js';
import type * as WasmBackend from './wasm-backend.js';
import { type OprfBackendName, type OprfBackendPreference, type OprfEvaluator, type OprfKey } from './types.js';

/**
 * Backend selection. `auto` takes the native addon when it is built, loads and passes its known-answer
 * test, else libsodium WASM (the portable default). An explicit choice that cannot be honoured throws
 * OPRF_BACKEND_UNAVAILABLE instead of falling back. The WASM module is imported only when chosen.
 */

async function createWasm(key: OprfKey): Promise<OprfEvaluator> {
  let wasm: typeof WasmBackend;
  try {
    wasm = await import('./wasm-backend.js');
  } catch (error) {
    throw new AppError('OPRF_BACKEND_UNAVAILABLE', 'The WASM OPRF backend is unavailable: libsodium-wrappers-sumo did not load', {
      cause: error,
      data: { backend: 'sodium-wasm' },
    });
  }
  const problem = await wasm.wasmBackendProblem();
  if (problem !== undefined) {
    throw new AppError('OPRF_BACKEND_UNAVAILABLE', `The WASM OPRF backend is unavailable: ${problem}`, {
      data: { backend: 'sodium-wasm', reason: problem },
    });
  }
  return wasm.createWasmEvaluator(key.secretKey);
}

export async function createOprfEvaluator(key: OprfKey, preference: OprfBackendPreference): Promise<OprfEvaluator> {
  assertOprfKey(key);
  switch (preference) {
    case 'auto': {
      const native = loadNativeAddon();
      return native.addon !== undefined ? createNativeEvaluator(native.addon, key.secretKey) : createWasm(key);
    }
    case 'native':
      return createNativeEvaluator(requireNativeAddon(), key.secretKey);
    case 'wasm':
      return createWasm(key);
    case 'noble':
      return createNobleEvaluator(key.secretKey);
    default: {
      const unknown: never = preference;
      throw new AppError('VALIDATION_FAILED', `Unknown OPRF backend preference ${JSON.stringify(unknown)}`, {
        issues: [{ path: 'preference', message: 'must be auto, native, wasm or noble' }],
      });
    }
  }
}

/** Whether the native addon can be used here, and if not why (for start-up reporting and test skips). */
export async function nativeBackendStatus(): Promise<{ available: true } | { available: false; reason: string }> {
  const native = loadNativeAddon();
  return native.addon !== undefined ? { available: true } : { available: false, reason: native.reason };
}

/**
 * One start-up line naming the backend in use and, when WASM was chosen by `auto`, why the native addon
 * was not: e.g. "sodium-wasm (libsodium 1.0.20 WASM); native addon unavailable: the addon is not built (...)".
 */
export async function describeOprfBackend(backend: OprfBackendName): Promise<string> {
  switch (backend) {
    case 'sodium-native': {
      const native = loadNativeAddon();
      return `sodium-native (N-API addon over the system libsodium ${native.addon?.libsodiumVersion ?? '?'})`;
    }
    case 'sodium-wasm': {
      const { wasmLibsodiumVersion } = await import('./wasm-backend.js');
      const native = loadNativeAddon();
      const why = native.addon === undefined ? `; native addon unavailable: ${native.reason}` : '; native addon available but not chosen';
      return `sodium-wasm (libsodium ${wasmLibsodiumVersion()} WASM)${why}`;
    }
    case 'noble':
      return 'noble (@noble/curves, pure JavaScript; too slow and not timing-hardened for the online endpoint)';
  }
}
