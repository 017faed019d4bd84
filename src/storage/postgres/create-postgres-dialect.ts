import pg from 'pg';
import { PostgresDialect, type DatabaseIntrospector, type Dialect, type Kysely } from 'kysely';
import { CurrentSchemaIntrospector } from './current-schema-introspector.js';

// int8 (bigint) columns hold counts of people and records: well inside Number's exact range (2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  /** Run in this schema (set as search_path): lets tests and tenants share one database. */
  readonly schema?: string;
}

export function createPostgresDialect(options: PostgresOptions): { dialect: Dialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${quoteIdent(options.schema)}` }),
  });
  return { dialect: new SchemaScopedPostgresDialect({ pool }), pool };
}

/** PostgreSQL, with the migrator's table look-ups confined to the connection's schema (see CurrentSchemaIntrospector). */
class SchemaScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/** PostgreSQL's SQLSTATE for unique_violation. */
export function isPostgresUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new RangeError('schema names are lowercase identifiers');
  return name;
}
