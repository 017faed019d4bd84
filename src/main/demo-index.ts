import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { synthCommand } from '../cli/synth-command.js';
import type { Logger } from '../platform/logger.js';
import type { Indexing } from './indexing.js';

/** Synthetic people for the seed breaches that hold look-up identifiers: what `npm start` can be checked against. */
export const DEMO_FILES = [
  { profile: 'viamedis', breach: 'viamedis', rows: 400, region: 'FR' },
  { profile: 'chronopost', breach: 'chronopost', rows: 400, region: 'FR' },
  { profile: 'folksam', breach: 'folksam', rows: 400, region: 'SE' },
] as const;
export const DEMO_SEED = 'breachdesk-demo-v1';

/**
 * Writes the demo files with `breachdesk synth` (same seed, same bytes) into DATA_DIR/demo and ingests
 * them. Ingest recognises a file it has loaded, so a restart changes nothing.
 */
export async function loadDemoIndex(indexing: Indexing, dataDir: string, logger: Logger): Promise<void> {
  const silent = { out: () => undefined, err: (line: string) => logger.warn({ line }, 'demo data') };
  await mkdir(join(dataDir, 'demo'), { recursive: true });
  for (const demo of DEMO_FILES) {
    const file = join(dataDir, 'demo', `${demo.profile}.csv`);
    await synthCommand(
      ['--profile', demo.profile, '--rows', String(demo.rows), '--seed', DEMO_SEED, '--defects', '0.05', '--out', file],
      silent,
    );
    const summary = await indexing.ingestFile(file, {
      breachSlug: demo.breach,
      maps: [],
      defaultRegion: demo.region,
      keepContacts: false,
      restart: true,
      actor: 'system:demo',
      inProcess: true,
    });
    if (summary.outcome !== 'already-ingested') {
      logger.info(
        { breach: demo.breach, rows: summary.counts.rowsRead, entries: summary.counts.entriesAdded },
        'demo look-up index loaded',
      );
    }
  }
}
