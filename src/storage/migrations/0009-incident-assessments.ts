import type { Kysely } from 'kysely';

/**
 * Risk assessments as recorded (issue 6 part 4): the inputs with their written reasons, the ENISA result,
 * the proposal and the person's decision, immutable; the incident's riskOutcome points at the latest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_assessments_incident').on('incident_assessments').columns(['incident_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_assessments').execute();
}
