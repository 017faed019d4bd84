import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { AlertMessagesTable, DatabaseSchema } from '../../storage/schema.js';

/** 'renew': the index moved to a new key epoch, so the watches no longer match anything; asks to subscribe again. */
export const MESSAGE_KINDS = ['confirm', 'alert', 'renew'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * 'held': an alert for a subscription not yet confirmed, queued when it is (and deleted with it if it never is).
 * 'skipped': a breach the person was already in when they subscribed; recorded so it is never alerted.
 */
export const MESSAGE_STATES = ['held', 'queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export interface Watch {
  readonly epoch: number;
  readonly bucketHash: number;
  /** The 16-byte tag of the index entry the identifier would have. */
  readonly tag: Uint8Array;
}

export interface StoredSubscription {
  readonly id: string;
  readonly emailSealed: Uint8Array;
  readonly keyId: string;
  readonly locale: string;
  readonly state: 'pending' | 'active';
  readonly createdAt: string;
  readonly confirmedAt: string | null;
  readonly expiresAt: string | null;
  /** The sealer's keyed hash of the address; null on subscriptions from before it was kept. */
  readonly addressKey: string | null;
}

export interface OutboxMessage {
  readonly id: string;
  readonly subscriptionId: string;
  readonly kind: MessageKind;
  readonly breachSlug: string;
  readonly state: MessageState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
}

export interface CompletedRun {
  readonly id: string;
  readonly breachSlug: string;
  readonly epoch: number;
}

/** A message as a sender claimed it: its id and the attempt count the claim set. */
export interface ClaimedMessage {
  readonly id: string;
  readonly attempts: number;
}

export interface AlertsStatus {
  readonly subscriptions: { readonly pending: number; readonly active: number };
  readonly messages: Readonly<Record<MessageState, number>>;
  /** Messages given up on: kind, attempts and the SMTP answer. No address. */
  readonly failures: readonly { id: string; kind: MessageKind; attempts: number; lastError: string | null }[];
}

/** The alerts tables, for SQLite and PostgreSQL alike. */
export interface AlertsStore {
  /**
   * Records a pending subscription, the breaches its watches already match as 'skipped' (the person has just
   * seen those), and queues its confirmation, in one transaction. When the address already has a pending
   * subscription created after `resendAfter`, that one takes the new watches and language instead and no
   * second confirmation is queued ('refreshed'): its link, already sent, confirms them.
   */
  createSubscription(
    sub: Omit<StoredSubscription, 'state' | 'confirmedAt'>,
    watches: readonly Watch[],
    newId: () => string,
    options: { readonly resendAfter: string },
  ): Promise<'created' | 'refreshed'>;
  getSubscription(id: string): Promise<StoredSubscription | undefined>;
  /**
   * Pending → active, in one transaction: deletes the address's other subscriptions (this one replaces them)
   * and queues the alerts held while it was pending. False when the subscription was not pending.
   */
  activate(id: string, at: string): Promise<boolean>;
  /**
   * Deletes the subscription and every other one of the same address, their watches and every message about
   * them. False when there was none.
   */
  deleteSubscription(id: string): Promise<boolean>;
  /**
   * Deletes pending subscriptions whose confirmation window has passed, keeping their failed messages as a
   * report until `pruneFailedBefore`, when failed messages of deleted subscriptions go too.
   */
  expirePending(now: string, pruneFailedBefore: string): Promise<number>;
  /** Completed ingest runs no scan has matched yet, oldest first. */
  unscannedRuns(limit: number): Promise<CompletedRun[]>;
  /**
   * Queues one alert per subscription that watches an entry of the run's breach and has no message for that
   * breach yet (held until confirmation for a pending one), and marks the run scanned, in one transaction.
   * Returns how many were queued or held.
   */
  scanRun(run: CompletedRun, at: string, newId: () => string): Promise<number>;
  /**
   * Queues one 'renew' message per active subscription none of whose watches belong to `epoch` (the key
   * epoch the index serves): after a key rotation their watches can never match again. Returns how many.
   */
  queueRenewals(epoch: number, at: string, newId: () => string): Promise<number>;
  /** Messages to send now: queued and due, or claimed by a process whose lease ran out. */
  due(now: string, limit: number): Promise<OutboxMessage[]>;
  /** Claims a due message for one sender; false when another process claimed it first. */
  claim(message: OutboxMessage, now: string, leaseUntil: string): Promise<boolean>;
  /**
   * The outcome of a claimed send, recorded only while the claim holds (still 'sending', same attempt count):
   * false when the lease ran out and another sender took the message over.
   */
  markSent(message: ClaimedMessage, at: string): Promise<boolean>;
  reschedule(message: ClaimedMessage, nextAttemptAt: string, error: string): Promise<boolean>;
  markFailed(message: ClaimedMessage, error: string): Promise<boolean>;
  /**
   * A renewal request is final (sent, or given up with `error`): the subscription is deleted in the same
   * transaction, as the email says; a failure stays reported.
   */
  endRenewal(message: ClaimedMessage, subscriptionId: string, at: string, error: string | null): Promise<boolean>;
  /** A message whose subscription is gone (unsubscribed meanwhile). */
  deleteMessage(id: string): Promise<void>;
  status(): Promise<AlertsStatus>;
}

const kindOf = (kind: string): MessageKind => ((MESSAGE_KINDS as readonly string[]).includes(kind) ? (kind as MessageKind) : 'alert');

const toMessage = (r: Selectable<AlertMessagesTable>): OutboxMessage => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  kind: kindOf(r.kind),
  breachSlug: r.breach_slug,
  state: (MESSAGE_STATES as readonly string[]).includes(r.state) ? (r.state as MessageState) : 'failed',
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
});

