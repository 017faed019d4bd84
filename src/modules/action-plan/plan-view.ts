import type { Locale } from '../../platform/locale.js';
import { findDataClass } from '../catalogue/taxonomy.js';
import type { Exposure } from '../exposure/exposure.js';
import { involvesChronopost, type ActionPlan, type PlanCountry, type PlanStep, type StepId, type Urgency } from './action-plan.js';
import { PLAN_MESSAGES, type ActionText, type ByCountry, type PlanMessages } from './plan-messages.js';

/**
 * The plan in one language, every string final: what the web page and the PDF both draw. It holds class
 * labels and breach titles, never an identifier of the person.
 */
export interface PlanView {
  readonly locale: Locale;
  readonly title: string;
  readonly intro: string;
  readonly country: PlanCountry;
  readonly countryLabel: string;
  readonly summary: {
    readonly heading: string;
    /** Set when the person is in no known breach. */
    readonly empty: string | null;
    /** The person's data classes in taxonomy order, each with the titles of the breaches it leaked in. */
    readonly classes: readonly { readonly code: string; readonly label: string; readonly breaches: readonly string[] }[];
  };
  readonly labels: {
    readonly why: string;
    readonly actions: string;
    readonly deadline: string;
    readonly sources: string;
    readonly generatedOn: string;
    /** Between a label and its value (": ", or " : " in French). */
    readonly colon: string;
  };
  readonly steps: readonly PlanViewStep[];
  readonly disclaimer: string;
}

export interface PlanViewStep {
  readonly id: StepId;
  readonly urgency: Urgency;
  readonly urgencyLabel: string;
  readonly title: string;
  /** One sentence per scenario the step answers (naming the person's data and breaches), or one for a general step. */
  readonly why: readonly string[];
  readonly actions: readonly string[];
  readonly deadline: string | null;
  readonly sources: readonly { readonly url: string; readonly label: string }[];
}

export interface PlanViewOptions {
  readonly locale: Locale;
  /** Breach title per slug, in the view's language where the catalogue has one; the slug is shown otherwise. */
  readonly breachTitles: Readonly<Record<string, string>>;
  /** Class label per code; defaults to the taxonomy's label in the view's language. */
  readonly classLabels?: Readonly<Record<string, string>>;
}

export function renderPlanView(plan: ActionPlan, exposure: Exposure, options: PlanViewOptions): PlanView {
  const { locale } = options;
  const messages = PLAN_MESSAGES[locale];
  const text = createWording(messages, options);
  const scenarios = new Map(exposure.scenarios.map((s) => [s.id, s]));
  const allSlugs = [...new Set(Object.values(exposure.breachesByClass).flat())].sort();

  const steps = plan.steps.map((step): PlanViewStep => {
    const wording = messages.steps[step.id];
    const why: string[] = [];
    for (const id of step.scenarios) {
      const scenario = scenarios.get(id);
      if (!scenario) continue;
      const template = messages.why[id];
      why.push(
        scenario.crossBreach && template.cross !== undefined
          ? fill(template.cross, { groups: text.groups(scenario.because) })
          : fill(template.single, {
              classes: text.classes(scenario.because.map((b) => b.dataClass)),
              breaches: text.breaches([...new Set(scenario.because.flatMap((b) => b.breaches))].sort()),
            }),
      );
    }
    if (step.scenarios.length === 0 && wording.why) {
      why.push(allSlugs.length > 0 ? fill(wording.why.some, { breaches: text.breaches(allSlugs) }) : wording.why.none);
    }

    const deadline =
      step.deadline && wording.deadline ? fill(pick(wording.deadline, plan.country), { months: String(step.deadline.months) }) : null;
    if (step.deadline && deadline === null) throw new Error(`plan-messages: no deadline wording for step ${step.id} (${locale})`);

    return {
      id: step.id,
      urgency: step.urgency,
      urgencyLabel: messages.urgencies[step.urgency],
      title: wording.title,
      why,
      actions: wording.actions.filter((action) => applies(action, step, plan.country, exposure)).map((action) => action.text),
      deadline,
      sources: step.sources.map((source) => ({ url: source.url, label: messages.sources[source.id] })),
    };
  });

  return {
    locale,
    title: messages.title,
    intro: messages.intro,
    country: plan.country,
    countryLabel: messages.countries[plan.country],
    summary: {
      heading: messages.labels.summary,
      empty: exposure.dataClasses.length === 0 ? messages.labels.noExposure : null,
      classes: exposure.dataClasses.map((code) => ({
        code,
        label: text.classLabel(code),
        breaches: (exposure.breachesByClass[code] ?? []).map(text.breachTitle),
      })),
    },
    labels: {
      why: messages.labels.why,
      actions: messages.labels.actions,
      deadline: messages.labels.deadline,
      sources: messages.labels.sources,
      generatedOn: messages.labels.generatedOn,
      colon: messages.grammar.colon,
    },
    steps,
    disclaimer: messages.disclaimer,
  };
}

