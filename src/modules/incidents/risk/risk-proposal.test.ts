import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';

import { SEED_BREACHES } from '../../catalogue/seed-breaches.js';
import {
  proposeDpc,
  proposeNotification,
  REASON_CODES,
  RiskInputError,
  severity,
  type AvailabilityLoss,
  type ConfidentialityLoss,
  type DpcAdjustment,
  type EdpbFactors,
  type EiLevel,
  type InformIndividuals,
  type IntegrityLoss,
  type Measures,
  type NotificationInput,
  type NotificationProposal,
  type ReasonCode,
  type RiskOutcome,
  type SeverityLevel,
} from './index.js';

interface Spec {
  /** The breached data classes; the DPC category is proposeDpc's. */
  readonly classes: readonly string[];
  readonly adjustments?: readonly DpcAdjustment[];
  readonly ei: EiLevel;
  readonly c?: ConfidentialityLoss;
  readonly i?: IntegrityLoss;
  readonly a?: AvailabilityLoss;
  readonly malicious?: boolean;
}

const NO_MEASURES: Measures = {
  unintelligible: { status: 'no' },
  subsequentMeasures: { applies: false },
  disproportionateEffort: { applies: false },
};

/** A full input: the severity from the spec, the EDPB breach types from its CB elements, the rest defaulted. */
function build(spec: Spec, edpb: Partial<EdpbFactors> = {}, measures: Partial<Measures> = {}): NotificationInput {
  const dpc = proposeDpc(spec.classes);
  const cb = {
    confidentiality: spec.c ?? 'not-affected',
    integrity: spec.i ?? 'not-affected',
    availability: spec.a ?? 'not-affected',
  } as const;
  return {
    severity: severity({
      dpc: { category: dpc.category, reason: dpc.reason.text.en, adjustments: spec.adjustments ?? [] },
      ei: { level: spec.ei, reason: 'ease of identification' },
      cb: {
        confidentiality: { level: cb.confidentiality, reason: 'confidentiality' },
        integrity: { level: cb.integrity, reason: 'integrity' },
        availability: { level: cb.availability, reason: 'availability' },
        maliciousIntent: { malicious: spec.malicious ?? false, reason: 'intent' },
      },
    }),
    edpb: {
      breachTypes: (['confidentiality', 'integrity', 'availability'] as const).filter((t) => cb[t] !== 'not-affected'),
      specialCategories: dpc.specialCategories.length > 0,
      consequences: 'moderate',
      vulnerableIndividuals: false,
      numberOfIndividuals: 100,
      controllerCharacteristics: false,
      ...edpb,
    },
    measures: { ...NO_MEASURES, ...measures },
  };
}

interface Expected {
  readonly score: number;
  readonly level: SeverityLevel;
  readonly outcome: RiskOutcome;
  readonly notifyAuthority: boolean;
  readonly informIndividuals: InformIndividuals;
  /** Reason codes that must be there, and ones that must not. */
  readonly has?: readonly ReasonCode[];
  readonly hasNot?: readonly ReasonCode[];
}

interface Case {
  readonly name: string;
  readonly input: NotificationInput;
  readonly expected: Expected;
}

function check({ input, expected }: Case): NotificationProposal {
  const p = proposeNotification(input);
  assert.deepEqual(
    [input.severity.score, input.severity.level, p.riskOutcome, p.notifyAuthority, p.informIndividuals],
    [expected.score, expected.level, expected.outcome, expected.notifyAuthority, expected.informIndividuals],
  );
  const codes = p.reasons.map((r) => r.code);
  for (const code of expected.has ?? []) assert.ok(codes.includes(code), `has ${code}: ${codes.join(', ')}`);
  for (const code of expected.hasNot ?? []) assert.ok(!codes.includes(code), `has not ${code}`);
  // Always: the severity first, the register last, a line on the authority and one on the individuals.
  assert.equal(codes[0], 'enisa-severity');
  assert.equal(codes.at(-1), 'register-every-breach');
  assert.ok(codes.some((c) => c.startsWith('authority-')));
  assert.equal(new Set(codes).size, codes.length, 'no reason twice');
  return p;
}

const seed = (slug: string): readonly string[] => {
  const breach = SEED_BREACHES.find((b) => b.slug === slug);
  assert.ok(breach, slug);
  return breach.dataClasses;
};

