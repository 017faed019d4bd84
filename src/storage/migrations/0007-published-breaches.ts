import type { Kysely } from 'kysely';

/**
 * Which organisation published which public catalogue entry from which incident (issue 6 part 7): an
 * organisation may publish and update its own entries only, never one another organisation or the
 * catalogue editors published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('published_breaches')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('published_breaches').execute();
}
