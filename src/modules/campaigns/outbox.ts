import type { Channel } from './campaign.js';

/**
 * The outbox rules, pure: what a channel's answer does to a message, when to try again, which channel
 * comes next. Every message ends in exactly one of sent/delivered, bounced or failed (then the next
 * channel is tried), or cancelled; none is dropped. ADR 0014.
 */

export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'cancelled'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** While sending: nothing that the server could accept has left ('claimed'), or it may have ('released'). */
export const SENDING_PHASES = ['claimed', 'released'] as const;
export type SendingPhase = (typeof SENDING_PHASES)[number];

export const RECIPIENT_STATES = ['pending', 'reached', 'unreachable'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** What a channel answered for one message. `detail` is a code or a status line: never an address or a text. */
export type SendOutcome =
  /** Accepted by the server or provider. `uncertain`: it counts as sent, but its answer was never seen. */
  | { readonly kind: 'sent'; readonly providerId?: string; readonly uncertain?: boolean; readonly detail?: string }
  /** Refused for this person on this channel for good (e.g. SMTP 550 unknown mailbox): the next channel. */
  | { readonly kind: 'bounced'; readonly detail: string }
  /** Not sent, may work later (4xx, connection refused, 429): the same channel again, later. */
  | { readonly kind: 'retry'; readonly detail: string; readonly retryAfterMs?: number }
  /** Cannot be sent on this channel (e.g. an address no letter format accepts): the next channel. */
  | { readonly kind: 'failed'; readonly detail: string };

export interface RetryPolicy {
  /** Stop retrying a channel once this long has passed since the message was queued. */
  readonly retryHours: number;
  /** First delay; doubles each attempt up to maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retryHours: 24, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

export type Transition =
  | { readonly state: 'sent'; readonly providerId: string | null; readonly uncertain: boolean; readonly detail: string | null }
  | { readonly state: 'queued'; readonly nextAttemptAt: number; readonly detail: string }
  | { readonly state: 'bounced' | 'failed'; readonly detail: string; readonly fallback: true };

/**
 * The next state of a message after an outcome. `attempts` counts this one; `jitter` in [0, 1) spreads
 * retries so that a server coming back is not hit by every message at once.
 */
export function transition(
  outcome: SendOutcome,
  message: { readonly attempts: number; readonly queuedAt: number },
  now: number,
  policy: RetryPolicy,
  jitter: number,
): Transition {
  switch (outcome.kind) {
    case 'sent':
      return {
        state: 'sent',
        providerId: outcome.providerId ?? null,
        uncertain: outcome.uncertain === true,
        detail: outcome.detail ?? null,
      };
    case 'bounced':
      return { state: 'bounced', detail: outcome.detail, fallback: true };
    case 'failed':
      return { state: 'failed', detail: outcome.detail, fallback: true };
    case 'retry': {
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, message.attempts - 1));
      const delay = Math.max(outcome.retryAfterMs ?? 0, Math.round(backoff * (0.5 + jitter / 2)));
      const next = now + delay;
      if (next - message.queuedAt > policy.retryHours * 3_600_000) {
        return { state: 'failed', detail: `gave up after ${message.attempts} attempts: ${outcome.detail}`, fallback: true };
      }
      return { state: 'queued', nextAttemptAt: next, detail: outcome.detail };
    }
  }
}

/** The channel to try after `current` for a person reachable on `available` (campaign order), or null. */
export function nextChannel(available: readonly Channel[], current: Channel): Channel | null {
  const i = available.indexOf(current);
  return i < 0 ? null : (available[i + 1] ?? null);
}

/** The person's channels in the campaign's order, from what their contact record holds. */
export function reachableChannels(
  order: readonly Channel[],
  contact: { readonly email: string | null; readonly phone: string | null; readonly hasAddress: boolean },
): Channel[] {
  return order.filter((c) => (c === 'email' ? contact.email !== null : c === 'sms' ? contact.phone !== null : contact.hasAddress));
}

/** Channels as stored on a recipient row ("email,sms"). */
export function parseChannels(stored: string): Channel[] {
  return stored === '' ? [] : (stored.split(',') as Channel[]);
}

/** The Message-ID of a campaign e-mail: the same on every attempt, so a receiver can tell a copy. */
export function messageKey(campaignId: string, recipientNo: number, channel: Channel): string {
  return `${campaignId}.${recipientNo}.${channel}`;
}

/** The parts of a messageKey, or null when the text is not one. */
export function parseMessageKey(text: string): { campaignId: string; recipientNo: number; channel: Channel } | null {
  const m = /^([0-9A-HJKMNP-TV-Z]{26})\.(\d{1,10})\.(email|sms|letter)$/.exec(text);
  return m ? { campaignId: m[1]!, recipientNo: Number(m[2]), channel: m[3] as Channel } : null;
}
