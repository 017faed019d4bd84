/**
 * The SMS channel as the campaign outbox sees it: the port a provider adapter implements (src/adapters/sms-46elks.ts is the
 * first), what a send can come back with, and what a delivery report says. Pure: no I/O.
 *
 * Privacy: a result, a reason or a report never holds the phone number or the text, so every one of them may be logged and
 * stored as it is. An adapter must keep it that way: provider error bodies can echo both, so they are read and dropped.
 */

/** One message to one person. The adapter sends `text` exactly as given (see prepareSmsText for the preparation). */
export interface SmsMessage {
  /** E.164, e.g. "+46701234567": parsing what people typed is modules/identifiers' job (libphonenumber-js). */
  readonly to: string;
  readonly text: string;
  /** Our message id, unique per message: it ties a delivery report to the message even when the send's answer was lost. */
  readonly reference: string;
}

/**
 * The port. `send` never throws for anything the provider or the network does: every outcome is a result. It makes exactly
 * one request and never retries; the outbox owns retries, back-off and the campaign's pace.
 */
export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsSendResult>;
}

/**
 * Permanent refusals. Most concern the one message, and the outbox marks it failed. The SMS_CHANNEL_STOPPING_REASONS concern
 * the account or the configuration instead: every other message would meet the same fate, so the outbox must pause the
 * channel, leave the message queued without counting an attempt, and tell the organisation (see stopsSmsChannel).
 */
export const SMS_FAILURE_REASONS = [
  /** Refused before any request: `to` is not E.164. */
  'not-e164',
  /** Refused before any request: the text is empty. */
  'empty-message',
  /** The provider says the number cannot receive SMS (does not exist, wrong format for the destination...). */
  'invalid-number',
  /** The provider will not send to this number or destination (blocked, opted out, destination not enabled). */
  'blocked',
  /** The account has run out of credit. Stops the channel. */
  'insufficient-funds',
  /** The provider refused our credentials (HTTP 401/403). Stops the channel. */
  'provider-auth',
  /** The provider refused our sender name or number. Stops the channel. */
  'sender-invalid',
  /** The endpoint is wrong (404, 405, a redirect): the base URL is misconfigured. Stops the channel. */
  'endpoint-invalid',
  /** Any other refusal of this message (an unclassified 4xx, or accepted then reported failed at once). */
  'provider-rejected',
] as const;
export type SmsFailureReason = (typeof SMS_FAILURE_REASONS)[number];

export const SMS_CHANNEL_STOPPING_REASONS = [
  'insufficient-funds',
  'provider-auth',
  'sender-invalid',
  'endpoint-invalid',
] as const satisfies readonly SmsFailureReason[];

/** Temporary failures where the provider certainly did not take the message: sending again cannot duplicate it. */
export const SMS_RETRY_REASONS = [
  /** HTTP 429. */
  'rate-limited',
  /** HTTP 5xx or 408. */
  'provider-unavailable',
  /** The connection could not be made (DNS, refused, unreachable, TLS): nothing was sent. */
  'network',
] as const;
export type SmsRetryReason = (typeof SMS_RETRY_REASONS)[number];

/**
 * The request may have reached the provider, and we cannot tell whether it sent the SMS. Providers such as 46elks have no
 * idempotency key, so sending again can text the person twice about their breach. The outbox records the message as
 * unconfirmed instead of retrying it blindly: a delivery report carrying its `reference` may still settle it, and otherwise a
 * person decides (or a campaign's policy says that a duplicate is better than silence).
 */
export const SMS_UNCONFIRMED_REASONS = [
  /** No complete answer within the timeout after the request was made. */
  'timeout-after-send',
  /** The connection broke after the request was made. */
  'connection-lost',
  /** A 2xx answer we could not read (no message id): the SMS was probably sent. */
  'response-unreadable',
] as const;
export type SmsUnconfirmedReason = (typeof SMS_UNCONFIRMED_REASONS)[number];

