import { escapeHtml } from '../../platform/html.js';
import type { Locale } from '../../platform/locale.js';
import { breachTitle, type Breach } from './breach.js';

export interface FeedOptions {
  readonly baseUrl: string;
  readonly locale: Locale;
  readonly title: string;
  /** Instant of the feed itself: the newest change, or now when the catalogue is empty. */
  readonly updated: string;
}

/** An Atom 1.0 feed (RFC 4287) of breaches, newest addition first. */
export function renderAtomFeed(breaches: readonly Breach[], options: FeedOptions): string {
  const { baseUrl, locale } = options;
  const entries = breaches
    .map((b) => {
      const link = `${baseUrl}/breaches/${b.slug}?lang=${locale}`;
      return [
        '  <entry>',
        `    <id>${escapeHtml(`${baseUrl}/breaches/${b.slug}`)}</id>`,
        // An entry whose title has no translation says it is in English (RFC 4287 §2: xml:lang on any element).
        ((t) => `    <title${t.lang === locale ? '' : ` xml:lang="${t.lang}"`}>${escapeHtml(t.text)}</title>`)(breachTitle(b, locale)),
        `    <link rel="alternate" type="text/html" href="${escapeHtml(link)}"/>`,
        `    <published>${b.addedAt}</published>`,
        `    <updated>${b.modifiedAt}</updated>`,
        `    <author><name>${escapeHtml(b.organisation.name)}</name></author>`,
        `    <summary type="text">${escapeHtml(b.description[locale])}</summary>`,
        '  </entry>',
      ].join('\n');
    })
    .join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${escapeHtml(`${baseUrl}/feeds/breaches.atom`)}</id>`,
    `  <title>${escapeHtml(options.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(`${baseUrl}/feeds/breaches.atom?lang=${locale}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/?lang=${locale}`)}"/>`,
    `  <updated>${options.updated}</updated>`,
    `  <generator>breachdesk</generator>`,
    entries,
    '</feed>',
    '',
  ].join('\n');
}
