#!/usr/bin/env node
// Builds the optional native OPRF addon (native/sodium-oprf, N-API over the system libsodium) with
// node-gyp when the libsodium headers are installed. Prints one line saying what happened and ALWAYS
// exits 0: without the addon the OPRF runs on libsodium WASM, so this must never fail `npm install`.
// Run by `npm run build:native` and by the prepare script. BREACHDESK_SKIP_NATIVE=1 skips it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const addonDir = join(root, 'native', 'sodium-oprf');
const buildDir = join(addonDir, 'build');
const addonPath = join(buildDir, 'Release', 'sodium_oprf.node');
const logPath = join(addonDir, 'build-native.log');
const rel = (path) => relative(root, path);

function done(message) {
  console.log(`build-native: ${message}`);
  process.exit(0);
}

function sodiumHeadersPresent() {
  const candidates = ['/usr/include/sodium.h', '/usr/local/include/sodium.h', '/opt/homebrew/include/sodium.h'];
  if (candidates.some((path) => existsSync(path))) return true;
  const pkgConfig = spawnSync('pkg-config', ['--exists', 'libsodium'], { stdio: 'ignore' });
  return pkgConfig.status === 0;
}

/** npm's bundled node-gyp: npm sets npm_config_node_gyp in lifecycle scripts; otherwise look beside node. */
function findNodeGyp() {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  const prefix = dirname(dirname(process.execPath));
  const besideNode = [
    join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(prefix, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].find((path) => existsSync(path));
  if (besideNode) return besideNode;
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' });
  const fromRoot = npmRoot.status === 0 ? join(npmRoot.stdout.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '';
  return fromRoot && existsSync(fromRoot) ? fromRoot : undefined;
}

function main() {
  if (process.env.BREACHDESK_SKIP_NATIVE === '1') done('skipped (BREACHDESK_SKIP_NATIVE=1); the OPRF will use libsodium WASM');
  if (!sodiumHeadersPresent()) {
    done(
      'skipped, libsodium headers not found (install libsodium-dev, e.g. scripts/ensure-libsodium.sh); the OPRF will use libsodium WASM',
    );
  }
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) done('skipped, node-gyp not found (it ships with npm); the OPRF will use libsodium WASM');

  // Use this Node's own headers when it has them, so node-gyp does not download them.
  const prefix = dirname(dirname(process.execPath));
  const args = [nodeGyp, 'rebuild', `--directory=${addonDir}`];
  if (existsSync(join(prefix, 'include', 'node', 'node_api.h'))) args.push(`--nodedir=${prefix}`);

  const result = spawnSync(process.execPath, args, { cwd: addonDir, encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  if (result.status !== 0) {
    writeFileSync(logPath, log);
    rmSync(buildDir, { recursive: true, force: true }); // never leave a half-built addon for the loader
    done(`node-gyp failed (log: ${rel(logPath)}); the OPRF will use libsodium WASM`);
  }
  rmSync(logPath, { force: true });

  // Load it once here, so a link problem (libsodium.so missing at run time) shows now, not at start-up.
  try {
    const addon = createRequire(import.meta.url)(addonPath);
    done(`built ${rel(addonPath)} (libsodium ${addon.libsodiumVersion}); the OPRF will use it`);
  } catch (error) {
    mkdirSync(addonDir, { recursive: true });
    writeFileSync(logPath, `${log}\n${String(error)}\n`);
    done(`built ${rel(addonPath)} but it does not load (log: ${rel(logPath)}); the OPRF will use libsodium WASM`);
  }
}

try {
  main();
} catch (error) {
  done(`failed unexpectedly (${error instanceof Error ? error.message : String(error)}); the OPRF will use libsodium WASM`);
}
