import { PDFDocument, StandardFonts } from 'pdf-lib';

import type { Locale } from '../../platform/locale.js';
import {
  drawLine,
  FOOTER_Y,
  INK,
  MARGIN_X,
  MUTED,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  paginate,
  safeText,
  TEXT_WIDTH,
  wrapText,
  type PdfFonts,
  type PdfLine,
} from '../action-plan/plan-pdf.js';
import { findDataClass } from '../catalogue/taxonomy.js';
import { CAUSE_ACTOR_LABELS, CAUSE_VECTOR_LABELS } from '../catalogue/vocabulary.js';
import { isDateTime } from './model/incident.js';
import { NOTIFICATION_SECTIONS, valueAtPath, type AuthorityNotification, type NotificationCount } from './model/notification.js';
import {
  NOTIFICATION_FIELD_PATHS,
  NOTIFICATION_MEMBER_KEYS,
  NOTIFICATION_PDF_MESSAGES,
  type NotificationFieldPath,
  type NotificationMemberKey,
  type NotificationPdfMessages,
} from './notification-pdf-messages.js';

/**
 * The notification to the supervisory authority (GDPR Art. 33) as an A4 PDF, in the order of the EDPB
 * template: a copy to file with the Art. 33(5) documentation or to send where an authority takes one.
 * Drawn with the action plan's pdf-lib helpers (standard fonts, WinAnsi-safe text, wrapping, page breaks
 * that keep a heading with what follows). Pure: the document's dates are the notification's issuedAt,
 * so the same notification and options give the same bytes.
 */
export interface NotificationPdfOptions {
  readonly locale: Locale;
  /** The notifying organisation as it names itself, for the heading and the document's author. */
  readonly organisationName: string;
}

/** How a field's value is written, where its shape alone does not say (option codes, countries, data classes). */
type FieldFormat = 'option' | 'cause' | 'causeVector' | 'dataClass' | 'country' | 'article34';

const FIELD_FORMATS: Readonly<Partial<Record<NotificationFieldPath, FieldFormat>>> = {
  'notification.type': 'option',
  'notification.subType': 'option',
  'notification.organisation.identifierType': 'option',
  'notification.organisation.country': 'country',
  'notification.organisation.role': 'option',
  'notification.organisation.sector': 'option',
  'notification.organisation.size': 'option',
  'reporter.function': 'option',
  'timeline.occurrence': 'option',
  'timeline.discovery.by': 'option',
  'nature.types': 'option',
  'nature.confidentiality': 'option',
  'nature.unintelligible': 'option',
  'nature.integrity': 'option',
  'nature.availability': 'option',
  'nature.incidentNature': 'option',
  'nature.cause': 'cause',
  'nature.causeVector': 'causeVector',
  'dataSubjects.categories': 'option',
  'data.types': 'option',
  'data.classes': 'dataClass',
  'priorMeasures.measures': 'option',
  'consequences.confidentiality': 'option',
  'consequences.integrity': 'option',
  'consequences.availability': 'option',
  'consequences.impacts': 'option',
  'consequences.severity': 'option',
  'riskOutcome.outcome': 'option',
  'measures.preventive': 'option',
  'communication.status': 'option',
  'communication.article34Condition': 'article34',
  'communication.means': 'option',
  'communication.channels': 'option',
  'otherAuthorities.policeReport': 'option',
  'otherAuthorities.otherAuthoritiesNotified': 'option',
  'crossBorder.crossBorderProcessing': 'option',
  'crossBorder.establishments': 'country',
};

/** Members of composite values that hold option codes (other parties, other authorities, counts). */
const OPTION_MEMBERS: ReadonlySet<string> = new Set(['qualification', 'kind', 'precision']);

/** A changed value longer than this is cut in the list of changes. */
const CHANGE_VALUE_MAX = 70;

const VALUE_INDENT = 10;
const BULLET_INDENT = 10;

