import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { createIndexing, type Indexing } from '../../src/main/indexing.js';
import { createServices, type Services } from '../../src/main/services.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { TEST_POSTGRES_URL } from './databases.js';

export interface IndexingEnv {
  readonly kind: 'sqlite' | 'postgres';
  readonly dataDir: string;
  /** The environment a `breachdesk` child process needs to reach the same database and key. */
  readonly env: Record<string, string>;
  readonly config: Config;
  readonly services: Services;
  readonly indexing: Indexing;
  /** Everything logged so far. */
  logs(): string;
  /** For PostgreSQL: every row of every table of the test schema, as text. */
  dumpPostgres(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real installation in a temporary folder: SQLite file or a fresh PostgreSQL schema, the seed catalogue,
 * a freshly generated OPRF key file. `keyFrom` reuses another environment's key file (same key, so the
 * same entries).
 */
export async function createIndexingEnv(
  kind: 'sqlite' | 'postgres',
  options: { keyFrom?: IndexingEnv; workers?: number } = {},
): Promise<IndexingEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'breachdesk-ingest-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'info', SEED: 'true', INGEST_WORKERS: String(options.workers ?? 2) };
  if (options.keyFrom) env['OPRF_KEY_FILE'] = options.keyFrom.config.oprfKeyFile;
  let schema: string | null = null;
  if (kind === 'postgres') {
    schema = `bd_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const sep = TEST_POSTGRES_URL.includes('?') ? '&' : '?';
    env['DATABASE_URL'] = `${TEST_POSTGRES_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const config = loadConfig(env);
  let captured = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    captured += chunk.toString('utf8');
  });
  const logger = createLogger({ level: 'trace', destination: stream });
  const services = await createServices(config, logger);
  const indexing = await createIndexing(config, services, logger);
  return {
    kind,
    dataDir,
    env,
    config,
    services,
    indexing,
    logs: () => captured,
    async dumpPostgres() {
      if (!schema) return '';
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      try {
        const tables = await c.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1', [
          schema,
        ]);
        let text = '';
        for (const t of tables.rows) {
          const rows = await c.query<{ r: string }>(`select t::text as r from ${schema}."${t.table_name}" t`);
          text += rows.rows.map((r) => r.r).join('\n');
        }
        return text;
      } finally {
        await c.end();
      }
    },
    async close() {
      // Idempotent: a test may have closed the services already.
      await services.close().catch(() => undefined);
      if (schema) {
        const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
