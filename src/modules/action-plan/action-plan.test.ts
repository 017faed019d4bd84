import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';

import { SEED_BREACHES } from '../catalogue/seed-breaches.js';
import { assessExposure, type Exposure, type ExposureInput } from '../exposure/exposure.js';
import { SCENARIO_IDS, SCENARIOS, SEVERITIES, type ScenarioId } from '../exposure/scenarios.js';
import {
  buildActionPlan,
  PLAN_COUNTRIES,
  SOURCE_IDS,
  SOURCES,
  STEP_IDS,
  STEP_RULES,
  URGENCIES,
  type ActionPlan,
  type PlanCountry,
  type StepId,
} from './action-plan.js';

const SEED: Readonly<Record<string, readonly string[]>> = Object.fromEntries(SEED_BREACHES.map((b) => [b.slug, b.dataClasses]));
const seed = (...slugs: string[]): ExposureInput[] => slugs.map((slug) => ({ slug, classes: SEED[slug] ?? [] }));
const planOf = (matches: readonly ExposureInput[], country: PlanCountry): ActionPlan =>
  buildActionPlan(assessExposure(matches), { country });
const stepIds = (plan: ActionPlan): StepId[] => plan.steps.map((s) => s.id);
const GENERAL: readonly StepId[] = ['ask-the-organisation', 'complain-to-authority', 'sign-up-for-alerts'];

/** Every class any rule needs, each rule's from a different breach, and Chronopost: the person who triggers every step. */
const EVERYTHING: readonly ExposureInput[] = [
  ...SCENARIOS.map((rule) => ({ slug: `breach-${rule.id}`, classes: rule.requires.flat() })),
  ...seed('chronopost'),
];

describe('step rule table', () => {
  it('has one rule per step id', () => {
    assert.deepEqual(STEP_RULES.map((r) => r.id).sort(), [...STEP_IDS].sort());
  });

  it('answers every scenario with at least one step', () => {
    for (const id of SCENARIO_IDS)
      assert.ok(
        STEP_RULES.some((r) => r.answers.includes(id)),
        `${id} has a step`,
      );
  });

  it('has exactly the three general steps answering no scenario', () => {
    assert.deepEqual(
      STEP_RULES.filter((r) => r.answers.length === 0)
        .map((r) => r.id)
        .sort(),
      GENERAL,
    );
  });

  it('gives every step a source in every country', () => {
    for (const country of PLAN_COUNTRIES) {
      for (const step of planOf(EVERYTHING, country).steps) assert.ok(step.sources.length > 0, `${step.id} (${country})`);
    }
  });

  it('describes every source: https URL, and a note naming the reference section or the article', () => {
    assert.deepEqual(Object.keys(SOURCES).sort(), [...SOURCE_IDS].sort());
    for (const [id, source] of Object.entries(SOURCES)) {
      assert.match(source.url, /^https:\/\/[a-z0-9.-]+\.[a-z]+(\/\S*)?$/, id);
      if (source.basis === 'reference') assert.match(source.note, /(gdpr-breach-workflow|anchors-hibp-monitor)\.md §\d/, id);
      if (source.basis === 'law') assert.match(source.note, /Art\. \d+/, id);
    }
  });

  it('keeps the facts from outside the reference few and known', () => {
    const outside = SOURCE_IDS.filter((id) => SOURCES[id].basis === 'outside-reference');
    assert.deepEqual(outside, ['edpb', 'imy', 'polisen', 'spam-33700', 'uc-fraud-block']);
  });

  it('every source is cited by some step, and only the country variants cite national ones', () => {
    const cited = new Set(
      PLAN_COUNTRIES.flatMap((country) => planOf(EVERYTHING, country).steps.flatMap((s) => s.sources.map((x) => x.id))),
    );
    assert.deepEqual([...cited].sort(), [...SOURCE_IDS].sort());
    for (const step of planOf(EVERYTHING, 'FR').steps) {
      for (const id of ['polisen', 'imy', 'uc-fraud-block', 'edpb'])
        assert.ok(!step.sources.some((s) => s.id === id), `${step.id} FR: ${id}`);
    }
    for (const step of planOf(EVERYTHING, 'SE').steps) {
      for (const id of ['cnil', 'spam-33700', 'edpb', 'signal-arnaques'])
        assert.ok(!step.sources.some((s) => s.id === id), `${step.id} SE: ${id}`);
    }
  });

  it('is pure: no node: import, clock, randomness or environment in the module sources', () => {
    const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    assert.ok(files.includes('plan-pdf.ts') && files.includes('index.ts'));
    for (const file of files) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /from ['"]node:/, file);
      assert.doesNotMatch(text, /Date\.now|new Date\(\)|Math\.random|process\./, file);
      // The module's index pulls server code (stores, routes); only the pure files may be imported.
      assert.doesNotMatch(text, /from '\.\.\/(catalogue|exposure)\/index\.js'/, file);
    }
  });
});

