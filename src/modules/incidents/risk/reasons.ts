import { findDataClass, type EnisaCategory } from '../../catalogue/taxonomy.js';
import { LOCALES, type Locale, type Localized } from '../../../platform/locale.js';
import { RISK_MESSAGES } from './risk-messages.js';
import type { EiLevel, SeverityLevel } from './enisa.js';
import type { BreachType, ConsequenceSeverity } from './risk-proposal.js';

/**
 * Reason lines: one stated ground of a proposal, with a stable code, what it rests on and its text in
 * every public language. The table below is the rule book's bibliography: `basis` names the law, the
 * guideline or the method, `reference` the section of ../shared/reference/gdpr-breach-workflow.md that
 * holds it. The words are in risk-messages.ts.
 */

export const REASON_CODES = [
  'dpc-base-highest-category',
  'dpc-note-unspecified-data',
  'dpc-note-national-id-number',
  'dpc-note-credentials',
  'enisa-severity',
  'edpb-breach-types',
  'edpb-special-categories',
  'edpb-ease-of-identification',
  'edpb-consequences',
  'edpb-consequences-severe',
  'edpb-consequences-to-be-determined',
  'edpb-vulnerable-individuals-high',
  'edpb-vulnerable-individuals',
  'edpb-number-of-individuals',
  'edpb-number-unknown',
  'edpb-controller-characteristics',
  'hint-vulnerable-not-in-dpc',
  'hint-controller-not-in-dpc',
  'high-risk-enisa',
  'mitigating-unintelligible',
  'mitigating-subsequent-measures',
  'mitigating-no-evidence-of-illegal-processing',
  'mitigating-dpc-lowered',
  'authority-notify-risk',
  'authority-notify-when-in-doubt',
  'authority-not-required-unlikely-risk',
  'authority-deadline-72h',
  'authority-high-risk-act-fast',
  'authority-34-3-not-for-authority',
  'register-every-breach',
  'individuals-required-high-risk',
  'individuals-not-high-risk',
  'individuals-content',
  'individuals-law-enforcement',
  'individuals-exempt-34-3-a',
  'individuals-exempt-34-3-b',
  'individuals-public-communication-34-3-c',
  'exemption-a-protection-not-intact',
  'exemption-a-not-for-availability-integrity',
  'individuals-authority-may-order',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The values a reason's text may quote. Codes and enumerations only: never a personal value. */
export interface ReasonParams {
  /** Data-class codes of the taxonomy. */
  readonly classes?: readonly string[];
  readonly category?: EnisaCategory;
  readonly base?: number;
  readonly score?: number;
  readonly level?: SeverityLevel;
  readonly types?: readonly BreachType[];
  readonly ei?: EiLevel;
  readonly consequences?: ConsequenceSeverity;
  readonly count?: number;
}
export type ReasonParamName = keyof ReasonParams;

export interface ReasonLine {
  readonly code: ReasonCode;
  /** The articles, guidelines and methods it rests on, cited as in the reference. */
  readonly basis: readonly string[];
  /** Section(s) of gdpr-breach-workflow.md that hold those facts. */
  readonly reference: string;
  readonly params: ReasonParams;
  readonly text: Localized;
}

export interface ReasonRule {
  readonly basis: readonly string[];
  readonly reference: string;
  /** The placeholders its text uses; every one must be given. */
  readonly params: readonly ReasonParamName[];
}

const ENISA = 'ENISA severity methodology v1.0 (2013)';
const G9 = 'EDPB Guidelines 9/2022';
const G1 = 'EDPB Guidelines 01/2021';
const TEMPLATE = 'EDPB draft common notification template (June 2026)';
const CNIL = 'CNIL: « En cas de doute, notifiez »';

export const REASON_RULES: Readonly<Record<ReasonCode, ReasonRule>> = {
  'dpc-base-highest-category': {
    basis: [`${ENISA}: DPC step 1, several categories → keep the highest`],
    reference: '§3 DPC',
    params: ['classes', 'category', 'base'],
  },
  'dpc-note-unspecified-data': { basis: [`${ENISA}: DPC step 1`, 'GDPR Art. 33(4)'], reference: '§3 DPC, §1', params: [] },
  'dpc-note-national-id-number': {
    basis: [`${ENISA}: DPC step 2, raise for volume (content) per person; financial score 4 "data enabling fraud"`],
    reference: '§3 DPC',
    params: ['classes'],
  },
  'dpc-note-credentials': {
    basis: [`${ENISA}: DPC step 1, credentials take the category of what they open`],
    reference: '§3 DPC',
    params: ['classes'],
  },
  'enisa-severity': { basis: [`${ENISA}: SE = DPC × EI + CB, severity bands`], reference: '§3', params: ['score', 'level'] },
  'edpb-breach-types': {
    basis: [`${G9} §IV.B: type of breach`, 'GDPR Art. 4(12)', `${G1} para 5`],
    reference: '§1, §2.1',
    params: ['types'],
  },
  'edpb-special-categories': {
    basis: [`${G9} paras 102–103`, 'GDPR Art. 9, Art. 10', 'GDPR Recital 85'],
    reference: '§2.1, §1',
    params: [],
  },
  'edpb-ease-of-identification': {
    basis: [`${G9} §IV.B: ease of identification`, `${ENISA}: EI`],
    reference: '§2.1, §3 EI',
    params: ['ei'],
  },
  'edpb-consequences': {
    basis: [`${G9} §IV.B: severity of consequences`, `${TEMPLATE} §4.1`],
    reference: '§2.1, §2.4',
    params: ['consequences'],
  },
  'edpb-consequences-severe': {
    basis: [`${G9} §IV.B: severity of consequences`, 'GDPR Recital 85', `${TEMPLATE} §4.1`],
    reference: '§2.1, §1, §2.4',
    params: [],
  },
  'edpb-consequences-to-be-determined': {
    basis: [`${G1} para 9`, 'GDPR Art. 33(4)', CNIL],
    reference: '§2.2, §1, §4.1',
    params: [],
  },
  'edpb-vulnerable-individuals-high': {
    basis: [`${G9} §IV.B: special characteristics of the individual`, `${ENISA}: DPC step 2, individuals' characteristics`],
    reference: '§2.1, §3 DPC',
    params: [],
  },
  'edpb-vulnerable-individuals': {
    basis: [`${G9} §IV.B: special characteristics of the individual`, CNIL],
    reference: '§2.1, §4.1',
    params: [],
  },
  'edpb-number-of-individuals': {
    basis: [
      `${G9} §IV.B: number of affected individuals`,
      `${ENISA}: number of individuals flagged outside the formula`,
      'GDPR Art. 33(3)(a)',
    ],
    reference: '§2.1, §3, §1',
    params: ['count'],
  },
  'edpb-number-unknown': {
    basis: [`${G9} §IV.B: number of affected individuals`, 'GDPR Art. 33(3)(a)', 'GDPR Art. 33(4)'],
    reference: '§2.1, §1',
    params: [],
  },
  'edpb-controller-characteristics': {
    basis: [`${G9} §IV.B and para 117: special characteristics of the controller`],
    reference: '§2.1',
    params: [],
  },
  'hint-vulnerable-not-in-dpc': {
    basis: [`${ENISA}: DPC step 2, raise for individuals' characteristics (minors, public figures)`],
    reference: '§3 DPC',
    params: [],
  },
  'hint-controller-not-in-dpc': {
    basis: [`${ENISA}: DPC step 2, raise for controller characteristics (online pharmacy vs. stationery shop)`],
    reference: '§3 DPC',
    params: [],
  },
  'high-risk-enisa': { basis: [`${ENISA}: severity bands`, 'GDPR Art. 34(1)'], reference: '§3, §1', params: ['level'] },
  'mitigating-unintelligible': {
    basis: ['GDPR Art. 34(3)(a)', `${TEMPLATE} §3.2 "Unintelligible?"`, `${ENISA}: unintelligibility flagged outside the formula`],
    reference: '§1, §2.4, §3',
    params: [],
  },
  'mitigating-subsequent-measures': { basis: ['GDPR Art. 34(3)(b)', 'GDPR Art. 33(3)(d)'], reference: '§1', params: [] },
  'mitigating-no-evidence-of-illegal-processing': {
    basis: [`${ENISA}: CB, loss of confidentiality 0 "no evidence of illegal processing"`],
    reference: '§3 CB',
    params: [],
  },
  'mitigating-dpc-lowered': {
    basis: [`${ENISA}: DPC step 2, lower for known invalidity, prior public availability or a less revealing nature`],
    reference: '§3 DPC',
    params: [],
  },
  'authority-notify-risk': { basis: ['GDPR Art. 33(1)', `${G9} §IV.B`], reference: '§1, §2.1', params: ['level'] },
  'authority-notify-when-in-doubt': { basis: ['GDPR Art. 33(1)', CNIL], reference: '§1, §4.1', params: [] },
  'authority-not-required-unlikely-risk': {
    basis: ['GDPR Art. 33(1)', 'GDPR Art. 33(5)', `${ENISA}: severity band low`],
    reference: '§1, §3',
    params: [],
  },
  'authority-deadline-72h': {
    basis: ['GDPR Art. 33(1)', 'GDPR Art. 33(4)', 'CNIL téléservice: notification initiale, then complémentaire'],
    reference: '§1, §4.1',
    params: [],
  },
  'authority-high-risk-act-fast': { basis: [`${G1} para 24`, 'GDPR Recital 87'], reference: '§2.2, §1', params: [] },
  'authority-34-3-not-for-authority': { basis: ['GDPR Art. 34(3)', 'GDPR Art. 33(1)', CNIL], reference: '§1, §4.1', params: ['level'] },
  'register-every-breach': { basis: ['GDPR Art. 33(5)', `${G1} para 15`], reference: '§1, §2.2', params: [] },
  'individuals-required-high-risk': { basis: ['GDPR Art. 34(1)'], reference: '§1', params: [] },
  'individuals-not-high-risk': { basis: ['GDPR Art. 34(1)', `${ENISA}: severity bands`], reference: '§1, §3', params: ['level'] },
  'individuals-content': {
    basis: ['GDPR Art. 34(2)', 'GDPR Art. 33(3)(b)–(d)', 'CNIL, Free / Free Mobile (Jan 2026): Art. 34 finding on content'],
    reference: '§1, §2.3',
    params: [],
  },
  'individuals-law-enforcement': { basis: ['GDPR Recital 86', 'GDPR Recital 88'], reference: '§1', params: [] },
  'individuals-exempt-34-3-a': { basis: ['GDPR Art. 34(3)(a)', `${TEMPLATE} §4.4`], reference: '§1, §2.4', params: [] },
  'individuals-exempt-34-3-b': { basis: ['GDPR Art. 34(3)(b)', `${TEMPLATE} §4.4`], reference: '§1, §2.4', params: [] },
  'individuals-public-communication-34-3-c': { basis: ['GDPR Art. 34(3)(c)', `${TEMPLATE} §4.4`], reference: '§1, §2.4', params: [] },
  'exemption-a-protection-not-intact': {
    basis: ['GDPR Art. 34(3)(a)', `${TEMPLATE} §3.2 "Unintelligible?"`],
    reference: '§1, §2.4',
    params: [],
  },
  'exemption-a-not-for-availability-integrity': {
    basis: ['GDPR Art. 34(3)(a)', `${G9} §IV.B: type of breach`, 'GDPR Art. 4(12)'],
    reference: '§1, §2.1',
    params: [],
  },
  'individuals-authority-may-order': { basis: ['GDPR Art. 34(4)'], reference: '§1', params: [] },
};

const BCP47: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR', sv: 'sv-SE' };

// Intl formatters are costly to build; one per language is enough.
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function formatNumber(locale: Locale, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(BCP47[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

function formatList(locale: Locale, items: readonly string[]): string {
  const { and } = RISK_MESSAGES[locale].grammar;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;
}

function quote(locale: Locale, text: string): string {
  const { quoteOpen, quoteClose } = RISK_MESSAGES[locale].grammar;
  return `${quoteOpen}${text}${quoteClose}`;
}

/** The text of one parameter in one language; undefined when the parameter was not given. */
function paramText(locale: Locale, name: ReasonParamName, params: ReasonParams): string | undefined {
  const m = RISK_MESSAGES[locale];
  switch (name) {
    case 'classes':
      return (
        params.classes &&
        formatList(
          locale,
          params.classes.map((code) => quote(locale, findDataClass(code)?.labels[locale] ?? code)),
        )
      );
    case 'category':
      return params.category && m.categories[params.category];
    case 'base':
      return params.base === undefined ? undefined : formatNumber(locale, params.base);
    case 'score':
      return params.score === undefined ? undefined : formatNumber(locale, params.score);
    case 'level':
      return params.level && m.levels[params.level];
    case 'types':
      return (
        params.types &&
        formatList(
          locale,
          params.types.map((t) => m.breachTypes[t]),
        )
      );
    case 'ei':
      return params.ei && m.eiLevels[params.ei];
    case 'consequences':
      return params.consequences && m.consequences[params.consequences];
    case 'count':
      return params.count === undefined ? undefined : formatNumber(locale, params.count);
  }
}

/** The reason line for a code, its text filled in every language. Throws when a parameter is missing (a bug, not an input error). */
export function reasonLine(code: ReasonCode, params: ReasonParams = {}): ReasonLine {
  const rule = REASON_RULES[code];
  const text = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    let filled = RISK_MESSAGES[locale].reasons[code];
    for (const name of rule.params) {
      const value = paramText(locale, name, params);
      if (value === undefined) throw new TypeError(`reason ${code} needs the parameter ${name}`);
      filled = filled.split(`{${name}}`).join(value);
    }
    text[locale] = filled;
  }
  return { code, basis: rule.basis, reference: rule.reference, params, text };
}
