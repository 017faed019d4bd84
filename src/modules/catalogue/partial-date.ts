/**
 * Dates as precise as the sources allow: "2024", "2024-01" (e.g. "end of January 2024") or "2024-01-29".
 * Reports rarely give an exact day, and inventing one would misstate the facts.
 */
export type PartialDate = string;

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

export interface ParsedPartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly precision: DatePrecision;
}

export function parsePartialDate(value: string): ParsedPartialDate | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (year < 1900 || year > 2999) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month !== null && day !== null) {
    if (day < 1 || day > daysInMonth(year, month)) return null;
  }
  return { year, month, day, precision: day !== null ? 'day' : month !== null ? 'month' : 'year' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first calendar day the partial date can denote, as YYYY-MM-DD. */
export function earliestDay(value: PartialDate): string {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError('not a partial date');
  return `${pad(p.year, 4)}-${pad(p.month ?? 1, 2)}-${pad(p.day ?? 1, 2)}`;
}

/** The last calendar day the partial date can denote, as YYYY-MM-DD. */
export function latestDay(value: PartialDate): string {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError('not a partial date');
  const month = p.month ?? 12;
  return `${pad(p.year, 4)}-${pad(month, 2)}-${pad(p.day ?? daysInMonth(p.year, month), 2)}`;
}

/** True when `later` cannot be before `earlier` (some day of `later` is on or after some day of `earlier`). */
export function canBeOnOrAfter(later: PartialDate, earlier: PartialDate): boolean {
  return latestDay(later) >= earliestDay(earlier);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