describe('plans for the synthetic people of the seed breaches', () => {
  const table: readonly { slugs: readonly string[]; steps: readonly StepId[]; cross: readonly StepId[] }[] = [
    {
      slugs: ['viamedis'],
      steps: [
        'check-health-insurance-account',
        'guard-identity',
        'ask-the-organisation',
        'beware-phishing',
        'sign-up-for-alerts',
        'report-identity-theft',
        'report-scams',
        'complain-to-authority',
      ],
      cross: [],
    },
    // Nothing of Almerys combines into a named scam, but any real data makes phishing credible (§4.3 "Any").
    {
      slugs: ['almerys'],
      steps: ['ask-the-organisation', 'beware-phishing', 'sign-up-for-alerts', 'report-scams', 'complain-to-authority'],
      cross: [],
    },
    {
      slugs: ['chronopost'],
      steps: [
        'ask-the-organisation',
        'beware-delivery-texts',
        'beware-phishing',
        'watch-for-forged-documents',
        'sign-up-for-alerts',
        'report-identity-theft',
        'report-scams',
        'complain-to-authority',
      ],
      cross: [],
    },
    {
      slugs: ['caisse-des-depots-ircantec'],
      steps: ['ask-the-organisation', 'beware-phishing', 'sign-up-for-alerts', 'report-scams', 'complain-to-authority'],
      cross: [],
    },
    {
      slugs: ['folksam'],
      steps: [
        'ask-the-organisation',
        'expect-targeted-scams',
        'beware-phishing',
        'sign-up-for-alerts',
        'resist-blackmail',
        'report-scams',
        'complain-to-authority',
      ],
      cross: [],
    },
    {
      // Folksam's personnummer begins with the date of birth; Chronopost's name completes it.
      slugs: ['folksam', 'chronopost'],
      steps: [
        'guard-identity',
        'ask-the-organisation',
        'beware-delivery-texts',
        'beware-phishing',
        'expect-targeted-scams',
        'watch-for-forged-documents',
        'sign-up-for-alerts',
        'report-identity-theft',
        'resist-blackmail',
        'report-scams',
        'complain-to-authority',
      ],
      cross: ['guard-identity', 'report-identity-theft'],
    },
    {
      // Chronopost's name completes Almerys's NIR, date of birth and insurer.
      slugs: ['almerys', 'chronopost'],
      steps: [
        'check-health-insurance-account',
        'guard-identity',
        'ask-the-organisation',
        'beware-delivery-texts',
        'beware-phishing',
        'watch-for-forged-documents',
        'sign-up-for-alerts',
        'report-identity-theft',
        'report-scams',
        'complain-to-authority',
      ],
      cross: ['check-health-insurance-account', 'guard-identity', 'report-identity-theft', 'report-scams'],
    },
    {
      slugs: ['folksam', 'chronopost', 'almerys'],
      steps: [
        'check-health-insurance-account',
        'guard-identity',
        'ask-the-organisation',
        'beware-delivery-texts',
        'beware-phishing',
        'expect-targeted-scams',
        'watch-for-forged-documents',
        'sign-up-for-alerts',
        'report-identity-theft',
        'report-scams',
        'resist-blackmail',
        'complain-to-authority',
      ],
      cross: ['check-health-insurance-account', 'guard-identity', 'report-identity-theft', 'report-scams'],
    },
    {
      // Viamedis alone holds everything the health-refund scam needs: nothing is cross-breach any more.
      slugs: ['viamedis', 'almerys', 'chronopost', 'caisse-des-depots-ircantec', 'folksam'],
      steps: [
        'check-health-insurance-account',
        'guard-identity',
        'ask-the-organisation',
        'beware-delivery-texts',
        'beware-phishing',
        'expect-targeted-scams',
        'watch-for-forged-documents',
        'sign-up-for-alerts',
        'report-identity-theft',
        'report-scams',
        'resist-blackmail',
        'complain-to-authority',
      ],
      cross: [],
    },
  ];
  for (const { slugs, steps, cross } of table) {
    for (const country of PLAN_COUNTRIES) {
      it(`${slugs.join(' + ')} (${country})`, () => {
        const plan = planOf(seed(...slugs), country);
        assert.equal(plan.country, country);
        assert.deepEqual(stepIds(plan), steps);
        assert.deepEqual(
          plan.steps.filter((s) => s.crossBreach).map((s) => s.id),
          cross,
        );
      });
    }
  }

  it('almerys + chronopost: a cross-breach health-refund step naming where each piece came from', () => {
    const step = planOf(seed('almerys', 'chronopost'), 'FR').steps.find((s) => s.id === 'check-health-insurance-account');
    assert.ok(step);
    assert.equal(step.urgency, 'this-week');
    assert.deepEqual(step.scenarios, ['health-refund-fraud']);
    assert.equal(step.crossBreach, true);
    assert.deepEqual(step.because, [
      { dataClass: 'name', breaches: ['chronopost'] },
      { dataClass: 'date-of-birth', breaches: ['almerys'] },
      { dataClass: 'fr-nir', breaches: ['almerys'] },
      { dataClass: 'health-insurer', breaches: ['almerys'] },
      { dataClass: 'health-insurance-cover', breaches: ['almerys'] },
    ]);
  });

  it('a step answering several scenarios unions their classes and breaches', () => {
    const step = planOf(seed('almerys', 'chronopost'), 'FR').steps.find((s) => s.id === 'report-scams');
    assert.ok(step);
    assert.deepEqual(step.scenarios, ['health-refund-fraud', 'fake-delivery-phishing', 'phone-scam']);
    assert.deepEqual(
      step.because.map((b) => b.dataClass),
      ['name', 'date-of-birth', 'phone-number', 'postal-address', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
    );
    assert.deepEqual(step.because.find((b) => b.dataClass === 'phone-number')?.breaches, ['chronopost']);
  });
});

describe('country variants', () => {
  it('gives the same steps in every country, with national sources', () => {
    const plans = PLAN_COUNTRIES.map((country) => planOf(EVERYTHING, country));
    for (const plan of plans) assert.deepEqual(stepIds(plan), stepIds(plans[0]!));
    const sourcesOf = (country: PlanCountry, id: StepId) =>
      planOf(EVERYTHING, country)
        .steps.find((s) => s.id === id)
        ?.sources.map((s) => s.id);
    assert.deepEqual(sourcesOf('FR', 'complain-to-authority'), ['gdpr-art-34', 'gdpr-art-77', 'cnil']);
    assert.deepEqual(sourcesOf('SE', 'complain-to-authority'), ['gdpr-art-34', 'gdpr-art-77', 'imy']);
    assert.deepEqual(sourcesOf('other', 'complain-to-authority'), ['gdpr-art-34', 'gdpr-art-77', 'edpb']);
    assert.ok(sourcesOf('SE', 'guard-identity')?.includes('uc-fraud-block'));
    assert.ok(sourcesOf('SE', 'report-identity-theft')?.includes('polisen'));
    assert.ok(sourcesOf('FR', 'report-scams')?.includes('spam-33700'));
  });

  it('cites the Chronopost page only when a Chronopost breach is behind the step', () => {
    const cites = (matches: readonly ExposureInput[]) =>
      planOf(matches, 'FR')
        .steps.find((s) => s.id === 'beware-delivery-texts')
        ?.sources.map((s) => s.id);
    assert.deepEqual(cites(seed('chronopost')), ['cnil-advice', 'chronopost-sms']);
    assert.deepEqual(cites([{ slug: 'colis-prive-2024', classes: ['name', 'postal-address', 'phone-number'] }]), ['cnil-advice']);
    // Name from Viamedis, address and phone from a Chronopost leak under another slug: still Chronopost's.
    assert.deepEqual(
      cites([
        { slug: 'viamedis', classes: ['name'] },
        { slug: 'chronopost-2025', classes: ['postal-address', 'phone-number'] },
      ]),
      ['cnil-advice', 'chronopost-sms'],
    );
  });
});

describe('deadlines', () => {
  it('puts the 13-month limit from the debit date on the card and direct-debit steps, and on no other', () => {
    for (const country of PLAN_COUNTRIES) {
      for (const step of planOf(EVERYTHING, country).steps) {
        if (step.id === 'check-direct-debits' || step.id === 'block-payment-card') {
          assert.deepEqual(step.deadline, { kind: 'after-event', months: 13, event: 'debit' }, step.id);
          assert.ok(
            step.sources.some((s) => s.id === 'psd2-art-71'),
            step.id,
          );
        } else {
          assert.equal(step.deadline, null, step.id);
        }
      }
    }
  });

  it('cites the Banque de France and PSD2 Art. 76-77 for direct debits', () => {
    const step = planOf([{ slug: 'free', classes: ['iban'] }], 'SE').steps[0];
    assert.equal(step?.id, 'check-direct-debits');
    assert.deepEqual(
      step.sources.map((s) => s.id),
      ['cnil-iban', 'banque-de-france-sepa', 'psd2-art-71', 'psd2-art-73', 'psd2-art-76-77'],
    );
  });
});

describe('ordering', () => {
  const severityOf = (exposure: Exposure, scenarios: readonly ScenarioId[]): number =>
    Math.max(-1, ...scenarios.map((id) => SEVERITIES.indexOf(exposure.scenarios.find((s) => s.id === id)!.severity)));

  it('orders by urgency, then the most severe scenario answered (general steps last), then id', () => {
    for (const matches of [EVERYTHING, seed('folksam', 'chronopost', 'almerys'), seed('viamedis')]) {
      const exposure = assessExposure(matches);
      const plan = buildActionPlan(exposure, { country: 'FR' });
      const keys = plan.steps.map((s) => [URGENCIES.indexOf(s.urgency), -severityOf(exposure, s.scenarios), s.id] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
      assert.deepEqual(keys, sorted);
    }
  });

  it('puts the critical steps of a full exposure first', () => {
    assert.deepEqual(stepIds(planOf(EVERYTHING, 'other')), [
      'replace-identity-documents',
      'secure-accounts',
      'block-payment-card',
      'check-direct-debits',
      'guard-identity',
      'check-health-insurance-account',
      'ask-the-organisation',
      // All four answer medium scenarios: by id.
      'beware-delivery-texts',
      'beware-phishing',
      'expect-targeted-scams',
      'watch-for-forged-documents',
      'sign-up-for-alerts',
      'report-identity-theft',
      'report-scams',
      'resist-blackmail',
      'complain-to-authority',
    ]);
  });

  it('lists a step’s scenarios most severe first', () => {
    const step = planOf(EVERYTHING, 'FR').steps.find((s) => s.id === 'report-identity-theft');
    assert.deepEqual(step?.scenarios, ['identity-theft', 'identity-fraud', 'forged-documents']);
  });

  it('keeps the general steps for a person in no breach', () => {
    assert.deepEqual(stepIds(planOf([], 'SE')), ['ask-the-organisation', 'sign-up-for-alerts', 'complain-to-authority']);
    for (const step of planOf([], 'SE').steps) {
      assert.deepEqual(step.scenarios, []);
      assert.deepEqual(step.because, []);
      assert.equal(step.crossBreach, false);
    }
  });

  it('does not depend on the order of the matches', () => {
    const matches = seed('viamedis', 'almerys', 'chronopost', 'folksam');
    assert.deepEqual(planOf([...matches].reverse(), 'FR'), planOf(matches, 'FR'));
  });
});
