import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

import { DATA_CLASSES, type EnisaCategory } from '../../catalogue/taxonomy.js';
import { SEED_BREACHES } from '../../catalogue/seed-breaches.js';
import {
  AVAILABILITY_LOSS,
  CONFIDENTIALITY_LOSS,
  DPC_BASE,
  EI_VALUES,
  INTEGRITY_LOSS,
  MALICIOUS_INTENT_POINTS,
  proposeDpc,
  RiskInputError,
  SE_MAX,
  SE_MIN,
  severity,
  severityLevel,
  type AvailabilityLoss,
  type ConfidentialityLoss,
  type DpcAdjustment,
  type EiLevel,
  type IntegrityLoss,
  type SeverityInput,
  type SeverityLevel,
} from './index.js';

interface Spec {
  readonly category: EnisaCategory;
  readonly adjustments?: readonly DpcAdjustment[];
  readonly ei: EiLevel;
  readonly c?: ConfidentialityLoss;
  readonly i?: IntegrityLoss;
  readonly a?: AvailabilityLoss;
  readonly malicious?: boolean;
}

const input = (s: Spec): SeverityInput => ({
  dpc: { category: s.category, reason: 'category of the breached data', adjustments: s.adjustments ?? [] },
  ei: { level: s.ei, reason: 'how easily the people can be identified' },
  cb: {
    confidentiality: { level: s.c ?? 'not-affected', reason: 'confidentiality' },
    integrity: { level: s.i ?? 'not-affected', reason: 'integrity' },
    availability: { level: s.a ?? 'not-affected', reason: 'availability' },
    maliciousIntent: { malicious: s.malicious ?? false, reason: 'intent' },
  },
});

/** Expect a RiskInputError (a RangeError) naming `field`, whose message does not echo `secret`. */
function rejects(fn: () => unknown, field: string, secret?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof RiskInputError, `a RiskInputError, got ${String(e)}`);
    assert.ok(e instanceof RangeError);
    assert.equal(e.field, field);
    assert.ok(e.message.startsWith(`${field}: `), e.message);
    if (secret !== undefined) assert.ok(!e.message.includes(secret), 'the message does not echo the value');
    return true;
  });
}

describe('the reference values (gdpr-breach-workflow.md §3)', () => {
  it('DPC base per category, EI per level, CB points per element', () => {
    assert.deepEqual(DPC_BASE, { simple: 1, behavioural: 2, financial: 3, sensitive: 4 });
    assert.deepEqual(EI_VALUES, { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 });
    assert.deepEqual(Object.values(CONFIDENTIALITY_LOSS), [0, 0, 0.25, 0.5]);
    assert.deepEqual(Object.values(INTEGRITY_LOSS), [0, 0, 0.25, 0.5]);
    assert.deepEqual(Object.values(AVAILABILITY_LOSS), [0, 0, 0.25, 0.5]);
    assert.equal(MALICIOUS_INTENT_POINTS, 0.5);
    assert.equal(SE_MIN, 0.25);
    assert.equal(SE_MAX, 6);
  });
});

describe('severityLevel: the band thresholds', () => {
  const table: readonly [number, SeverityLevel][] = [
    [0, 'low'],
    [0.25, 'low'],
    [1.75, 'low'],
    [1.999, 'low'],
    [2, 'medium'],
    [2.75, 'medium'],
    [2.999, 'medium'],
    [3, 'high'],
    [3.75, 'high'],
    [3.999, 'high'],
    [4, 'very-high'],
    [6, 'very-high'],
  ];
  for (const [score, level] of table) it(`${score} → ${level}`, () => assert.equal(severityLevel(score), level));
});