export async function renderNotificationPdf(notification: AuthorityNotification, options: NotificationPdfOptions): Promise<Uint8Array> {
  const issued = new Date(notification.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new RangeError(`issuedAt is not a date-time: ${JSON.stringify(notification.issuedAt)}`);
  const messages = NOTIFICATION_PDF_MESSAGES[options.locale];
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: PdfFonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };

  const pages = paginate(layoutNotification(notification, options, fonts));
  const footer = safeText(messages.footer, fonts.regular);
  const id = safeText(notification.id, fonts.regular);
  for (const [index, layout] of pages.entries()) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    for (const { line, y } of layout.lines) drawLine(doc, page, line, y);
    const number = `${index + 1} / ${pages.length}`;
    const style = { y: FOOTER_Y, size: 8.5, font: fonts.regular, color: MUTED };
    page.drawText(footer, { ...style, x: MARGIN_X });
    page.drawText(number, { ...style, x: (PAGE_WIDTH - fonts.regular.widthOfTextAtSize(number, 8.5)) / 2 });
    page.drawText(id, { ...style, x: PAGE_WIDTH - MARGIN_X - fonts.regular.widthOfTextAtSize(id, 8.5) });
  }

  doc.setTitle(safeText(messages.title, fonts.regular), { showInWindowTitleBar: true });
  doc.setSubject(safeText(`${messages.kinds[notification.kind]}, ${notification.id}`, fonts.regular));
  doc.setAuthor(safeText(options.organisationName, fonts.regular));
  doc.setLanguage(options.locale);
  doc.setProducer('breachdesk');
  doc.setCreator('breachdesk');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  return doc.save();
}

/** Every line of the notification, in order, before page breaks. */
export function layoutNotification(notification: AuthorityNotification, options: NotificationPdfOptions, fonts: PdfFonts): PdfLine[] {
  const { locale } = options;
  const m = NOTIFICATION_PDF_MESSAGES[locale];
  const lines: PdfLine[] = [];
  const add = (
    text: string,
    style: {
      readonly font: PdfLine['font'];
      readonly size: number;
      readonly colour?: PdfLine['colour'];
      readonly gapBefore?: number;
      readonly indent?: number;
      readonly hangingIndent?: number;
      readonly keepWithNext?: boolean;
      readonly rule?: boolean;
    },
  ): void => {
    const indent = style.indent ?? 0;
    const hanging = style.hangingIndent ?? indent;
    const wrapped = wrapText(safeText(text, style.font), style.font, style.size, TEXT_WIDTH - hanging);
    for (const [i, part] of wrapped.entries()) {
      lines.push({
        text: part,
        font: style.font,
        size: style.size,
        leading: style.size * 1.35,
        gapBefore: i === 0 ? (style.gapBefore ?? 0) : 0,
        indent: i === 0 ? indent : hanging,
        colour: style.colour ?? INK,
        keepWithNext: style.keepWithNext ?? false,
        ...(style.rule && i === wrapped.length - 1 ? { rule: MUTED } : {}),
      });
    }
  };
  const heading = (text: string): void => add(text, { font: fonts.bold, size: 13, gapBefore: 18, keepWithNext: true, rule: true });
  const bullet = (text: string): void => add(`•  ${text}`, { font: fonts.regular, size: 10, gapBefore: 3, hangingIndent: BULLET_INDENT });

  add(m.title, { font: fonts.bold, size: 17, keepWithNext: true });
  add(`${m.kinds[notification.kind]}, ${fill(m.header.version, { version: notification.version })}`, {
    font: fonts.bold,
    size: 11.5,
    colour: MUTED,
    gapBefore: 4,
  });
  const header: [string, string][] = [
    [m.header.organisation, options.organisationName],
    [m.header.incident, notification.incidentId],
    [m.header.notificationId, notification.id],
    [m.header.issuedAt, formatInstant(notification.issuedAt)],
  ];
  if (notification.authority) {
    const reference = notification.authority.caseReference;
    header.push([
      m.header.authority,
      `${notification.authority.name}${reference === null ? '' : ` (${m.header.caseReference} ${reference})`}`,
    ]);
  }
  for (const [i, [label, value]] of header.entries()) {
    add(`${label}: ${value}`, { font: fonts.regular, size: 10, gapBefore: i === 0 ? 10 : 1, hangingIndent: VALUE_INDENT });
  }

  for (const section of NOTIFICATION_SECTIONS) {
    heading(`${section.number} ${m.sections[section.key]}`);
    for (const path of NOTIFICATION_FIELD_PATHS) {
      if (!path.startsWith(`${section.key}.`) || !applies(path, notification)) continue;
      const value = formatField(path, valueAtPath(notification.body, path), locale);
      add(m.fields[path], { font: fonts.bold, size: 8.5, colour: MUTED, gapBefore: 6, keepWithNext: true });
      add(value ?? m.values.notKnown, {
        font: value === null ? fonts.italic : fonts.regular,
        size: 10,
        colour: value === null ? MUTED : INK,
        gapBefore: 1,
        indent: VALUE_INDENT,
      });
    }
  }

  if (notification.kind !== 'withdrawal') {
    heading(m.missing.heading);
    if (notification.missing.length === 0) add(m.missing.nothing, { font: fonts.regular, size: 10, gapBefore: 3 });
    // Several issues can name one path: list each place once.
    for (const path of new Set(notification.missing.map((issue) => issue.path))) bullet(notificationPathLabel(path, locale));
  }

  if (notification.version > 1) {
    heading(fill(m.changes.heading, { version: notification.version - 1 }));
    if (notification.changes.length === 0) add(m.changes.nothing, { font: fonts.regular, size: 10, gapBefore: 3 });
    for (const change of notification.changes) {
      const before = shorten(formatChangeValue(change.path, change.before, locale) ?? m.values.notKnown);
      const after = shorten(formatChangeValue(change.path, change.after, locale) ?? m.values.notKnown);
      bullet(`${notificationPathLabel(change.path, locale)}: ${before} → ${after}`);
    }
  }
  return lines;
}

