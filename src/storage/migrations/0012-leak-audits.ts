import type { Kysely } from 'kysely';

/**
 * Leak-audit reports kept per organisation (issue 8): audits run from the CLI or CI (`breachdesk audit … --keep`),
 * the console lists and shows them. `report` is the report.json as built (JSON); `findings` is its count, kept
 * apart so the list needs no parsing. The reports hold test personas' canary values, never a real person's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leak_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('findings', 'integer', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leak_audits_organisation').on('leak_audits').columns(['organisation_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leak_audits').execute();
}