/** The processors' breaches are assessed as their clients (the insurers, the controllers) would. */
const HEALTH_PAYER: readonly DpcAdjustment[] = [
  { kind: 'volume', steps: 1, reason: 'NIR with civil status and insurer per person: enough for identity and refund fraud' },
  { kind: 'controller-characteristics', steps: 1, reason: 'a health third-party payer: the insurer and cover reveal the social situation' },
];

const SEEDS: readonly Case[] = [
  {
    // CNIL: more than 33 million people; the insurers were to inform people individually (reference §6.2).
    name: 'Viamedis: NIR, civil status and insurer of 33 M people, taken in a cyberattack',
    input: build(
      {
        classes: seed('viamedis'),
        adjustments: HEALTH_PAYER,
        ei: 'maximum',
        c: 'published-or-unknown-recipients',
        a: 'partial-or-temporary',
        malicious: true,
      },
      { numberOfIndividuals: 33_000_000, controllerCharacteristics: true },
    ),
    expected: {
      score: 4.25,
      level: 'very-high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: [
        'high-risk-enisa',
        'edpb-controller-characteristics',
        'authority-notify-risk',
        'authority-deadline-72h',
        'authority-high-risk-act-fast',
        'individuals-required-high-risk',
        'individuals-content',
        'individuals-law-enforcement',
      ],
      hasNot: ['hint-controller-not-in-dpc', 'individuals-authority-may-order'],
    },
  },
  {
    name: 'Almerys: the same without names, so identification is significant rather than maximum',
    input: build(
      {
        classes: seed('almerys'),
        adjustments: HEALTH_PAYER,
        ei: 'significant',
        c: 'published-or-unknown-recipients',
        a: 'partial-or-temporary',
        malicious: true,
      },
      { numberOfIndividuals: 33_000_000, controllerCharacteristics: true },
    ),
    expected: {
      score: 3.5,
      level: 'high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['high-risk-enisa'],
    },
  },
  {
    name: 'Chronopost: name, address, phone and handwritten signature of 210,000 customers, stolen',
    input: build(
      {
        classes: seed('chronopost'),
        adjustments: [{ kind: 'volume', steps: 1, reason: 'handwritten signatures as well as contact details: usable for forgery' }],
        ei: 'maximum',
        c: 'published-or-unknown-recipients',
        malicious: true,
      },
      { numberOfIndividuals: 210_000 },
    ),
    expected: { score: 3, level: 'high', outcome: 'high', notifyAuthority: true, informIndividuals: 'required' },
  },
  {
    name: 'Chronopost rated as a plain customer list (no adjustment for the signatures)',
    input: build(
      { classes: seed('chronopost'), ei: 'maximum', c: 'published-or-unknown-recipients', malicious: true },
      { numberOfIndividuals: 210_000 },
    ),
    expected: {
      score: 2,
      level: 'medium',
      outcome: 'risk',
      notifyAuthority: true,
      informIndividuals: 'not-required',
      has: ['authority-notify-risk', 'individuals-not-high-risk', 'individuals-authority-may-order'],
      hasNot: ['authority-high-risk-act-fast', 'individuals-content'],
    },
  },
  {
    name: 'Caisse des Dépôts (Ircantec): unspecified data of 70,000 members, about 1,000 of them elected officials',
    input: build(
      {
        classes: seed('caisse-des-depots-ircantec'),
        adjustments: [
          { kind: 'individual-characteristics', steps: 1, reason: 'about 1,000 local elected representatives (public figures)' },
        ],
        ei: 'maximum',
        c: 'published-or-unknown-recipients',
        malicious: true,
      },
      { numberOfIndividuals: 70_000, consequences: 'to-be-determined' },
    ),
    expected: {
      score: 3,
      level: 'high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['edpb-consequences-to-be-determined', 'edpb-number-of-individuals'],
    },
  },
  {
    name: 'Folksam: personnummer and insurance bought (pregnancy cover) sent to five tech companies, not malicious',
    input: build(
      {
        classes: seed('folksam'),
        adjustments: [
          { kind: 'less-revealing-nature', steps: 1, reason: 'a pregnancy insurance reveals an assumption, not a health record' },
        ],
        ei: 'maximum',
        c: 'known-or-limited-recipients',
      },
      { numberOfIndividuals: 1_000_000 },
    ),
    expected: {
      score: 3.25,
      level: 'high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['edpb-special-categories', 'mitigating-dpc-lowered', 'individuals-required-high-risk'],
      hasNot: ['individuals-law-enforcement'],
    },
  },
  {
    name: 'Folksam, which does not know which customers are affected: a public communication',
    input: build(
      {
        classes: seed('folksam'),
        adjustments: [
          { kind: 'less-revealing-nature', steps: 1, reason: 'a pregnancy insurance reveals an assumption, not a health record' },
        ],
        ei: 'maximum',
        c: 'known-or-limited-recipients',
      },
      { numberOfIndividuals: 1_000_000 },
      { disproportionateEffort: { applies: true, justification: 'the customers concerned cannot be identified' } },
    ),
    expected: {
      score: 3.25,
      level: 'high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'public-communication-34-3-c',
      has: [
        'individuals-public-communication-34-3-c',
        'individuals-content',
        'authority-34-3-not-for-authority',
        'individuals-authority-may-order',
      ],
    },
  },
];

