import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildPublication,
  CANARY_COUNT,
  canaryInput,
  MANIFEST_FORMAT,
  toHex,
  type Canary,
  type EpochRecord,
  type LookupIndexStore,
  type LookupManifest,
  type PublicationSink,
} from '../modules/lookup/index.js';
import type { OprfEvaluator, OprfKey } from '../modules/oprf/index.js';

export const MANIFEST_FILE = 'manifest.json';
/** Publications kept besides the newest, so a look-up that fetched the previous manifest can finish. */
const KEEP_PREVIOUS = 1;

/**
 * Writes a publication into `dir` as `manifest.json` and `<publication>/<bucket>.bin`. The buckets are
 * written into a hidden building directory and renamed into place whole; the manifest is replaced last
 * and atomically, so a static server never serves a manifest whose buckets are not all there.
 */
export function createDirectorySink(dir: string): PublicationSink {
  const building = join(dir, `.building-${randomBytes(6).toString('hex')}`);
  return {
    async begin() {
      await mkdir(building, { recursive: true });
    },
    async writeBucket(file, entries) {
      await writeFile(join(building, file), entries);
    },
    async appendProof(file, proof) {
      await appendFile(join(building, file), proof);
    },
    async commit(manifest) {
      const target = join(dir, manifest.publication);
      // Same publication already there: the padding is deterministic, so the files are identical.
      if (await exists(target)) await rm(building, { recursive: true, force: true });
      else await rename(building, target);
      const tmp = join(dir, `.${MANIFEST_FILE}.${randomBytes(6).toString('hex')}`);
      await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
      await rename(tmp, join(dir, MANIFEST_FILE));
      await pruneOldPublications(dir, manifest.publication);
    },
    async abort() {
      await rm(building, { recursive: true, force: true });
    },
  };
}

/** The manifest published in `dir`, or null when there is none (or it is not one of ours). */
export async function readPublishedManifest(dir: string): Promise<LookupManifest | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as LookupManifest;
    return parsed.format === MANIFEST_FORMAT ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Deterministic padding for the buckets of one epoch: AES-256-CTR keystream under a key derived from the
 * OPRF secret key (HKDF-SHA256, its own label), with the bucket number as the counter block. Without the
 * key it is indistinguishable from random bytes, like the real entries; with it, every server that holds
 * the key builds the same files.
 */
export function createPaddingGenerator(key: OprfKey): (bucketId: number, n: number) => Uint8Array {
  const salt = Buffer.from('breachdesk/padding/v1');
  const info = Buffer.alloc(4);
  info.writeUInt32BE(key.epoch);
  const aesKey = Buffer.from(hkdfSync('sha256', key.secretKey, salt, info, 32));
  return (bucketId, n) => {
    const iv = Buffer.alloc(16);
    iv.writeUInt32BE(bucketId, 0);
    const cipher = createCipheriv('aes-256-ctr', aesKey, iv);
    return new Uint8Array(Buffer.concat([cipher.update(Buffer.alloc(n)), cipher.final()]));
  };
}

export function computeCanaries(evaluator: OprfEvaluator, epoch: number): Canary[] {
  const encoder = new TextEncoder();
  return Array.from({ length: CANARY_COUNT }, (_, i) => {
    const input = canaryInput(epoch, i);
    return { input, output: toHex(evaluator.evaluate(encoder.encode(input))) };
  });
}

export interface PublishOptions {
  readonly index: LookupIndexStore;
  readonly epoch: EpochRecord;
  readonly key: OprfKey;
  readonly evaluator: OprfEvaluator;
  readonly dir: string;
  readonly now?: () => Date;
}

/** Builds and writes the publication of the epoch's current index into `dir`. */
export async function publishToDirectory(options: PublishOptions): Promise<LookupManifest> {
  await mkdir(options.dir, { recursive: true });
  return buildPublication({
    index: options.index,
    epoch: options.epoch,
    paddingBytes: createPaddingGenerator(options.key),
    canaries: computeCanaries(options.evaluator, options.epoch.epoch),
    sink: createDirectorySink(options.dir),
    now: options.now ?? (() => new Date()),
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function pruneOldPublications(dir: string, current: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const publications = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && /^[0-9a-f]{32}$/.test(e.name) && e.name !== current)
      .map(async (e) => ({ name: e.name, mtime: (await stat(join(dir, e.name))).mtimeMs })),
  );
  publications.sort((a, b) => b.mtime - a.mtime);
  for (const old of publications.slice(KEEP_PREVIOUS)) await rm(join(dir, old.name), { recursive: true, force: true });
}