/** A new outbox row: due at once (a 'held' or 'skipped' one is never due by its state). */
const newMessage = (
  id: string,
  subscriptionId: string,
  kind: MessageKind,
  breachSlug: string,
  state: MessageState,
  at: string,
): Insertable<AlertMessagesTable> => ({
  id,
  subscription_id: subscriptionId,
  kind,
  breach_slug: breachSlug,
  state,
  attempts: 0,
  next_attempt_at: at,
  lease_until: null,
  last_error: null,
  created_at: at,
  sent_at: null,
});

/** Records a send's outcome only if the sender's claim still holds. */
async function settle(db: Kysely<DatabaseSchema>, message: ClaimedMessage, values: Updateable<AlertMessagesTable>): Promise<boolean> {
  const result = await db
    .updateTable('alert_messages')
    .set(values)
    .where('id', '=', message.id)
    .where('state', '=', 'sending')
    .where('attempts', '=', message.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records as 'skipped' every breach the subscription's watches already match, so that no scan ever alerts
 * about it: the person saw those on the check page they subscribed from. A breach still being ingested is
 * left out (its new entries may not have been published when they checked): its run's scan decides.
 */
async function skipKnownBreaches(trx: Transaction<DatabaseSchema>, subscriptionId: string, at: string, newId: () => string): Promise<void> {
  const known = await trx
    .selectFrom('alert_watches as w')
    .innerJoin('index_entries as e', (j) =>
      j.onRef('e.epoch', '=', 'w.epoch').onRef('e.bucket_hash', '=', 'w.bucket_hash').onRef('e.tag', '=', 'w.tag'),
    )
    .innerJoin('index_breaches as b', 'b.id', 'e.breach_id')
    .select('b.slug')
    .distinct()
    .where('w.subscription_id', '=', subscriptionId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('ingest_runs as r').select('r.id').whereRef('r.breach_slug', '=', 'b.slug').where('r.state', '=', 'running'),
        ),
      ),
    )
    .execute();
  if (known.length === 0) return;
  await trx
    .insertInto('alert_messages')
    .values(known.map((k) => newMessage(newId(), subscriptionId, 'alert', k.slug, 'skipped', at)))
    .onConflict((oc) => oc.columns(['subscription_id', 'kind', 'breach_slug']).doNothing())
    .execute();
}

