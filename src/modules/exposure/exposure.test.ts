import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

import { DATA_CLASSES, SEED_BREACHES } from '../catalogue/index.js';
import { assessExposure, SCENARIO_IDS, SCENARIOS, SEVERITIES, type ExposureInput, type ScenarioId } from './index.js';

/** The classes each seed breach exposes (src/modules/catalogue/seed-breaches.ts); a test keeps them in step. */
const SEED: Readonly<Record<string, readonly string[]>> = {
  viamedis: ['name', 'date-of-birth', 'civil-status', 'marital-status', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
  almerys: ['date-of-birth', 'marital-status', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
  chronopost: ['name', 'postal-address', 'signature', 'phone-number'],
  'caisse-des-depots-ircantec': ['unspecified-personal-data'],
  folksam: ['se-personnummer', 'insurance-products', 'health-related-purchases', 'ip-address'],
};

const seed = (...slugs: string[]): ExposureInput[] => slugs.map((slug) => ({ slug, classes: SEED[slug] ?? [] }));
// The "Any" rule (targeted-phishing) fires for every non-empty exposure; the tables leave it out and a test
// of its own covers it.
const ANY = 'targeted-phishing';
const ids = (matches: readonly ExposureInput[]): ScenarioId[] =>
  assessExposure(matches)
    .scenarios.map((s) => s.id)
    .filter((id) => id !== ANY);
const idsOf = (classes: readonly string[]): ScenarioId[] => ids([{ slug: 'only', classes }]);
const scenario = (matches: readonly ExposureInput[], id: ScenarioId) => {
  const found = assessExposure(matches).scenarios.find((s) => s.id === id);
  assert.ok(found, `${id} fires`);
  return found;
};

describe('scenario rule table', () => {
  const known = new Map(DATA_CLASSES.map((c) => [c.code, c]));

  it('references only data classes that exist in the taxonomy and are not deprecated', () => {
    for (const rule of SCENARIOS) {
      for (const code of rule.requires.flat()) {
        const dataClass = known.get(code);
        assert.ok(dataClass, `${rule.id}: class ${code} exists in DATA_CLASSES`);
        assert.equal(dataClass.deprecatedIn, undefined, `${rule.id}: class ${code} is not deprecated`);
      }
    }
  });

  it('has exactly one rule per scenario id, each with at least one non-empty group', () => {
    assert.deepEqual(SCENARIOS.map((r) => r.id).sort(), [...SCENARIO_IDS].sort());
    for (const rule of SCENARIOS) {
      assert.ok(rule.requires.length > 0, rule.id);
      for (const group of rule.requires) assert.ok(group.length > 0, rule.id);
      assert.ok(SEVERITIES.includes(rule.severity), rule.id);
    }
  });

  it('cites a section of a reference file for every rule', () => {
    for (const rule of SCENARIOS) {
      assert.match(rule.source, /reference\/(gdpr-breach-workflow|anchors-hibp-monitor)\.md §\d/, rule.id);
    }
  });

  it('triggers sensitive-data blackmail only on GDPR special categories', () => {
    const rule = SCENARIOS.find((r) => r.id === 'sensitive-data-blackmail');
    assert.ok(rule);
    for (const code of rule.requires.flat()) assert.equal(known.get(code)?.specialCategory, true, code);
  });

  it('is pure: no node: import in the module sources', () => {
    for (const file of ['index.ts', 'exposure.ts', 'scenarios.ts']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /from ['"]node:/, file);
    }
  });
});

describe('every rule fires on each of its minimal class sets and not when a group is missing', () => {
  for (const rule of SCENARIOS) {
    it(rule.id, () => {
      const idsOf = (classes: readonly string[]) => assessExposure([{ slug: 'only', classes }]).scenarios.map((s) => s.id);
      // Each alternative of each group, with the first alternative of the others.
      for (const [g, group] of rule.requires.entries()) {
        for (const alternative of group) {
          const classes = rule.requires.map((other, i) => (i === g ? alternative : other[0]!));
          assert.ok(idsOf(classes).includes(rule.id), `${rule.id} fires on ${classes.join(' + ')}`);
        }
      }
      // Drop a whole group (every alternative of it): the rule must not fire.
      for (const [g, group] of rule.requires.entries()) {
        const classes = rule.requires.flat().filter((code) => !group.includes(code));
        assert.ok(!idsOf(classes).includes(rule.id), `${rule.id} does not fire without group ${g} (${group.join(' | ')})`);
      }
    });
  }
});

describe('the scenarios the issue names', () => {
  const table: readonly { classes: readonly string[]; expected: readonly ScenarioId[] }[] = [
    { classes: [], expected: [] },
    { classes: ['fr-nir', 'name', 'date-of-birth', 'health-insurer'], expected: ['health-refund-fraud', 'identity-fraud'] },
    { classes: ['fr-nir', 'civil-status', 'health-insurance-cover'], expected: ['health-refund-fraud', 'identity-fraud'] },
    { classes: ['fr-nir', 'name', 'health-insurer'], expected: [] },
    { classes: ['name', 'date-of-birth', 'health-insurer'], expected: [] },
    { classes: ['se-personnummer', 'name', 'date-of-birth', 'health-insurer'], expected: ['identity-fraud'] },
    { classes: ['fr-nir', 'name', 'date-of-birth'], expected: ['identity-fraud'] },
    { classes: ['national-id-number', 'civil-status'], expected: ['identity-fraud'] },
    { classes: ['fr-nir', 'date-of-birth'], expected: [] },
    { classes: ['name', 'postal-address', 'phone-number'], expected: ['fake-delivery-phishing', 'phone-scam'] },
    { classes: ['name', 'postal-address'], expected: [] },
    { classes: ['postal-address', 'phone-number'], expected: ['phone-scam'] },
    { classes: ['identity-document'], expected: ['identity-theft'] },
    { classes: ['passport-number'], expected: ['identity-theft'] },
    { classes: ['identity-card-number', 'driving-licence'], expected: ['identity-theft'] },
    { classes: ['iban'], expected: ['sepa-direct-debit-fraud'] },
    { classes: ['payment-card'], expected: ['payment-card-fraud'] },
    { classes: ['partial-payment-card'], expected: [] },
    { classes: ['se-personnummer', 'insurance-products'], expected: ['targeted-profiling-scam'] },
    { classes: ['fr-nir', 'purchases'], expected: ['targeted-profiling-scam'] },
    { classes: ['insurance-products', 'purchases'], expected: [] },
    { classes: ['se-personnummer'], expected: [] },
    // A personnummer begins with the date of birth (YYMMDD); a NIR holds only the year and month.
    { classes: ['se-personnummer', 'name'], expected: ['identity-fraud'] },
    { classes: ['fr-nir', 'name'], expected: [] },
    { classes: ['password'], expected: ['account-takeover'] },
    { classes: ['online-banking-credentials'], expected: ['account-takeover'] },
    { classes: ['username', 'password-hint'], expected: [] },
    { classes: ['email-address'], expected: ['email-phishing'] },
    { classes: ['phone-number'], expected: ['phone-scam'] },
    { classes: ['health-data'], expected: ['sensitive-data-blackmail'] },
    { classes: ['health-insurer', 'health-insurance-cover'], expected: [] },
    { classes: ['signature', 'name'], expected: ['forged-documents'] },
    { classes: ['signature'], expected: [] },
    { classes: ['ip-address', 'gender', 'unspecified-personal-data'], expected: [] },
  ];
  for (const { classes, expected } of table) {
    it(`${classes.join(' + ') || '(nothing)'} → ${expected.join(', ') || 'no scenario'}`, () => {
      assert.deepEqual(idsOf(classes), expected);
    });
  }
});

describe('the seed breaches, alone and combined', () => {
  it('fixtures match the seed catalogue', () => {
    const fromSeed = Object.fromEntries(SEED_BREACHES.map((b) => [b.slug, b.dataClasses]));
    assert.deepEqual(fromSeed, SEED);
  });

  const table: readonly { slugs: readonly string[]; expected: readonly ScenarioId[]; cross: readonly ScenarioId[] }[] = [
    { slugs: ['viamedis'], expected: ['health-refund-fraud', 'identity-fraud'], cross: [] },
    // Almerys records carry no name: NIR, date of birth and insurer alone reach nobody.
    { slugs: ['almerys'], expected: [], cross: [] },
    { slugs: ['chronopost'], expected: ['fake-delivery-phishing', 'forged-documents', 'phone-scam'], cross: [] },
    { slugs: ['caisse-des-depots-ircantec'], expected: [], cross: [] },
    { slugs: ['folksam'], expected: ['sensitive-data-blackmail', 'targeted-profiling-scam'], cross: [] },
    { slugs: ['viamedis', 'almerys'], expected: ['health-refund-fraud', 'identity-fraud'], cross: [] },
    {
      slugs: ['almerys', 'chronopost'],
      expected: ['health-refund-fraud', 'identity-fraud', 'fake-delivery-phishing', 'forged-documents', 'phone-scam'],
      cross: ['health-refund-fraud', 'identity-fraud'],
    },
    {
      // Folksam's personnummer carries the date of birth; Chronopost's name completes it: identity fraud.
      slugs: ['folksam', 'chronopost'],
      expected: [
        'identity-fraud',
        'sensitive-data-blackmail',
        'fake-delivery-phishing',
        'forged-documents',
        'phone-scam',
        'targeted-profiling-scam',
      ],
      cross: ['identity-fraud'],
    },
    {
      // Almerys's date of birth completes Folksam's personnummer and Chronopost's name.
      slugs: ['folksam', 'chronopost', 'almerys'],
      expected: [
        'health-refund-fraud',
        'identity-fraud',
        'sensitive-data-blackmail',
        'fake-delivery-phishing',
        'forged-documents',
        'phone-scam',
        'targeted-profiling-scam',
      ],
      cross: ['health-refund-fraud', 'identity-fraud'],
    },
    {
      slugs: ['viamedis', 'almerys', 'chronopost', 'caisse-des-depots-ircantec', 'folksam'],
      expected: [
        'health-refund-fraud',
        'identity-fraud',
        'sensitive-data-blackmail',
        'fake-delivery-phishing',
        'forged-documents',
        'phone-scam',
        'targeted-profiling-scam',
      ],
      cross: [],
    },
  ];
  for (const { slugs, expected, cross } of table) {
    it(`${slugs.join(' + ')} → ${expected.join(', ') || 'no scenario'}`, () => {
      const exposure = assessExposure(seed(...slugs));
      assert.deepEqual(ids(seed(...slugs)), expected);
      assert.deepEqual(
        exposure.scenarios.filter((s) => s.crossBreach).map((s) => s.id),
        cross,
      );
    });
  }

  it('explains a cross-breach scenario class by class', () => {
    const refund = scenario(seed('almerys', 'chronopost'), 'health-refund-fraud');
    assert.equal(refund.severity, 'high');
    assert.equal(refund.crossBreach, true);
    assert.deepEqual(refund.because, [
      { dataClass: 'name', breaches: ['chronopost'] },
      { dataClass: 'date-of-birth', breaches: ['almerys'] },
      { dataClass: 'fr-nir', breaches: ['almerys'] },
      { dataClass: 'health-insurer', breaches: ['almerys'] },
      { dataClass: 'health-insurance-cover', breaches: ['almerys'] },
    ]);
  });
});

describe('union and attribution', () => {
  it('returns an empty exposure for no matches', () => {
    assert.deepEqual(assessExposure([]), { dataClasses: [], breachesByClass: {}, scenarios: [] });
  });

  it('unions the classes in taxonomy order and attributes each class to its breaches', () => {
    const exposure = assessExposure(seed('viamedis', 'almerys', 'chronopost'));
    const order = DATA_CLASSES.map((c) => c.code);
    assert.deepEqual(
      exposure.dataClasses,
      [...new Set([...SEED.viamedis!, ...SEED.almerys!, ...SEED.chronopost!])].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
    assert.deepEqual(exposure.dataClasses.slice(0, 2), ['name', 'date-of-birth']);
    assert.deepEqual(exposure.breachesByClass, {
      name: ['chronopost', 'viamedis'],
      'date-of-birth': ['almerys', 'viamedis'],
      'marital-status': ['almerys', 'viamedis'],
      'civil-status': ['viamedis'],
      signature: ['chronopost'],
      'phone-number': ['chronopost'],
      'postal-address': ['chronopost'],
      'fr-nir': ['almerys', 'viamedis'],
      'health-insurer': ['almerys', 'viamedis'],
      'health-insurance-cover': ['almerys', 'viamedis'],
    });
    assert.deepEqual(Object.keys(exposure.breachesByClass), exposure.dataClasses);
  });

  it('merges duplicate classes and a slug given twice', () => {
    const exposure = assessExposure([
      { slug: 'b', classes: ['email-address', 'email-address'] },
      { slug: 'a', classes: ['email-address'] },
      { slug: 'b', classes: ['phone-number'] },
    ]);
    assert.deepEqual(exposure.dataClasses, ['email-address', 'phone-number']);
    assert.deepEqual(exposure.breachesByClass, { 'email-address': ['a', 'b'], 'phone-number': ['b'] });
    assert.deepEqual(
      scenario(
        [
          { slug: 'b', classes: ['name', 'postal-address'] },
          { slug: 'b', classes: ['phone-number'] },
        ],
        'fake-delivery-phishing',
      ).crossBreach,
      false,
    );
  });

  it('ignores class codes the taxonomy does not know', () => {
    const exposure = assessExposure([
      { slug: 'x', classes: ['not-a-class', '__proto__', 'toString', 'Email addresses', 'email-address'] },
      { slug: 'y', classes: ['no-such-class'] },
    ]);
    assert.deepEqual(exposure.dataClasses, ['email-address']);
    assert.deepEqual(Object.keys(exposure.breachesByClass), ['email-address']);
    assert.deepEqual(
      exposure.scenarios.map((s) => s.id),
      ['email-phishing', ANY],
    );
    assert.deepEqual(assessExposure([{ slug: 'z', classes: ['password-123'] }]), { dataClasses: [], breachesByClass: {}, scenarios: [] });
  });
});

describe('crossBreach', () => {
  const table: readonly { name: string; matches: readonly ExposureInput[]; crossBreach: boolean }[] = [
    {
      name: 'NIR + name + date of birth from viamedis, insurer from another breach',
      matches: [
        { slug: 'viamedis', classes: ['fr-nir', 'name', 'date-of-birth'] },
        { slug: 'almerys', classes: ['health-insurer'] },
      ],
      crossBreach: true,
    },
    {
      name: 'everything in one breach, parts repeated in another',
      matches: [
        { slug: 'viamedis', classes: ['fr-nir', 'name', 'date-of-birth', 'health-insurer'] },
        { slug: 'almerys', classes: ['fr-nir', 'health-insurer'] },
      ],
      crossBreach: false,
    },
    {
      name: 'each group from a different breach',
      matches: [
        { slug: 'a', classes: ['fr-nir'] },
        { slug: 'b', classes: ['name'] },
        { slug: 'c', classes: ['date-of-birth'] },
        { slug: 'd', classes: ['health-insurance-cover'] },
      ],
      crossBreach: true,
    },
    {
      name: 'one breach satisfies a group through another alternative (civil-status)',
      matches: [
        { slug: 'a', classes: ['fr-nir', 'civil-status', 'health-insurer'] },
        { slug: 'b', classes: ['name', 'date-of-birth'] },
      ],
      crossBreach: false,
    },
  ];
  for (const { name, matches, crossBreach } of table) {
    it(`${name}: ${String(crossBreach)}`, () => {
      assert.equal(scenario(matches, 'health-refund-fraud').crossBreach, crossBreach);
    });
  }

  it('is false for single-class scenarios even when the class is in several breaches', () => {
    const s = scenario(
      [
        { slug: 'a', classes: ['iban'] },
        { slug: 'b', classes: ['iban'] },
      ],
      'sepa-direct-debit-fraud',
    );
    assert.equal(s.crossBreach, false);
    assert.deepEqual(s.because, [{ dataClass: 'iban', breaches: ['a', 'b'] }]);
  });

  it('fake delivery SMS from name and address in one breach, phone in another', () => {
    const s = scenario(
      [
        { slug: 'shop', classes: ['name', 'postal-address'] },
        { slug: 'telco', classes: ['phone-number'] },
      ],
      'fake-delivery-phishing',
    );
    assert.equal(s.crossBreach, true);
    assert.deepEqual(s.because, [
      { dataClass: 'name', breaches: ['shop'] },
      { dataClass: 'phone-number', breaches: ['telco'] },
      { dataClass: 'postal-address', breaches: ['shop'] },
    ]);
  });
});

describe('the "Any" rule', () => {
  it('fires for any exposure, on every class the person has, never across breaches', () => {
    for (const slug of Object.keys(SEED)) {
      const exposure = assessExposure(seed(slug));
      const any = exposure.scenarios.find((s) => s.id === ANY);
      assert.ok(any, `${slug}: targeted phishing with real data`);
      assert.equal(any.severity, 'low');
      assert.deepEqual(
        any.because.map((b) => b.dataClass),
        exposure.dataClasses,
      );
      assert.equal(any.crossBreach, false);
    }
    assert.equal(assessExposure(seed('almerys', 'chronopost')).scenarios.find((s) => s.id === ANY)?.crossBreach, false);
  });

  it('does not fire when nothing is exposed', () => {
    assert.deepEqual(assessExposure([]).scenarios, []);
  });
});

describe('ordering', () => {
  it('puts the most severe first, then orders by id', () => {
    const exposure = assessExposure([
      { slug: 'a', classes: ['email-address', 'iban', 'phone-number'] },
      { slug: 'b', classes: ['password', 'identity-document', 'payment-card', 'health-data'] },
    ]);
    assert.deepEqual(
      exposure.scenarios.map((s) => [s.severity, s.id]),
      [
        ['critical', 'account-takeover'],
        ['critical', 'identity-theft'],
        ['high', 'payment-card-fraud'],
        ['high', 'sensitive-data-blackmail'],
        ['high', 'sepa-direct-debit-fraud'],
        ['medium', 'phone-scam'],
        ['low', 'email-phishing'],
        ['low', ANY],
      ],
    );
  });

  it('does not depend on the order of the matches or of their classes', () => {
    const matches = seed('viamedis', 'almerys', 'chronopost', 'folksam');
    const reversed = [...matches].reverse().map((m) => ({ slug: m.slug, classes: [...m.classes].reverse() }));
    assert.deepEqual(assessExposure(reversed), assessExposure(matches));
  });
});
