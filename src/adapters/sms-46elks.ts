/**
 * The SMS port over 46elks' HTTP API (ADR 0013), with Node's built-in fetch.
 *
 * Confirmed in 46elks' documentation (46elks.se/docs: "Send an SMS", "SMS Delivery Reports (DLRs)", "Show SMS"):
 *  - POST https://api.46elks.com/a1/sms, HTTP Basic auth with the API username and password, form-encoded `from`, `to`
 *    (E.164) and `message`; `from` is an E.164 number or a text sender ID.
 *  - `whendelivered`: a URL 46elks POSTs (form-encoded) to when the SMS changes state, with `id`, `status` ("sent",
 *    "delivered" or "failed") and `delivered` (the UTC time, only when delivered). Query parameters of that URL are kept, "for
 *    example if you have your own SMS id". 46elks repeats a callback not answered with 200–204 for at least 6 hours.
 *  - The SMS resource has `id`, `status` (created, sent, delivered, failed), `cost` in 1/10000 of the account currency (SEK
 *    or EUR), `delivered`; `dontlog=message` keeps the text out of 46elks' message history.
 * Assumed, from third-party descriptions and common practice, not from 46elks' own pages:
 *  - the send response also carries `parts` (we count the segments ourselves when it is missing);
 *  - the status codes and wording of refusals: 401 for bad credentials, 402 or a 403 "Not enough credits" for credit, 4xx with
 *    a text naming the `to` number or the `from` sender for those. The body is matched against loose patterns below and then
 *    dropped, because it can echo the number or the text;
 *  - 429 with Retry-After (46elks is described as queueing over its rate rather than refusing) and 5xx as temporary;
 *  - the format of ids: "s" followed by hex in every example; we accept any short token.
 * 46elks has no idempotency key: see SMS_UNCONFIRMED_REASONS for what happens when the answer is lost.
 */
import { AppError } from '../platform/errors.js';
import { systemClock, type Clock } from '../platform/clock.js';
import {
  analyseSmsText,
  isE164,
  precheckSmsMessage,
  type SmsCost,
  type SmsDeliveryReportParse,
  type SmsDeliveryReportParser,
  type SmsFailureReason,
  type SmsProvider,
  type SmsSendResult,
} from '../modules/campaigns/sms/index.js';

export const ELKS_DEFAULT_BASE_URL = 'https://api.46elks.com';
export const ELKS_DEFAULT_TIMEOUT_MS = 10_000;
/** The query parameter of the `whendelivered` URL that carries our message reference back to us. */
export const ELKS_REFERENCE_PARAM = 'ref';

export interface Sms46elksOptions {
  /** The API username and password from the 46elks dashboard (not the login). */
  readonly username: string;
  readonly password: string;
  /** `from`: a text sender ID of 2–11 letters and digits with at least one letter, or an E.164 number. */
  readonly sender: string;
  /** Default https://api.46elks.com. Plain http only for a loopback address (tests, a local relay). */
  readonly baseUrl?: string;
  /** The whole exchange, answer body included. Default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Our delivery-report endpoint, sent as `whendelivered` with the message reference added as `?ref=`. It should carry its own
   * authentication (https://user:secret@host/path or a token parameter): 46elks signs nothing. No reports when absent.
   */
  readonly deliveryReportUrl?: string;
  /** Let 46elks keep the text in its message history. Default false: `dontlog=message` is sent. */
  readonly keepTextAtProvider?: boolean;
  /** The account's currency (SEK or EUR), to label costs; 46elks does not say it in the answer. */
  readonly accountCurrency?: string;
  /** Reads the time for Retry-After given as a date. */
  readonly clock?: Clock;
}

const TEXT_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9]{2,11}$/;
const PROVIDER_ID = /^[A-Za-z0-9_-]{1,128}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function invalidOption(field: string, rule: string): AppError {
  return new AppError('CONFIG_INVALID', `46elks SMS provider: ${field} ${rule}`, { data: { field } });
}

function checkedBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidOption('baseUrl', 'is not a URL');
  }
  if (url.username !== '' || url.password !== '') throw invalidOption('baseUrl', 'must not hold credentials');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw invalidOption('baseUrl', 'must be https (plain http only to a loopback address): it carries the API password');
  }
  return url.toString().replace(/\/+$/, '');
}

function checkedCallbackUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidOption('deliveryReportUrl', 'is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidOption('deliveryReportUrl', 'must be http or https');
  return url;
}

