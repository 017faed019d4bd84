import { randomBytes } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { destroyKeyFile, loadOrCreateOprfKeyFile } from '../adapters/oprf-key-file.js';
import { createLookupIndexStore, type EpochRecord } from '../modules/lookup/index.js';
import { OPRF_SUITE } from '../modules/oprf/index.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import type { Services } from './services.js';

/**
 * Key rotation (docs/key-rotation.md, private-lookup.md §2.5): build the next epoch from the source files
 * while the current one serves, switch, destroy the old key. Each step is a command; each can be re-run.
 */

const random = (n: number) => new Uint8Array(randomBytes(n));

/** Step 1: a key file for the next epoch (default `<OPRF_KEY_FILE>.next`), recorded as `building`. */
export async function prepareNextKey(config: Config, services: Services, file?: string): Promise<{ file: string; record: EpochRecord }> {
  const index = createLookupIndexStore(services.database.db);
  const epochs = await index.listEpochs();
  const active = epochs.find((e) => e.state === 'active');
  if (!active)
    throw new AppError('KEY_EPOCH_MISMATCH', 'No active epoch: there is nothing to rotate yet (start the server or ingest once)');
  const building = epochs.find((e) => e.state === 'building');
  const next = building?.epoch ?? Math.max(...epochs.map((e) => e.epoch)) + 1;
  const path = file ?? `${config.oprfKeyFile}.next`;
  const { key } = await loadOrCreateOprfKeyFile(path, { epoch: next, randomBytes: random, now: () => new Date() });
  const record: EpochRecord = {
    epoch: key.epoch,
    suite: OPRF_SUITE,
    publicKey: Buffer.from(key.publicKey).toString('hex'),
    fingerprint: key.fingerprint,
    createdAt: new Date().toISOString(),
    state: 'building',
  };
  await index.ensureEpoch(record);
  return { file: path, record: (await index.getEpoch(key.epoch)) ?? record };
}

export interface ActivationReport {
  readonly retired: number;
  readonly activated: number;
  readonly fingerprint: string;
  readonly deletedEntries: number;
  readonly keyDestroyed: boolean;
}

/**
 * Step 3: switch to the built epoch. Refuses when a breach served now has no entries in the new epoch
 * (a source file was forgotten) unless `force`. Then: the new epoch becomes active and the old one
 * retired; the old key file's bytes are overwritten and the new key file takes its path (one rename);
 * the old epoch's entries are deleted. Servers notice the retirement at their next check and load the
 * new key from OPRF_KEY_FILE.
 */
export async function activateNextKey(
  config: Config,
  services: Services,
  file: string,
  options: { force?: boolean } = {},
): Promise<ActivationReport> {
  const index = createLookupIndexStore(services.database.db);
  const { key } = await loadOrCreateOprfKeyFile(file, { epoch: 0, anyEpoch: true, randomBytes: random, now: () => new Date() }).catch(
    (error: unknown) => {
      throw error instanceof AppError ? error : new AppError('KEY_FILE_INVALID', `Cannot read the next key file ${file}`, { cause: error });
    },
  );
  const next = await index.getEpoch(key.epoch);
  if (!next || next.fingerprint !== key.fingerprint) {
    throw new AppError(
      'KEY_EPOCH_MISMATCH',
      `${file} holds epoch ${key.epoch}, which this index has not built (run "breachdesk index next-key" first)`,
    );
  }
  const epochs = await index.listEpochs();
  const current = epochs.find((e) => e.state === 'active' && e.epoch !== key.epoch);
  if (next.state === 'active' && !current) {
    return { retired: 0, activated: key.epoch, fingerprint: key.fingerprint, deletedEntries: 0, keyDestroyed: false };
  }
  if (!current) throw new AppError('KEY_EPOCH_MISMATCH', 'No active epoch to rotate from');
  const before = await index.stats(current.epoch);
  const after = await index.stats(key.epoch);
  const missing = before.breaches.filter((b) => b.entries > 0 && !after.breaches.some((a) => a.slug === b.slug && a.entries > 0));
  if (missing.length > 0 && !options.force) {
    throw new AppError(
      'KEY_EPOCH_MISMATCH',
      `Epoch ${key.epoch} has no entries for ${missing.map((b) => b.slug).join(', ')}: ingest their source files with OPRF_KEY_FILE=${file} first, or pass --force to drop them`,
      { data: { missing: missing.map((b) => b.slug) } },
    );
  }
  await services.database.db.transaction().execute(async (trx) => {
    await trx.updateTable('lookup_epochs').set({ state: 'active' }).where('epoch', '=', key.epoch).execute();
    await trx.updateTable('lookup_epochs').set({ state: 'retired' }).where('epoch', '=', current.epoch).execute();
  });
  const keyDestroyed = file === config.oprfKeyFile ? false : await destroyKeyFile(config.oprfKeyFile, random);
  if (file !== config.oprfKeyFile) await rename(file, config.oprfKeyFile);
  const deletedEntries = await index.deleteEpochEntries(current.epoch);
  return { retired: current.epoch, activated: key.epoch, fingerprint: key.fingerprint, deletedEntries, keyDestroyed };
}
