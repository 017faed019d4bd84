import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CampaignMessagesTable, CampaignsTable, DatabaseSchema } from '../../storage/schema.js';
import type { Channel, CampaignState } from './campaign.js';
import type { MessageState, RecipientState } from './outbox.js';

export type CampaignRow = Selectable<CampaignsTable>;

export interface RecipientInsert {
  readonly recipientNo: number;
  readonly sealed: Uint8Array;
  readonly channels: readonly Channel[];
  readonly locale: string;
}

export interface ClaimedMessage {
  readonly campaignId: string;
  readonly recipientNo: number;
  readonly channel: Channel;
  readonly attempts: number;
  readonly queuedAt: string;
}

export interface StoredRecipient {
  readonly recipientNo: number;
  readonly sealed: Uint8Array;
  readonly channels: string;
  readonly locale: string;
}

/** The result of one message, as the worker records it. */
export type MessageResult =
  | {
      readonly kind: 'sent';
      readonly key: MessageKeyParts;
      readonly providerId: string | null;
      readonly uncertain: boolean;
      readonly detail: string | null;
    }
  | { readonly kind: 'queued'; readonly key: MessageKeyParts; readonly nextAttemptAt: string; readonly detail: string }
  | {
      readonly kind: 'bounced' | 'failed';
      readonly key: MessageKeyParts;
      readonly detail: string;
      /** The channel to queue next, or null: the person is then unreachable. */
      readonly fallback: Channel | null;
    };

export interface MessageKeyParts {
  readonly campaignId: string;
  readonly recipientNo: number;
  readonly channel: Channel;
}

export interface CampaignStats {
  readonly recipients: Readonly<Record<RecipientState, number>>;
  /** Messages per channel and state. */
  readonly messages: Readonly<Record<Channel, Readonly<Record<MessageState, number>>>>;
  /** Sent whose server answer was never seen (a worker stopped between release and answer). */
  readonly uncertain: number;
  /** Messages sent in the last minute, per channel: the live rate. */
  readonly lastMinute: Readonly<Record<Channel, number>>;
  /** The most frequent failure details: code and count, never an address. */
  readonly failures: readonly { channel: Channel; state: MessageState; detail: string; count: number }[];
}

/** The campaign tables, for SQLite and PostgreSQL alike. */
export interface CampaignsStore {
  insertCampaign(row: CampaignRow): Promise<void>;
  getCampaign(organisationId: string, id: string): Promise<CampaignRow | undefined>;
  getCampaignById(id: string): Promise<CampaignRow | undefined>;
  listCampaigns(organisationId: string): Promise<CampaignRow[]>;
  /** Moves the campaign from one of `from` to `to`, with more columns; false when its state was not in `from`. */
  setState(id: string, from: readonly CampaignState[], to: CampaignState, more?: Partial<CampaignRow>): Promise<boolean>;
  /** Adds recipients and queues each one's first channel (none: unreachable, with the reason), in one transaction. */
  addRecipients(campaignId: string, rows: readonly RecipientInsert[], at: string): Promise<void>;
  /**
   * Claims up to `limit` due messages of running campaigns on `channel` for `worker`, until `leaseUntil`.
   * On PostgreSQL rows another worker is claiming are skipped (FOR UPDATE SKIP LOCKED), so workers never wait
   * on each other; on SQLite the single writer makes the claim atomic.
   */
  claim(channel: Channel, limit: number, now: string, leaseUntil: string, worker: string): Promise<ClaimedMessage[]>;
  /**
   * Marks claimed messages 'released' (they may now reach the server), only while this worker holds them;
   * returns the keys it still held, which alone may be sent.
   */
  release(keys: readonly MessageKeyParts[], worker: string): Promise<MessageKeyParts[]>;
  /** Extends the lease of messages this worker holds. */
  extendLease(keys: readonly MessageKeyParts[], worker: string, leaseUntil: string): Promise<void>;
  /** Records results; returns how many this worker still held (the others were recovered by someone else). */
  record(results: readonly MessageResult[], worker: string, at: string): Promise<number>;
  /**
   * Messages whose worker's lease ran out: 'claimed' ones go back to the queue (nothing left), 'released' ones
   * count as sent but uncertain (never sent twice). Returns how many of each.
   */
  recover(now: string): Promise<{ requeued: number; uncertain: number }>;
  recipients(campaignId: string, recipientNos: readonly number[]): Promise<StoredRecipient[]>;
  /** Running campaigns with nothing queued or sending become completed. Returns their ids. */
  completeFinished(): Promise<string[]>;
  /** Cancels queued messages of a campaign (state already set to cancelled). */
  cancelQueued(campaignId: string, at: string): Promise<number>;
  /** Deletes the recipients and the data key of closed campaigns whose retention has passed. Returns their ids. */
  purgeDue(now: string): Promise<string[]>;
  stats(campaignId: string, now: string): Promise<CampaignStats>;
  /**
   * What happened to a sent message afterwards: delivered; or bounced/failed (a delivery status notification,
   * a provider's report), then the person's next channel is queued. False when the message was not in a state
   * the news applies to (already settled: a repeated report changes nothing).
   */
  settleMessage(
    key: MessageKeyParts,
    status: 'delivered' | 'failed' | 'bounced',
    detail: string,
    at: string,
    fallback: (channels: readonly Channel[], current: Channel) => Channel | null,
  ): Promise<boolean>;
  /** A delivery report from a provider: delivered, or failed (then the fallback is queued). */
  deliveryReport(
    channel: Channel,
    providerId: string,
    status: 'delivered' | 'failed',
    detail: string,
    at: string,
    fallback: (channels: readonly Channel[], current: Channel) => Channel | null,
  ): Promise<boolean>;
}

