import { randomBytes } from 'node:crypto';
import { loadOrCreateOprfKeyFile, loadOrCreateSecretKeyFile } from '../adapters/oprf-key-file.js';
import { createContactSealer } from '../adapters/contact-sealer.js';
import { openFileSource } from '../adapters/file-source.js';
import { createInProcessPool } from '../adapters/in-process-pool.js';
import { createIngestWorkerPool } from '../adapters/ingest-worker-pool.js';
import { DATA_CLASSES } from '../modules/catalogue/index.js';
import {
  createIngestRunStore,
  createKyselyBatchWriter,
  runIngest,
  type BatchWriter,
  type IngestOptions,
  type IngestProgress,
  type IngestRunStore,
  type IngestSummary,
  type RowProcessorPool,
} from '../modules/ingestion/index.js';
import { createLookupIndexStore, type EpochRecord, type LookupIndexStore } from '../modules/lookup/index.js';
import { createOprfEvaluator, describeOprfBackend, OPRF_SUITE, type OprfEvaluator, type OprfKey } from '../modules/oprf/index.js';
import type { Config } from '../platform/config.js';
import { AppError, isAppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Logger } from '../platform/logger.js';
import { createPostgresBatchWriter } from '../storage/postgres/copy-batch-writer.js';
import { createSqliteBatchWriter } from '../storage/sqlite/sqlite-batch-writer.js';
import type { Services } from './services.js';

/** The key epoch a fresh installation starts with; rotation (issue 4) adds the next. */
export const FIRST_EPOCH = 1;

export interface Indexing {
  readonly key: OprfKey;
  readonly epoch: EpochRecord;
  readonly index: LookupIndexStore;
  readonly runs: IngestRunStore;
  /** This thread's OPRF evaluator (the online endpoint and the canaries use it). */
  readonly evaluator: OprfEvaluator;
  /** One line for the start-up log: which OPRF backend, and why. */
  readonly backendReport: string;
  ingestFile(
    path: string,
    options: Omit<IngestOptions, 'source'> & { readonly workers?: number; readonly inProcess?: boolean },
    onProgress?: (p: IngestProgress) => void,
  ): Promise<IngestSummary>;
}

/**
 * Wires the private look-up index: loads (on first start creates) the OPRF key file, records the epoch's
 * public key and fingerprint in the database (refusing a key that does not match), and ingests files
 * through worker threads with the dialect's fastest batch writer.
 */
export async function createIndexing(config: Config, services: Services, logger: Logger): Promise<Indexing> {
  const { key, created } = await loadOrCreateOprfKeyFile(config.oprfKeyFile, {
    epoch: FIRST_EPOCH,
    anyEpoch: true,
    randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
    now: () => new Date(),
  });
  if (created) logger.info({ file: config.oprfKeyFile, epoch: key.epoch, fingerprint: key.fingerprint }, 'OPRF key created');
  const index = createLookupIndexStore(services.database.db);
  const existing = await index.getEpoch(key.epoch);
  if (existing?.state === 'retired') {
    throw new AppError(
      'KEY_EPOCH_MISMATCH',
      `The key file ${config.oprfKeyFile} holds epoch ${key.epoch}, which was retired by a key rotation`,
      {
        data: { epoch: key.epoch },
      },
    );
  }
  // A new epoch while another one serves is the next epoch of a rotation: it is built, not served, until
  // `breachdesk index activate` switches to it.
  const othersActive = (await index.listEpochs()).some((e) => e.state === 'active' && e.epoch !== key.epoch);
  const epoch: EpochRecord = existing ?? {
    epoch: key.epoch,
    suite: OPRF_SUITE,
    publicKey: Buffer.from(key.publicKey).toString('hex'),
    fingerprint: key.fingerprint,
    createdAt: new Date().toISOString(),
    state: othersActive ? 'building' : 'active',
  };
  await index.ensureEpoch({
    ...epoch,
    publicKey: Buffer.from(key.publicKey).toString('hex'),
    fingerprint: key.fingerprint,
    suite: OPRF_SUITE,
  });
  // Chosen here once, the way the workers will choose, so that the start-up report names the real backend.
  const evaluator = await createOprfEvaluator(key, config.oprfBackend);
  const backendReport = await describeOprfBackend(evaluator.backend);
  const runs = createIngestRunStore(services.database.db);
  const dataClassCodes = new Set(DATA_CLASSES.map((c) => c.code));

  return {
    key,
    epoch,
    index,
    runs,
    evaluator,
    backendReport,
    async ingestFile(path, options, onProgress) {
      const source = await openFileSource(path);
      const contactsKey = options.keepContacts
        ? await loadOrCreateSecretKeyFile(config.contactsKeyFile, {
            randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
            now: () => new Date(),
          })
        : null;
      let pool: RowProcessorPool & { close?: () => Promise<void> };
      if (options.inProcess) {
        pool = createInProcessPool(evaluator, contactsKey ? createContactSealer(contactsKey.secret) : null);
      } else {
        const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
        pool = await createIngestWorkerPool({
          workers: options.workers ?? config.ingestWorkers,
          entry: new URL(`./ingest-worker${ext}`, import.meta.url),
          workerData: { epoch: key.epoch, secretKey: key.secretKey, backend: config.oprfBackend, contactsKey: contactsKey?.secret ?? null },
        });
      }
      let writer: BatchWriter | undefined;
      try {
        // Each dialect's fastest writer: COPY on PostgreSQL, prepared statements on SQLite.
        const { postgresPool, sqliteDatabase } = services.database;
        writer = postgresPool
          ? await createPostgresBatchWriter(postgresPool)
          : sqliteDatabase
            ? createSqliteBatchWriter(sqliteDatabase)
            : createKyselyBatchWriter(services.database.db);
        return await runIngest(
          {
            runs,
            writer,
            index,
            pool,
            clock: { now: () => new Date() },
            newId,
            breachDataClasses: async (slug) => {
              try {
                return (await services.catalogue.get(slug)).breach.dataClasses;
              } catch (error) {
                if (isAppError(error) && error.code === 'BREACH_NOT_FOUND') return undefined;
                throw error;
              }
            },
            dataClassCodes,
            epoch,
            contactKeyId: contactsKey?.id ?? null,
            ...(onProgress ? { onProgress } : {}),
          },
          { ...options, source },
        );
      } finally {
        await writer?.close();
        await pool.close?.();
      }
    },
  };
}
