import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnWorker } from '../src/adapters/spawn-worker.js';
import { synthCommand } from '../src/cli/synth-command.js';
import { createIndexing } from '../src/main/indexing.js';
import { createServices } from '../src/main/services.js';
import { nativeBackendStatus, randomSecretKey } from '../src/modules/oprf/index.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import type { BenchResult } from './run.js';

const SIZES = (process.env['BENCH_INGEST_ROWS'] ?? '1000000,10000000').split(',').map(Number);
const CEILING_MS = 8000;

/**
 * `breachdesk ingest` of single-identifier rows (synthetic Folksam personnummer, other identifier columns
 * ignored) into SQLite, on every core, with each available backend. In the same run: the bare OPRF
 * evaluation rate on the same cores and backend (the crypto ceiling) and `sqlite3 .import` of the same file
 * (the raw load ceiling). Peak RSS is sampled every 50 ms over the whole process (workers included).
 */
export async function ingestBenchmark(): Promise<BenchResult> {
  const cores = availableParallelism();
  const backends: ('native' | 'wasm')[] = (await nativeBackendStatus()).available ? ['native', 'wasm'] : ['wasm'];
  const rows: string[][] = [
    [
      'backend',
      'rows',
      'rows/s',
      'bare OPRF evaluations/s (ceiling)',
      'ratio',
      'peak RSS',
      'index size',
      'sqlite3 .import rows/s (raw ceiling)',
      '33 M rows extrapolated',
    ],
  ];
  const notes: string[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-bench-ingest-'));
    try {
      const file = join(dir, `folksam-${size}.csv`);
      await synthCommand(['--profile', 'folksam', '--rows', String(size), '--seed', 'bench', '--out', file], {
        out: () => undefined,
        err: (l) => console.error(l),
      });
      const fileBytes = statSync(file).size;
      const importRate = sqliteImportRate(dir, file, size);
      for (const backend of backends) {
        if (backend === 'wasm' && size > 1_000_000) continue; // the WASM row at 1 M is enough to compare backends
        const ceiling = await bareOprfRate(backend, cores);
        const env = {
          DATA_DIR: join(dir, backend),
          LOG_LEVEL: 'silent',
          SEED: 'true',
          OPRF_BACKEND: backend,
          INGEST_WORKERS: String(cores),
        };
        const config = loadConfig(env);
        const logger = createLogger({ level: 'silent' });
        const services = await createServices(config, logger);
        try {
          const indexing = await createIndexing(config, services, logger);
          let peak = process.memoryUsage().rss;
          const sampler = setInterval(() => {
            peak = Math.max(peak, process.memoryUsage().rss);
          }, 50);
          const start = performance.now();
          const summary = await indexing.ingestFile(file, {
            breachSlug: 'folksam',
            maps: ['email=ignore', 'telefon=ignore'],
            defaultRegion: 'SE',
            keepContacts: false,
            restart: false,
            actor: 'bench',
          });
          const seconds = (performance.now() - start) / 1000;
          clearInterval(sampler);
          const rate = summary.counts.rowsRead / seconds;
          const dbBytes = readdirSync(config.dataDir)
            .filter((f) => f.startsWith('breachdesk.sqlite'))
            .reduce((n, f) => n + statSync(join(config.dataDir, f)).size, 0);
          rows.push([
            summary.backend,
            size.toLocaleString('en-US'),
            Math.round(rate).toLocaleString('en-US'),
            Math.round(ceiling.rate).toLocaleString('en-US'),
            (rate / ceiling.rate).toFixed(2),
            `${(peak / 2 ** 20).toFixed(0)} MiB`,
            `${(dbBytes / 2 ** 20).toFixed(0)} MiB (${(dbBytes / summary.counts.entriesAdded).toFixed(0)} B/entry)`,
            importRate ? Math.round(importRate).toLocaleString('en-US') : 'n/a',
            `${(33_000_000 / rate / 60).toFixed(1)} min`,
          ]);
          notes.push(
            `${summary.backend}, ${size.toLocaleString('en-US')} rows (${(fileBytes / 2 ** 20).toFixed(0)} MiB CSV): ${summary.counts.accepted} accepted, ${summary.counts.rejected} rejected, ${summary.counts.duplicates} duplicates, ${summary.counts.entriesAdded} entries in ${seconds.toFixed(1)} s on ${summary.workers} worker threads.`,
          );
        } finally {
          await services.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  notes.push(
    "Ceiling: the same backend's evaluateBatch on the same number of worker threads, with nothing else running (no parsing, canonicalisation, key derivation, sealing or storage).",
    'Raw load ceiling: `sqlite3 :memory:`-free `.import --csv` of the same file into a table of text columns on disk; it does no cryptography at all, so it only bounds the storage side.',
    'Extrapolation to 33 M is linear from the measured rate; the index grows with the same B/entry.',
  );
  return { title: 'Ingest: breach file → private look-up index (SQLite)', table: rows, notes };
}

async function bareOprfRate(backend: 'native' | 'wasm', threads: number): Promise<{ rate: number }> {
  const secretKey = randomSecretKey((n) => new Uint8Array(randomBytes(n)));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const results = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<{ done: number; seconds: number }>((resolve, reject) => {
          const w = spawnWorker(new URL(`./oprf-ceiling-worker${ext}`, import.meta.url), {
            secretKey,
            backend,
            durationMs: CEILING_MS,
            batch: 2048,
          });
          w.once('message', (m: { done: number; seconds: number }) => {
            resolve(m);
            void w.terminate();
          });
          w.once('error', reject);
        }),
    ),
  );
  return { rate: results.reduce((n, r) => n + r.done / r.seconds, 0) };
}

function sqliteImportRate(dir: string, file: string, rows: number): number | null {
  try {
    const db = join(dir, 'import.sqlite');
    const start = performance.now();
    execFileSync('sqlite3', [db, '-cmd', '.mode csv', `.import ${file} people`], { stdio: 'ignore' });
    return rows / ((performance.now() - start) / 1000);
  } catch {
    return null;
  }
}