describe('severity: SE = DPC × EI + CB on each side of every threshold', () => {
  const table: readonly { spec: Spec; score: number; level: SeverityLevel }[] = [
    { spec: { category: 'simple', ei: 'negligible' }, score: 0.25, level: 'low' },
    { spec: { category: 'simple', ei: 'maximum', c: 'known-or-limited-recipients', malicious: true }, score: 1.75, level: 'low' },
    { spec: { category: 'behavioural', ei: 'maximum' }, score: 2, level: 'medium' },
    { spec: { category: 'sensitive', ei: 'limited' }, score: 2, level: 'medium' },
    { spec: { category: 'behavioural', ei: 'maximum', i: 'altered-recoverable', malicious: true }, score: 2.75, level: 'medium' },
    { spec: { category: 'financial', ei: 'maximum' }, score: 3, level: 'high' },
    { spec: { category: 'sensitive', ei: 'significant' }, score: 3, level: 'high' },
    { spec: { category: 'financial', ei: 'maximum', a: 'partial-or-temporary', malicious: true }, score: 3.75, level: 'high' },
    { spec: { category: 'sensitive', ei: 'maximum' }, score: 4, level: 'very-high' },
    {
      spec: {
        category: 'financial',
        adjustments: [{ kind: 'volume', steps: 1, reason: 'a year of statements' }],
        ei: 'maximum',
        c: 'published-or-unknown-recipients',
        i: 'altered-not-recoverable',
        a: 'full-and-unrecoverable',
        malicious: true,
      },
      score: 6,
      level: 'very-high',
    },
    {
      // Whole-step adjustments: 4 − 2 = 2, × 0.75 = 1.5, + 0.25 + 0.25 = 2.
      spec: {
        category: 'sensitive',
        adjustments: [
          { kind: 'public-availability', steps: 1, reason: 'already published by the person' },
          { kind: 'less-revealing-nature', steps: 1, reason: 'only "had a general blood test"' },
        ],
        ei: 'significant',
        c: 'known-or-limited-recipients',
        a: 'partial-or-temporary',
      },
      score: 2,
      level: 'medium',
    },
    {
      spec: {
        category: 'sensitive',
        adjustments: [{ kind: 'known-invalidity', steps: 3, reason: 'test data' }],
        ei: 'maximum',
        c: 'no-evidence-of-illegal-processing',
      },
      score: 1,
      level: 'low',
    },
  ];
  for (const { spec, score, level } of table) {
    it(`${spec.category}, EI ${spec.ei}${spec.adjustments?.length ? `, adjusted` : ''} → ${score} (${level})`, () => {
      const result = severity(input(spec));
      assert.equal(result.score, score);
      assert.equal(result.level, level);
      assert.equal(result.dpc * result.ei + result.cb, result.score);
    });
  }
});

describe('severity: every factor with its value and its reason', () => {
  it('lists the base, each adjustment, EI and the four CB elements in order', () => {
    const result = severity({
      dpc: {
        category: 'simple',
        reason: 'name, NIR, insurer: all simple data',
        adjustments: [
          { kind: 'volume', steps: 1, reason: 'the combination enables identity fraud' },
          { kind: 'controller-characteristics', steps: 1, reason: 'a health third-party payer' },
        ],
      },
      ei: { level: 'maximum', reason: 'name and date of birth' },
      cb: {
        confidentiality: { level: 'published-or-unknown-recipients', reason: 'taken by an attacker' },
        integrity: { level: 'not-affected', reason: 'no sign of alteration' },
        availability: { level: 'partial-or-temporary', reason: 'platform shut down for days' },
        maliciousIntent: { malicious: true, reason: 'cyberattack' },
      },
    });
    assert.deepEqual(
      result.factors.map((f) => [f.factor, f.choice, f.value, f.reason]),
      [
        ['dpc-base', 'simple', 1, 'name, NIR, insurer: all simple data'],
        ['dpc-volume', 'increase', 1, 'the combination enables identity fraud'],
        ['dpc-controller-characteristics', 'increase', 1, 'a health third-party payer'],
        ['ei', 'maximum', 1, 'name and date of birth'],
        ['cb-confidentiality', 'published-or-unknown-recipients', 0.5, 'taken by an attacker'],
        ['cb-integrity', 'not-affected', 0, 'no sign of alteration'],
        ['cb-availability', 'partial-or-temporary', 0.25, 'platform shut down for days'],
        ['cb-malicious-intent', 'malicious', 0.5, 'cyberattack'],
      ],
    );
    assert.deepEqual([result.dpc, result.ei, result.cb, result.score, result.level], [3, 1, 1.25, 4.25, 'very-high']);
    for (const f of result.factors) assert.match(f.reference, /gdpr-breach-workflow\.md §3 (DPC|EI|CB)/);
  });

  it('signs decreases negative', () => {
    const result = severity(
      input({
        category: 'sensitive',
        adjustments: [{ kind: 'less-revealing-nature', steps: 2, reason: 'assumption only' }],
        ei: 'maximum',
      }),
    );
    assert.deepEqual(
      result.factors.filter((f) => f.factor.startsWith('dpc-')).map((f) => [f.factor, f.choice, f.value]),
      [
        ['dpc-base', 'sensitive', 4],
        ['dpc-less-revealing-nature', 'decrease', -2],
      ],
    );
    assert.equal(result.dpc, 2);
  });
});

