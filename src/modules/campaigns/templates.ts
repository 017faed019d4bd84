import type { Locale } from '../../platform/locale.js';
import { findDataClass } from '../catalogue/index.js';
import { checkCommunication, type ElementCode } from '../incidents/communication-check/index.js';
import { fillTemplate, templateFor, type CampaignConfig, type CampaignTemplate, type Channel, type PlaceholderValues } from './campaign.js';

/**
 * The messages to individuals: starting texts made from the incident, the Art. 34(2) content check every
 * template must pass before a campaign starts, and the per-person filling. A person's message names the
 * kinds of their own data that were exposed and links to their action plan; it never contains an
 * identifier (no e-mail address, number or name is a placeholder).
 */

/** What the starting texts are made of: the incident's own words, which the organisation then edits. */
export interface TemplateFacts {
  /** What happened (the incident's description). */
  readonly nature: string;
  readonly consequences: string;
  readonly measures: string;
}

type Texts = Readonly<Record<Channel, (f: TemplateFacts) => CampaignTemplate>>;

const TEXTS: Readonly<Record<Locale, Texts>> = {
  en: {
    email: (f) => ({
      subject: 'A personal data breach at {{organisation}} concerns you',
      body: [
        'Hello,',
        `We are writing to tell you about a personal data breach at {{organisation}}. ${f.nature}`,
        'The data about you that was exposed: {{exposed}}.',
        `Likely consequences: ${f.consequences}`,
        `What we have done: ${f.measures}`,
        'What you should do: be wary of messages and calls that mention this data, never give a password or bank details in reply, and follow your personal action plan: {{planLink}}',
        'For questions, contact our data protection officer: {{contact}}.',
        'Reference: {{reference}}',
      ].join('\n\n'),
    }),
    sms: () => ({
      body: 'A data breach at {{organisation}} exposed your data: {{exposed}}. Risk: scam messages and calls. We have secured our systems. Be wary and follow your plan: {{planLink}} Contact our data protection officer: {{contact}}',
    }),
    letter: (f) => ({
      subject: 'A personal data breach concerns you',
      body: [
        `We are writing to tell you about a personal data breach at {{organisation}}. ${f.nature}`,
        'The data about you that was exposed: {{exposed}}.',
        `Likely consequences: ${f.consequences}`,
        `What we have done: ${f.measures}`,
        'What you should do: be wary of letters, messages and calls that mention this data, never give a password or bank details in reply, and follow your personal action plan at {{planLink}}',
        'For questions, contact our data protection officer: {{contact}}.',
        'Reference: {{reference}}',
      ].join('\n\n'),
    }),
  },
  fr: {
    email: (f) => ({
      subject: '{{organisation}} : une violation de données personnelles vous concerne',
      body: [
        'Bonjour,',
        `Nous vous informons d’une violation de données personnelles chez {{organisation}}. ${f.nature}`,
        'Les données vous concernant qui ont été exposées : {{exposed}}.',
        `Conséquences possibles : ${f.consequences}`,
        `Ce que nous avons fait : ${f.measures}`,
        'Ce que nous vous recommandons : soyez vigilant face aux messages et appels qui mentionnent ces données, ne communiquez jamais de mot de passe ni de coordonnées bancaires en réponse, et suivez votre plan d’action personnel : {{planLink}}',
        'Pour toute question, contactez notre délégué à la protection des données : {{contact}}.',
        'Référence : {{reference}}',
      ].join('\n\n'),
    }),
    sms: () => ({
      body: 'Une violation de données chez {{organisation}} a exposé vos données : {{exposed}}. Risque : hameçonnage. Nous avons sécurisé nos systèmes. Soyez vigilant, suivez votre plan : {{planLink}} Contactez notre délégué à la protection des données : {{contact}}',
    }),
    letter: (f) => ({
      subject: 'Une violation de données personnelles vous concerne',
      body: [
        `Nous vous informons d’une violation de données personnelles chez {{organisation}}. ${f.nature}`,
        'Les données vous concernant qui ont été exposées : {{exposed}}.',
        `Conséquences possibles : ${f.consequences}`,
        `Ce que nous avons fait : ${f.measures}`,
        'Ce que nous vous recommandons : soyez vigilant face aux courriers, messages et appels qui mentionnent ces données, ne communiquez jamais de mot de passe ni de coordonnées bancaires en réponse, et suivez votre plan d’action personnel : {{planLink}}',
        'Pour toute question, contactez notre délégué à la protection des données : {{contact}}.',
        'Référence : {{reference}}',
      ].join('\n\n'),
    }),
  },
  sv: {
    email: (f) => ({
      subject: 'En personuppgiftsincident hos {{organisation}} berör dig',
      body: [
        'Hej,',
        `Vi vill informera dig om en personuppgiftsincident hos {{organisation}}. ${f.nature}`,
        'Uppgifterna om dig som exponerades: {{exposed}}.',
        `Troliga konsekvenser: ${f.consequences}`,
        `Vad vi har gjort: ${f.measures}`,
        'Vad du bör göra: var uppmärksam på meddelanden och samtal som nämner de här uppgifterna, lämna aldrig ut lösenord eller bankuppgifter och följ din personliga åtgärdsplan: {{planLink}}',
        'Vid frågor, kontakta vårt dataskyddsombud: {{contact}}.',
        'Referens: {{reference}}',
      ].join('\n\n'),
    }),
    sms: () => ({
      body: 'En personuppgiftsincident hos {{organisation}} exponerade dina uppgifter: {{exposed}}. Risk: bedrägeriförsök. Vi har säkrat våra system. Var uppmärksam och följ din plan: {{planLink}} Kontakta vårt dataskyddsombud: {{contact}}',
    }),
    letter: (f) => ({
      subject: 'En personuppgiftsincident berör dig',
      body: [
        `Vi vill informera dig om en personuppgiftsincident hos {{organisation}}. ${f.nature}`,
        'Uppgifterna om dig som exponerades: {{exposed}}.',
        `Troliga konsekvenser: ${f.consequences}`,
        `Vad vi har gjort: ${f.measures}`,
        'Vad du bör göra: var uppmärksam på brev, meddelanden och samtal som nämner de här uppgifterna, lämna aldrig ut lösenord eller bankuppgifter och följ din personliga åtgärdsplan: {{planLink}}',
        'Vid frågor, kontakta vårt dataskyddsombud: {{contact}}.',
        'Referens: {{reference}}',
      ].join('\n\n'),
    }),
  },
};

