import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/database.js';

/**
 * Real databases for tests, never mocks: a fresh SQLite file, or a fresh schema on the PostgreSQL server
 * named by TEST_DATABASE_URL (default: this machine's postgres://127.0.0.1:5432/test).
 */
export const TEST_POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  readonly handle: DatabaseHandle;
  cleanup(): Promise<void>;
}

export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-test-'));
  const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'test.sqlite') });
  await migrateToLatest(handle);
  return {
    name: 'sqlite',
    handle,
    cleanup: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let reachable: Promise<string | null> | undefined;

/** null when PostgreSQL answers; otherwise the reason, for the skip message. */
export function postgresUnavailableReason(): Promise<string | null> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `PostgreSQL not reachable at ${TEST_POSTGRES_URL} (${(error as Error).message}); set TEST_DATABASE_URL to run these tests`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const schema = `bd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL, schema, maxConnections: 4 });
  await migrateToLatest(handle);
  return {
    name: 'postgres',
    handle,
    cleanup: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Both dialects, each with a skip reason when it cannot run here. */
export async function testDatabases(): Promise<
  { name: 'sqlite' | 'postgres'; skip: string | false; create: () => Promise<TestDatabase> }[]
> {
  const pgReason = await postgresUnavailableReason();
  return [
    { name: 'sqlite', skip: false, create: createSqliteTestDatabase },
    { name: 'postgres', skip: pgReason ?? false, create: createPostgresTestDatabase },
  ];
}

/**
 * A fresh, empty schema on the test PostgreSQL server and a DATABASE_URL whose search_path points at it:
 * for tests that start the real server or CLI with `DATABASE_URL`. `drop()` removes the schema.
 */
export async function createPostgresSchemaUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const sep = TEST_POSTGRES_URL.includes('?') ? '&' : '?';
  return {
    url: `${TEST_POSTGRES_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
