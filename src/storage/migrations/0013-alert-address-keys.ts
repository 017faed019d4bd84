import type { Kysely } from 'kysely';

/**
 * One subscription per address. `address_key` is an HMAC of the canonical address under a key derived from
 * the alerts key file (the address itself stays sealed): it lets a second request for the same address refresh
 * the pending subscription instead of mailing another confirmation (so the form cannot be used to flood
 * someone's mailbox), lets a confirmed subscription replace the older one (so nobody gets two alerts per
 * breach), and lets one unsubscribe delete them all. Rows from before this migration have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alert_subscriptions').addColumn('address_key', 'text').execute();
  await db.schema.createIndex('alert_subscriptions_address').on('alert_subscriptions').columns(['address_key', 'state']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alert_subscriptions_address').execute();
  await db.schema.alterTable('alert_subscriptions').dropColumn('address_key').execute();
}
