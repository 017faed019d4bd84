import { LOCALES, type Locale, type Localized } from '../../platform/locale.js';
import { findDataClass } from '../catalogue/index.js';
import { checkCommunication, type CommunicationReport, type ElementCode } from '../incidents/communication-check/index.js';

/**
 * A public notice (GDPR Art. 34(3)(c)): when informing each person individually would involve
 * disproportionate effort, "a public communication or similar measure whereby the data subjects are
 * informed in an equally effective manner". Pure: what the notice says, section by section, in each public
 * language, and the Art. 34(2) check of that text. The same sections are checked and shown, so what was
 * checked is what people read.
 */

export interface NoticeContact {
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
}

/** What a notice is made of, fixed when it is published (stored as JSON). */
export interface NoticeContent {
  readonly v: 1;
  readonly organisation: string;
  /** The catalogue entry's title and public description, which the organisation wrote in every language. */
  readonly title: string;
  readonly description: Localized;
  readonly dataClasses: readonly string[];
  /** Partial dates (YYYY, YYYY-MM or YYYY-MM-DD) from the catalogue entry. */
  readonly occurredFrom: string | null;
  readonly awareness: string | null;
  readonly contact: NoticeContact | null;
  /**
   * Likely consequences and measures in each language: the incident's words (in the organisation's
   * language) as a start, translated by the organisation like the catalogue entry's description.
   */
  readonly consequences: Localized;
  readonly measures: Localized;
}

export const NOTICE_SECTIONS = ['nature', 'contact-point', 'consequences', 'measures', 'advice'] as const;
export type NoticeSectionCode = (typeof NOTICE_SECTIONS)[number];

export interface NoticeSection {
  readonly code: NoticeSectionCode;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** A link after the paragraphs (the private check): its words and address. */
  readonly link?: { readonly text: string; readonly href: string };
}

export interface NoticeTexts {
  readonly title: (organisation: string) => string;
  readonly intro: (organisation: string) => string;
  readonly nature: string;
  readonly started: (date: string) => string;
  readonly discovered: (date: string) => string;
  readonly data: (list: string) => string;
  readonly contact: string;
  readonly contactLine: (details: string) => string;
  readonly consequences: string;
  readonly measures: string;
  readonly advice: string;
  readonly adviceSteps: string;
  readonly checkLink: string;
}

/** The words around the organisation's own: they follow the starting texts of campaigns (templates.ts). */
export const NOTICE_TEXTS: Readonly<Record<Locale, NoticeTexts>> = {
  en: {
    title: (o) => `${o}: a personal data breach`,
    intro: (o) =>
      `${o} informs the people concerned of a personal data breach by this public notice, because informing each of them individually would involve disproportionate effort (GDPR Art. 34(3)(c)).`,
    nature: 'What happened',
    started: (d) => `Start of the breach: ${d}.`,
    discovered: (d) => `Discovered: ${d}.`,
    data: (l) => `The personal data concerned: ${l}.`,
    contact: 'Who to contact',
    contactLine: (c) => `For questions, contact our data protection officer: ${c}.`,
    consequences: 'Likely consequences',
    measures: 'What we have done',
    advice: 'What you should do',
    adviceSteps:
      'Be wary of messages, calls and letters that mention this breach or your data; never give a password or bank details in reply; change the password of your account if you used it elsewhere, and check your bank statements.',
    checkLink: 'Check privately whether your own data are in this breach, and get your personal action plan',
  },
  fr: {
    title: (o) => `${o} : une violation de données personnelles`,
    intro: (o) =>
      `${o} informe les personnes concernées d’une violation de données personnelles par cet avis public, car les informer chacune individuellement exigerait des efforts disproportionnés (RGPD, art. 34.3.c).`,
    nature: 'Ce qui s’est passé',
    started: (d) => `Début de la violation : ${d}.`,
    discovered: (d) => `Découverte : ${d}.`,
    data: (l) => `Les données personnelles concernées : ${l}.`,
    contact: 'Qui contacter',
    contactLine: (c) => `Pour toute question, contactez notre délégué à la protection des données : ${c}.`,
    consequences: 'Conséquences possibles',
    measures: 'Ce que nous avons fait',
    advice: 'Ce que nous vous recommandons',
    adviceSteps:
      'Soyez vigilant face aux messages, appels et courriers qui mentionnent cette violation ou vos données ; ne communiquez jamais de mot de passe ni de coordonnées bancaires en réponse ; changez le mot de passe de votre compte si vous l’utilisiez ailleurs, et surveillez vos relevés bancaires.',
    checkLink:
      'Vérifiez en toute confidentialité si vos propres données figurent dans cette fuite, et obtenez votre plan d’action personnel',
  },
  sv: {
    title: (o) => `${o}: en personuppgiftsincident`,
    intro: (o) =>
      `${o} informerar de berörda om en personuppgiftsincident genom det här offentliga meddelandet, eftersom det skulle innebära en oproportionerlig ansträngning att informera var och en (artikel 34.3 c GDPR).`,
    nature: 'Vad som hände',
    started: (d) => `Incidenten började: ${d}.`,
    discovered: (d) => `Upptäcktes: ${d}.`,
    data: (l) => `De berörda personuppgifterna: ${l}.`,
    contact: 'Vem du kan kontakta',
    contactLine: (c) => `Vid frågor, kontakta vårt dataskyddsombud: ${c}.`,
    consequences: 'Troliga konsekvenser',
    measures: 'Vad vi har gjort',
    advice: 'Vad du bör göra',
    adviceSteps:
      'Var uppmärksam på meddelanden, samtal och brev som nämner incidenten eller dina uppgifter; lämna aldrig ut lösenord eller bankuppgifter; byt lösenord om du har använt det på andra ställen, och granska dina kontoutdrag.',
    checkLink: 'Kontrollera privat om dina egna uppgifter finns i den här incidenten och få din personliga åtgärdsplan',
  },
};

