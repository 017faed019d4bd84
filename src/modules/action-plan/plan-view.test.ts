import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';

import { LOCALES, type Locale } from '../../platform/locale.js';
import { SEED_BREACHES } from '../catalogue/seed-breaches.js';
import { DATA_CLASSES } from '../catalogue/taxonomy.js';
import { assessExposure, type ExposureInput } from '../exposure/exposure.js';
import { SCENARIO_IDS, SCENARIOS } from '../exposure/scenarios.js';
import {
  buildActionPlan,
  PLAN_COUNTRIES,
  SOURCE_IDS,
  STEP_IDS,
  STEP_RULES,
  URGENCIES,
  type PlanCountry,
  type StepId,
} from './action-plan.js';
import { PLAN_MESSAGES, type ActionText } from './plan-messages.js';
import { fill, inSentence, renderPlanView, type PlanView } from './plan-view.js';

const SEED: Readonly<Record<string, readonly string[]>> = Object.fromEntries(SEED_BREACHES.map((b) => [b.slug, b.dataClasses]));
const TITLES: Readonly<Record<string, string>> = Object.fromEntries(SEED_BREACHES.map((b) => [b.slug, b.title]));
const seed = (...slugs: string[]): ExposureInput[] => slugs.map((slug) => ({ slug, classes: SEED[slug] ?? [] }));

const EVERYTHING: readonly ExposureInput[] = [
  ...SCENARIOS.map((rule) => ({ slug: `breach-${rule.id}`, classes: rule.requires.flat() })),
  ...seed('chronopost'),
  { slug: 'bank', classes: ['online-banking-credentials', 'security-questions'] },
];