/** Starting templates for the given channels and languages, from the incident's own words. */
export function defaultTemplates(
  channels: readonly Channel[],
  locales: readonly Locale[],
  facts: Readonly<Record<Locale, TemplateFacts>>,
): CampaignConfig['templates'] {
  const out: CampaignConfig['templates'] = {};
  for (const channel of channels) {
    const byLocale: Partial<Record<Locale, CampaignTemplate>> = {};
    for (const locale of locales) byLocale[locale] = TEXTS[locale][channel](facts[locale]);
    out[channel] = byLocale;
  }
  return out;
}

/** The kinds of data, in the person's language, as one list ("Name, Date of birth, Social security number"). */
export function exposedList(classes: readonly string[], locale: Locale): string {
  const labels = classes.map((code) => findDataClass(code)?.labels[locale] ?? code);
  return labels.length > 0 ? labels.join(', ') : { en: 'not known', fr: 'non connues', sv: 'okända' }[locale];
}

/**
 * The link to the person's action plan. The kinds of data travel in the fragment, which the browser never
 * sends to the server: the plan page builds the plan from it (issue 5), and the person may then check
 * privately for other breaches.
 */
export function planLink(baseUrl: string, locale: Locale, breachSlug: string, classes: readonly string[]): string {
  return `${baseUrl}/check?lang=${locale}#plan=${encodeURIComponent(breachSlug)}:${classes.map(encodeURIComponent).join(',')}`;
}

export interface TemplateProblem {
  readonly channel: Channel;
  readonly locale: Locale;
  /** The Art. 34(2) elements the check did not find. */
  readonly missing: readonly ElementCode[];
}

/**
 * Runs the Art. 34(2) content check (incidents/communication-check) on every template as a person would
 * read it, with every exposed kind of data of the breach. A campaign does not start while one fails.
 */
export function checkTemplates(config: CampaignConfig, sample: (locale: Locale) => PlaceholderValues): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const channel of config.channels) {
    for (const [locale, template] of Object.entries(config.templates[channel] ?? {}) as [Locale, CampaignTemplate][]) {
      const text = [template.subject ?? '', fillTemplate(template.body, sample(locale))].join('\n\n');
      const report = checkCommunication({ text, locale });
      if (!report.complete) problems.push({ channel, locale, missing: report.missing });
    }
  }
  return problems;
}

export interface RenderedMessage {
  readonly locale: Locale;
  readonly subject: string;
  readonly body: string;
}

/** One person's message on one channel. */
export function renderMessage(config: CampaignConfig, channel: Channel, locale: Locale, values: PlaceholderValues): RenderedMessage {
  const { template, locale: used } = templateFor(config, channel, locale);
  return { locale: used, subject: fillTemplate(template.subject ?? '', values), body: fillTemplate(template.body, values) };
}
