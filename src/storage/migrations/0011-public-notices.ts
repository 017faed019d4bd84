import type { Kysely } from 'kysely';

/**
 * Public notices (GDPR Art. 34(3)(c)): when informing each person would involve disproportionate effort,
 * the organisation informs them by a public communication. One notice per published catalogue entry; its
 * `content` is the text as checked and published (JSON), so a later edit of the incident changes nothing
 * public until the notice is published again. Withdrawing keeps the row (and the audit log says who).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_notices')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('public_notices_incident').on('public_notices').columns(['organisation_id', 'incident_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_notices').execute();
}
