import type { Kysely } from 'kysely';

/**
 * The incident register of each organisation (issue 6, GDPR Art. 33(5)): one row per incident, the whole
 * validated record as JSON with a few projected columns for listing and the 72-hour clock, and a revision
 * for optimistic concurrency. Notifications to the authority are immutable versions (initial, follow-ups,
 * withdrawal), each with the body as issued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('awareness_at', 'text')
    .addColumn('notified_at', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_organisation').on('incidents').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('incident_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_notifications_version', ['incident_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_notifications').execute();
  await db.schema.dropTable('incidents').execute();
}
