export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Parses a strict YYYY-MM-DD calendar date; undefined when it is not one. */
export function parseDay(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/** Whole years from `birth` to `today`. */
export function ageOn(birth: Day, today: Day): number {
  const before = today.m < birth.m || (today.m === birth.m && today.d < birth.d);
  return today.y - birth.y - (before ? 1 : 0);
}

export function nextDay(day: Day): Day {
  if (day.d < daysInMonth(day.y, day.m)) return { y: day.y, m: day.m, d: day.d + 1 };
  if (day.m < 12) return { y: day.y, m: day.m + 1, d: 1 };
  return { y: day.y + 1, m: 1, d: 1 };
}

/** A day number that cannot exist in that month (31 February, 31 April, 32 or 00 January...). */
export function impossibleDayOfMonth(y: number, m: number, choice: number): number {
  const last = daysInMonth(y, m);
  const options = m === 2 ? (isLeapYear(y) ? [30, 31] : [29, 30, 31]) : last === 30 ? [31, 31, 0] : [32, 0];
  return options[choice % options.length] as number;
}

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
export const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));
