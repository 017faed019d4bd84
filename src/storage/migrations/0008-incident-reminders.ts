import type { Kysely } from 'kysely';

/** The 72-hour reminders sent for each incident (issue 6 part 3): one row per (incident, hour mark), sent once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_reminders')
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_reminders_pk', ['incident_id', 'hours'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_reminders').execute();
}
