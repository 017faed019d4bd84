import { isoInstant, type Clock } from '../../platform/clock.js';
import type { Locale } from '../../platform/locale.js';
import type { Channel } from './campaign.js';
import type { CampaignKeys, RecipientRecord, RecipientSealer, StoredCampaignConfig } from './campaigns.js';
import type { CampaignsStore, ClaimedMessage, MessageKeyParts, MessageResult } from './campaigns.store.js';
import { DEFAULT_RETRY_POLICY, messageKey, nextChannel, parseChannels, transition, type RetryPolicy, type SendOutcome } from './outbox.js';
import { exposedList, planLink, renderMessage } from './templates.js';

/** One person's message, ready for a channel. The only place the contact details exist in clear. */
export interface OutgoingMessage {
  readonly key: MessageKeyParts;
  /** Stable across attempts (the e-mail Message-ID, the SMS reference, the letter reference). */
  readonly messageId: string;
  readonly locale: Locale;
  readonly subject: string;
  readonly body: string;
  readonly recipient: RecipientRecord;
  /** Who the letter comes from (letters only). */
  readonly sender: { readonly name: string; readonly lines: readonly string[]; readonly country: string } | null;
}

/**
 * A channel. `send` answers one outcome per message, in order. Before the moment message i could reach
 * the server or provider (the e-mail's final dot, the SMS request, the letter file), it awaits
 * `handOver(i)`, which records that in the outbox; when handOver rejects, the message must not be sent
 * (another worker took it over) and its outcome is ignored.
 */
export interface ChannelSender {
  readonly channel: Channel;
  send(batch: readonly OutgoingMessage[], handOver: (index: number) => Promise<void>): Promise<SendOutcome[]>;
  close?(): Promise<void>;
}

export interface CampaignWorkerDeps {
  readonly store: CampaignsStore;
  /** The keys; undefined only if the contacts key file disappeared, which stops the worker's rounds with an error. */
  readonly keys: () => Promise<Pick<CampaignKeys, 'unwrap'> | undefined>;
  readonly senders: readonly ChannelSender[];
  readonly clock: Clock;
  /** Unique per process (host, pid, start time): names the lease holder. */
  readonly workerId: string;
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  /** Messages claimed at once per loop. */
  readonly batchSize?: number;
  /** Loops per channel: while one records its results and claims, the other sends. */
  readonly loopsPerChannel?: number;
  readonly leaseMs?: number;
  readonly idleMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Called after each recorded batch, for progress output. */
  readonly onBatch?: (channel: Channel, results: readonly MessageResult[]) => void;
}

interface CampaignEntry {
  readonly config: StoredCampaignConfig;
  readonly sealer: RecipientSealer;
  readonly loadedAt: number;
}

const CONFIG_TTL_MS = 10_000;

/** A token bucket: `take(n)` resolves once n tokens are there; rate 0 means no limit. */
function createBucket(rate: () => number, now: () => number) {
  let tokens = 0;
  let last = now();
  return async (n: number): Promise<void> => {
    for (;;) {
      const r = rate();
      if (r <= 0) return;
      const t = now();
      tokens = Math.min(Math.max(r, n), tokens + ((t - last) / 1000) * r);
      last = t;
      if (tokens >= n) {
        tokens -= n;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(5, Math.ceil(((n - tokens) / r) * 1000))));
    }
  };
}

/**
 * The campaign worker (issue 7): claims due messages of running campaigns, opens each person's sealed
 * contact, renders their message, hands it to the channel and records the outcome. Any number of workers
 * may run against PostgreSQL (claims skip locked rows), one against SQLite. A worker killed at any moment
 * loses nothing and sends nothing twice: a message whose lease runs out goes back to the queue if nothing
 * of it could have reached the server ('claimed'), and counts as sent, marked uncertain, if it could
 * ('released'); the hand-over is recorded (group commit) before the step that lets the server accept.
 */