const LAPTOP = { classes: ['name', 'health-data'], ei: 'maximum', c: 'no-evidence-of-illegal-processing', malicious: true } as const;
const KEY_SAFE: Partial<Measures> = {
  unintelligible: { status: 'protection-intact', justification: 'full-disk encryption, key in the company HSM, not on the laptop' },
};
const MISDIRECTED = { classes: ['name', 'email-address'], ei: 'maximum', c: 'known-or-limited-recipients' } as const;
const DELETED: Partial<Measures> = {
  subsequentMeasures: { applies: true, justification: 'the recipient confirmed in writing that the e-mail was deleted unread' },
};

const CASES: readonly Case[] = [
  {
    name: 'stolen laptop, health data, encrypted with the key safe → exempt under 34(3)(a), the authority still proposed',
    input: build(LAPTOP, { numberOfIndividuals: 2_000 }, KEY_SAFE),
    expected: {
      score: 4.5,
      level: 'very-high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'exempt-34-3-a',
      has: [
        'mitigating-unintelligible',
        'individuals-exempt-34-3-a',
        'authority-34-3-not-for-authority',
        'individuals-authority-may-order',
      ],
      hasNot: ['individuals-content', 'individuals-law-enforcement'],
    },
  },
  {
    name: 'the same laptop with the key taped to it → inform',
    input: build(LAPTOP, {}, { unintelligible: { status: 'protection-likely-subverted' } }),
    expected: {
      score: 4.5,
      level: 'very-high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['exemption-a-protection-not-intact', 'individuals-law-enforcement'],
      hasNot: ['mitigating-unintelligible'],
    },
  },
  {
    name: 'encrypted, but the only copy is lost (availability) → 34(3)(a) not relied on',
    input: build({ ...LAPTOP, a: 'full-and-unrecoverable' }, {}, KEY_SAFE),
    expected: {
      score: 5,
      level: 'very-high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['exemption-a-not-for-availability-integrity'],
    },
  },
  {
    name: 'encryption not assessable, but people cannot be reached one by one → public communication',
    input: build(
      LAPTOP,
      { numberOfIndividuals: null },
      {
        unintelligible: { status: 'cannot-assess' },
        disproportionateEffort: { applies: true, justification: 'no contact details are held for these people' },
      },
    ),
    expected: {
      score: 4.5,
      level: 'very-high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'public-communication-34-3-c',
      has: ['exemption-a-protection-not-intact', 'edpb-number-unknown', 'individuals-law-enforcement'],
    },
  },
  {
    name: 'high risk removed by subsequent measures → exempt under 34(3)(b), even with disproportionate effort',
    input: build(LAPTOP, {}, { ...DELETED, disproportionateEffort: { applies: true, justification: 'no addresses' } }),
    expected: {
      score: 4.5,
      level: 'very-high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'exempt-34-3-b',
      has: ['mitigating-subsequent-measures', 'individuals-exempt-34-3-b'],
      hasNot: ['individuals-public-communication-34-3-c'],
    },
  },
  {
    name: 'e-mail to the wrong known recipient, deleted, consequences minor → the authority may not be needed',
    input: build(MISDIRECTED, { consequences: 'minor', numberOfIndividuals: 1 }, DELETED),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'unlikely',
      notifyAuthority: false,
      informIndividuals: 'not-required',
      has: ['mitigating-subsequent-measures', 'authority-not-required-unlikely-risk', 'individuals-not-high-risk'],
      hasNot: ['authority-deadline-72h', 'individuals-authority-may-order'],
    },
  },
  {
    name: 'lost file, no sign anyone read it, data public anyway → the authority may not be needed',
    input: build(
      {
        classes: ['name', 'job-title'],
        ei: 'limited',
        c: 'no-evidence-of-illegal-processing',
      },
      { consequences: 'minor' },
    ),
    expected: {
      score: 0.5,
      level: 'low',
      outcome: 'unlikely',
      notifyAuthority: false,
      informIndividuals: 'not-required',
      has: ['mitigating-no-evidence-of-illegal-processing', 'authority-not-required-unlikely-risk'],
    },
  },
  {
    name: 'low severity, data lowered as already public, consequences minor → the authority may not be needed',
    input: build(
      {
        classes: ['purchases'],
        adjustments: [{ kind: 'public-availability', steps: 1, reason: 'the wish lists were public on the site' }],
        ei: 'significant',
        c: 'published-or-unknown-recipients',
      },
      { consequences: 'minor' },
    ),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'unlikely',
      notifyAuthority: false,
      informIndividuals: 'not-required',
      has: ['mitigating-dpc-lowered'],
    },
  },
  {
    name: 'the same misdirected e-mail with no mitigating fact → when in doubt, notify',
    input: build(MISDIRECTED, { consequences: 'minor' }),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'risk',
      notifyAuthority: true,
      informIndividuals: 'not-required',
      has: ['authority-notify-when-in-doubt', 'authority-deadline-72h'],
      hasNot: ['authority-notify-risk'],
    },
  },
  {
    name: 'low, deleted, but consequences moderate → notify',
    input: build(MISDIRECTED, { consequences: 'moderate' }, DELETED),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'risk',
      notifyAuthority: true,
      informIndividuals: 'not-required',
      has: ['authority-notify-when-in-doubt'],
    },
  },
  {
    name: 'low, deleted, but consequences not yet known → notify',
    input: build(MISDIRECTED, { consequences: 'to-be-determined' }, DELETED),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'risk',
      notifyAuthority: true,
      informIndividuals: 'not-required',
      has: ['edpb-consequences-to-be-determined', 'authority-notify-when-in-doubt'],
    },
  },
  {
    name: 'low, deleted, minor, but children affected → notify, and check the DPC',
    input: build(MISDIRECTED, { consequences: 'minor', vulnerableIndividuals: true }, DELETED),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'risk',
      notifyAuthority: true,
      informIndividuals: 'not-required',
      has: ['edpb-vulnerable-individuals', 'hint-vulnerable-not-in-dpc', 'authority-notify-when-in-doubt'],
    },
  },
  {
    name: 'medium severity with children affected → high risk',
    input: build(
      {
        classes: ['name', 'email-address'],
        adjustments: [{ kind: 'individual-characteristics', steps: 1, reason: 'pupils of a primary school' }],
        ei: 'maximum',
        c: 'known-or-limited-recipients',
      },
      { vulnerableIndividuals: true, controllerCharacteristics: true },
    ),
    expected: {
      score: 2.25,
      level: 'medium',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['edpb-vulnerable-individuals-high', 'hint-controller-not-in-dpc'],
      hasNot: ['hint-vulnerable-not-in-dpc', 'high-risk-enisa'],
    },
  },
  {
    name: 'low severity but special-category data → high risk',
    input: build(
      {
        classes: ['health-data'],
        adjustments: [{ kind: 'less-revealing-nature', steps: 3, reason: 'only "had a general blood test"' }],
        ei: 'negligible',
        c: 'known-or-limited-recipients',
      },
      { consequences: 'minor' },
      DELETED,
    ),
    expected: {
      score: 0.5,
      level: 'low',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'exempt-34-3-b',
      has: ['edpb-special-categories', 'authority-notify-risk'],
    },
  },
  {
    name: 'low severity but consequences rated severe → high risk',
    input: build(MISDIRECTED, { consequences: 'severe' }),
    expected: {
      score: 1.25,
      level: 'low',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['edpb-consequences-severe', 'authority-notify-risk'],
    },
  },
  {
    name: 'ransomware on a payroll server, restored from backup in a day → integrity and availability, medium',
    input: build(
      { classes: ['name', 'income'], ei: 'maximum', i: 'altered-no-incorrect-or-illegal-use', a: 'partial-or-temporary', malicious: true },
      { consequences: 'minor' },
    ),
    expected: {
      score: 3.75,
      level: 'high',
      outcome: 'high',
      notifyAuthority: true,
      informIndividuals: 'required',
      has: ['edpb-breach-types'],
    },
  },
];

