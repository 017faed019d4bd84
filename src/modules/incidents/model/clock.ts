/**
 * The 72-hour clock of GDPR Art. 33(1): notify the supervisory authority "without undue delay and, where
 * feasible, not later than 72 hours after having become aware"; past 72 hours the notification must
 * give the reasons for the delay. The clock starts at the incident's `timeline.awarenessAt`.
 *
 * Pure: every instant, "now" included, comes in as an argument (a Date, or an ISO 8601 date-time with
 * a time zone). A notification issued exactly 72:00:00 after awareness is on time ("not later than").
 */

export type Instant = Date | string;

const HOUR_MS = 3_600_000;

/** Art. 33(1): 72 hours. */
export const NOTIFICATION_WINDOW_MS = 72 * HOUR_MS;
/** Under this much time left, the clock is "due-soon". */
export const DUE_SOON_MS = 24 * HOUR_MS;
/** Hours after awareness at which to remind; the last one is the deadline itself. */
export const REMINDER_HOURS = [24, 48, 66, 72] as const;

export const CLOCK_STATES = ['running', 'due-soon', 'overdue', 'notified-on-time', 'notified-late', 'no-awareness-date'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export interface ClockStatus {
  readonly state: ClockState;
  /** Awareness + 72 h; null without an awareness date. */
  readonly deadline: Date | null;
  /**
   * Before notification: time left until the deadline (negative when overdue). Once notified: the margin
   * the notification left (negative when late). Null without an awareness date.
   */
  readonly remainingMs: number | null;
}

export interface Reminder {
  readonly at: Date;
  readonly hoursAfterAwareness: (typeof REMINDER_HOURS)[number];
  readonly isDeadline: boolean;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch. Strings must carry a time zone: "2024-01-29T10:00" would be read in
 * the server's local time, which domain code must not depend on.
 */
export function toEpochMs(instant: Instant, what = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : ISO_DATE_TIME.test(instant) ? Date.parse(instant) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a valid date-time with a time zone`);
  return ms;
}

export function notificationDeadline(awarenessAt: Instant): Date {
  return new Date(toEpochMs(awarenessAt, 'awarenessAt') + NOTIFICATION_WINDOW_MS);
}

/** Where the clock stands at `now`, or how it ended when the authority was notified at `notifiedAt`. */
export function clockStatus(awarenessAt: Instant | null | undefined, now: Instant, notifiedAt?: Instant | null): ClockStatus {
  const nowMs = toEpochMs(now, 'now');
  if (awarenessAt === null || awarenessAt === undefined) return { state: 'no-awareness-date', deadline: null, remainingMs: null };
  const deadline = notificationDeadline(awarenessAt);
  if (notifiedAt !== null && notifiedAt !== undefined) {
    const remainingMs = deadline.getTime() - toEpochMs(notifiedAt, 'notifiedAt');
    return { state: remainingMs >= 0 ? 'notified-on-time' : 'notified-late', deadline, remainingMs };
  }
  const remainingMs = deadline.getTime() - nowMs;
  const state: ClockState = remainingMs < 0 ? 'overdue' : remainingMs < DUE_SOON_MS ? 'due-soon' : 'running';
  return { state, deadline, remainingMs };
}

/** The instants to remind the desk at: 24 h, 48 h and 66 h after awareness, and the deadline. */
export function reminders(awarenessAt: Instant): readonly Reminder[] {
  const start = toEpochMs(awarenessAt, 'awarenessAt');
  return REMINDER_HOURS.map((hours) => ({ at: new Date(start + hours * HOUR_MS), hoursAfterAwareness: hours, isDeadline: hours === 72 }));
}

/**
 * True when a notification issued at `issueAt` must give the reasons for its delay (Art. 33(1), last
 * sentence): it is issued after the deadline. Without an awareness date the lateness cannot be shown,
 * so the notification is refused for that reason instead (notification.ts).
 */
export function delayReasonRequired(awarenessAt: Instant, issueAt: Instant): boolean {
  return toEpochMs(issueAt, 'issueAt') > notificationDeadline(awarenessAt).getTime();
}
