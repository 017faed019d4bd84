import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createOprfKey, OPRF_SUITE, randomSecretKey, type OprfKey } from '../modules/oprf/index.js';
import { AppError, isAppError } from '../platform/errors.js';
import { findJsonSyntaxError } from '../platform/json-syntax.js';

/**
 * Secret key files: the OPRF key of an epoch and other 32-byte secrets (the contacts key), kept outside the
 * database as small JSON files readable by their owner only.
 *
 * - Created once, atomically: written to a temporary file (mode 0600, flag 'wx'), fsynced, then published
 *   with link(2), which, unlike rename(2), never replaces an existing file. Of several processes racing on
 *   a first start exactly one publishes; the others read and use its key. No partial key file is ever
 *   visible under the final name.
 * - Loaded only when neither group nor others have any access (KEY_FILE_INSECURE otherwise), and only after
 *   checking the stored public key and fingerprint against the secret (KEY_FILE_INVALID).
 * - No message, error data or log line ever holds key bytes; JSON syntax errors give line and column only,
 *   because JSON.parse's own message quotes the text around the error.
 */

export interface SecretFileOptions {
  /** The randomness port (node:crypto randomBytes in production). */
  readonly randomBytes: (length: number) => Uint8Array;
  readonly now: () => Date;
}

export interface OprfKeyFileOptions extends SecretFileOptions {
  /** The epoch a new key is created for, and the epoch an existing file must hold (KEY_EPOCH_MISMATCH). */
  readonly epoch: number;
  /** Load an existing file whatever its epoch (after a rotation the key file holds a later one). */
  readonly anyEpoch?: boolean;
}

const OPRF_KEY_FORMAT = 'breachdesk-oprf-key';
const SECRET_KEY_FORMAT = 'breachdesk-secret-key';
const FORMAT_VERSION = 1;
const MAX_FILE_BYTES = 64 * 1024;
const SECRET_ID_LABEL = 'breachdesk/secret-key/v1';

// ---- reading and writing, shared by both kinds of file ------------------------------------------------

const errnoCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

function invalid(path: string, what: string, reason: string): AppError {
  return new AppError('KEY_FILE_INVALID', `${what} ${path} is invalid: ${reason}`, { data: { file: path, reason } });
}

/** The file's text, or undefined when it does not exist. Refuses a file that group or others can access. */
async function readSecretFile(path: string, what: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    if (errnoCode(cause) === 'ENOENT') return undefined;
    throw new AppError('INPUT_FILE_UNREADABLE', `${what} ${path} cannot be read (${errnoCode(cause) ?? 'error'})`, {
      cause,
      data: { file: path },
    });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw invalid(path, what, 'not a regular file');
    // POSIX permission bits; Windows has none to check (protect the folder with an ACL there).
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      const mode = `0${(info.mode & 0o777).toString(8)}`;
      throw new AppError(
        'KEY_FILE_INSECURE',
        `${what} ${path} has mode ${mode}: group or others may access it; it must be 0600 (chmod 600 ${path})`,
        {
          data: { file: path, mode },
        },
      );
    }
    if (info.size > MAX_FILE_BYTES) throw invalid(path, what, `larger than ${MAX_FILE_BYTES} bytes`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Parses JSON without ever echoing the text (which holds the secret). */
function parseJsonObject(path: string, what: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const where = findJsonSyntaxError(text);
    throw invalid(
      path,
      what,
      where ? `not valid JSON at line ${where.line}, column ${where.column} (expected ${where.expected})` : 'not valid JSON',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, what, 'not a JSON object');
  return value as Record<string, unknown>;
}

/** Strict base64 of exactly `length` bytes, or undefined (without saying what was found). */
function decodeBase64(value: unknown, length: number): Buffer | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === length && bytes.toString('base64') === value) return bytes;
  bytes.fill(0);
  return undefined;
}

function checkHeader(path: string, what: string, doc: Record<string, unknown>, format: string): void {
  if (doc.format !== format) throw invalid(path, what, `format is not "${format}"`);
  if (doc.version !== FORMAT_VERSION) throw invalid(path, what, `version is not ${FORMAT_VERSION}`);
  if (typeof doc.createdAt !== 'string' || Number.isNaN(Date.parse(doc.createdAt)))
    throw invalid(path, what, 'createdAt is not an ISO 8601 date');
}

/**
 * Publishes `content` at `path` unless a file is already there: true if this call created it, false if
 * another writer got there first (then `path` holds that writer's complete file).
 */
