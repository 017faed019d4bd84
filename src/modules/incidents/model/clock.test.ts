import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { clockStatus, delayReasonRequired, notificationDeadline, reminders, type ClockState } from './clock.js';

const HOUR = 3_600_000;
const SECOND = 1000;
/** 10:00 in Paris (UTC+1 in winter). */
const AWARE = '2024-01-29T10:00:00+01:00';
const AWARE_MS = Date.parse(AWARE);
const after = (ms: number) => new Date(AWARE_MS + ms).toISOString();
const hms = (h: number, m: number, s: number) => h * HOUR + m * 60_000 + s * SECOND;

describe('notificationDeadline', () => {
  it('is 72 hours after awareness, in UTC', () => {
    assert.equal(notificationDeadline(AWARE).toISOString(), '2024-02-01T09:00:00.000Z');
    assert.equal(notificationDeadline(new Date('2024-03-29T23:30:00Z')).toISOString(), '2024-04-01T23:30:00.000Z');
  });

  it('counts elapsed hours, not wall-clock hours, across a daylight-saving change', () => {
    // Paris moves from UTC+1 to UTC+2 on 31 March 2024: 72 hours after 09:00+01:00 on the 30th is 10:00+02:00 on 2 April.
    assert.equal(notificationDeadline('2024-03-30T09:00:00+01:00').getTime(), Date.parse('2024-04-02T10:00:00+02:00'));
  });

  it('refuses date-times without a time zone and non-dates', () => {
    for (const bad of ['2024-01-29T10:00:00', '2024-01-29', 'yesterday', '']) {
      assert.throws(() => notificationDeadline(bad), RangeError, bad);
    }
    assert.throws(() => notificationDeadline(new Date(Number.NaN)), RangeError);
  });
});

describe('clockStatus before notification', () => {
  const cases: { elapsed: string; ms: number; state: ClockState; remaining: number }[] = [
    { elapsed: '00:00:00', ms: 0, state: 'running', remaining: 72 * HOUR },
    { elapsed: '47:59:59', ms: hms(47, 59, 59), state: 'running', remaining: 24 * HOUR + SECOND },
    { elapsed: '48:00:00', ms: hms(48, 0, 0), state: 'running', remaining: 24 * HOUR },
    { elapsed: '48:00:01', ms: hms(48, 0, 1), state: 'due-soon', remaining: 24 * HOUR - SECOND },
    { elapsed: '71:59:59', ms: hms(71, 59, 59), state: 'due-soon', remaining: SECOND },
    { elapsed: '72:00:00', ms: hms(72, 0, 0), state: 'due-soon', remaining: 0 },
    { elapsed: '72:00:01', ms: hms(72, 0, 1), state: 'overdue', remaining: -SECOND },
    { elapsed: '240:00:00', ms: hms(240, 0, 0), state: 'overdue', remaining: -168 * HOUR },
  ];
  for (const c of cases) {
    it(`is ${c.state} at ${c.elapsed} after awareness`, () => {
      const status = clockStatus(AWARE, after(c.ms));
      assert.equal(status.state, c.state);
      assert.equal(status.remainingMs, c.remaining);
      assert.equal(status.deadline?.toISOString(), '2024-02-01T09:00:00.000Z');
    });
  }

  it('has no deadline without an awareness date', () => {
    for (const missing of [null, undefined]) {
      assert.deepEqual(clockStatus(missing, '2024-02-01T00:00:00Z'), { state: 'no-awareness-date', deadline: null, remainingMs: null });
    }
  });
});

describe('clockStatus once notified', () => {
  const cases: { notifiedAfter: string; ms: number; state: ClockState; margin: number }[] = [
    { notifiedAfter: '71:59:59', ms: hms(71, 59, 59), state: 'notified-on-time', margin: SECOND },
    { notifiedAfter: '72:00:00', ms: hms(72, 0, 0), state: 'notified-on-time', margin: 0 },
    { notifiedAfter: '72:00:01', ms: hms(72, 0, 1), state: 'notified-late', margin: -SECOND },
  ];
  for (const c of cases) {
    it(`is ${c.state} when notified ${c.notifiedAfter} after awareness, whatever the time now`, () => {
      for (const now of [after(c.ms), after(1000 * HOUR)]) {
        const status = clockStatus(AWARE, now, after(c.ms));
        assert.equal(status.state, c.state);
        assert.equal(status.remainingMs, c.margin);
      }
    });
  }

  it('accepts Date objects as well as strings', () => {
    assert.equal(clockStatus(new Date(AWARE_MS), new Date(AWARE_MS + HOUR), null).state, 'running');
  });
});

describe('reminders', () => {
  it('reminds 24 h, 48 h and 66 h after awareness, and at the deadline', () => {
    const list = reminders(AWARE);
    assert.deepEqual(
      list.map((r) => [r.hoursAfterAwareness, r.at.toISOString(), r.isDeadline]),
      [
        [24, '2024-01-30T09:00:00.000Z', false],
        [48, '2024-01-31T09:00:00.000Z', false],
        [66, '2024-02-01T03:00:00.000Z', false],
        [72, '2024-02-01T09:00:00.000Z', true],
      ],
    );
    assert.equal(list.at(-1)?.at.getTime(), notificationDeadline(AWARE).getTime());
  });
});

describe('delayReasonRequired', () => {
  const cases: { issuedAfter: string; ms: number; required: boolean }[] = [
    { issuedAfter: '01:00:00', ms: hms(1, 0, 0), required: false },
    { issuedAfter: '71:59:59', ms: hms(71, 59, 59), required: false },
    { issuedAfter: '72:00:00', ms: hms(72, 0, 0), required: false },
    { issuedAfter: '72:00:01', ms: hms(72, 0, 1), required: true },
    { issuedAfter: '30 days', ms: 720 * HOUR, required: true },
  ];
  for (const c of cases) {
    it(`is ${c.required} for a notification issued ${c.issuedAfter} after awareness`, () => {
      assert.equal(delayReasonRequired(AWARE, after(c.ms)), c.required);
    });
  }

  it('compares instants, not local times: 10:00+01:00 and 09:00Z are the same instant', () => {
    assert.equal(delayReasonRequired(AWARE, '2024-02-01T10:00:00+01:00'), false);
    assert.equal(delayReasonRequired(AWARE, '2024-02-01T10:00:01+01:00'), true);
  });
});
