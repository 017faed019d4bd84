/**
 * When a message that could not be sent is tried again, and when breachdesk stops trying and reports it.
 * Pure: the outbox asks, with the number of attempts made so far.
 */

/** Waits after the 1st, 2nd, … failed attempt: a day and a half in all before giving up. */
export const RETRY_DELAYS_MS: readonly number[] = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  24 * 3_600_000,
];

/** Attempts in all: the first one plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long a claimed message stays claimed: a process that dies while sending frees it after this. Longer
 * than any one send can take (the SMTP adapter's timeouts, src/adapters/smtp-mailer.ts), so a slow server
 * never lets a second sender take a message over while the first is still sending it.
 */
export const SEND_LEASE_MS = 5 * 60_000;

export type FailureOutcome = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/**
 * After `attempts` attempts (this one included) failed: a permanent failure (the SMTP server refused the
 * address with a 5xx) is reported at once; a temporary one is retried until MAX_ATTEMPTS.
 */
export function afterFailure(attempts: number, permanent: boolean): FailureOutcome {
  if (permanent || attempts >= MAX_ATTEMPTS) return { retry: false };
  const delayMs = RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1]!;
  return { retry: true, delayMs };
}
