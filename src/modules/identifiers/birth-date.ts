import { EARLIEST_BIRTH_YEAR, dayNumber, daysInMonth, isoDate, parseToday } from './calendar.js';
import { precheck, type ParseOptions } from './parse-result.js';
import type { RejectionReason } from './rejection-reason.js';

// Year first: ISO 8601 and its slash/dot variants, optionally followed by a midnight time as database dumps write it
// ("1985-03-12 00:00:00", "1985-03-12T00:00:00.000Z"). Any other time is refused: "1985-03-11T23:00:00Z" is how a local
// midnight in Paris is serialised, and reading the date off it would be off by one day.
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Day first, as written in France and Sweden (DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY, D/M/YYYY, "12 03 1985"). US month-first
// order is never tried: "03/04/1985" is 3 April. Two-digit years are refused because their century is a guess.
const DAY_FIRST = /^(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+)(\d{4})$/;

export type BirthDateResult = { ok: true; canonical: string } | { ok: false; reason: RejectionReason };

/** Checks a calendar date as a birth date: real, not after today, not before EARLIEST_BIRTH_YEAR. */
export function checkBirthDate(year: number, month: number, day: number, todayNumber: number): RejectionReason | null {
  if (month < 1 || month > 12) return 'bad-month';
  if (day < 1 || day > daysInMonth(year, month)) return 'bad-date';
  if (dayNumber(year, month, day) > todayNumber) return 'future-date';
  if (year < EARLIEST_BIRTH_YEAR) return 'date-too-early';
  return null;
}

/** A date of birth as people type it (European day-first order only) → YYYY-MM-DD. */
export function parseBirthDate(raw: string, options: ParseOptions): BirthDateResult {
  const early = precheck(raw);
  if (early) return { ok: false, reason: early };
  const today = parseToday(options.today);
  const text = raw.normalize('NFKC').trim();

  let parts: [string | undefined, string | undefined, string | undefined] | null = null;
  let match = YEAR_FIRST.exec(text);
  if (match) parts = [match[1], match[3], match[4]];
  else if ((match = COMPACT.exec(text))) parts = [match[1], match[2], match[3]];
  else if ((match = DAY_FIRST.exec(text))) parts = [match[3], match[2], match[1]];
  if (!parts) return { ok: false, reason: 'bad-format' };

  const [year, month, day] = parts.map(Number) as [number, number, number];
  const problem = checkBirthDate(year, month, day, today.number);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, canonical: isoDate(year, month, day) };
}
