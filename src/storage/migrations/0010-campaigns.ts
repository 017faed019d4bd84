import type { Kysely } from 'kysely';

/**
 * Notification campaigns (issue 7): informing every affected person of an incident (GDPR Art. 34).
 * `campaigns` holds the configuration and the campaign's data key wrapped by the master contacts key;
 * `campaign_recipients` the contact details sealed under that data key (deleted, and the key with them,
 * when the campaign closes plus its retention period); `campaign_messages` is the outbox: one row per
 * (campaign, recipient, channel), so a person is never sent the same campaign twice on one channel, even
 * with several workers or after a crash. ADR 0014 explains the states and the crash protocol.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('breach_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('data_key_wrapped', 'bytea')
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('purge_after', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema.createIndex('campaigns_organisation').on('campaigns').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('campaign_recipients')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('recipient_no', 'integer', (c) => c.notNull())
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    // The channels this person can be reached on, in the campaign's order ("email,sms,letter"): no values.
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    // 'pending' | 'reached' | 'unreachable'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('campaign_recipients_pk', ['campaign_id', 'recipient_no'])
    .execute();
  await db.schema.createIndex('campaign_recipients_state').on('campaign_recipients').columns(['campaign_id', 'state']).execute();

  await db.schema
    .createTable('campaign_messages')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('recipient_no', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // 'queued' | 'sending' | 'sent' | 'delivered' | 'bounced' | 'failed' | 'cancelled'
    .addColumn('state', 'text', (c) => c.notNull())
    // While sending: 'claimed' (nothing the server could accept has left) or 'released' (it may have).
    .addColumn('phase', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('worker', 'text')
    .addColumn('provider_id', 'text')
    // 1 when the message counts as sent but the server's or provider's answer was never seen.
    .addColumn('uncertain', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('done_at', 'text')
    .addPrimaryKeyConstraint('campaign_messages_pk', ['campaign_id', 'recipient_no', 'channel'])
    .execute();
  await db.schema.createIndex('campaign_messages_due').on('campaign_messages').columns(['channel', 'state', 'next_attempt_at']).execute();
  await db.schema.createIndex('campaign_messages_campaign').on('campaign_messages').columns(['campaign_id', 'state']).execute();
  await db.schema.createIndex('campaign_messages_provider').on('campaign_messages').columns(['provider_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['campaign_messages', 'campaign_recipients', 'campaigns']) await db.schema.dropTable(table).execute();
}
