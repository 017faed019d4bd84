import type { Kysely } from 'kysely';

/** The public breach catalogue, its data-class and relation indexes, the audit log, API keys and the seed log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('breaches')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('organisation_domain', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('breach_date', 'text')
    .addColumn('people_count', 'bigint')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fabricated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('breaches_added_at_idx').on('breaches').column('added_at').execute();
  await db.schema.createIndex('breaches_country_idx').on('breaches').column('country').execute();
  await db.schema.createIndex('breaches_domain_idx').on('breaches').column('organisation_domain').execute();

  await db.schema
    .createTable('breach_data_classes')
    .addColumn('breach_slug', 'text', (c) => c.notNull().references('breaches.slug').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('breach_data_classes_pk', ['breach_slug', 'code'])
    .execute();
  await db.schema.createIndex('breach_data_classes_code_idx').on('breach_data_classes').column('code').execute();

  await db.schema
    .createTable('breach_relations')
    .addColumn('breach_slug', 'text', (c) => c.notNull().references('breaches.slug').onDelete('cascade'))
    .addColumn('related_slug', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('breach_relations_pk', ['breach_slug', 'related_slug'])
    .execute();
  await db.schema.createIndex('breach_relations_related_idx').on('breach_relations').column('related_slug').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('audit_log_occurred_at_idx').on('audit_log').column('occurred_at').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('seed_log')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['seed_log', 'api_keys', 'audit_log', 'breach_relations', 'breach_data_classes', 'breaches']) {
    await db.schema.dropTable(table).execute();
  }
}