/** An SmsProvider sending through 46elks. Makes one request per send, never retries, never throws once created. */
export function create46elksSmsProvider(options: Sms46elksOptions): SmsProvider {
  if (options.username === '' || options.username.includes(':')) throw invalidOption('username', 'must be non-empty and hold no ":"');
  if (options.password === '') throw invalidOption('password', 'must be non-empty');
  if (!TEXT_SENDER.test(options.sender) && !isE164(options.sender)) {
    throw invalidOption('sender', 'must be 2–11 letters and digits with at least one letter, or an E.164 number');
  }
  const timeoutMs = options.timeoutMs ?? ELKS_DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw invalidOption('timeoutMs', 'must be a positive integer');
  const endpoint = `${checkedBaseUrl(options.baseUrl ?? ELKS_DEFAULT_BASE_URL)}/a1/sms`;
  const callback = options.deliveryReportUrl === undefined ? undefined : checkedCallbackUrl(options.deliveryReportUrl);
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
  const clock = options.clock ?? systemClock;

  return {
    async send(message) {
      const refused = precheckSmsMessage(message);
      if (refused) return { kind: 'rejected', reason: refused };

      const form = new URLSearchParams({ from: options.sender, to: message.to, message: message.text });
      if (!options.keepTextAtProvider) form.set('dontlog', 'message');
      if (callback) {
        const url = new URL(callback);
        url.searchParams.set(ELKS_REFERENCE_PARAM, message.reference);
        form.set('whendelivered', url.toString());
      }

      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        let response: Response;
        try {
          response = await fetch(endpoint, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: form.toString(),
            signal: controller.signal,
            // A redirect would be followed as a GET, with our credentials, somewhere we did not choose.
            redirect: 'manual',
          });
        } catch (error) {
          return requestFailed(error, timedOut);
        }
        let body: string | undefined;
        try {
          body = await response.text();
        } catch (error) {
          // A 2xx whose body never arrived: 46elks has taken the message, but we do not have its id.
          if (response.ok) return answerLost(error, timedOut, response.status);
        }
        return interpret(response, body ?? '', message.text, { currency: options.accountCurrency, now: clock.now() });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function interpret(response: Response, body: string, text: string, context: { currency: string | undefined; now: Date }): SmsSendResult {
  const httpStatus = response.status;
  if (httpStatus >= 200 && httpStatus < 300) return accepted(body, text, httpStatus, context.currency);
  if (httpStatus === 401) return { kind: 'rejected', reason: 'provider-auth', httpStatus };
  if (httpStatus === 402) return { kind: 'rejected', reason: 'insufficient-funds', httpStatus };
  if ((httpStatus >= 300 && httpStatus < 400) || httpStatus === 404 || httpStatus === 405) {
    return { kind: 'rejected', reason: 'endpoint-invalid', httpStatus };
  }
  if (httpStatus === 429 || httpStatus === 408 || httpStatus >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), context.now);
    const reason = httpStatus === 429 ? 'rate-limited' : 'provider-unavailable';
    return retryAfterMs === undefined ? { kind: 'retry', reason, httpStatus } : { kind: 'retry', reason, retryAfterMs, httpStatus };
  }
  // Other 4xx. A 403 that says nothing we recognise is taken as a permission problem: stopping the channel is the safe side.
  return { kind: 'rejected', reason: classifyRefusal(body) ?? (httpStatus === 403 ? 'provider-auth' : 'provider-rejected'), httpStatus };
}

function accepted(body: string, text: string, httpStatus: number, currency: string | undefined): SmsSendResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'unknown', reason: 'response-unreadable', httpStatus };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'unknown', reason: 'response-unreadable', httpStatus };
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.id !== 'string' || !PROVIDER_ID.test(fields.id)) return { kind: 'unknown', reason: 'response-unreadable', httpStatus };
  if (fields.status === 'failed') return { kind: 'rejected', reason: 'provider-rejected', httpStatus };
  const segments = isCount(fields.parts) && fields.parts > 0 ? fields.parts : analyseSmsText(text).segments;
  const cost: SmsCost | undefined = isCount(fields.cost) ? { amount: fields.cost, decimals: 4, currency } : undefined;
  return cost ? { kind: 'accepted', providerId: fields.id, segments, cost } : { kind: 'accepted', providerId: fields.id, segments };
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Which refusal a 4xx body describes. Loose on purpose: 46elks' wording is not documented (see the header). Patterns match
 * words about the request, and the result is a reason code: the body itself goes no further than this function.
 */
