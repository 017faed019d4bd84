import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isAppError } from '../../platform/errors.js';
import { createOprfEvaluator, createOprfKey, describeOprfBackend, nativeBackendStatus } from './index.js';
import { RFC9497_A11 } from './known-answer.js';
import { findPackageRoot, loadNativeAddon, loadNativeAddonFrom, NATIVE_ADDON_PATH } from './native-backend.js';
import { nativeAddonSkipReason } from '../../../test/support/skip.js';

const here = dirname(fileURLToPath(import.meta.url));
const status = await nativeBackendStatus();
// The addon is optional on a developer machine (skipped with the reason) but required on CI (no skip, so
// these tests fail there when it is missing).
const skip = await nativeAddonSkipReason();
const key = createOprfKey(3, RFC9497_A11.skSm);

describe('native addon loader', () => {
  it('finds the package root from src/ and from dist/', () => {
    const root = findPackageRoot(here);
    assert.ok(root !== undefined);
    assert.equal((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name, 'breachdesk');
    assert.equal(findPackageRoot(join(root, 'dist', 'modules', 'oprf')), root);
  });

  it('reports a missing addon as "not built", with the path', () => {
    const loaded = loadNativeAddonFrom('/nonexistent/sodium_oprf.node');
    assert.equal(loaded.addon, undefined);
    assert.match(loaded.reason ?? '', /not built .*\/nonexistent\/sodium_oprf\.node.*npm run build:native/);
  });

  it('reports a file that is not a loadable addon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oprf-addon-'));
    try {
      const bogus = join(dir, 'sodium_oprf.node');
      writeFileSync(bogus, 'not an ELF file');
      assert.match(loadNativeAddonFrom(bogus).reason ?? '', /^the addon did not load: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('status and auto selection agree', async () => {
    const auto = await createOprfEvaluator(key, 'auto');
    assert.equal(auto.backend, status.available ? 'sodium-native' : 'sodium-wasm');
    const line = await describeOprfBackend(auto.backend);
    if (status.available) assert.match(line, /^sodium-native \(N-API addon over the system libsodium \d+\.\d+\.\d+\)$/);
    else assert.ok(line.includes(`native addon unavailable: ${status.reason}`), line);
  });

  it(
    'an explicit native preference without the addon is OPRF_BACKEND_UNAVAILABLE with the reason',
    { skip: status.available },
    async () => {
      await assert.rejects(
        createOprfEvaluator(key, 'native'),
        (error: unknown) =>
          isAppError(error) && error.code === 'OPRF_BACKEND_UNAVAILABLE' && error.message.includes(status.available ? '' : status.reason),
      );
    },
  );
});

describe('native addon', () => {
  it(`is built at ${NATIVE_ADDON_PATH} and passes its known-answer test`, { skip }, () => {
    assert.deepEqual(status, { available: true });
    assert.equal((loadNativeAddon().addon?.libsodiumVersion ?? '').split('.').length, 3);
  });

  it('refuses keys that are not canonical nonzero scalars, and foreign or disposed contexts', { skip }, () => {
    const addon = loadNativeAddon().addon!;
    const order = Uint8Array.from(Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex'));
    assert.throws(() => addon.createContext(new Uint8Array(31)), RangeError);
    assert.throws(() => addon.createContext(new Uint8Array(32)), /not a canonical nonzero scalar/);
    assert.throws(() => addon.createContext(order), /not a canonical nonzero scalar/);
    assert.throws(() => addon.createContext(new Uint16Array(16) as unknown as Uint8Array), TypeError);
    assert.throws(() => addon.evaluate({}, new Uint8Array(1)), /not a context made by createContext/);
    const context = addon.createContext(RFC9497_A11.skSm);
    assert.throws(() => addon.evaluate(context, 'text' as unknown as Uint8Array), TypeError);
    assert.throws(() => addon.evaluateBatch(context, new Uint8Array(4), Uint32Array.of(0, 5), new Uint8Array(64)), /offsets out of range/);
    assert.throws(() => addon.evaluateBatch(context, new Uint8Array(4), Uint32Array.of(3, 2), new Uint8Array(64)), /offsets out of range/);
    assert.throws(() => addon.evaluateBatch(context, new Uint8Array(4), Uint32Array.of(0, 4), new Uint8Array(63)), /64 bytes per input/);
    addon.dispose(context);
    assert.throws(() => addon.evaluate(context, new Uint8Array(1)), /disposed/);
  });
});
