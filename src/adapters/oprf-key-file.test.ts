import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createOprfKey } from '../modules/oprf/index.js';
import { isAppError, type ErrorCode } from '../platform/errors.js';
import { loadOprfKeyFile, loadOrCreateOprfKeyFile, loadOrCreateSecretKeyFile, loadSecretKeyFile } from './oprf-key-file.js';

const root = mkdtempSync(join(tmpdir(), 'oprf-key-file-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(root, `case-${++n}`, 'keys', 'oprf.key');

const NOW = new Date('2026-03-01T12:00:00.000Z');
const options = (epoch = 1) => ({ epoch, randomBytes: (length: number) => new Uint8Array(randomBytes(length)), now: () => NOW });
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const mode = (path: string): number => statSync(path).mode & 0o777;

interface KeyDocument {
  format: string;
  version: number;
  suite: string;
  epoch: number;
  createdAt: string;
  publicKey: string;
  fingerprint: string;
  secretKey: string;
}
const readDoc = (path: string): KeyDocument => JSON.parse(readFileSync(path, 'utf8')) as KeyDocument;

function writeDoc(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Asserts the code, that the message names the file, and that no form of the secret leaks. */
async function assertRefused(promise: Promise<unknown>, code: ErrorCode, path: string, secret: Uint8Array): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isAppError(error), String(error));
    assert.equal(error.code, code, error.message);
    assert.ok(error.message.includes(path), error.message);
    const everything = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(error.data)} ${String(error.stack)}`;
    for (const form of [hex(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64').slice(0, 16)]) {
      assert.ok(!everything.includes(form), `the error reveals the secret: ${everything}`);
    }
    return true;
  });
}

describe('OPRF key file', () => {
  it('creates the key on first start (folder 0700, file 0600) and reloads the same key', async () => {
    const path = freshPath();
    const first = await loadOrCreateOprfKeyFile(path, options(3));
    assert.equal(first.created, true);
    assert.equal(mode(path), 0o600);
    assert.equal(mode(join(path, '..')), 0o700);

    const doc = readDoc(path);
    assert.deepEqual(Object.keys(doc), ['format', 'version', 'suite', 'epoch', 'createdAt', 'publicKey', 'fingerprint', 'secretKey']);
    assert.equal(doc.format, 'breachdesk-oprf-key');
    assert.equal(doc.version, 1);
    assert.equal(doc.suite, 'ristretto255-SHA512');
    assert.equal(doc.epoch, 3);
    assert.equal(doc.createdAt, NOW.toISOString());
    assert.equal(doc.publicKey, Buffer.from(first.key.publicKey).toString('base64'));
    assert.equal(doc.fingerprint, first.key.fingerprint);
    assert.equal(doc.secretKey, Buffer.from(first.key.secretKey).toString('base64'));

    const again = await loadOrCreateOprfKeyFile(path, options(3));
    assert.equal(again.created, false);
    assert.equal(hex(again.key.secretKey), hex(first.key.secretKey));
    assert.equal(hex(again.key.publicKey), hex(first.key.publicKey));
    assert.equal(again.key.fingerprint, first.key.fingerprint);
    const loaded = await loadOprfKeyFile(path);
    assert.equal(hex(loaded.secretKey), hex(first.key.secretKey));
    assert.deepEqual(readdirSync(join(path, '..')), ['oprf.key'], 'no temporary file is left behind');
  });

  it('two concurrent first starts in one process end with one key', async () => {
    const path = freshPath();
    const results = await Promise.all([loadOrCreateOprfKeyFile(path, options()), loadOrCreateOprfKeyFile(path, options())]);
    assert.equal(new Set(results.map((r) => hex(r.key.secretKey))).size, 1);
    assert.deepEqual(results.map((r) => r.created).sort(), [false, true]);
    assert.equal(hex((await loadOprfKeyFile(path)).secretKey), hex(results[0].key.secretKey));
    assert.deepEqual(readdirSync(join(path, '..')), ['oprf.key']);
  });

  it('concurrent first starts in separate processes end with one key', async () => {
    const path = freshPath();
    const adapter = fileURLToPath(new URL('./oprf-key-file.ts', import.meta.url));
    const script = `
      import { randomBytes } from 'node:crypto';
      const { loadOrCreateOprfKeyFile } = await import(${JSON.stringify(adapter)});
      const { key, created } = await loadOrCreateOprfKeyFile(process.argv[1], { epoch: 1, randomBytes: (n) => new Uint8Array(randomBytes(n)), now: () => new Date() });
      console.log(JSON.stringify({ fingerprint: key.fingerprint, created }));`;
    const run = () =>
      new Promise<{ fingerprint: string; created: boolean }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out) as { fingerprint: string; created: boolean }) : reject(new Error(`exit ${code}`)),
        );
      });
    const results = await Promise.all([run(), run(), run()]);
    assert.equal(new Set(results.map((r) => r.fingerprint)).size, 1);
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal((await loadOprfKeyFile(path)).fingerprint, results[0].fingerprint);
  });

  it('refuses a file that group or others can read or write', async () => {
    const path = freshPath();
    const { key } = await loadOrCreateOprfKeyFile(path, options());
    for (const insecure of [0o640, 0o604, 0o620, 0o602, 0o660, 0o644]) {
      chmodSync(path, insecure);
      await assertRefused(loadOprfKeyFile(path), 'KEY_FILE_INSECURE', path, key.secretKey);
      await assertRefused(loadOrCreateOprfKeyFile(path, options()), 'KEY_FILE_INSECURE', path, key.secretKey);
    }
    chmodSync(path, 0o400);
    assert.equal((await loadOprfKeyFile(path)).fingerprint, key.fingerprint, 'read-only for the owner is fine');
  });

  it('refuses a corrupted file, naming the file and never revealing the secret', async () => {
    const path = freshPath();
    const { key } = await loadOrCreateOprfKeyFile(path, options());
    const good = readFileSync(path, 'utf8');
    const doc = readDoc(path);
    const other = createOprfKey(
      1,
      Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 0 : i + 1)),
    );
    const order = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex').toString('base64');
    const corruptions: readonly [string, string][] = [
      ['truncated inside the secret', good.slice(0, good.indexOf(doc.secretKey) + 20)],
      ['empty', ''],
      ['not an object', '[1, 2]'],
      ['another format', JSON.stringify({ ...doc, format: 'something-else' })],
      ['another version', JSON.stringify({ ...doc, version: 2 })],
      ['another suite', JSON.stringify({ ...doc, suite: 'P256-SHA256' })],
      ['a bad epoch', JSON.stringify({ ...doc, epoch: -1 })],
      ['a bad date', JSON.stringify({ ...doc, createdAt: 'yesterday' })],
      ['a short secret', JSON.stringify({ ...doc, secretKey: doc.secretKey.slice(0, 40) })],
      ['a non-canonical base64 secret', JSON.stringify({ ...doc, secretKey: `${doc.secretKey.slice(0, 42)}B=` })],
      ['a secret that is not a scalar', JSON.stringify({ ...doc, secretKey: order })],
      ['a zero secret', JSON.stringify({ ...doc, secretKey: Buffer.alloc(32).toString('base64') })],
      ['a public key of another secret', JSON.stringify({ ...doc, publicKey: Buffer.from(other.publicKey).toString('base64') })],
      ['a fingerprint of another key', JSON.stringify({ ...doc, fingerprint: other.fingerprint })],
      ['an uppercase fingerprint', JSON.stringify({ ...doc, fingerprint: doc.fingerprint.toUpperCase() })],
      ['a short public key', JSON.stringify({ ...doc, publicKey: 'AAAA' })],
    ];
    for (const [name, content] of corruptions) {
      writeDoc(path, content);
      await assert.doesNotReject(assertRefused(loadOprfKeyFile(path), 'KEY_FILE_INVALID', path, key.secretKey), name);
      await assertRefused(loadOrCreateOprfKeyFile(path, options()), 'KEY_FILE_INVALID', path, key.secretKey);
    }
    writeDoc(path, good);
    assert.equal((await loadOprfKeyFile(path)).fingerprint, key.fingerprint);
  });

  it('refuses a key of another epoch, and reports a missing file as unreadable', async () => {
    const path = freshPath();
    const { key } = await loadOrCreateOprfKeyFile(path, options(1));
    await assertRefused(loadOrCreateOprfKeyFile(path, options(2)), 'KEY_EPOCH_MISMATCH', path, key.secretKey);
    await assertRefused(loadOprfKeyFile(`${path}.missing`), 'INPUT_FILE_UNREADABLE', `${path}.missing`, key.secretKey);
  });
});

describe('secret key file (contacts key)', () => {
  it('creates 32 random bytes with an id, reloads them, and shares the file checks', async () => {
    const path = freshPath();
    const made = await loadOrCreateSecretKeyFile(path, options());
    assert.equal(made.created, true);
    assert.equal(made.secret.length, 32);
    assert.match(made.id, /^[0-9a-f]{32}$/);
    assert.equal(mode(path), 0o600);
    const [a, b] = await Promise.all([loadOrCreateSecretKeyFile(path, options()), loadSecretKeyFile(path)]);
    assert.equal(a.created, false);
    assert.equal(hex(a.secret), hex(made.secret));
    assert.equal(b.id, made.id);

    const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeDoc(path, JSON.stringify({ ...doc, id: '0'.repeat(32) }));
    await assertRefused(loadSecretKeyFile(path), 'KEY_FILE_INVALID', path, made.secret);
    writeDoc(path, JSON.stringify(doc));
    chmodSync(path, 0o644);
    await assertRefused(loadSecretKeyFile(path), 'KEY_FILE_INSECURE', path, made.secret);

    const racePath = freshPath();
    const raced = await Promise.all([loadOrCreateSecretKeyFile(racePath, options()), loadOrCreateSecretKeyFile(racePath, options())]);
    assert.equal(raced[0].id, raced[1].id);
  });
});