/**
 * A body path in words, for the authority: "3.2 Nature – Cause". A path inside a field (a count's
 * precision, a contact's e-mail) adds the member's name; a section key alone gives the section.
 */
export function notificationPathLabel(path: string, locale: Locale): string {
  const m = NOTIFICATION_PDF_MESSAGES[locale];
  const [key = ''] = path.split('.');
  const section = NOTIFICATION_SECTIONS.find((s) => s.key === key);
  if (!section) return path;
  const prefix = `${section.number} ${m.sections[section.key]}`;
  const field = fieldOf(path);
  if (field === undefined) return path === key ? prefix : `${prefix} – ${humanise(path.slice(key.length + 1))}`;
  const rest = path
    .slice(field.length + 1)
    .split('.')
    .filter((member) => member !== '');
  const members = rest.map((member) => (isMemberKey(member) ? m.members[member] : humanise(member)));
  return [`${prefix} – ${m.fields[field]}`, ...members].join(', ');
}

// --- Values --------------------------------------------------------------------------------------

function applies(path: NotificationFieldPath, notification: AuthorityNotification): boolean {
  if (path === 'notification.withdrawalReason') return notification.kind === 'withdrawal';
  if (path === 'notification.previousNotificationId') return notification.version > 1;
  return true;
}

/** The field a path is in: the longest field path that is the path or a prefix of it. */
function fieldOf(path: string): NotificationFieldPath | undefined {
  let found: NotificationFieldPath | undefined;
  for (const field of NOTIFICATION_FIELD_PATHS) {
    if ((path === field || path.startsWith(`${field}.`)) && field.length > (found?.length ?? 0)) found = field;
  }
  return found;
}

function formatChangeValue(path: string, value: unknown, locale: Locale): string | null {
  const field = fieldOf(path);
  if (field === undefined) return formatValue(value, undefined, locale);
  if (field === path) return formatField(field, value, locale);
  const member = path.split('.').pop() ?? '';
  return formatValue(value, OPTION_MEMBERS.has(member) ? 'option' : undefined, locale);
}

/** The field's value in words, or null when the notification does not know it. */
function formatField(path: NotificationFieldPath, value: unknown, locale: Locale): string | null {
  return formatValue(value, FIELD_FORMATS[path], locale);
}

function formatValue(value: unknown, format: FieldFormat | undefined, locale: Locale): string | null {
  const m = NOTIFICATION_PDF_MESSAGES[locale];
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return m.values.none;
    const items = value.map((item) => formatValue(item, format, locale) ?? m.values.notKnown);
    return items.join(value.every((item) => typeof item === 'string') ? ', ' : '; ');
  }
  if (typeof value === 'boolean') return value ? m.values.yes : m.values.no;
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'string') return formatString(value, format, locale, m);
  if (typeof value === 'object') return formatObject(value as Readonly<Record<string, unknown>>, locale);
  return null;
}

