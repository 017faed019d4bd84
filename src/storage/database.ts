import { Kysely, Migrator, sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../platform/errors.js';
import { migrationProvider } from './migrations/index.js';
import { createPostgresDialect } from './postgres/create-postgres-dialect.js';
import { isPostgresUniqueViolation } from './postgres/create-postgres-dialect.js';
import type { DatabaseSchema } from './schema.js';
import { createSqliteDialect, isSqliteUniqueViolation } from './sqlite/create-sqlite-dialect.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely instance plus the few dialect facts modules may need. */
export interface DatabaseHandle {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: DialectName;
  /** Where the data lives, with any password removed: safe to print. */
  readonly location: string;
  isUniqueViolation(error: unknown): boolean;
  /** The pg pool behind a PostgreSQL handle (for COPY); undefined on SQLite. */
  readonly postgresPool?: pg.Pool;
  /** The better-sqlite3 connection behind a SQLite handle (for the bulk writer); undefined on PostgreSQL. */
  readonly sqliteDatabase?: SQLite.Database;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly maxConnections?: number };

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.kind === 'sqlite') {
    const { dialect, database } = createSqliteDialect(options.path);
    const db = new Kysely<DatabaseSchema>({ dialect });
    return {
      db,
      dialect: 'sqlite',
      sqliteDatabase: database,
      location: options.path,
      isUniqueViolation: isSqliteUniqueViolation,
      close: () => db.destroy(),
    };
  }
  const { dialect, pool } = createPostgresDialect({
    connectionString: options.url,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
  });
  const db = new Kysely<DatabaseSchema>({ dialect });
  return {
    db,
    dialect: 'postgres',
    location: redactUrl(options.url) + (options.schema ? ` (schema ${options.schema})` : ''),
    isUniqueViolation: isPostgresUniqueViolation,
    postgresPool: pool,
    close: () => db.destroy(),
  };
}

/** Fails fast with DATABASE_UNAVAILABLE when the server cannot be reached. */
export async function assertReachable(handle: DatabaseHandle): Promise<void> {
  try {
    await sql`select 1`.execute(handle.db);
  } catch (cause) {
    throw new AppError('DATABASE_UNAVAILABLE', `Cannot reach the database at ${handle.location}`, { cause });
  }
}

/** Applies every pending migration in order; all-or-nothing per migration. Returns the names applied. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // On PostgreSQL, name the schema the migration tables live in. Without it Kysely looks for them in every
  // schema, so an installation whose search_path points at a fresh schema could see another schema's lock
  // table, skip creating its own and fail ("relation kysely_migration_lock does not exist").
  const schema =
    handle.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: handle.db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    // Migration errors come from the database about our own DDL: safe to show, and needed to act on.
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new AppError('MIGRATION_FAILED', `Migration ${failed} failed: ${reason}`, { cause: error, data: { migration: failed } });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable database URL)';
  }
}