const REFUSALS: readonly [RegExp, SmsFailureReason][] = [
  [/not enough (?:credits?|funds|balance)|insufficient (?:credits?|funds|balance)|out of credits?|low balance/, 'insufficient-funds'],
  [
    /invalid\s+(?:"?from"?|sender)\b|\b(?:"?from"?|sender)(?: id| name)?\s+(?:is\s+)?(?:invalid|not valid|not allowed|too long)/,
    'sender-invalid',
  ],
  [
    /invalid\s+(?:"?to"?|recipient|(?:phone |mobile )?number|destination)\b|\b(?:"?to"?|recipient|number)\s+(?:is\s+)?(?:invalid|not valid|malformed)|not an? (?:valid )?(?:mobile|phone) number|e\.?164/,
    'invalid-number',
  ],
  [
    /blocked|black-?list|opted[ -]?out|unsubscribed|not allowed to send to|(?:destination|country) (?:is )?not (?:allowed|enabled|supported)/,
    'blocked',
  ],
];

function classifyRefusal(body: string): SmsFailureReason | undefined {
  const text = body.slice(0, 4096).toLowerCase();
  return REFUSALS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), in milliseconds from `now`; undefined when unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Codes that mean the connection was never made, so no request reached 46elks and sending again is safe. */
const NOT_SENT =
  /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_FAIL|ENETUNREACH|EHOSTUNREACH|ENETDOWN|EHOSTDOWN|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_\w+|ERR_SSL_\w+|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)$/;

/**
 * A request that ended without a complete answer. Our own timeout is reported as unconfirmed even when it struck before the
 * connection was made: fetch does not tell the two apart, and a second SMS about a breach is worse than a question.
 */
function requestFailed(error: unknown, timedOut: boolean): SmsSendResult {
  if (timedOut) return { kind: 'unknown', reason: 'timeout-after-send' };
  const code = errorCode(error);
  const detail = code === undefined ? {} : { detail: code };
  if (code !== undefined && NOT_SENT.test(code)) return { kind: 'retry', reason: 'network', ...detail };
  return { kind: 'unknown', reason: 'connection-lost', ...detail };
}

function answerLost(error: unknown, timedOut: boolean, httpStatus: number): SmsSendResult {
  if (timedOut) return { kind: 'unknown', reason: 'timeout-after-send', httpStatus };
  const code = errorCode(error);
  return { kind: 'unknown', reason: 'connection-lost', httpStatus, ...(code === undefined ? {} : { detail: code }) };
}

/** The system or undici error code under fetch's "fetch failed" TypeError, if it looks like one. Never a message. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(code)) return code;
    current = cause ?? (Array.isArray(errors) ? (errors as unknown[])[0] : undefined);
  }
  return undefined;
}

const ELKS_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|[+-]00:?00)?$/;

/** 46elks writes UTC without a zone and with microseconds ("2024-05-04T13:38:15.123000"). */
function parseElksTime(value: string): Date | undefined {
  const m = ELKS_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const sameFields =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return sameFields ? date : undefined;
}

/**
 * Reads a 46elks delivery callback: the form fields of its body, and the query of the URL it came to (our `ref`). The route
 * authenticates the request first, answers 204 to `final` and `progress` (46elks repeats anything else for hours) and 400 to
 * `invalid`, logging only the problem code.
 */
export const parse46elksDeliveryReport: SmsDeliveryReportParser = (body, query = {}): SmsDeliveryReportParse => {
  const id = body.id;
  if (id === undefined || id === '') return { kind: 'invalid', problem: 'missing-id' };
  if (typeof id !== 'string' || !PROVIDER_ID.test(id)) return { kind: 'invalid', problem: 'bad-id' };
  const ref = query[ELKS_REFERENCE_PARAM];
  if (ref !== undefined && (typeof ref !== 'string' || ref === '' || ref.length > 200))
    return { kind: 'invalid', problem: 'bad-reference' };
  const reference = typeof ref === 'string' ? { reference: ref } : {};

  const status = body.status;
  if (status === undefined || status === '') return { kind: 'invalid', problem: 'missing-status' };
  if (typeof status !== 'string') return { kind: 'invalid', problem: 'unknown-status' };
  switch (status) {
    case 'sent':
      return { kind: 'progress', providerId: id, ...reference };
    case 'failed':
      return { kind: 'final', report: { providerId: id, status: 'failed', ...reference } };
    case 'delivered': {
      const delivered = body.delivered;
      if (delivered === undefined || delivered === '')
        return { kind: 'final', report: { providerId: id, status: 'delivered', ...reference } };
      const at = typeof delivered === 'string' ? parseElksTime(delivered) : undefined;
      if (!at) return { kind: 'invalid', problem: 'bad-timestamp' };
      return { kind: 'final', report: { providerId: id, status: 'delivered', at, ...reference } };
    }
    default:
      return { kind: 'invalid', problem: 'unknown-status' };
  }
};