/** A cost is `amount` × 10^-decimals in `currency`: 46elks gives 3500 with 4 decimals, i.e. 0.35 of the account currency. */
export interface SmsCost {
  readonly amount: number;
  readonly decimals: number;
  /** ISO 4217, when the adapter knows it. */
  readonly currency?: string;
}

/**
 * `httpStatus` and `detail` are for operators: a status code, a network error code such as "ECONNREFUSED". Never a body.
 */
export type SmsSendResult =
  | { readonly kind: 'accepted'; readonly providerId: string; readonly segments: number; readonly cost?: SmsCost }
  | { readonly kind: 'rejected'; readonly reason: SmsFailureReason; readonly httpStatus?: number }
  | {
      readonly kind: 'retry';
      readonly reason: SmsRetryReason;
      /** From Retry-After, when the provider gave one; the outbox's own back-off otherwise. */
      readonly retryAfterMs?: number;
      readonly httpStatus?: number;
      readonly detail?: string;
    }
  | { readonly kind: 'unknown'; readonly reason: SmsUnconfirmedReason; readonly httpStatus?: number; readonly detail?: string };

export type SmsSendResultKind = SmsSendResult['kind'];

/** True when the result says the channel, not the message, is the problem: pause the channel and keep the message queued. */
export function stopsSmsChannel(result: SmsSendResult): boolean {
  return result.kind === 'rejected' && (SMS_CHANNEL_STOPPING_REASONS as readonly SmsFailureReason[]).includes(result.reason);
}

/**
 * E.164: a "+", a country code that does not start with 0, at most 15 digits in all, nothing else. At least 7 digits: the
 * shortest numbers in service (Niue, +683 and 4 digits) have that many.
 */
const E164 = /^\+[1-9][0-9]{6,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

/** What every adapter checks before making a request, so the refusal is the same whatever the provider. */
export function precheckSmsMessage(message: SmsMessage): 'not-e164' | 'empty-message' | undefined {
  if (!isE164(message.to)) return 'not-e164';
  if (message.text.length === 0) return 'empty-message';
  return undefined;
}

/** What a final delivery report can say. An SMS that the carrier reports undeliverable is `failed`. */
export const SMS_DELIVERY_STATUSES = ['delivered', 'failed'] as const;
export type SmsDeliveryStatus = (typeof SMS_DELIVERY_STATUSES)[number];

export interface SmsDeliveryReport {
  readonly providerId: string;
  readonly status: SmsDeliveryStatus;
  /** When the handset received it, if the provider says. */
  readonly at?: Date;
  /** Our message reference, when the adapter arranged for the report to carry it. */
  readonly reference?: string;
}

/** Why a delivery callback was not understood. None carries a value from the callback. */
export const SMS_DELIVERY_REPORT_PROBLEMS = [
  'missing-id',
  'bad-id',
  'missing-status',
  'unknown-status',
  'bad-timestamp',
  'bad-reference',
] as const;
export type SmsDeliveryReportProblem = (typeof SMS_DELIVERY_REPORT_PROBLEMS)[number];

/**
 * What a provider callback means. `final` moves the message to delivered or failed. `progress` (e.g. handed to the carrier)
 * changes nothing but must still be acknowledged. Providers repeat callbacks that were not acknowledged with a 2xx, so the
 * outbox applies a final report idempotently, and ignores one for a message already final or unknown to it.
 */
export type SmsDeliveryReportParse =
  | { readonly kind: 'final'; readonly report: SmsDeliveryReport }
  | { readonly kind: 'progress'; readonly providerId: string; readonly reference?: string }
  | { readonly kind: 'invalid'; readonly problem: SmsDeliveryReportProblem };

/**
 * A provider's callback reader: the form fields of the callback's body, and the query string of the URL it was sent to
 * (where an adapter can put our reference). Authenticating the callback is the route's job, before calling this.
 */
export type SmsDeliveryReportParser = (
  body: Readonly<Record<string, unknown>>,
  query?: Readonly<Record<string, unknown>>,
) => SmsDeliveryReportParse;