/** The private check with this breach's plan: the kinds of data travel in the fragment, never to the server. */
export function noticeCheckLink(baseUrl: string, locale: Locale, content: Pick<NoticeContent, 'dataClasses'>, slug: string): string {
  return `${baseUrl}/check?lang=${locale}#plan=${encodeURIComponent(slug)}:${content.dataClasses.map(encodeURIComponent).join(',')}`;
}

const blocks = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * The notice in one language, section by section. A section whose content is missing in that language is
 * left out (its heading alone could make the check pass), so the check then says what is missing.
 */
export function noticeSections(
  content: NoticeContent,
  locale: Locale,
  checkLink: string,
  formatDate: (partialDate: string) => string = (d) => d,
): NoticeSection[] {
  const t = NOTICE_TEXTS[locale];
  const labels = content.dataClasses.map((code) => findDataClass(code)?.labels[locale] ?? code);
  const sections: NoticeSection[] = [];
  sections.push({
    code: 'nature',
    heading: t.nature,
    paragraphs: [
      t.intro(content.organisation),
      ...blocks(content.description[locale]),
      ...(content.occurredFrom ? [t.started(formatDate(content.occurredFrom))] : []),
      ...(content.awareness ? [t.discovered(formatDate(content.awareness))] : []),
      ...(labels.length > 0 ? [t.data(labels.join(', '))] : []),
    ],
  });
  const c = content.contact;
  const details = c ? [c.name, c.email, c.phone].filter((x): x is string => typeof x === 'string' && x !== '') : [];
  if (c && (c.email || c.phone)) {
    sections.push({ code: 'contact-point', heading: t.contact, paragraphs: [t.contactLine(details.join(', '))] });
  }
  const consequences = blocks(content.consequences[locale]);
  if (consequences.length > 0) sections.push({ code: 'consequences', heading: t.consequences, paragraphs: consequences });
  const measures = blocks(content.measures[locale]);
  if (measures.length > 0) sections.push({ code: 'measures', heading: t.measures, paragraphs: measures });
  sections.push({ code: 'advice', heading: t.advice, paragraphs: [t.adviceSteps], link: { text: t.checkLink, href: checkLink } });
  return sections;
}

/** The notice as plain text: the title, then each heading with its paragraphs. What the check reads. */
export function noticeText(content: NoticeContent, locale: Locale, checkLink: string): string {
  return [
    NOTICE_TEXTS[locale].title(content.organisation),
    ...noticeSections(content, locale, checkLink).map((s) =>
      [`${s.heading}:`, ...s.paragraphs, ...(s.link ? [`${s.link.text} ${s.link.href}`] : [])].join('\n'),
    ),
  ].join('\n\n');
}

export interface NoticeProblem {
  readonly locale: Locale;
  /** The Art. 34(2) elements the check did not find. */
  readonly missing: readonly ElementCode[];
}

/** The Art. 34(2) check of the notice in every public language: a notice is published only when each passes. */
export function checkNotice(
  content: NoticeContent,
  checkLink: (locale: Locale) => string,
): { reports: Readonly<Record<Locale, CommunicationReport>>; problems: NoticeProblem[] } {
  const reports = Object.fromEntries(
    LOCALES.map((locale) => [locale, checkCommunication({ text: noticeText(content, locale, checkLink(locale)), locale })]),
  ) as Record<Locale, CommunicationReport>;
  const problems = LOCALES.filter((l) => !reports[l].complete).map((locale) => ({ locale, missing: reports[locale].missing }));
  return { reports, problems };
}
