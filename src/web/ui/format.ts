import type { Locale } from '../../platform/locale.js';
import { parsePartialDate, type Breach } from '../../modules/catalogue/index.js';
import { format, type Messages } from '../i18n.js';

const BCP47: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR', sv: 'sv-SE' };

/** "2024" / "January 2024" / "29 January 2024", in the page language; never invents a day or month. */
export function formatPartialDate(locale: Locale, value: string): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  const date = new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    p.precision === 'day'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : p.precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(BCP47[locale], options).format(date);
}

export function formatInstant(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(BCP47[locale], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(BCP47[locale]).format(n);
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