function view(matches: readonly ExposureInput[], country: PlanCountry, locale: Locale, breachTitles = TITLES): PlanView {
  const exposure = assessExposure(matches);
  return renderPlanView(buildActionPlan(exposure, { country }), exposure, { locale, breachTitles });
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const step = (v: PlanView, id: StepId) => {
  const found = v.steps.find((s) => s.id === id);
  assert.ok(found, `${id} is in the plan`);
  return found;
};

describe('messages', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every step, urgency, country, scenario and source has text, none empty`, () => {
      const m = PLAN_MESSAGES[locale];
      assert.deepEqual(Object.keys(m.steps).sort(), [...STEP_IDS].sort());
      assert.deepEqual(Object.keys(m.urgencies).sort(), [...URGENCIES].sort());
      assert.deepEqual(Object.keys(m.countries).sort(), [...PLAN_COUNTRIES].sort());
      assert.deepEqual(Object.keys(m.why).sort(), [...SCENARIO_IDS].sort());
      assert.deepEqual(Object.keys(m.sources).sort(), [...SOURCE_IDS].sort());
      for (const text of strings(m)) assert.ok(text.trim() !== '', `${locale}: an empty string`);
      // Separators and quotes carry their spaces on purpose; sentences never do.
      for (const text of strings({ ...m, grammar: null })) assert.equal(text, text.trim(), `${locale}: "${text}" has outer spaces`);
    });

    it(`${locale}: a cross-breach wording for every scenario that needs two kinds of data`, () => {
      for (const rule of SCENARIOS) {
        if (rule.requires.length > 1) assert.ok(PLAN_MESSAGES[locale].why[rule.id].cross, `${locale} ${rule.id}`);
      }
    });

    it(`${locale}: deadline wording for exactly the steps with a deadline, with {months}`, () => {
      for (const rule of STEP_RULES) {
        const wording = PLAN_MESSAGES[locale].steps[rule.id].deadline;
        assert.equal(wording !== undefined, rule.deadline !== undefined, rule.id);
        for (const text of strings(wording)) assert.match(text, /\{months\}/, rule.id);
      }
    });

    it(`${locale}: a why for every general step`, () => {
      for (const rule of STEP_RULES.filter((r) => r.answers.length === 0)) assert.ok(PLAN_MESSAGES[locale].steps[rule.id].why, rule.id);
    });
  }

  it('has the same action variants in every language (no variant forgotten in a translation)', () => {
    const shape = (a: ActionText) => JSON.stringify([a.countries, a.scenario, a.dataClasses, a.chronopost]);
    for (const id of STEP_IDS) {
      const en = PLAN_MESSAGES.en.steps[id].actions.map(shape);
      for (const locale of LOCALES) assert.deepEqual(PLAN_MESSAGES[locale].steps[id].actions.map(shape), en, `${locale} ${id}`);
    }
  });

  it('uses only placeholders the view fills', () => {
    for (const text of strings(PLAN_MESSAGES)) {
      for (const [, name] of text.matchAll(/\{([^}]*)\}/g))
        assert.ok(['classes', 'breaches', 'groups', 'months'].includes(name ?? ''), text);
    }
  });
});

describe('rendered plans', () => {
  const people: readonly (readonly ExposureInput[])[] = [
    ...Object.keys(SEED).map((slug) => seed(slug)),
    seed('almerys', 'chronopost'),
    seed('folksam', 'chronopost', 'almerys'),
    EVERYTHING,
    [],
  ];

  for (const locale of LOCALES) {
    for (const country of PLAN_COUNTRIES) {
      it(`${locale}, ${country}: every step has a title, a why, actions and sources; no empty string, no {placeholder}`, () => {
        for (const matches of people) {
          const v = view(matches, country, locale);
          for (const text of strings(v)) {
            assert.ok(text.trim() !== '', 'empty string');
            assert.doesNotMatch(text, /\{[a-z]*\}/, text);
          }
          for (const s of v.steps) {
            assert.ok(s.why.length > 0, `${s.id}: why`);
            assert.ok(s.actions.length > 0, `${s.id}: actions`);
            assert.ok(s.sources.length > 0, `${s.id}: sources`);
            for (const source of s.sources) assert.match(source.url, /^https:\/\//);
            assert.equal(s.urgencyLabel, PLAN_MESSAGES[locale].urgencies[s.urgency]);
          }
        }
      });
    }
  }

  it('shows the deadline wording with the 13 months, and the 70 days only for France', () => {
    const iban: ExposureInput[] = [{ slug: 'free', classes: ['iban', 'payment-card'] }];
    assert.match(step(view(iban, 'FR', 'fr'), 'check-direct-debits').deadline ?? '', /au plus tard dans les 13 mois .*\(70 jours/);
    assert.match(step(view(iban, 'SE', 'sv'), 'check-direct-debits').deadline ?? '', /senast 13 månader .*8 veckor/);
    assert.doesNotMatch(step(view(iban, 'SE', 'sv'), 'check-direct-debits').deadline ?? '', /70/);
    assert.match(step(view(iban, 'other', 'en'), 'block-payment-card').deadline ?? '', /at the latest 13 months after the debit date/);
    assert.equal(step(view(iban, 'FR', 'en'), 'ask-the-organisation').deadline, null);
  });

  it('names the person’s own data and breaches in the why', () => {
    const v = view([{ slug: 'free', classes: ['iban'] }], 'FR', 'en', { free: 'Free Mobile' });
    assert.deepEqual(step(v, 'check-direct-debits').why, [
      'Your bank account number (IBAN) leaked in “Free Mobile”. With it, a fraudster can set up direct debits from your account.',
    ]);
    assert.deepEqual(step(view([{ slug: 'free', classes: ['iban'] }], 'FR', 'fr', { free: 'Free Mobile' }), 'check-direct-debits').why, [
      'Ces données vous concernant ont fuité dans «\u00a0Free Mobile\u00a0»\u00a0: coordonnées bancaires (IBAN). Avec votre IBAN, un fraudeur peut mettre en place des prélèvements sur votre compte.',
    ]);
  });

  it('explains a cross-breach risk breach by breach (almerys + chronopost)', () => {
    const en = step(view(seed('almerys', 'chronopost'), 'FR', 'en'), 'check-health-insurance-account');
    assert.deepEqual(en.why, [
      'Your data comes from different breaches: name in “Chronopost customer data breach”; date of birth, French social security number (NIR), health insurer and health insurance cover and benefits in “Almerys third-party payment breach”. Put together, it lets a scammer pose as your health insurer and offer you a refund that sounds real.',
    ]);
    const sv = step(view(seed('almerys', 'chronopost'), 'SE', 'sv'), 'check-health-insurance-account');
    assert.match(
      sv.why[0] ?? '',
      /^Uppgifterna kommer från olika läckor: namn i ”Chronopost customer data breach”; födelsedatum, franskt socialförsäkringsnummer/,
    );
  });

  it('gives one why per scenario the step answers', () => {
    const s = step(view(seed('almerys', 'chronopost'), 'FR', 'en'), 'report-scams');
    assert.equal(s.why.length, 3);
    assert.match(s.why[0] ?? '', /different breaches/);
    assert.match(s.why[2] ?? '', /^Your phone number leaked in “Chronopost customer data breach”\. Scammers can call or text you/);
  });

  it('adds the Chronopost actions only when a Chronopost breach is behind the step', () => {
    for (const locale of LOCALES) {
      const withChronopost = step(view(seed('chronopost'), 'FR', locale), 'beware-delivery-texts').actions.join('\n');
      assert.match(withChronopost, /38004/);
      assert.match(withChronopost, /abuse@chronopost\.fr/);
      const other = step(
        view([{ slug: 'colis-prive', classes: ['name', 'postal-address', 'phone-number'] }], 'FR', locale),
        'beware-delivery-texts',
      );
      assert.doesNotMatch(other.actions.join('\n'), /38004|chronopost/i);
      assert.ok(other.actions.length >= 2);
    }
  });

  it('shows actions for the scenarios and classes behind the step only', () => {
    const email = step(view([{ slug: 'a', classes: ['email-address'] }], 'SE', 'en'), 'beware-phishing').actions.join('\n');
    assert.match(email, /attachments/);
    assert.doesNotMatch(email, /hang up|BankID/);
    const phone = step(view([{ slug: 'a', classes: ['phone-number'] }], 'SE', 'en'), 'beware-phishing').actions.join('\n');
    assert.match(phone, /hang up/);
    assert.match(phone, /BankID/);
    assert.doesNotMatch(step(view([{ slug: 'a', classes: ['phone-number'] }], 'FR', 'en'), 'beware-phishing').actions.join('\n'), /BankID/);
    const password = step(view([{ slug: 'a', classes: ['password'] }], 'FR', 'en'), 'secure-accounts').actions.join('\n');
    assert.doesNotMatch(password, /security questions|online banking/);
    const bank = step(view(EVERYTHING, 'FR', 'en'), 'secure-accounts').actions.join('\n');
    assert.match(bank, /security questions/);
    assert.match(bank, /online banking login/);
  });

  it('tells a person whose health-insurance data leaked to ask about their family too, and nobody else', () => {
    const family = (slugs: string[], locale: Locale) =>
      step(view(seed(...slugs), 'FR', locale), 'ask-the-organisation').actions.filter((a) => /famil/i.test(a));
    assert.equal(family(['almerys'], 'en').length, 1, 'Almerys alone: the general step carries it');
    assert.equal(family(['viamedis'], 'fr').length, 1);
    assert.match(family(['viamedis'], 'fr')[0]!, /ayants droit/);
    assert.equal(family(['folksam'], 'sv').length, 0, 'insurance products are not health cover');
    assert.equal(family(['chronopost'], 'en').length, 0);
  });

  it('gives national actions per country', () => {
    const actions = (country: PlanCountry, locale: Locale, id: StepId) => step(view(EVERYTHING, country, locale), id).actions.join('\n');
    assert.match(actions('FR', 'fr', 'guard-identity'), /Banque de France .*FICP et FCC/);
    assert.match(actions('SE', 'sv', 'guard-identity'), /bedrägerispärr/);
    assert.doesNotMatch(actions('other', 'en', 'guard-identity'), /Banque de France|bedrägerispärr/);
    assert.match(actions('SE', 'sv', 'report-identity-theft'), /114 14/);
    assert.match(actions('FR', 'fr', 'report-scams'), /Signal Arnaques.*cybermalveillance\.gouv\.fr/);
    assert.match(actions('FR', 'fr', 'complain-to-authority'), /CNIL.*2\u00a0500/);
    assert.match(actions('SE', 'sv', 'complain-to-authority'), /Integritetsskyddsmyndigheten \(IMY\)/);
    assert.match(actions('other', 'en', 'complain-to-authority'), /edpb\.europa\.eu/);
  });

  it('summarises the exposed classes with the taxonomy labels of the locale, or the ones given', () => {
    const exposure = assessExposure(seed('chronopost'));
    const plan = buildActionPlan(exposure, { country: 'SE' });
    const sv = renderPlanView(plan, exposure, { locale: 'sv', breachTitles: { chronopost: 'Chronopost 2024' } });
    assert.deepEqual(sv.summary.classes, [
      { code: 'name', label: 'Namn', breaches: ['Chronopost 2024'] },
      { code: 'signature', label: 'Namnteckning', breaches: ['Chronopost 2024'] },
      { code: 'phone-number', label: 'Telefonnummer', breaches: ['Chronopost 2024'] },
      { code: 'postal-address', label: 'Postadress', breaches: ['Chronopost 2024'] },
    ]);
    assert.equal(sv.summary.empty, null);
    assert.equal(sv.countryLabel, 'Råd för dig som bor i Sverige');
    const custom = renderPlanView(plan, exposure, { locale: 'en', breachTitles: {}, classLabels: { name: 'Full name' } });
    assert.equal(custom.summary.classes[0]?.label, 'Full name');
    assert.deepEqual(custom.summary.classes[0]?.breaches, ['chronopost'], 'an unknown title falls back to the slug');
    assert.match(
      step(custom, 'beware-delivery-texts').why[0] ?? '',
      /^Your full name, phone number and postal address leaked in “chronopost”/,
    );
  });

  it('says so when the person is in no breach', () => {
    const v = view([], 'FR', 'fr');
    assert.deepEqual(v.summary.classes, []);
    assert.equal(v.summary.empty, PLAN_MESSAGES.fr.labels.noExposure);
    assert.deepEqual(step(v, 'ask-the-organisation').why, [PLAN_MESSAGES.fr.steps['ask-the-organisation'].why?.none]);
  });

  it('holds no identifier: only labels, titles and the fixed texts', () => {
    const v = view(seed('viamedis', 'folksam'), 'FR', 'en');
    for (const text of strings(v)) assert.doesNotMatch(text, /\d{6,}/, text);
  });
});

describe('helpers', () => {
  it('fill replaces every placeholder and throws on one without a value', () => {
    assert.equal(fill('{a} and {b}', { a: '1', b: '{a}' }), '1 and {a}');
    assert.throws(() => fill('{missing}', {}), /missing/);
  });

  it('inSentence lowers a label’s first letter except for acronyms and English nationalities', () => {
    assert.equal(inSentence('Date of birth', 'en'), 'date of birth');
    assert.equal(inSentence('IP address', 'en'), 'IP address');
    assert.equal(inSentence('French social security number (NIR)', 'en'), 'French social security number (NIR)');
    assert.equal(inSentence('Franskt socialförsäkringsnummer (NIR)', 'sv'), 'franskt socialförsäkringsnummer (NIR)');
    assert.equal(inSentence('État civil', 'fr'), 'état civil');
    assert.equal(inSentence('X', 'en'), 'X');
    for (const dataClass of DATA_CLASSES) {
      for (const locale of LOCALES) assert.equal(inSentence(dataClass.labels[locale], locale).length, dataClass.labels[locale].length);
    }
  });
});
