import type { Kysely } from 'kysely';

/**
 * Processors and the controllers they serve (GDPR Art. 28, 33(2)): a controller's owner declares which
 * organisations process data for it; only a declared processor may pass an incident on to it, which
 * creates the controller's own incident linked to the processor's (`source_incident_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('processor_links')
    .addColumn('controller_organisation_id', 'text', (c) => c.notNull())
    .addColumn('processor_organisation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('processor_links_pk', ['controller_organisation_id', 'processor_organisation_id'])
    .execute();
  await db.schema.alterTable('incidents').addColumn('source_incident_id', 'text').execute();
  await db.schema.createIndex('incidents_source').on('incidents').columns(['source_incident_id', 'organisation_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incidents_source').execute();
  await db.schema.alterTable('incidents').dropColumn('source_incident_id').execute();
  await db.schema.dropTable('processor_links').execute();
}