describe('the seed breaches as realistic assessments', () => {
  for (const c of SEEDS) it(c.name, () => void check(c));

  it('Viamedis: the reasons in order', () => {
    const p = check(SEEDS[0]!);
    assert.deepEqual(
      p.reasons.map((r) => r.code),
      [
        'enisa-severity',
        'high-risk-enisa',
        'edpb-breach-types',
        'edpb-ease-of-identification',
        'edpb-consequences',
        'edpb-number-of-individuals',
        'edpb-controller-characteristics',
        'authority-notify-risk',
        'authority-deadline-72h',
        'authority-high-risk-act-fast',
        'individuals-required-high-risk',
        'individuals-content',
        'individuals-law-enforcement',
        'register-every-breach',
      ],
    );
    assert.equal(p.reasons[0]!.text.en, 'ENISA severity: 4.25, which is very high (SE = DPC × EI + CB).');
    assert.equal(p.reasons[0]!.text.fr, 'Gravité ENISA : 4,25, soit un niveau très élevé (SE = DPC × EI + CB).');
    assert.equal(p.reasons[0]!.text.sv, 'Allvarlighetsgrad enligt ENISA: 4,25, alltså mycket hög (SE = DPC × EI + CB).');
    assert.equal(p.reasons[2]!.text.en, 'Type of breach: confidentiality and availability.');
    assert.match(p.reasons[5]!.text.en, /Number of people affected: 33,000,000\./);
  });
});