export interface CampaignsStoreOptions {
  /** PostgreSQL: lock claimed rows with FOR UPDATE SKIP LOCKED. */
  readonly skipLocked: boolean;
}

const CHUNK = 500;

/** A new outbox row: queued now, never tried. */
function queuedMessage(campaignId: string, recipientNo: number, channel: Channel, at: string): Insertable<CampaignMessagesTable> {
  return {
    campaign_id: campaignId,
    recipient_no: recipientNo,
    channel,
    state: 'queued',
    phase: null,
    attempts: 0,
    next_attempt_at: at,
    lease_until: null,
    worker: null,
    provider_id: null,
    uncertain: 0,
    last_error: null,
    queued_at: at,
    sent_at: null,
    done_at: null,
  };
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Groups message keys by (campaign, channel), so that each group is one statement. */
function groupKeys(keys: readonly MessageKeyParts[]): { campaignId: string; channel: Channel; nos: number[] }[] {
  const groups = new Map<string, { campaignId: string; channel: Channel; nos: number[] }>();
  for (const k of keys) {
    const id = `${k.campaignId}\u0000${k.channel}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { campaignId: k.campaignId, channel: k.channel, nos: [] }));
    g.nos.push(k.recipientNo);
  }
  return [...groups.values()];
}

const emptyStates = (): Record<MessageState, number> => ({
  queued: 0,
  sending: 0,
  sent: 0,
  delivered: 0,
  bounced: 0,
  failed: 0,
  cancelled: 0,
});

export function createCampaignsStore(db: Kysely<DatabaseSchema>, options: CampaignsStoreOptions): CampaignsStore {
  const queueFallback = async (
    trx: Transaction<DatabaseSchema>,
    key: MessageKeyParts,
    fallback: Channel | null,
    detail: string,
    at: string,
  ): Promise<void> => {
    if (fallback === null) {
      await trx
        .updateTable('campaign_recipients')
        .set({ state: 'unreachable', reason: `${key.channel}: ${detail}`.slice(0, 300) })
        .where('campaign_id', '=', key.campaignId)
        .where('recipient_no', '=', key.recipientNo)
        .where('state', '=', 'pending')
        .execute();
      return;
    }
    await trx
      .insertInto('campaign_messages')
      .values(queuedMessage(key.campaignId, key.recipientNo, fallback, at))
      .onConflict((oc) => oc.columns(['campaign_id', 'recipient_no', 'channel']).doNothing())
      .execute();
  };

  const markReached = async (trx: Transaction<DatabaseSchema>, campaignId: string, nos: readonly number[]) => {
    for (const part of chunks(nos, CHUNK)) {
      await trx
        .updateTable('campaign_recipients')
        .set({ state: 'reached', reason: null })
        .where('campaign_id', '=', campaignId)
        .where('recipient_no', 'in', part)
        .execute();
    }
  };

  return {
    async insertCampaign(row) {
      await db.insertInto('campaigns').values(row).execute();
    },

    getCampaign: (organisationId, id) =>
      db.selectFrom('campaigns').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst(),

    getCampaignById: (id) => db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst(),

    listCampaigns: (organisationId) =>
      db.selectFrom('campaigns').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute(),

    async setState(id, from, to, more = {}) {
      const r = await db
        .updateTable('campaigns')
        .set({ ...more, state: to, revision: sql<number>`revision + 1` })
        .where('id', '=', id)
        .where('state', 'in', [...from])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async addRecipients(campaignId, rows, at) {
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(rows, CHUNK)) {
          await trx
            .insertInto('campaign_recipients')
            .values(
              part.map((r) => ({
                campaign_id: campaignId,
                recipient_no: r.recipientNo,
                sealed: r.sealed,
                channels: r.channels.join(','),
                locale: r.locale,
                state: r.channels.length === 0 ? 'unreachable' : 'pending',
                reason: r.channels.length === 0 ? 'no-channel: no e-mail, phone or postal address usable by this campaign' : null,
              })),
            )
            .execute();
          const first = part.filter((r) => r.channels.length > 0);
          if (first.length === 0) continue;
          await trx
            .insertInto('campaign_messages')
            .values(first.map((r) => queuedMessage(campaignId, r.recipientNo, r.channels[0]!, at)))
            .execute();
        }
      });
    },

    async claim(channel, limit, now, leaseUntil, worker) {
      let due = db
        .selectFrom('campaign_messages')
        .select(['campaign_id', 'recipient_no', 'channel'])
        .where('channel', '=', channel)
        .where('state', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .where('campaign_id', 'in', db.selectFrom('campaigns').select('id').where('state', '=', 'running'))
        .orderBy('next_attempt_at')
        .limit(limit);
      if (options.skipLocked) due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('campaign_messages')
        .set({ state: 'sending', phase: 'claimed', worker, lease_until: leaseUntil, attempts: sql<number>`attempts + 1` })
        .where((eb) =>
          eb(eb.refTuple('campaign_id', 'recipient_no', 'channel'), 'in', due.$asTuple('campaign_id', 'recipient_no', 'channel')),
        )
        // Re-checked after the lock: a row another statement changed in the meantime is left alone.
        .where('state', '=', 'queued')
        .returning(['campaign_id', 'recipient_no', 'channel', 'attempts', 'queued_at'])
        .execute();
      return rows.map((r) => ({
        campaignId: r.campaign_id,
        recipientNo: Number(r.recipient_no),
        channel: r.channel as Channel,
        attempts: Number(r.attempts),
        queuedAt: r.queued_at,
      }));
    },

    async release(keys, worker) {
      if (keys.length === 0) return [];
      const held: MessageKeyParts[] = [];
      const releasePart = async (q: Kysely<DatabaseSchema>, g: { campaignId: string; channel: Channel }, part: readonly number[]) => {
        const r = await q
          .updateTable('campaign_messages')
          .set({ phase: 'released' })
          .where('campaign_id', '=', g.campaignId)
          .where('channel', '=', g.channel)
          .where('recipient_no', 'in', part)
          .where('worker', '=', worker)
          // "Still sending", said with phase, which is set exactly while a message is sending (the claim
          // sets it, every way out clears it): a condition on state made SQLite's planner (no statistics)
          // look the keys up through (campaign_id, state), reading every message in flight for each
          // hand-over instead of the few keys by primary key.
          .where('phase', 'in', ['claimed', 'released'])
          .returning('recipient_no')
          .execute();
        for (const x of r) held.push({ campaignId: g.campaignId, channel: g.channel, recipientNo: Number(x.recipient_no) });
      };
      const groups = groupKeys(keys);
      // The usual group commit (one campaign and channel, a few keys) is one statement, atomic on its own:
      // no begin and commit around it, which cost as much again as the update.
      if (groups.length === 1 && groups[0]!.nos.length <= CHUNK) {
        await releasePart(db, groups[0]!, groups[0]!.nos);
        return held;
      }
      await db.transaction().execute(async (trx) => {
        for (const g of groups) for (const part of chunks(g.nos, CHUNK)) await releasePart(trx, g, part);
      });
      return held;
    },

    async extendLease(keys, worker, leaseUntil) {
      for (const g of groupKeys(keys)) {
        for (const part of chunks(g.nos, CHUNK)) {
          await db
            .updateTable('campaign_messages')
            .set({ lease_until: leaseUntil })
            .where('campaign_id', '=', g.campaignId)
            .where('channel', '=', g.channel)
            .where('recipient_no', 'in', part)
            .where('worker', '=', worker)
            .where('state', '=', 'sending')
            .execute();
        }
      }
    },

    async record(results, worker, at) {
      if (results.length === 0) return 0;
      let held = 0;
      await db.transaction().execute(async (trx) => {
        const held$ = (k: MessageKeyParts) =>
          trx
            .updateTable('campaign_messages')
            .where('campaign_id', '=', k.campaignId)
            .where('recipient_no', '=', k.recipientNo)
            .where('channel', '=', k.channel)
            .where('worker', '=', worker)
            .where('state', '=', 'sending');
        // The common case, sent with no provider id: one statement per (campaign, channel).
        const plain = results.filter(
          (r): r is Extract<MessageResult, { kind: 'sent' }> =>
            r.kind === 'sent' && r.providerId === null && !r.uncertain && r.detail === null,
        );
        for (const g of groupKeys(plain.map((r) => r.key))) {
          for (const part of chunks(g.nos, CHUNK)) {
            const r = await trx
              .updateTable('campaign_messages')
              .set({ state: 'sent', phase: null, lease_until: null, sent_at: at, done_at: at, last_error: null })
              .where('campaign_id', '=', g.campaignId)
              .where('channel', '=', g.channel)
              .where('recipient_no', 'in', part)
              .where('worker', '=', worker)
              .where('state', '=', 'sending')
              .returning('recipient_no')
              .execute();
            held += r.length;
            await markReached(
              trx,
              g.campaignId,
              r.map((x) => Number(x.recipient_no)),
            );
          }
        }
        const done = new Set<MessageResult>(plain);
        for (const result of results) {
          if (done.has(result)) continue;
          const k = result.key;
          if (result.kind === 'sent') {
            const r = await held$(k)
              .set({
                state: 'sent',
                phase: null,
                lease_until: null,
                sent_at: at,
                done_at: at,
                provider_id: result.providerId,
                uncertain: result.uncertain ? 1 : 0,
                last_error: result.detail,
              })
              .executeTakeFirst();
            if (Number(r.numUpdatedRows) === 0) continue;
            held++;
            await markReached(trx, k.campaignId, [k.recipientNo]);
          } else if (result.kind === 'queued') {
            const r = await held$(k)
              .set({
                state: 'queued',
                phase: null,
                lease_until: null,
                worker: null,
                next_attempt_at: result.nextAttemptAt,
                last_error: result.detail,
              })
              .executeTakeFirst();
            held += Number(r.numUpdatedRows);
          } else {
            const r = await held$(k)
              .set({ state: result.kind, phase: null, lease_until: null, done_at: at, last_error: result.detail })
              .executeTakeFirst();
            if (Number(r.numUpdatedRows) === 0) continue;
            held++;
            await queueFallback(trx, k, result.fallback, result.detail, at);
          }
        }
      });
      return held;
    },

    async recover(now) {
      return db.transaction().execute(async (trx) => {
        const requeued = await trx
          .updateTable('campaign_messages')
          .set({ state: 'queued', phase: null, lease_until: null, worker: null, last_error: 'worker stopped before sending' })
          .where('state', '=', 'sending')
          .where('phase', '=', 'claimed')
          .where('lease_until', '<', now)
          .executeTakeFirst();
        const uncertain = await trx
          .updateTable('campaign_messages')
          .set({
            state: 'sent',
            phase: null,
            lease_until: null,
            uncertain: 1,
            sent_at: now,
            done_at: now,
            last_error: 'worker stopped after handing the message over, before the answer',
          })
          .where('state', '=', 'sending')
          .where('phase', '=', 'released')
          .where('lease_until', '<', now)
          .returning(['campaign_id', 'recipient_no'])
          .execute();
        const byCampaign = new Map<string, number[]>();
        for (const r of uncertain) byCampaign.set(r.campaign_id, [...(byCampaign.get(r.campaign_id) ?? []), Number(r.recipient_no)]);
        for (const [id, nos] of byCampaign) await markReached(trx, id, nos);
        return { requeued: Number(requeued.numUpdatedRows), uncertain: uncertain.length };
      });
    },

    async recipients(campaignId, recipientNos) {
      const out: StoredRecipient[] = [];
      for (const part of chunks(recipientNos, CHUNK)) {
        const rows = await db
          .selectFrom('campaign_recipients')
          .select(['recipient_no', 'sealed', 'channels', 'locale'])
          .where('campaign_id', '=', campaignId)
          .where('recipient_no', 'in', part)
          .execute();
        for (const r of rows) out.push({ recipientNo: Number(r.recipient_no), sealed: r.sealed, channels: r.channels, locale: r.locale });
      }
      return out;
    },

    async completeFinished() {
      const running = await db.selectFrom('campaigns').select('id').where('state', '=', 'running').execute();
      const done: string[] = [];
      for (const { id } of running) {
        const open = await db
          .selectFrom('campaign_messages')
          .select('recipient_no')
          .where('campaign_id', '=', id)
          .where('state', 'in', ['queued', 'sending'])
          .limit(1)
          .executeTakeFirst();
        if (open) continue;
        const r = await db
          .updateTable('campaigns')
          .set({ state: 'completed', revision: sql<number>`revision + 1` })
          .where('id', '=', id)
          .where('state', '=', 'running')
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('campaign_messages')
                  .select('recipient_no')
                  .where('campaign_id', '=', id)
                  .where('state', 'in', ['queued', 'sending']),
              ),
            ),
          )
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) > 0) done.push(id);
      }
      return done;
    },

    async cancelQueued(campaignId, at) {
      const r = await db
        .updateTable('campaign_messages')
        .set({ state: 'cancelled', done_at: at, last_error: 'campaign cancelled' })
        .where('campaign_id', '=', campaignId)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async purgeDue(now) {
      const due = await db
        .selectFrom('campaigns')
        .select('id')
        .where('state', 'in', ['closed', 'cancelled'])
        .where('purge_after', '<=', now)
        .execute();
      const purged: string[] = [];
      for (const { id } of due) {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('campaign_recipients').where('campaign_id', '=', id).execute();
          const r = await trx
            .updateTable('campaigns')
            .set({ state: 'purged', data_key_wrapped: null, purged_at: now, revision: sql<number>`revision + 1` })
            .where('id', '=', id)
            .where('state', 'in', ['closed', 'cancelled'])
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) > 0) purged.push(id);
        });
      }
      return purged;
    },

    async stats(campaignId, now) {
      const recipients: Record<RecipientState, number> = { pending: 0, reached: 0, unreachable: 0 };
      for (const r of await db
        .selectFrom('campaign_recipients')
        .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .groupBy('state')
        .execute()) {
        recipients[r.state as RecipientState] = Number(r.n);
      }
      const messages: Record<Channel, Record<MessageState, number>> = { email: emptyStates(), sms: emptyStates(), letter: emptyStates() };
      for (const r of await db
        .selectFrom('campaign_messages')
        .select(['channel', 'state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .groupBy(['channel', 'state'])
        .execute()) {
        messages[r.channel as Channel][r.state as MessageState] = Number(r.n);
      }
      const uncertain = await db
        .selectFrom('campaign_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('uncertain', '=', 1)
        .executeTakeFirstOrThrow();
      const since = new Date(Date.parse(now) - 60_000).toISOString();
      const lastMinute: Record<Channel, number> = { email: 0, sms: 0, letter: 0 };
      for (const r of await db
        .selectFrom('campaign_messages')
        .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .where('sent_at', '>=', since)
        .groupBy('channel')
        .execute()) {
        lastMinute[r.channel as Channel] = Number(r.n);
      }
      const failures = await db
        .selectFrom('campaign_messages')
        .select(['channel', 'state', 'last_error', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .where('state', 'in', ['bounced', 'failed'])
        .groupBy(['channel', 'state', 'last_error'])
        .orderBy('n', 'desc')
        .limit(20)
        .execute();
      return {
        recipients,
        messages,
        uncertain: Number(uncertain.n),
        lastMinute,
        failures: failures.map((f) => ({
          channel: f.channel as Channel,
          state: f.state as MessageState,
          detail: f.last_error ?? '',
          count: Number(f.n),
        })),
      };
    },

    settleMessage: (key, status, detail, at, fallback) => settle(key, status, detail, at, fallback),

    async deliveryReport(channel, providerId, status, detail, at, fallback) {
      const row = await db
        .selectFrom('campaign_messages')
        .select(['campaign_id', 'recipient_no'])
        .where('channel', '=', channel)
        .where('provider_id', '=', providerId)
        .executeTakeFirst();
      if (!row) return false;
      return settle({ campaignId: row.campaign_id, recipientNo: Number(row.recipient_no), channel }, status, detail, at, fallback);
    },
  };

  /** sent → delivered, or sent (or delivered: a late bounce) → failed/bounced with the next channel queued. */
  async function settle(
    key: MessageKeyParts,
    status: 'delivered' | 'failed' | 'bounced',
    detail: string,
    at: string,
    fallback: (channels: readonly Channel[], current: Channel) => Channel | null,
  ): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const channel = key.channel;
      const r = await trx
        .updateTable('campaign_messages')
        .set({ state: status, done_at: at, last_error: status === 'delivered' ? null : detail })
        .where('campaign_id', '=', key.campaignId)
        .where('recipient_no', '=', key.recipientNo)
        .where('channel', '=', channel)
        .where('state', 'in', status === 'delivered' ? ['sent'] : ['sent', 'delivered'])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      if (status !== 'delivered') {
        const recipient = await trx
          .selectFrom('campaign_recipients')
          .select('channels')
          .where('campaign_id', '=', key.campaignId)
          .where('recipient_no', '=', key.recipientNo)
          .executeTakeFirst();
        await trx
          .updateTable('campaign_recipients')
          .set({ state: 'pending' })
          .where('campaign_id', '=', key.campaignId)
          .where('recipient_no', '=', key.recipientNo)
          .execute();
        const channels = (recipient?.channels ?? '').split(',').filter((c) => c !== '') as Channel[];
        const next = fallback(channels, channel);
        await queueFallback(trx, key, next, detail, at);
        // A late bounce reopens a completed campaign for the next channel; a closed one stays closed.
        if (next !== null) {
          await trx
            .updateTable('campaigns')
            .set({ state: 'running', revision: sql<number>`revision + 1` })
            .where('id', '=', key.campaignId)
            .where('state', '=', 'completed')
            .execute();
        }
      }
      return true;
    });
  }
}