function applies(action: ActionText, step: PlanStep, country: PlanCountry, exposure: Exposure): boolean {
  if (action.countries && !action.countries.includes(country)) return false;
  if (action.scenario && !step.scenarios.includes(action.scenario)) return false;
  // A general step answers no scenario: all of the person's data is behind it.
  const behind = step.scenarios.length === 0 ? exposure.dataClasses : step.because.map((b) => b.dataClass);
  if (action.dataClasses && !behind.some((code) => action.dataClasses?.includes(code))) return false;
  if (action.chronopost && !involvesChronopost(step)) return false;
  return true;
}

function pick(text: ByCountry, country: PlanCountry): string {
  return typeof text === 'string' ? text : text[country];
}

/** Replaces each {name}; a placeholder without a value is a bug in the messages, so it throws. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`plan-messages: no value for {${name}} in "${template}"`);
    return value;
  });
}

// English keeps the capital of a nationality ("French social security number"); French and Swedish do not.
const ENGLISH_PROPER_ADJECTIVE = /^(French|Swedish|European)\b/;

/** A label as it reads inside a sentence: "Date of birth" → "date of birth", but "IBAN", "IP address" unchanged. */
export function inSentence(label: string, locale: Locale): string {
  const [first, second] = [...label];
  if (first === undefined || second === undefined) return label;
  if (second !== second.toLowerCase()) return label;
  if (locale === 'en' && ENGLISH_PROPER_ADJECTIVE.test(label)) return label;
  return first.toLowerCase() + label.slice(first.length);
}

function createWording(messages: PlanMessages, options: PlanViewOptions) {
  const { grammar } = messages;
  const list = (items: readonly string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${grammar.and} ${items[items.length - 1] ?? ''}`;
  const classLabel = (code: string): string => options.classLabels?.[code] ?? findDataClass(code)?.labels[options.locale] ?? code;
  const breachTitle = (slug: string): string => options.breachTitles[slug] ?? slug;
  const classes = (codes: readonly string[]): string => list(codes.map((code) => inSentence(classLabel(code), options.locale)));
  const breaches = (slugs: readonly string[]): string =>
    list(slugs.map((slug) => `${grammar.quoteOpen}${breachTitle(slug)}${grammar.quoteClose}`));

  /** Each set of breaches with the data that came from it, in the order the data first appears. */
  const groups = (because: readonly { readonly dataClass: string; readonly breaches: readonly string[] }[]): string => {
    const byBreaches = new Map<string, { slugs: readonly string[]; codes: string[] }>();
    for (const { dataClass, breaches: slugs } of because) {
      const key = slugs.join('\n');
      const group = byBreaches.get(key) ?? { slugs, codes: [] };
      group.codes.push(dataClass);
      byBreaches.set(key, group);
    }
    return [...byBreaches.values()]
      .map((group) => fill(grammar.group, { classes: classes(group.codes), breaches: breaches(group.slugs) }))
      .join(grammar.groupSeparator);
  };

  return { classLabel, breachTitle, classes, breaches, groups };
}
