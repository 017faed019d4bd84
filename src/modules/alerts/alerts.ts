import { parseEmail } from '../identifiers/index.js';
import { AppError, validationError, type FieldIssue } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import { isoInstant } from '../../platform/clock.js';
import type { Locale } from '../../platform/locale.js';
import { isLocale } from '../../platform/locale.js';
import type { Logger } from '../../platform/logger.js';
import { alertMail, confirmationMail, renewalMail } from './alert-messages.js';
import type { AlertsStatus, AlertsStore, ClaimedMessage, OutboxMessage, Watch } from './alerts.store.js';
import { afterFailure, MAX_ATTEMPTS, SEND_LEASE_MS } from './delivery-policy.js';

/** At most this many identifiers per subscription: the five look-up fields, with room for phone variants. */
export const MAX_WATCHES = 8;
/** A subscription nobody confirms is deleted after this. */
export const PENDING_TTL_HOURS = 48;
/**
 * At most one confirmation email per address in this time: a second request refreshes the pending one. So
 * the form cannot be used to flood a stranger's mailbox, whatever addresses the requests come from.
 */
export const CONFIRMATION_RESEND_HOURS = 24;
/** Failed messages stay in the report this long after their subscription is gone. */
export const FAILED_REPORT_DAYS = 30;

/** Seals the subscriber's address at rest (AES-256-GCM in src/adapters/alert-crypto.ts). */
export interface AddressSealer {
  readonly keyId: string;
  seal(plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  /** Null when the sealed bytes are not authentic under this key. */
  open(sealed: Uint8Array, aad: Uint8Array): Uint8Array | null;
  /** A keyed hash of the canonical address: equal for equal addresses, and useless without the key. */
  addressKey(canonicalAddress: string): string;
}

export type TokenPurpose = 'confirm' | 'unsubscribe';

/** Tokens in links: a MAC over the subscription id the server recomputes, so no token is ever stored. */
export interface LinkTokens {
  make(subscriptionId: string, purpose: TokenPurpose): string;
  /** The subscription id, or null when the token is not one we made for this purpose. */
  verify(token: string, purpose: TokenPurpose): string | null;
}

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What the SMTP adapter throws: `permanent` when the server refused for good (5xx), else a retry may work. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The server's reply code and text, or the network error code: never the address. */
    readonly detail: string,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface AlertLinksBuilder {
  confirm(token: string, locale: Locale): string;
  unsubscribe(token: string, locale: Locale): string;
  /** The one-click (RFC 8058) POST target for List-Unsubscribe. */
  unsubscribeOneClick(token: string): string;
  check(locale: Locale): string;
}

export interface SubscribeInput {
  readonly email: unknown;
  readonly locale: unknown;
  readonly watches: readonly { readonly epoch: number; readonly bucketHash: number; readonly tag: Uint8Array }[];
}

export interface DeliveryReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  /** Messages dropped because the person unsubscribed meanwhile. */
  readonly dropped: number;
}

export interface Alerts {
  /** Records a pending subscription and queues the confirmation email. */
  subscribe(input: SubscribeInput): Promise<void>;
  /** 'confirmed', or 'already' when the link was used before. Throws ALERT_TOKEN_INVALID for a bad or expired link. */
  confirm(token: string): Promise<'confirmed' | 'already'>;
  /** Deletes everything about the subscriber; 'gone' when there was nothing left to delete. */
  unsubscribe(token: string): Promise<'deleted' | 'gone'>;
  /**
   * Deletes expired pending subscriptions, matches completed ingest runs against the watches, and asks
   * subscribers whose watches belong to a retired key epoch to subscribe again.
   */
  scan(): Promise<{ expired: number; runs: number; queued: number; renewals: number }>;
  /** Sends what is due, at most `limit` messages. */
  deliver(limit?: number): Promise<DeliveryReport>;
  status(): Promise<AlertsStatus>;
}