describe('proposals: exemptions, thresholds, doubt and mitigating facts', () => {
  for (const c of CASES) it(c.name, () => void check(c));

  it('an exemption claimed when the risk is not high changes nothing for the individuals', () => {
    const p = proposeNotification(build(MISDIRECTED, { consequences: 'moderate' }, KEY_SAFE));
    assert.equal(p.informIndividuals, 'not-required');
    assert.ok(!p.reasons.some((r) => r.code.startsWith('individuals-exempt')));
  });
});

describe('it is a proposal, never a decision', () => {
  it('carries the disclaimer in every language', () => {
    const p = proposeNotification(SEEDS[0]!.input);
    assert.match(p.disclaimer.en, /proposal/);
    assert.match(p.disclaimer.en, /not a legal decision/);
    assert.match(p.disclaimer.fr, /proposition/);
    assert.match(p.disclaimer.fr, /ni une décision juridique/);
    assert.match(p.disclaimer.sv, /förslag/);
    assert.match(p.disclaimer.sv, /inget juridiskt beslut/);
  });

  it('cites its basis on every line', () => {
    for (const c of [...SEEDS, ...CASES]) {
      for (const r of proposeNotification(c.input).reasons) {
        assert.ok(r.basis.length > 0, r.code);
        assert.match(r.reference, /§\d/, r.code);
      }
    }
  });

  it('does not depend on anything but its input', () => {
    const input = SEEDS[5]!.input;
    assert.deepEqual(proposeNotification(input), proposeNotification(structuredClone(input)));
  });
});

describe('every reason code is reachable', () => {
  it('some case above gives each one', () => {
    const seen = new Set<ReasonCode>();
    for (const c of [...SEEDS, ...CASES]) for (const r of proposeNotification(c.input).reasons) seen.add(r.code);
    for (const slug of ['folksam', 'caisse-des-depots-ircantec']) for (const n of proposeDpc(seed(slug)).notes) seen.add(n.code);
    seen.add(proposeDpc(['password']).notes[0]!.code);
    seen.add(proposeDpc(['name']).reason.code);
    assert.deepEqual(
      REASON_CODES.filter((code) => !seen.has(code)),
      [],
    );
  });
});

