import type { Locale } from '../../platform/locale.js';
import { parsePartialDate, type Breach } from '../../modules/catalogue/index.js';
import { format, type Messages } from '../i18n.js';

const BCP47: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR', sv: 'sv-SE' };

// Intl formatters are costly to build (tens of microseconds each) and pages format hundreds of values.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `d:${locale}:${precision}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      precision === 'day'
        ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
        : precision === 'month'
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : { year: 'numeric', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(BCP47[locale], options);
    formatters.set(key, f);
  }
  return f;
}

/** "2024" / "January 2024" / "29 January 2024", in the page language; never invents a day or month. */
export function formatPartialDate(locale: Locale, value: string): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  return dateFormat(locale, p.precision).format(new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1)));
}

export function formatInstant(locale: Locale, iso: string): string {
  return dateFormat(locale, 'day').format(new Date(iso));
}

export function formatNumber(locale: Locale, n: number): string {
  const key = `n:${locale}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(BCP47[locale]);
    formatters.set(key, f);
  }
  return f.format(n);
}

type Count = Breach['peopleAffected'];

/** "33,000,000", "about 70,000", "more than 33,000,000" or "Unknown". */
export function formatCount(locale: Locale, m: Messages, count: Count): string {
  if (count.precision === 'unknown' || count.count === undefined) return m.unknown;
  const n = formatNumber(locale, count.count);
  if (count.atLeast) return format(m.moreThan, { n });
  if (count.precision === 'approximate') return format(m.about, { n });
  return n;
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

export function countryName(locale: Locale, code: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([BCP47[locale]], { type: 'region' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}
