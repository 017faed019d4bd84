import type { Kysely } from 'kysely';

/**
 * Alerts about future breaches (issue 5). A subscription holds the person's email address sealed
 * (AES-256-GCM under the alerts key file), their language, and per watched identifier only what the
 * browser derived from its OPRF output: the bucket hash and the 16-byte tag the index entries carry.
 * Tokens in links are MACs the server recomputes, so no token is stored. `alert_messages` is the outbox:
 * one row per (subscription, kind, breach), so a second scan or a second process never queues twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_sealed', 'bytea', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema.createIndex('alert_subscriptions_state').on('alert_subscriptions').columns(['state', 'expires_at']).execute();

  await db.schema
    .createTable('alert_watches')
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('bucket_hash', 'integer', (c) => c.notNull())
    .addColumn('tag', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_watches_pk', ['subscription_id', 'epoch', 'bucket_hash', 'tag'])
    .execute();

  await db.schema
    .createTable('alert_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // '' for a confirmation; the breach slug for an alert (or for a breach the person was already in).
    .addColumn('breach_slug', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('alert_messages_once', ['subscription_id', 'kind', 'breach_slug'])
    .execute();
  await db.schema.createIndex('alert_messages_due').on('alert_messages').columns(['state', 'next_attempt_at']).execute();

  // Completed ingest runs the alert scan has matched against the watches: each run is scanned once.
  await db.schema
    .createTable('alert_scanned_runs')
    .addColumn('run_id', 'text', (c) => c.primaryKey())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('queued', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['alert_scanned_runs', 'alert_messages', 'alert_watches', 'alert_subscriptions']) {
    await db.schema.dropTable(table).execute();
  }
}
