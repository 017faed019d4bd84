import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../sqlite/create-sqlite-dialect.js';

/**
 * The private look-up index (docs/adr/0006) and the ingest bookkeeping that makes loading it resumable.
 * Binary columns are `bytea`: PostgreSQL's binary type, and a name SQLite accepts as-is (it stores the
 * Buffers we write as BLOBs).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lookup_epochs')
    .addColumn('epoch', 'integer', (c) => c.primaryKey())
    .addColumn('suite', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();

  // A small number per breach: the metadata sealed in each entry names the breach by this number.
  await db.schema
    .createTable('index_breaches')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('classes', 'text', (c) => c.notNull())
    .execute();

  // One row per (identifier, breach): everything in it is derived from the OPRF output.
  // The primary key serves both de-duplication and bucket range scans. On SQLite the table is the
  // primary-key B-tree itself (WITHOUT ROWID), which halves the pages an insert touches.
  await db.schema
    .createTable('index_entries')
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('bucket_hash', 'integer', (c) => c.notNull())
    .addColumn('tag', 'bytea', (c) => c.notNull())
    .addColumn('breach_id', 'integer', (c) => c.notNull())
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_entries_pk', ['epoch', 'bucket_hash', 'tag', 'breach_id'])
    .$call((b) => (isSqlite(db) ? b.modifyEnd(sql`without rowid`) : b))
    .execute();

  await db.schema
    .createTable('ingest_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('breach_slug', 'text', (c) => c.notNull())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_digest', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'bigint', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('plan_digest', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('last_line', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('field_rejects', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('entries_added', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('contacts_kept', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('blank_lines', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('redecoded_lines', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('ingest_runs_breach_idx').on('ingest_runs').columns(['breach_slug', 'state']).execute();

  // Why a row or a field did not make it into the index: line, column and reason code, never the value.
  await db.schema
    .createTable('ingest_rejects')
    .addColumn('run_id', 'text', (c) => c.notNull().references('ingest_runs.id').onDelete('cascade'))
    .addColumn('line', 'bigint', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_rejects_pk', ['run_id', 'line', 'column_name'])
    .execute();

  // Contact details kept for notifying people (`ingest --keep-contacts`): encrypted at rest, never in clear.
  await db.schema
    .createTable('breach_contacts')
    .addColumn('breach_id', 'integer', (c) => c.notNull())
    .addColumn('contact_key', 'bytea', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('breach_contacts_pk', ['breach_id', 'contact_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['breach_contacts', 'ingest_rejects', 'ingest_runs', 'index_entries', 'index_breaches', 'lookup_epochs']) {
    await db.schema.dropTable(table).execute();
  }
}
