import { join } from 'node:path';
import { publishToDirectory, readPublishedManifest } from '../adapters/publication-files.js';
import type { LookupManifest, PublicationSource } from '../modules/lookup/index.js';
import type { OprfEvaluator } from '../modules/oprf/index.js';
import type { Logger } from '../platform/logger.js';
import type { Indexing } from './indexing.js';

export interface LookupPublisher extends PublicationSource {
  /** Publishes again when the index has changed since the current publication. Returns the manifest. */
  refresh(): Promise<LookupManifest>;
  /** The key in service (it changes when a rotation retires the epoch this server started with). */
  activeKey(): { readonly evaluator: OprfEvaluator; readonly epoch: number };
  close(): void;
}

/**
 * The server's own publication of the look-up index, in `DATA_DIR/lookup` — the same files
 * `breachdesk export-buckets` writes for a CDN. Entries are only ever added within an epoch, so the
 * publication is current while the epoch, key and entry count are those of the manifest; the server
 * checks that at start and every `intervalMs`, and republishes after an ingest by another process.
 * Several instances sharing one database and key publish byte-identical files (deterministic padding).
 */
export async function createLookupPublisher(
  initial: Indexing,
  options: {
    dir: string;
    logger: Logger;
    intervalMs?: number;
    /** Loads the key file again (createIndexing): called when a rotation has retired the current epoch. */
    reload?: () => Promise<Indexing>;
  },
): Promise<LookupPublisher> {
  const dir = options.dir;
  let indexing = initial;
  let current: { manifest: LookupManifest; json: string; dir: string } | null = null;
  // The key in service and the manifest in service change together (one synchronous step), so a client
  // never gets a manifest of one epoch and evaluations under another, even during a key rotation.
  const adopt = (next: Indexing, manifest: LookupManifest) => {
    indexing = next;
    current = { manifest, json: JSON.stringify(manifest), dir };
    return manifest;
  };
  const upToDate = async (manifest: LookupManifest | null, candidate: Indexing): Promise<boolean> =>
    manifest !== null &&
    manifest.epoch === candidate.key.epoch &&
    manifest.keyFingerprint === candidate.key.fingerprint &&
    manifest.entries === (await candidate.index.entriesRecorded(candidate.key.epoch)) &&
    (await candidate.index.listBreaches()).length === manifest.breaches.length;
  let running: Promise<LookupManifest> | undefined;
  const refresh = (): Promise<LookupManifest> => {
    running ??= (async () => {
      try {
        let candidate = indexing;
        const state = (await candidate.index.getEpoch(candidate.key.epoch))?.state;
        if (state === 'retired' && options.reload) {
          candidate = await options.reload();
          options.logger.info(
            { retired: indexing.key.epoch, epoch: candidate.key.epoch, fingerprint: candidate.key.fingerprint },
            'OPRF key rotated',
          );
        }
        const existing = current?.manifest ?? (await readPublishedManifest(dir));
        if (existing && (await upToDate(existing, candidate))) return adopt(candidate, existing);
        const started = Date.now();
        const manifest = await publishToDirectory({
          index: candidate.index,
          epoch: candidate.epoch,
          key: candidate.key,
          evaluator: candidate.evaluator,
          dir,
        });
        options.logger.info(
          { publication: manifest.publication, entries: manifest.entries, bucketBits: manifest.bucketBits, ms: Date.now() - started },
          'look-up index published',
        );
        return adopt(candidate, manifest);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  await refresh();
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => options.logger.error({ err: error }, 'republishing the look-up index failed'));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    current: () => current,
    refresh,
    activeKey: () => ({ evaluator: indexing.evaluator, epoch: indexing.key.epoch }),
    close: () => clearInterval(timer),
  };
}

export function lookupDir(dataDir: string): string {
  return join(dataDir, 'lookup');
}
