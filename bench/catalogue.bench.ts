import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createApiKeys } from '../src/modules/access/index.js';
import { createCatalogue, createCatalogueStore, SEED_BREACHES } from '../src/modules/catalogue/index.js';
import { systemClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { migrateToLatest, openDatabase } from '../src/storage/database.js';
import { buildApp } from '../src/web/app.js';
import type { BenchResult } from './run.js';

const BREACHES = 1000;
const DURATION_MS = 3000;

/**
 * Catalogue reads with 1,000 breaches on SQLite, in process (app.inject, no network): the HIBP list, one
 * breach, and the HTML list page. Baseline, in the same run: a bare Fastify route returning the same
 * HIBP JSON from memory — the ceiling for a request of that size, without storage or mapping.
 */
export async function catalogueBenchmark(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-bench-'));
  const database = openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
  try {
    await migrateToLatest(database);
    const catalogue = createCatalogue({ store: createCatalogueStore(database), clock: systemClock, newId });
    const template = SEED_BREACHES[2]!;
    await catalogue.addAll(
      Array.from({ length: BREACHES }, (_, i) => ({ ...template, slug: `bench-breach-${i}`, relatedBreaches: [] })),
      'bench',
    );
    const app = await buildApp({
      catalogue,
      apiKeys: createApiKeys({ db: database.db, clock: systemClock, newId, randomBytes }),
      logger: createLogger({ level: 'silent' }),
      checkDatabase: async () => void (await sql`select 1`.execute(database.db)),
    });
    const hibpBody = (await app.inject('/api/v3/breaches')).body;
    const baseline = Fastify({ logger: false });
    baseline.get('/api/v3/breaches', async (_req, reply) => reply.type('application/json').send(hibpBody));
    await baseline.ready();

    const rows: string[][] = [['Request', 'Requests/s', 'Mean latency', 'Response size', 'vs. baseline']];
    const base = await measure(() => baseline.inject('/api/v3/breaches'));
    const cases: [string, () => Promise<{ body: string }>][] = [
      [`GET /api/v3/breaches (${BREACHES} breaches)`, () => app.inject('/api/v3/breaches')],
      ['GET /api/v1/breaches?limit=50', () => app.inject('/api/v1/breaches?limit=50')],
      ['GET /api/v3/breach/BenchBreach500', () => app.inject('/api/v3/breach/BenchBreach500')],
      ['GET / (HTML list, 50 rows)', () => app.inject('/?lang=fr')],
      ['GET /breaches/bench-breach-500 (HTML)', () => app.inject('/breaches/bench-breach-500')],
    ];
    rows.push(['Baseline: same HIBP JSON from memory', fmt(base.rps), `${base.meanMs.toFixed(2)} ms`, kb(base.size), '1.00']);
    for (const [label, fn] of cases) {
      const r = await measure(fn);
      rows.push([
        label,
        fmt(r.rps),
        `${r.meanMs.toFixed(2)} ms`,
        kb(r.size),
        label.startsWith('GET /api/v3/breaches') ? (r.rps / base.rps).toFixed(2) : '—',
      ]);
    }
    await app.close();
    await baseline.close();
    return {
      title: 'Catalogue reads (SQLite, in process)',
      table: rows,
      notes: [
        `${BREACHES} breaches; each case runs for ${DURATION_MS / 1000} s after a warm-up, one request at a time.`,
        'No target is set for the catalogue (issue 2 names none); the ratio shows what storage, JSON parsing of stored documents and HIBP mapping cost against serving the same bytes from memory.',
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(fn: () => Promise<{ body: string }>): Promise<{ rps: number; meanMs: number; size: number }> {
  let size = 0;
  for (let i = 0; i < 20; i++) size = (await fn()).body.length;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    await fn();
    n++;
  }
  const elapsed = performance.now() - start;
  return { rps: (n / elapsed) * 1000, meanMs: elapsed / n, size };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
