/** A calendar day as a comparable number: 1985-03-12 → 19850312. */
export type DayNumber = number;

/** Earliest birth date accepted anywhere in this module: older records are not living people's identifiers. */
export const EARLIEST_BIRTH_YEAR = 1880;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return year * 10000 + month * 100 + day;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Today {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly number: DayNumber;
}

/**
 * Parses `options.today`. A malformed value is the caller's bug, not bad input, so it throws (without echoing the value):
 * silently guessing a date would resolve personnummer centuries wrongly.
 */
export function parseToday(today: unknown): Today {
  const match = typeof today === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(today) : null;
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || !isRealDate(year, month, day)) throw new RangeError('options.today must be a real date written YYYY-MM-DD');
  return { year, month, day, number: dayNumber(year, month, day) };
}