export function createCampaignWorker(deps: CampaignWorkerDeps) {
  const { store, clock, workerId } = deps;
  const random = deps.random ?? Math.random;
  const retry = deps.retry ?? DEFAULT_RETRY_POLICY;
  const batchSize = deps.batchSize ?? 200;
  const leaseMs = deps.leaseMs ?? 120_000;
  const idleMs = deps.idleMs ?? 500;
  const loops = deps.loopsPerChannel ?? 2;
  const campaigns = new Map<string, CampaignEntry>();
  const buckets = new Map<string, (n: number) => Promise<void>>();
  let running = false;
  let stopping: Promise<void> | null = null;
  let lastRecovery = 0;
  let claims = 0;

  const campaign = async (id: string): Promise<CampaignEntry | null> => {
    const cached = campaigns.get(id);
    const t = clock.now().getTime();
    if (cached && t - cached.loadedAt < CONFIG_TTL_MS) return cached;
    const row = await store.getCampaignById(id);
    if (!row?.data_key_wrapped) return null;
    const keys = await deps.keys();
    if (!keys) throw new Error('the contacts key file is gone: campaign recipients cannot be opened');
    const entry = {
      config: JSON.parse(row.config) as StoredCampaignConfig,
      sealer: keys.unwrap(id, row.data_key_wrapped),
      loadedAt: t,
    };
    campaigns.set(id, entry);
    return entry;
  };

  const bucketFor = (campaignId: string, channel: Channel) => {
    const id = `${campaignId}/${channel}`;
    let b = buckets.get(id);
    if (!b) {
      b = createBucket(
        () => campaigns.get(campaignId)?.config.rates[channel] ?? 0,
        () => clock.now().getTime(),
      );
      buckets.set(id, b);
    }
    return b;
  };

  /**
   * Group commit of hand-overs: every key asked for in one turn of the event loop, one transaction per claim
   * token. A key is released only while its claim still holds it.
   */
  const createReleaser = () => {
    let pending: { key: MessageKeyParts; token: string; resolve: () => void; reject: (e: Error) => void }[] = [];
    let scheduled = false;
    const flushToken = async (token: string, group: typeof pending) => {
      try {
        const held = await store.release(
          group.map((p) => p.key),
          token,
        );
        const ok = new Set(held.map((k) => `${k.campaignId}.${k.recipientNo}.${k.channel}`));
        for (const p of group) {
          if (ok.has(`${p.key.campaignId}.${p.key.recipientNo}.${p.key.channel}`)) p.resolve();
          else p.reject(new Error('lease lost: another claim took this message over'));
        }
      } catch (error) {
        for (const p of group) p.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const flush = async () => {
      scheduled = false;
      const all = pending;
      pending = [];
      const byToken = new Map<string, typeof pending>();
      for (const p of all) {
        const list = byToken.get(p.token);
        if (list) list.push(p);
        else byToken.set(p.token, [p]);
      }
      await Promise.all([...byToken].map(([token, group]) => flushToken(token, group)));
    };
    return (key: MessageKeyParts, token: string) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ key, token, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
  };
  const release = createReleaser();

  const prepare = async (claimed: readonly ClaimedMessage[]) => {
    const ready: { claimed: ClaimedMessage; message: OutgoingMessage; channels: Channel[] }[] = [];
    const results: MessageResult[] = [];
    const byCampaign = new Map<string, ClaimedMessage[]>();
    for (const c of claimed) {
      const group = byCampaign.get(c.campaignId);
      if (group) group.push(c);
      else byCampaign.set(c.campaignId, [c]);
    }
    const decoder = new TextDecoder();
    for (const [campaignId, group] of byCampaign) {
      const entry = await campaign(campaignId);
      const rows = new Map(
        (
          await store.recipients(
            campaignId,
            group.map((c) => c.recipientNo),
          )
        ).map((r) => [r.recipientNo, r]),
      );
      for (const c of group) {
        const row = rows.get(c.recipientNo);
        if (!entry || !row || row.sealed.length === 0) {
          // The campaign was purged or the row is gone: nothing to send it with, reported as failed.
          results.push({ kind: 'failed', key: c, detail: 'recipient-unavailable', fallback: null });
          continue;
        }
        let recipient: RecipientRecord;
        try {
          recipient = JSON.parse(decoder.decode(entry.sealer.open(row.sealed, `${campaignId}:${c.recipientNo}`))) as RecipientRecord;
        } catch {
          results.push({ kind: 'failed', key: c, detail: 'recipient-unreadable', fallback: null });
          continue;
        }
        const { config } = entry;
        const facts = config.facts;
        const locale = row.locale as Locale;
        const id = messageKey(campaignId, c.recipientNo, c.channel);
        const rendered = renderMessage(config, c.channel, locale, {
          organisation: facts.organisation,
          exposed: exposedList(recipient.classes, locale),
          planLink: planLink(facts.planBaseUrl, locale, facts.breachSlug, recipient.classes),
          reference: id,
          contact: facts.contact,
        });
        ready.push({
          claimed: c,
          channels: parseChannels(row.channels),
          message: {
            key: c,
            messageId: id,
            locale: rendered.locale,
            subject: rendered.subject,
            body: rendered.body,
            recipient,
            sender: config.letterSender ? { ...config.letterSender, country: config.senderCountry } : null,
          },
        });
      }
    }
    return { ready, results };
  };

  const toResult = (c: ClaimedMessage, channels: readonly Channel[], outcome: SendOutcome, now: number): MessageResult => {
    const t = transition(outcome, { attempts: c.attempts, queuedAt: Date.parse(c.queuedAt) }, now, retry, random());
    switch (t.state) {
      case 'sent':
        return { kind: 'sent', key: c, providerId: t.providerId, uncertain: t.uncertain, detail: t.detail };
      case 'queued':
        return { kind: 'queued', key: c, nextAttemptAt: isoInstant(new Date(t.nextAttemptAt)), detail: t.detail };
      case 'bounced':
      case 'failed':
        return { kind: t.state, key: c, detail: t.detail, fallback: nextChannel(channels, c.channel) };
    }
  };

  /** One claim-send-record round on one channel. Returns how many messages it handled. */
  const runOnce = async (sender: ChannelSender): Promise<number> => {
    const now = clock.now();
    if (now.getTime() - lastRecovery > leaseMs / 4) {
      lastRecovery = now.getTime();
      await store.recover(isoInstant(now));
    }
    // Each claim has its own token (the lease holder): if a lease runs out while this round is still
    // working — a stalled process — and the messages are claimed again, even by a sibling loop of this
    // worker, this round can no longer release or record them, so they are never sent twice.
    const token = `${workerId}/${++claims}`;
    const claimed = await store.claim(sender.channel, batchSize, isoInstant(now), isoInstant(new Date(now.getTime() + leaseMs)), token);
    if (claimed.length === 0) return 0;
    // While the round runs, its lease is renewed, so a slow batch is not taken over by mistake.
    const heartbeat = setInterval(
      () => {
        store
          .extendLease(claimed, token, isoInstant(new Date(clock.now().getTime() + leaseMs)))
          .catch((error: unknown) => deps.onError?.(error));
      },
      Math.max(250, Math.floor(leaseMs / 3)),
    );
    try {
      return await sendClaimed(sender, claimed, token);
    } finally {
      clearInterval(heartbeat);
    }
  };

  const sendClaimed = async (sender: ChannelSender, claimed: readonly ClaimedMessage[], token: string): Promise<number> => {
    const { ready, results } = await prepare(claimed);

    // Rate limits are per campaign and channel: send in slices of a tenth of a second's worth.
    const slices: (typeof ready)[] = [];
    for (const campaignId of new Set(ready.map((r) => r.claimed.campaignId))) {
      const group = ready.filter((r) => r.claimed.campaignId === campaignId);
      const rate = campaigns.get(campaignId)?.config.rates[sender.channel] ?? 0;
      const size = rate > 0 ? Math.max(1, Math.floor(rate / 10)) : group.length;
      for (let i = 0; i < group.length; i += size) slices.push(group.slice(i, i + size));
    }
    for (const slice of slices) {
      await bucketFor(slice[0]!.claimed.campaignId, sender.channel)(slice.length);
      const lost = new Set<number>();
      const outcomes = await sender.send(
        slice.map((r) => r.message),
        (i) =>
          release(slice[i]!.claimed, token).catch((error: unknown) => {
            lost.add(i);
            throw error;
          }),
      );
      const at = clock.now().getTime();
      slice.forEach((r, i) => {
        if (lost.has(i)) return;
        results.push(toResult(r.claimed, r.channels, outcomes[i] ?? { kind: 'retry', detail: 'no outcome' }, at));
      });
    }
    await store.record(results, token, isoInstant(clock.now()));
    deps.onBatch?.(sender.channel, results);
    return claimed.length;
  };

  const loop = async (sender: ChannelSender) => {
    while (running) {
      try {
        const n = await runOnce(sender);
        if (n === 0) {
          await store.completeFinished();
          await new Promise((resolve) => setTimeout(resolve, idleMs));
        }
      } catch (error) {
        deps.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, idleMs));
      }
    }
  };

  return {
    runOnce,
    /** Runs until stop(): `loopsPerChannel` loops for each channel. */
    start(): void {
      if (running) return;
      running = true;
      const all = deps.senders.flatMap((s) => Array.from({ length: loops }, () => loop(s)));
      stopping = Promise.all(all).then(() => undefined);
    },
    /** Stops claiming, lets the batches in flight finish and record, then returns. */
    async stop(): Promise<void> {
      running = false;
      await stopping;
      for (const s of deps.senders) await s.close?.();
    },
    /** Sends until nothing is due on any channel (for the command line and tests). */
    async drain(): Promise<number> {
      let total = 0;
      for (;;) {
        let round = 0;
        for (const s of deps.senders) round += await runOnce(s);
        total += round;
        if (round === 0) {
          await store.completeFinished();
          return total;
        }
      }
    },
  };
}

export type CampaignWorker = ReturnType<typeof createCampaignWorker>;