export function createAlertsStore(db: Kysely<DatabaseSchema>): AlertsStore {
  const deleteAllOf = async (trx: Transaction<DatabaseSchema>, ids: readonly string[], keepFailed = false): Promise<void> => {
    if (ids.length === 0) return;
    await trx
      .deleteFrom('alert_messages')
      .where('subscription_id', 'in', ids)
      .$if(keepFailed, (q) => q.where('state', '<>', 'failed'))
      .execute();
    await trx.deleteFrom('alert_watches').where('subscription_id', 'in', ids).execute();
    await trx.deleteFrom('alert_subscriptions').where('id', 'in', ids).execute();
  };

  /** Every subscription of an address (by its keyed hash); none for a row from before address keys. */
  const subscriptionsOf = async (trx: Transaction<DatabaseSchema>, addressKey: string | null): Promise<string[]> =>
    addressKey === null
      ? []
      : (await trx.selectFrom('alert_subscriptions').select('id').where('address_key', '=', addressKey).execute()).map((r) => r.id);

  return {
    async createSubscription(sub, watches, newId, options) {
      const watchRows = (id: string) =>
        watches.map((w) => ({ subscription_id: id, epoch: w.epoch, bucket_hash: w.bucketHash, tag: Buffer.from(w.tag) }));
      return db.transaction().execute(async (trx) => {
        const pending =
          sub.addressKey === null
            ? []
            : await trx
                .selectFrom('alert_subscriptions')
                .select(['id', 'created_at'])
                .where('address_key', '=', sub.addressKey)
                .where('state', '=', 'pending')
                .orderBy('created_at', 'desc')
                .execute();
        const recent = pending.find((p) => p.created_at > options.resendAfter);
        if (recent) {
          await trx.deleteFrom('alert_watches').where('subscription_id', '=', recent.id).execute();
          await trx.insertInto('alert_watches').values(watchRows(recent.id)).execute();
          await trx.updateTable('alert_subscriptions').set({ locale: sub.locale }).where('id', '=', recent.id).execute();
          await trx.deleteFrom('alert_messages').where('subscription_id', '=', recent.id).where('state', '=', 'skipped').execute();
          await skipKnownBreaches(trx, recent.id, sub.createdAt, newId);
          return 'refreshed' as const;
        }
        // An older pending request of the same address gives way to this one (keeping a failed confirmation reported).
        await deleteAllOf(
          trx,
          pending.map((p) => p.id),
          true,
        );
        await trx
          .insertInto('alert_subscriptions')
          .values({
            id: sub.id,
            email_sealed: Buffer.from(sub.emailSealed),
            key_id: sub.keyId,
            locale: sub.locale,
            state: 'pending',
            created_at: sub.createdAt,
            confirmed_at: null,
            expires_at: sub.expiresAt,
            address_key: sub.addressKey,
          })
          .execute();
        await trx
          .insertInto('alert_watches')
          .values(watchRows(sub.id))
          .onConflict((oc) => oc.columns(['subscription_id', 'epoch', 'bucket_hash', 'tag']).doNothing())
          .execute();
        await skipKnownBreaches(trx, sub.id, sub.createdAt, newId);
        await trx
          .insertInto('alert_messages')
          .values(newMessage(newId(), sub.id, 'confirm', '', 'queued', sub.createdAt))
          .execute();
        return 'created' as const;
      });
    },

    async getSubscription(id) {
      const r = await db.selectFrom('alert_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      return {
        id: r.id,
        emailSealed: new Uint8Array(r.email_sealed),
        keyId: r.key_id,
        locale: r.locale,
        state: r.state === 'active' ? 'active' : 'pending',
        createdAt: r.created_at,
        confirmedAt: r.confirmed_at,
        expiresAt: r.expires_at,
        addressKey: r.address_key,
      };
    },

    async activate(id, at) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('alert_subscriptions')
          .set({ state: 'active', confirmed_at: at, expires_at: null })
          .where('id', '=', id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        const { address_key: addressKey } = await trx
          .selectFrom('alert_subscriptions')
          .select('address_key')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const others = (await subscriptionsOf(trx, addressKey)).filter((other) => other !== id);
        await deleteAllOf(trx, others, true);
        // Breaches ingested while the subscription waited for its confirmation: the person has not seen them.
        await trx
          .updateTable('alert_messages')
          .set({ state: 'queued', next_attempt_at: at })
          .where('subscription_id', '=', id)
          .where('state', '=', 'held')
          .execute();
        return true;
      });
    },

    async deleteSubscription(id) {
      return db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom('alert_subscriptions').select(['id', 'address_key']).where('id', '=', id).executeTakeFirst();
        const same = await subscriptionsOf(trx, exists?.address_key ?? null);
        await deleteAllOf(trx, [id, ...same.filter((other) => other !== id)]);
        return exists !== undefined;
      });
    },

    async expirePending(now, pruneFailedBefore) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('alert_subscriptions')
          .select('id')
          .where('state', '=', 'pending')
          .where('expires_at', '<', now)
          .execute();
        // A failed confirmation stays reported after its subscription expires: the row names no one.
        await deleteAllOf(
          trx,
          rows.map((r) => r.id),
          true,
        );
        await trx
          .deleteFrom('alert_messages')
          .where('state', '=', 'failed')
          .where('created_at', '<', pruneFailedBefore)
          .where((eb) =>
            eb.not(
              eb.exists(eb.selectFrom('alert_subscriptions as s').select('s.id').whereRef('s.id', '=', 'alert_messages.subscription_id')),
            ),
          )
          .execute();
        return rows.length;
      });
    },

    async unscannedRuns(limit) {
      const rows = await db
        .selectFrom('ingest_runs as r')
        .leftJoin('alert_scanned_runs as s', 's.run_id', 'r.id')
        .select(['r.id', 'r.breach_slug', 'r.epoch'])
        .where('r.state', '=', 'completed')
        .where('s.run_id', 'is', null)
        .orderBy('r.completed_at')
        .orderBy('r.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, breachSlug: r.breach_slug, epoch: Number(r.epoch) }));
    },

    async scanRun(run, at, newId) {
      return db.transaction().execute(async (trx) => {
        const matched = await trx
          .selectFrom('alert_watches as w')
          .innerJoin('alert_subscriptions as s', 's.id', 'w.subscription_id')
          .innerJoin('index_entries as e', (j) =>
            j.onRef('e.epoch', '=', 'w.epoch').onRef('e.bucket_hash', '=', 'w.bucket_hash').onRef('e.tag', '=', 'w.tag'),
          )
          .innerJoin('index_breaches as b', 'b.id', 'e.breach_id')
          .select(['w.subscription_id', 's.state'])
          .distinct()
          .where('s.state', 'in', ['active', 'pending'])
          .where('w.epoch', '=', run.epoch)
          .where('b.slug', '=', run.breachSlug)
          .execute();
        let queued = 0;
        for (const m of matched) {
          const inserted = await trx
            .insertInto('alert_messages')
            .values(newMessage(newId(), m.subscription_id, 'alert', run.breachSlug, m.state === 'active' ? 'queued' : 'held', at))
            .onConflict((oc) => oc.columns(['subscription_id', 'kind', 'breach_slug']).doNothing())
            .executeTakeFirst();
          queued += Number(inserted.numInsertedOrUpdatedRows ?? 0);
        }
        await trx
          .insertInto('alert_scanned_runs')
          .values({ run_id: run.id, scanned_at: at, queued })
          .onConflict((oc) => oc.column('run_id').doNothing())
          .execute();
        return queued;
      });
    },

    async queueRenewals(epoch, at, newId) {
      const stale = await db
        .selectFrom('alert_subscriptions as s')
        .select('s.id')
        .where('s.state', '=', 'active')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('alert_watches as w')
                .select('w.subscription_id')
                .whereRef('w.subscription_id', '=', 's.id')
                .where('w.epoch', '=', epoch),
            ),
          ),
        )
        .execute();
      let queued = 0;
      for (const { id } of stale) {
        const inserted = await db
          .insertInto('alert_messages')
          .values(newMessage(newId(), id, 'renew', `epoch-${epoch}`, 'queued', at))
          .onConflict((oc) => oc.columns(['subscription_id', 'kind', 'breach_slug']).doNothing())
          .executeTakeFirst();
        queued += Number(inserted.numInsertedOrUpdatedRows ?? 0);
      }
      return queued;
    },

    async due(now, limit) {
      const rows = await db
        .selectFrom('alert_messages')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async claim(message, now, leaseUntil) {
      // The same condition `due` selected on: of two processes racing for a row, one updates it.
      const result = await db
        .updateTable('alert_messages')
        .set({ state: 'sending', lease_until: leaseUntil, attempts: message.attempts + 1 })
        .where('id', '=', message.id)
        .where('attempts', '=', message.attempts)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    markSent: (message, at) => settle(db, message, { state: 'sent', sent_at: at, lease_until: null, last_error: null }),

    reschedule: (message, nextAttemptAt, error) =>
      settle(db, message, { state: 'queued', next_attempt_at: nextAttemptAt, lease_until: null, last_error: error }),

    markFailed: (message, error) => settle(db, message, { state: 'failed', lease_until: null, last_error: error }),

    async endRenewal(message, subscriptionId, at, error) {
      return db.transaction().execute(async (trx) => {
        const settled = await settle(
          trx,
          message,
          error === null
            ? { state: 'sent', sent_at: at, lease_until: null, last_error: null }
            : { state: 'failed', lease_until: null, last_error: error },
        );
        if (settled) await deleteAllOf(trx, [subscriptionId], true);
        return settled;
      });
    },

    async deleteMessage(id) {
      await db.deleteFrom('alert_messages').where('id', '=', id).execute();
    },

    async status() {
      const subs = await db
        .selectFrom('alert_subscriptions')
        .select(['state', (eb) => eb.fn.countAll().as('n')])
        .groupBy('state')
        .execute();
      const msgs = await db
        .selectFrom('alert_messages')
        .select(['state', (eb) => eb.fn.countAll().as('n')])
        .groupBy('state')
        .execute();
      const failed = await db
        .selectFrom('alert_messages')
        .select(['id', 'kind', 'attempts', 'last_error'])
        .where('state', '=', 'failed')
        .orderBy('id')
        .limit(100)
        .execute();
      const messages = Object.fromEntries(MESSAGE_STATES.map((s) => [s, 0])) as Record<MessageState, number>;
      for (const m of msgs) if ((MESSAGE_STATES as readonly string[]).includes(m.state)) messages[m.state as MessageState] = Number(m.n);
      return {
        subscriptions: {
          pending: Number(subs.find((s) => s.state === 'pending')?.n ?? 0),
          active: Number(subs.find((s) => s.state === 'active')?.n ?? 0),
        },
        messages,
        failures: failed.map((f) => ({
          id: f.id,
          kind: kindOf(f.kind),
          attempts: Number(f.attempts),
          lastError: f.last_error,
        })),
      };
    },
  };
}