describe('proposeNotification rejects inconsistent or out-of-range inputs, naming the field', () => {
  const ok = build(MISDIRECTED, { consequences: 'minor' }, DELETED);
  const edpb = (over: Record<string, unknown>) => ({ ...ok, edpb: { ...ok.edpb, ...over } });
  const measures = (over: Record<string, unknown>) => ({ ...ok, measures: { ...ok.measures, ...over } });
  const table: readonly { name: string; input: unknown; field: string }[] = [
    { name: 'no input', input: undefined, field: 'input' },
    { name: 'no severity', input: { ...ok, severity: null }, field: 'severity' },
    { name: 'a score out of range', input: { ...ok, severity: { ...ok.severity, score: 7 } }, field: 'severity.score' },
    { name: 'a negative score', input: { ...ok, severity: { ...ok.severity, score: -1 } }, field: 'severity.score' },
    { name: 'a score that is not a number', input: { ...ok, severity: { ...ok.severity, score: NaN } }, field: 'severity.score' },
    {
      name: 'a level that does not match the score',
      input: { ...ok, severity: { ...ok.severity, level: 'high' } },
      field: 'severity.level',
    },
    { name: 'an unknown level', input: { ...ok, severity: { ...ok.severity, level: 'extreme' } }, field: 'severity.level' },
    { name: 'no factors', input: { ...ok, severity: { ...ok.severity, factors: undefined } }, field: 'severity.factors' },
    {
      name: 'factors without EI',
      input: { ...ok, severity: { ...ok.severity, factors: ok.severity.factors.filter((f) => f.factor !== 'ei') } },
      field: 'severity.factors',
    },
    {
      name: 'a factor that is not one',
      input: { ...ok, severity: { ...ok.severity, factors: [...ok.severity.factors, null] } },
      field: 'severity.factors',
    },
    { name: 'no EDPB factors', input: { ...ok, edpb: undefined }, field: 'edpb' },
    { name: 'no breach type', input: edpb({ breachTypes: [] }), field: 'edpb.breachTypes' },
    { name: 'an unknown breach type', input: edpb({ breachTypes: ['confidentiality', 'secrecy'] }), field: 'edpb.breachTypes[1]' },
    { name: 'a breach type twice', input: edpb({ breachTypes: ['confidentiality', 'confidentiality'] }), field: 'edpb.breachTypes' },
    { name: 'confidentiality scored but not listed', input: edpb({ breachTypes: ['integrity'] }), field: 'edpb.breachTypes' },
    {
      name: 'availability listed but not scored',
      input: edpb({ breachTypes: ['confidentiality', 'availability'] }),
      field: 'edpb.breachTypes',
    },
    { name: 'special categories as text', input: edpb({ specialCategories: 'no' }), field: 'edpb.specialCategories' },
    { name: 'an unknown consequence rating', input: edpb({ consequences: 'bad' }), field: 'edpb.consequences' },
    { name: 'vulnerable missing', input: edpb({ vulnerableIndividuals: undefined }), field: 'edpb.vulnerableIndividuals' },
    { name: 'no one affected', input: edpb({ numberOfIndividuals: 0 }), field: 'edpb.numberOfIndividuals' },
    { name: 'a negative number of people', input: edpb({ numberOfIndividuals: -5 }), field: 'edpb.numberOfIndividuals' },
    { name: 'a fractional number of people', input: edpb({ numberOfIndividuals: 1.5 }), field: 'edpb.numberOfIndividuals' },
    { name: 'a number of people as text', input: edpb({ numberOfIndividuals: '100' }), field: 'edpb.numberOfIndividuals' },
    {
      name: 'controller characteristics missing',
      input: edpb({ controllerCharacteristics: undefined }),
      field: 'edpb.controllerCharacteristics',
    },
    { name: 'no measures', input: { ...ok, measures: undefined }, field: 'measures' },
    {
      name: 'an unknown unintelligibility',
      input: measures({ unintelligible: { status: 'encrypted' } }),
      field: 'measures.unintelligible.status',
    },
    {
      name: '34(3)(a) claimed without justification',
      input: measures({ unintelligible: { status: 'protection-intact' } }),
      field: 'measures.unintelligible.justification',
    },
    {
      name: '34(3)(b) claimed without justification',
      input: measures({ subsequentMeasures: { applies: true, justification: ' ' } }),
      field: 'measures.subsequentMeasures.justification',
    },
    {
      name: '34(3)(c) claimed without justification',
      input: measures({ disproportionateEffort: { applies: true } }),
      field: 'measures.disproportionateEffort.justification',
    },
    {
      name: '34(3)(c) as text',
      input: measures({ disproportionateEffort: { applies: 'yes' } }),
      field: 'measures.disproportionateEffort.applies',
    },
    { name: 'subsequent measures missing', input: measures({ subsequentMeasures: undefined }), field: 'measures.subsequentMeasures' },
  ];
  for (const { name, input, field } of table) {
    it(`${name} → ${field}`, () => {
      assert.throws(
        () => proposeNotification(input as NotificationInput),
        (e: unknown) => e instanceof RiskInputError && e instanceof RangeError && e.field === field && e.message.startsWith(`${field}: `),
      );
    });
  }

  it('accepts the good input the table starts from', () => {
    assert.equal(proposeNotification(ok).notifyAuthority, false);
  });
});