export interface AlertsDeps {
  readonly store: AlertsStore;
  readonly sealer: AddressSealer;
  readonly tokens: LinkTokens;
  readonly mailer: Mailer;
  readonly links: AlertLinksBuilder;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly logger: Logger;
  /** The epoch whose index entries watches must come from (the one the look-up serves). */
  readonly activeEpoch: () => number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const aadOf = (subscriptionId: string) => encoder.encode(`breachdesk/alert-subscription/v1/${subscriptionId}`);

export function createAlerts(deps: AlertsDeps): Alerts {
  const { store, sealer, tokens, mailer, links, clock, newId, logger } = deps;
  const now = () => isoInstant(clock.now());

  const compose = (message: OutboxMessage, to: string, locale: Locale, requestedOn: string): OutgoingMail => {
    const unsubscribeToken = tokens.make(message.subscriptionId, 'unsubscribe');
    const headers = {
      // RFC 2369 and RFC 8058: mail clients offer one-click unsubscribe from these.
      'List-Unsubscribe': `<${links.unsubscribeOneClick(unsubscribeToken)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    };
    if (message.kind === 'confirm') {
      const text = confirmationMail(
        locale,
        links.confirm(tokens.make(message.subscriptionId, 'confirm'), locale),
        PENDING_TTL_HOURS,
        requestedOn,
      );
      // A confirmation is not a list message: no unsubscribe header, ignoring it is enough.
      return { to, ...text, headers: { 'Auto-Submitted': 'auto-generated' } };
    }
    if (message.kind === 'renew') {
      // The subscription is deleted once this is sent: there is nothing left to unsubscribe from.
      return { to, ...renewalMail(locale, links.check(locale)), headers: { 'Auto-Submitted': 'auto-generated' } };
    }
    const text = alertMail(locale, { check: links.check(locale), unsubscribe: links.unsubscribe(unsubscribeToken, locale) });
    return { to, ...text, headers };
  };

  /** A final failure: recorded, and for a renewal request the subscription goes too, as its email promised. */
  const giveUp = async (claimed: ClaimedMessage, message: OutboxMessage, error: string): Promise<boolean> =>
    message.kind === 'renew' ? store.endRenewal(claimed, message.subscriptionId, now(), error) : store.markFailed(claimed, error);

  const deliverOne = async (message: OutboxMessage): Promise<keyof DeliveryReport | null> => {
    const at = clock.now();
    if (!(await store.claim(message, isoInstant(at), isoInstant(new Date(at.getTime() + SEND_LEASE_MS))))) return null;
    const attempts = message.attempts + 1;
    const claimed: ClaimedMessage = { id: message.id, attempts };
    if (message.state === 'sending' && message.attempts >= MAX_ATTEMPTS) {
      // Its sender stopped mid-send every time (a crash, a kill): reported, not tried for ever.
      await giveUp(claimed, message, `INTERRUPTED: the sending process stopped during ${message.attempts} attempts`);
      logger.error({ message: message.id, kind: message.kind, attempts: message.attempts }, 'alert email interrupted too often; given up');
      return 'failed';
    }
    const sub = await store.getSubscription(message.subscriptionId);
    if (!sub) {
      await store.deleteMessage(message.id);
      return 'dropped';
    }
    const opened = sealer.keyId === sub.keyId ? sealer.open(sub.emailSealed, aadOf(sub.id)) : null;
    if (!opened) {
      // Not retried: no later attempt can open it either. Reported like any other failure.
      await giveUp(claimed, message, 'ADDRESS_UNREADABLE: sealed under another alerts key');
      logger.error({ message: message.id, kind: message.kind, keyId: sub.keyId }, 'alert address cannot be opened with the alerts key');
      return 'failed';
    }
    const mail = compose(message, decoder.decode(opened), isLocale(sub.locale) ? sub.locale : 'en', sub.createdAt.slice(0, 10));
    opened.fill(0);
    try {
      await mailer.send(mail);
    } catch (error) {
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const detail = error instanceof MailDeliveryError ? error.detail : error instanceof Error ? error.name : 'unknown error';
      const outcome = afterFailure(attempts, permanent);
      if (outcome.retry) {
        if (!(await store.reschedule(claimed, isoInstant(new Date(clock.now().getTime() + outcome.delayMs)), detail)))
          return lostClaim(message);
        logger.warn(
          { message: message.id, kind: message.kind, attempts, detail, retryInMs: outcome.delayMs },
          'alert email not sent; will retry',
        );
        return 'retried';
      }
      if (!(await giveUp(claimed, message, detail))) return lostClaim(message);
      logger.error({ message: message.id, kind: message.kind, attempts, detail, permanent }, 'alert email failed; given up');
      return 'failed';
    }
    if (message.kind === 'renew') {
      if (!(await store.endRenewal(claimed, message.subscriptionId, now(), null))) return lostClaim(message);
      logger.info({ subscription: message.subscriptionId }, 'alert subscription deleted after a key rotation; renewal sent');
    } else if (!(await store.markSent(claimed, now()))) {
      return lostClaim(message);
    }
    logger.info({ message: message.id, kind: message.kind, attempts }, 'alert email sent');
    return 'sent';
  };

  /**
   * The send outlived its lease and another sender has taken the message over: its outcome is theirs to
   * record. Rare (the SMTP timeouts are shorter than the lease), and logged, since the person may get it twice.
   */
  const lostClaim = (message: OutboxMessage): null => {
    logger.warn({ message: message.id, kind: message.kind }, 'alert email send outlived its lease; another sender took it over');
    return null;
  };

  return {
    async subscribe(input) {
      const issues: FieldIssue[] = [];
      const email = parseEmail(typeof input.email === 'string' ? input.email : '');
      if (!email.ok) issues.push({ path: 'email', message: `not a usable email address (${email.reason})` });
      if (!isLocale(input.locale)) issues.push({ path: 'locale', message: 'must be one of en, fr, sv' });
      if (input.watches.length === 0) issues.push({ path: 'watches', message: 'choose at least one detail to watch' });
      if (input.watches.length > MAX_WATCHES) issues.push({ path: 'watches', message: `at most ${MAX_WATCHES} details` });
      const epoch = deps.activeEpoch();
      input.watches.forEach((w, i) => {
        if (w.epoch !== epoch)
          issues.push({ path: `watches.${i}.epoch`, message: `was computed under key epoch ${w.epoch}; the index now uses ${epoch}` });
        if (w.tag.length !== 16) issues.push({ path: `watches.${i}.tag`, message: 'must be 16 bytes' });
        if (!Number.isInteger(w.bucketHash) || w.bucketHash < 0 || w.bucketHash > 0x7fffffff)
          issues.push({ path: `watches.${i}.bucketHash`, message: 'must be a 31-bit integer' });
      });
      if (issues.length > 0 || !email.ok || !isLocale(input.locale)) throw validationError(issues, 'alert subscription');

      const id = newId();
      const created = clock.now();
      const sealed = sealer.seal(encoder.encode(email.canonical), aadOf(id));
      const watches: Watch[] = input.watches.map((w) => ({ epoch: w.epoch, bucketHash: w.bucketHash, tag: w.tag }));
      const outcome = await store.createSubscription(
        {
          id,
          emailSealed: sealed,
          keyId: sealer.keyId,
          locale: input.locale,
          createdAt: isoInstant(created),
          expiresAt: isoInstant(new Date(created.getTime() + PENDING_TTL_HOURS * 3_600_000)),
          addressKey: sealer.addressKey(email.canonical),
        },
        watches,
        newId,
        { resendAfter: isoInstant(new Date(created.getTime() - CONFIRMATION_RESEND_HOURS * 3_600_000)) },
      );
      // The answer is the same either way, so it never tells a stranger whether an address asked before.
      if (outcome === 'created') logger.info({ subscription: id, watches: watches.length }, 'alert subscription pending confirmation');
      else logger.info({ watches: watches.length }, 'alert subscription refreshed; its confirmation was sent less than a day ago');
    },

    async confirm(token) {
      const id = tokens.verify(token, 'confirm');
      const sub = id ? await store.getSubscription(id) : undefined;
      if (!id || !sub || (sub.state === 'pending' && sub.expiresAt !== null && sub.expiresAt < now())) {
        throw new AppError('ALERT_TOKEN_INVALID', 'This confirmation link is not valid or has expired');
      }
      if (sub.state === 'active') return 'already';
      const activated = await store.activate(id, now());
      if (activated) logger.info({ subscription: id }, 'alert subscription confirmed');
      return activated ? 'confirmed' : 'already';
    },

    async unsubscribe(token) {
      const id = tokens.verify(token, 'unsubscribe');
      if (!id) throw new AppError('ALERT_TOKEN_INVALID', 'This unsubscribe link is not valid');
      const deleted = await store.deleteSubscription(id);
      if (deleted) logger.info({ subscription: id }, 'alert subscription deleted');
      return deleted ? 'deleted' : 'gone';
    },

    async scan() {
      const at = clock.now();
      const expired = await store.expirePending(isoInstant(at), isoInstant(new Date(at.getTime() - FAILED_REPORT_DAYS * 86_400_000)));
      let runs = 0;
      let queued = 0;
      for (;;) {
        const batch = await store.unscannedRuns(100);
        if (batch.length === 0) break;
        for (const run of batch) {
          const n = await store.scanRun(run, now(), newId);
          runs += 1;
          queued += n;
          if (n > 0) logger.info({ run: run.id, breach: run.breachSlug, queued: n }, 'alerts queued for a new breach');
        }
        if (batch.length < 100) break;
      }
      // No epoch is served yet (0): there is nothing to renew towards, and every watch would look stale.
      const epoch = deps.activeEpoch();
      const renewals = epoch > 0 ? await store.queueRenewals(epoch, now(), newId) : 0;
      if (renewals > 0) logger.info({ renewals, epoch }, 'alert subscriptions from a retired key epoch asked to renew');
      return { expired, runs, queued, renewals };
    },

    async deliver(limit = 500) {
      const report = { sent: 0, retried: 0, failed: 0, dropped: 0 };
      const due = await store.due(now(), limit);
      for (const message of due) {
        const outcome = await deliverOne(message);
        if (outcome) report[outcome] += 1;
      }
      return report;
    },

    status: () => store.status(),
  };
}