describe('severity rejects out-of-range inputs, naming the field', () => {
  const ok = input({ category: 'simple', ei: 'maximum', c: 'known-or-limited-recipients' });
  const adj = (...adjustments: unknown[]) => ({ ...ok, dpc: { ...ok.dpc, adjustments } });
  const table: readonly { name: string; input: unknown; field: string }[] = [
    { name: 'no input', input: null, field: 'input' },
    { name: 'no dpc', input: { ...ok, dpc: undefined }, field: 'dpc' },
    { name: 'unknown category', input: { ...ok, dpc: { ...ok.dpc, category: 'medical' } }, field: 'dpc.category' },
    { name: 'DPC as a number', input: { ...ok, dpc: { ...ok.dpc, category: 4 } }, field: 'dpc.category' },
    { name: 'empty DPC reason', input: { ...ok, dpc: { ...ok.dpc, reason: '' } }, field: 'dpc.reason' },
    { name: 'blank DPC reason', input: { ...ok, dpc: { ...ok.dpc, reason: '   ' } }, field: 'dpc.reason' },
    { name: 'adjustments not a list', input: { ...ok, dpc: { ...ok.dpc, adjustments: {} } }, field: 'dpc.adjustments' },
    { name: 'unknown adjustment', input: adj({ kind: 'size', steps: 1, reason: 'r' }), field: 'dpc.adjustments[0].kind' },
    { name: 'zero steps', input: adj({ kind: 'volume', steps: 0, reason: 'r' }), field: 'dpc.adjustments[0].steps' },
    { name: 'negative steps', input: adj({ kind: 'volume', steps: -1, reason: 'r' }), field: 'dpc.adjustments[0].steps' },
    { name: 'four steps', input: adj({ kind: 'volume', steps: 4, reason: 'r' }), field: 'dpc.adjustments[0].steps' },
    { name: 'half a step', input: adj({ kind: 'volume', steps: 0.5, reason: 'r' }), field: 'dpc.adjustments[0].steps' },
    { name: 'steps as text', input: adj({ kind: 'volume', steps: '1', reason: 'r' }), field: 'dpc.adjustments[0].steps' },
    { name: 'adjustment without reason', input: adj({ kind: 'volume', steps: 1 }), field: 'dpc.adjustments[0].reason' },
    {
      name: 'the same kind twice',
      input: adj({ kind: 'volume', steps: 1, reason: 'r' }, { kind: 'volume', steps: 1, reason: 'r' }),
      field: 'dpc.adjustments[1].kind',
    },
    { name: 'below 1', input: adj({ kind: 'public-availability', steps: 1, reason: 'r' }), field: 'dpc.adjustments' },
    {
      name: 'above 4',
      input: { ...ok, dpc: { category: 'sensitive', reason: 'r', adjustments: [{ kind: 'volume', steps: 1, reason: 'r' }] } },
      field: 'dpc.adjustments',
    },
    { name: 'no EI', input: { ...ok, ei: undefined }, field: 'ei' },
    { name: 'unknown EI level', input: { ...ok, ei: { level: 'high', reason: 'r' } }, field: 'ei.level' },
    { name: 'EI as its value', input: { ...ok, ei: { level: 0.5, reason: 'r' } }, field: 'ei.level' },
    { name: 'EI without reason', input: { ...ok, ei: { level: 'maximum' } }, field: 'ei.reason' },
    { name: 'no CB', input: { ...ok, cb: undefined }, field: 'cb' },
    { name: 'no integrity', input: { ...ok, cb: { ...ok.cb, integrity: undefined } }, field: 'cb.integrity' },
    {
      name: 'unknown confidentiality level',
      input: { ...ok, cb: { ...ok.cb, confidentiality: { level: 'leaked', reason: 'r' } } },
      field: 'cb.confidentiality.level',
    },
    {
      name: 'CB points instead of a level',
      input: { ...ok, cb: { ...ok.cb, availability: { level: 0.25, reason: 'r' } } },
      field: 'cb.availability.level',
    },
    {
      name: 'CB element without reason',
      input: { ...ok, cb: { ...ok.cb, availability: { level: 'not-affected' } } },
      field: 'cb.availability.reason',
    },
    {
      name: 'malicious as text',
      input: { ...ok, cb: { ...ok.cb, maliciousIntent: { malicious: 'yes', reason: 'r' } } },
      field: 'cb.maliciousIntent.malicious',
    },
    {
      name: 'malicious without reason',
      input: { ...ok, cb: { ...ok.cb, maliciousIntent: { malicious: false } } },
      field: 'cb.maliciousIntent.reason',
    },
  ];
  for (const { name, input: bad, field } of table) {
    it(`${name} → ${field}`, () => rejects(() => severity(bad as SeverityInput), field));
  }

  it('accepts the good input the table starts from', () => {
    assert.equal(severity(ok).score, 1.25);
  });
});

