import { parseArgs } from 'node:util';
import type { IngestRunStore } from '../modules/ingestion/index.js';
import type { LookupIndexStore } from '../modules/lookup/index.js';
import { EXIT, usageError, type CliIo } from './io.js';
import { formatCount } from './progress.js';

export const INDEX_HELP = `Usage: breachdesk index status [--json]
       breachdesk index next-key [FILE]
       breachdesk index activate FILE [--force]

status     The private look-up index: the OPRF key epoch and its public fingerprint, the crypto backend,
           how many entries each breach has, the bucket bits chosen from the data size and the padded
           bucket size, and the ingest runs (with their accounting).
next-key   Key rotation, step 1: creates the next epoch's key file (default OPRF_KEY_FILE.next, 0600).
           Step 2: ingest every source file again with OPRF_KEY_FILE=FILE while the current epoch serves.
activate   Step 3: switches to the new epoch, overwrites and deletes the old key file, moves FILE to
           OPRF_KEY_FILE and deletes the old epoch's entries. Refuses if a breach would lose its entries
           (--force drops them). Running servers load the new key within a minute. See docs/key-rotation.md.`;

export async function indexCommand(
  args: string[],
  io: CliIo,
  deps: {
    indexing: { index: LookupIndexStore; runs: IngestRunStore; key: { epoch: number; fingerprint: string }; backendReport: string };
  },
): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, strict: true, options: { json: { type: 'boolean', default: false } } });
  if (sub !== 'status') throw usageError(`unknown index command "${sub ?? ''}" (breachdesk index --help)`);
  const { index, runs, key, backendReport } = deps.indexing;
  const stats = await index.stats(key.epoch);
  const breaches = await index.listBreaches();
  const runList = (await Promise.all(breaches.map((b) => runs.find(b.slug, key.epoch)))).flat();
  if (values.json) {
    io.out(
      JSON.stringify({ epoch: key.epoch, fingerprint: key.fingerprint, backend: backendReport, stats, breaches, runs: runList }, null, 2),
    );
    return EXIT.ok;
  }
  io.out(`key epoch ${key.epoch}, fingerprint ${key.fingerprint}`);
  io.out(`OPRF backend: ${backendReport}`);
  io.out(
    `entries ${formatCount(stats.entries)}; bucket bits ${stats.bucketBits} (${formatCount(2 ** stats.bucketBits)} buckets); largest bucket ${formatCount(stats.largestBucket)}; padded to ${formatCount(stats.paddedBucketSize)}`,
  );
  for (const b of stats.breaches) io.out(`  ${b.slug}: ${formatCount(b.entries)} entries`);
  for (const r of runList) {
    const c = r.counts;
    io.out(
      `run ${r.id} ${r.breachSlug} ${r.state} ${r.fileName}: rows ${formatCount(c.rowsRead)} = accepted ${formatCount(c.accepted)} + rejected ${formatCount(c.rejected)} + duplicates ${formatCount(c.duplicates)}`,
    );
  }
  return EXIT.ok;
}