async function publishExclusively(path: string, content: string, what: string): Promise<boolean> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw new AppError('INTERNAL', `Cannot create the folder of ${what} ${path} (${errnoCode(cause) ?? 'error'})`, {
      cause,
      data: { file: path },
    });
  }
  const temp = join(folder, `.${basename(path)}.${process.pid}.${nodeRandomBytes(6).toString('hex')}.tmp`);
  let published = false;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path); // atomic, and fails with EEXIST instead of replacing a racing writer's key
      published = true;
    } catch (cause) {
      const code = errnoCode(cause);
      if (code === 'EEXIST') {
        published = false;
      } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
        // A file system without hard links: rename, which is atomic but may replace a file created in
        // the instant since the existence check. Only a simultaneous first start on such a file system
        // could then end with two keys.
        if ((await readSecretFile(path, what)) !== undefined) return false;
        await rename(temp, path);
        published = true;
      } else {
        throw cause;
      }
    }
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    throw new AppError('INTERNAL', `Cannot write ${what} ${path} (${errnoCode(cause) ?? 'error'})`, { cause, data: { file: path } });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  // Make the new directory entry durable too (best effort: not every platform can fsync a folder).
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // ignored on purpose
  }
  return published;
}

// ---- the OPRF key file ---------------------------------------------------------------------------------

const OPRF_WHAT = 'OPRF key file';

function parseOprfKeyFile(path: string, text: string): OprfKey {
  const doc = parseJsonObject(path, OPRF_WHAT, text);
  checkHeader(path, OPRF_WHAT, doc, OPRF_KEY_FORMAT);
  if (doc.suite !== OPRF_SUITE) throw invalid(path, OPRF_WHAT, `suite is not ${OPRF_SUITE}`);
  const { epoch } = doc;
  if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || epoch < 0)
    throw invalid(path, OPRF_WHAT, 'epoch is not a non-negative integer');
  const publicKey = decodeBase64(doc.publicKey, 32);
  if (!publicKey) throw invalid(path, OPRF_WHAT, 'publicKey is not 32 bytes of base64');
  if (typeof doc.fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(doc.fingerprint))
    throw invalid(path, OPRF_WHAT, 'fingerprint is not 32 hex digits');
  const secretKey = decodeBase64(doc.secretKey, 32);
  if (!secretKey) throw invalid(path, OPRF_WHAT, 'secretKey is not 32 bytes of base64');
  let key: OprfKey;
  try {
    key = createOprfKey(epoch, secretKey);
  } catch {
    throw invalid(path, OPRF_WHAT, 'secretKey is not a canonical nonzero scalar');
  } finally {
    secretKey.fill(0);
  }
  if (!publicKey.equals(key.publicKey)) throw invalid(path, OPRF_WHAT, 'publicKey does not match the secret key');
  if (doc.fingerprint !== key.fingerprint) throw invalid(path, OPRF_WHAT, 'fingerprint does not match the secret key');
  return key;
}

/** Loads an existing OPRF key file (INPUT_FILE_UNREADABLE when there is none). */
export async function loadOprfKeyFile(path: string): Promise<OprfKey> {
  const text = await readSecretFile(path, OPRF_WHAT);
  if (text === undefined) throw new AppError('INPUT_FILE_UNREADABLE', `${OPRF_WHAT} ${path} does not exist`, { data: { file: path } });
  return parseOprfKeyFile(path, text);
}

function checkEpoch(path: string, key: OprfKey, epoch: number): OprfKey {
  if (key.epoch !== epoch) {
    throw new AppError('KEY_EPOCH_MISMATCH', `${OPRF_WHAT} ${path} holds epoch ${key.epoch}, expected ${epoch}`, {
      data: { file: path, fileEpoch: key.epoch, expectedEpoch: epoch },
    });
  }
  return key;
}

/**
 * Loads the OPRF key file, or on first start creates it (folder 0700, file 0600) with a random key for
 * `options.epoch`. `created` is true only for the caller whose key was written.
 */