function formatString(value: string, format: FieldFormat | undefined, locale: Locale, m: NotificationPdfMessages): string {
  switch (format) {
    case 'option':
      return optionLabel(value, m);
    case 'cause':
      return (CAUSE_ACTOR_LABELS as Readonly<Record<string, Readonly<Record<Locale, string>>>>)[value]?.[locale] ?? optionLabel(value, m);
    case 'causeVector':
      return (CAUSE_VECTOR_LABELS as Readonly<Record<string, Readonly<Record<Locale, string>>>>)[value]?.[locale] ?? optionLabel(value, m);
    case 'dataClass':
      return findDataClass(value)?.labels[locale] ?? humanise(value);
    case 'country':
      return countryName(value, locale);
    case 'article34':
      return fill(m.values.article34Condition, { n: value });
    case undefined:
      return isDateTime(value) ? formatInstant(value) : value;
  }
}

/** Counts, authorities, people, parties: their known members in a row. */
function formatObject(value: Readonly<Record<string, unknown>>, locale: Locale): string | null {
  const m = NOTIFICATION_PDF_MESSAGES[locale];
  if (isCount(value)) {
    const count = formatCount(value, locale);
    return typeof value.country === 'string' ? `${countryName(value.country, locale)}: ${count}` : count;
  }
  // An authority reference: its name says it.
  if (typeof value.code === 'string' && typeof value.name === 'string' && Object.keys(value).length === 2) return value.name;
  const parts: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === null) continue;
    const text =
      key === 'country' && typeof member === 'string'
        ? countryName(member, locale)
        : formatValue(member, OPTION_MEMBERS.has(key) ? 'option' : undefined, locale);
    if (text === null) continue;
    parts.push(key === 'reference' || key === 'caseReference' ? `${m.values.reference} ${text}` : text);
  }
  return parts.length === 0 ? null : parts.join(', ');
}

function isCount(value: Readonly<Record<string, unknown>>): value is NotificationCount & Readonly<Record<string, unknown>> {
  return typeof value.precision === 'string' && typeof value.atLeast === 'boolean' && 'count' in value;
}

function formatCount(count: NotificationCount, locale: Locale): string {
  const m = NOTIFICATION_PDF_MESSAGES[locale];
  if (count.precision === 'cannot-be-determined' || count.precision === 'to-be-determined') return optionLabel(count.precision, m);
  if (count.count === null) return m.values.notKnown;
  const n = formatNumber(count.count, locale);
  const approximate = count.precision === 'approximate';
  if (count.atLeast) return fill(approximate ? m.values.atLeastApproximately : m.values.atLeast, { n });
  return approximate ? fill(m.values.approximately, { n }) : n;
}

function optionLabel(code: string, m: NotificationPdfMessages): string {
  return (m.options as Readonly<Record<string, string>>)[code] ?? humanise(code);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function formatNumber(n: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

const regionNames = new Map<Locale, Intl.DisplayNames>();
function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined;
  }
  return name === undefined || name === code ? code : `${name} (${code})`;
}

/** An ISO 8601 instant as written, without seconds when they are zero: "2024-01-29 18:00 UTC+01:00". No time-zone conversion. */
function formatInstant(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  if (!match) return value;
  const [, day, time, seconds, zone] = match;
  const keptSeconds = seconds === undefined || /^:00(\.0+)?$/.test(seconds) ? '' : seconds;
  return `${day} ${time}${keptSeconds} UTC${zone?.toUpperCase() === 'Z' ? '' : zone}`;
}

/** An option code or a member name the messages do not cover, made readable: "hacking-malware" → "hacking malware". */
function humanise(code: string): string {
  return code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= CHANGE_VALUE_MAX
    ? text
    : `${chars
        .slice(0, CHANGE_VALUE_MAX - 1)
        .join('')
        .trimEnd()}…`;
}

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));
}

function isMemberKey(key: string): key is NotificationMemberKey {
  return (NOTIFICATION_MEMBER_KEYS as readonly string[]).includes(key);
}