describe('proposeDpc: the base from the taxonomy categories, the highest winning', () => {
  it('gives each class its own category base', () => {
    for (const c of DATA_CLASSES) {
      const p = proposeDpc([c.code]);
      assert.equal(p.category, c.enisa, c.code);
      assert.equal(p.base, DPC_BASE[c.enisa], c.code);
      assert.deepEqual(p.dataClasses, [c.code]);
    }
  });

  const table: readonly {
    slug: string;
    category: EnisaCategory;
    base: number;
    from: readonly string[];
    special: readonly string[];
    notes: readonly string[];
  }[] = [
    {
      slug: 'viamedis',
      category: 'simple',
      base: 1,
      from: ['name', 'date-of-birth', 'civil-status', 'marital-status', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
      special: [],
      notes: ['dpc-note-national-id-number'],
    },
    {
      slug: 'almerys',
      category: 'simple',
      base: 1,
      from: ['date-of-birth', 'marital-status', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
      special: [],
      notes: ['dpc-note-national-id-number'],
    },
    {
      slug: 'chronopost',
      category: 'simple',
      base: 1,
      from: ['name', 'postal-address', 'signature', 'phone-number'],
      special: [],
      notes: [],
    },
    {
      slug: 'caisse-des-depots-ircantec',
      category: 'simple',
      base: 1,
      from: ['unspecified-personal-data'],
      special: [],
      notes: ['dpc-note-unspecified-data'],
    },
    {
      slug: 'folksam',
      category: 'sensitive',
      base: 4,
      from: ['health-related-purchases'],
      special: ['health-related-purchases'],
      notes: ['dpc-note-national-id-number'],
    },
  ];
  for (const { slug, category, base, from, special, notes } of table) {
    it(`${slug} → ${category} (${base})`, () => {
      const breach = SEED_BREACHES.find((b) => b.slug === slug);
      assert.ok(breach, slug);
      const p = proposeDpc(breach.dataClasses);
      assert.deepEqual([p.category, p.base, p.dataClasses, p.specialCategories], [category, base, from, special]);
      assert.equal(p.reason.code, 'dpc-base-highest-category');
      assert.deepEqual(p.reason.params, { classes: from, category, base });
      assert.deepEqual(
        p.notes.map((n) => n.code),
        notes,
      );
    });
  }

  it('names the class and the category in every language', () => {
    const p = proposeDpc(['email-address', 'iban', 'purchases', 'iban']);
    assert.deepEqual([p.category, p.base, p.dataClasses], ['financial', 3, ['iban']]);
    assert.match(p.reason.text.en, /Proposed DPC base: 3 \(financial data\), from “Bank account number \(IBAN\)”/);
    assert.match(p.reason.text.fr, /DPC de base proposé : 3 \(données financières\), d'après «\u00a0Coordonnées bancaires \(IBAN\)\u00a0»/);
    assert.match(p.reason.text.sv, /Föreslagen DPC-bas: 3 \(finansiella uppgifter\), utifrån ”Bankkontonummer \(IBAN\)”/);
  });

  it('points at credentials, which take the category of what they open', () => {
    const p = proposeDpc(['email-address', 'password']);
    assert.equal(p.category, 'simple');
    assert.deepEqual(
      p.notes.map((n) => [n.code, n.params.classes]),
      [['dpc-note-credentials', ['password']]],
    );
  });

  const bad: readonly { name: string; classes: unknown; field: string }[] = [
    { name: 'no classes', classes: [], field: 'dataClasses' },
    { name: 'not a list', classes: 'name', field: 'dataClasses' },
    { name: 'an unknown class', classes: ['name', 'shoe-size'], field: 'dataClasses[1]' },
    { name: 'an HIBP name instead of a code', classes: ['Email addresses'], field: 'dataClasses[0]' },
    { name: 'a number', classes: [42], field: 'dataClasses[0]' },
  ];
  for (const { name, classes, field } of bad) {
    it(`rejects ${name} → ${field}`, () => rejects(() => proposeDpc(classes as string[]), field));
  }

  it('never echoes what it was given', () => {
    rejects(() => proposeDpc(['19121212-1212']), 'dataClasses[0]', '19121212-1212');
    rejects(
      () => severity({ ...input({ category: 'simple', ei: 'maximum' }), ei: { level: 'anna@example.com' as EiLevel, reason: 'r' } }),
      'ei.level',
      'anna@example.com',
    );
  });
});

describe('purity', () => {
  it('has no node: import, no clock, no randomness and no index import of another module', () => {
    for (const file of ['index.ts', 'enisa.ts', 'risk-proposal.ts', 'risk-messages.ts', 'reasons.ts', 'risk-input-error.ts']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /from ['"]node:/, file);
      assert.doesNotMatch(text, /Date\.now|new Date|Math\.random|process\./, file);
      assert.doesNotMatch(text, /from ['"]\.\.\/[^'"]*index\.js['"]/, file);
    }
  });
});