export async function loadOrCreateOprfKeyFile(path: string, options: OprfKeyFileOptions): Promise<{ key: OprfKey; created: boolean }> {
  const existing = await readSecretFile(path, OPRF_WHAT);
  if (existing !== undefined) {
    const key = parseOprfKeyFile(path, existing);
    return { key: options.anyEpoch ? key : checkEpoch(path, key, options.epoch), created: false };
  }

  const secretKey = randomSecretKey(options.randomBytes);
  const key = createOprfKey(options.epoch, secretKey);
  const document = {
    format: OPRF_KEY_FORMAT,
    version: FORMAT_VERSION,
    suite: OPRF_SUITE,
    epoch: key.epoch,
    createdAt: options.now().toISOString(),
    publicKey: Buffer.from(key.publicKey).toString('base64'),
    fingerprint: key.fingerprint,
    secretKey: Buffer.from(secretKey).toString('base64'),
  };
  secretKey.fill(0);
  if (await publishExclusively(path, `${JSON.stringify(document, null, 2)}\n`, OPRF_WHAT)) return { key, created: true };

  // Another process (or call) created the file first: its key is the key.
  const winner = await readSecretFile(path, OPRF_WHAT);
  if (winner === undefined)
    throw new AppError('INTERNAL', `${OPRF_WHAT} ${path} disappeared while it was being created`, { data: { file: path } });
  return { key: checkEpoch(path, parseOprfKeyFile(path, winner), options.epoch), created: false };
}

// ---- other 32-byte secrets (the contacts key) ----------------------------------------------------------

export interface SecretKey {
  /** 32 hex digits: the first 16 bytes of SHA-256("breachdesk/secret-key/v1" || secret). Safe to store. */
  readonly id: string;
  /** 32 random bytes. Never logged. */
  readonly secret: Uint8Array;
}

const SECRET_WHAT = 'secret key file';

const secretId = (secret: Uint8Array): string =>
  createHash('sha256').update(SECRET_ID_LABEL).update(secret).digest().subarray(0, 16).toString('hex');

function parseSecretKeyFile(path: string, text: string): SecretKey {
  const doc = parseJsonObject(path, SECRET_WHAT, text);
  checkHeader(path, SECRET_WHAT, doc, SECRET_KEY_FORMAT);
  const secret = decodeBase64(doc.secret, 32);
  if (!secret) throw invalid(path, SECRET_WHAT, 'secret is not 32 bytes of base64');
  const id = secretId(secret);
  if (doc.id !== id) {
    secret.fill(0);
    throw invalid(path, SECRET_WHAT, 'id does not match the secret');
  }
  return { id, secret: new Uint8Array(secret) };
}

/** Loads an existing secret key file (INPUT_FILE_UNREADABLE when there is none). */
export async function loadSecretKeyFile(path: string): Promise<SecretKey> {
  const text = await readSecretFile(path, SECRET_WHAT);
  if (text === undefined) throw new AppError('INPUT_FILE_UNREADABLE', `${SECRET_WHAT} ${path} does not exist`, { data: { file: path } });
  return parseSecretKeyFile(path, text);
}

/** Loads a 32-byte secret key file, or creates it on first use, with the same guarantees as the OPRF key file. */
export async function loadOrCreateSecretKeyFile(path: string, options: SecretFileOptions): Promise<SecretKey & { created: boolean }> {
  const existing = await readSecretFile(path, SECRET_WHAT);
  if (existing !== undefined) return { ...parseSecretKeyFile(path, existing), created: false };

  const random = options.randomBytes(32);
  if (!(random instanceof Uint8Array) || random.length !== 32) throw new AppError('INTERNAL', 'randomBytes(32) did not return 32 bytes');
  const secret = Uint8Array.from(random);
  random.fill(0);
  const id = secretId(secret);
  const document = {
    format: SECRET_KEY_FORMAT,
    version: FORMAT_VERSION,
    createdAt: options.now().toISOString(),
    id,
    secret: Buffer.from(secret).toString('base64'),
  };
  if (await publishExclusively(path, `${JSON.stringify(document, null, 2)}\n`, SECRET_WHAT)) return { id, secret, created: true };
  secret.fill(0);
  const winner = await readSecretFile(path, SECRET_WHAT);
  if (winner === undefined)
    throw new AppError('INTERNAL', `${SECRET_WHAT} ${path} disappeared while it was being created`, { data: { file: path } });
  return { ...parseSecretKeyFile(path, winner), created: false };
}

/**
 * Destroys a key file: overwrites its bytes with random ones, flushes them to disk, then unlinks it. On a
 * copy-on-write or wear-levelled disk the old blocks may survive the overwrite; docs/key-rotation.md says
 * what else to do there (encrypted volume, backups). Missing file: nothing to do.
 */
export async function destroyKeyFile(path: string, randomBytes: (n: number) => Uint8Array): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new AppError('KEY_FILE_INVALID', `Cannot open the key file ${path} to destroy it`, { cause: error, data: { file: path } });
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(size), 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(path);
  return true;
}
