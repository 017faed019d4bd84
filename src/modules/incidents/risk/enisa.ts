// Imported from the taxonomy file itself, not the catalogue's index: the assessment runs in the browser too.
import { ENISA_CATEGORIES, findDataClass, type EnisaCategory } from '../../catalogue/taxonomy.js';
import { reasonLine, type ReasonLine } from './reasons.js';
import { RiskInputError, requireBoolean, requireObject, requireOneOf, requireText } from './risk-input-error.js';

/**
 * The ENISA severity of a personal-data breach: SE = DPC × EI + CB (ENISA severity methodology v1.0,
 * 2013; ../shared/reference/gdpr-breach-workflow.md §3). Every factor is an explicit input with a
 * written reason, because the DPC adjustments and CB levels are judgement calls (reference §0 item 3).
 * The numbers are those of the reference and nothing else; all are multiples of 0.25, so the
 * arithmetic is exact.
 */

const REF = 'gdpr-breach-workflow.md §3';

// --- DPC: data processing context --------------------------------------------------------------

export type DpcScore = 1 | 2 | 3 | 4;

/** Base score per data category (reference §3 "DPC scores by category", the bold cells). */
export const DPC_BASE: Readonly<Record<EnisaCategory, DpcScore>> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };

export const DPC_MIN = 1;
export const DPC_MAX = 4;

/**
 * The adjustments of DPC step 2, and only those the reference lists: raise for volume per person
 * (time or content), controller characteristics, individuals' characteristics; lower for known
 * invalidity, prior public availability, or a nature that reveals less. Adjustments are whole steps
 * and the adjusted DPC stays within 1–4.
 */
export const DPC_ADJUSTMENT_KINDS = [
  'volume',
  'controller-characteristics',
  'individual-characteristics',
  'known-invalidity',
  'public-availability',
  'less-revealing-nature',
] as const;
export type DpcAdjustmentKind = (typeof DPC_ADJUSTMENT_KINDS)[number];

export const DPC_ADJUSTMENT_DIRECTION: Readonly<Record<DpcAdjustmentKind, 1 | -1>> = {
  volume: 1,
  'controller-characteristics': 1,
  'individual-characteristics': 1,
  'known-invalidity': -1,
  'public-availability': -1,
  'less-revealing-nature': -1,
};

export interface DpcAdjustment {
  readonly kind: DpcAdjustmentKind;
  /** Whole steps, 1–3; the direction comes from the kind. */
  readonly steps: number;
  readonly reason: string;
}

export interface DpcInput {
  /** The data category the base score comes from (usually `proposeDpc(...).category`). */
  readonly category: EnisaCategory;
  readonly reason: string;
  /** At most one of each kind. */
  readonly adjustments?: readonly DpcAdjustment[];
}

export interface DpcProposal {
  readonly category: EnisaCategory;
  readonly base: DpcScore;
  /** The breached classes of that category, in the order given: the ones the base comes from. */
  readonly dataClasses: readonly string[];
  /** GDPR Art. 9/10 special categories among the breached classes (for the EDPB factors). */
  readonly specialCategories: readonly string[];
  readonly reason: ReasonLine;
  /** What the person should look at before accepting the base (ENISA DPC step 2). */
  readonly notes: readonly ReasonLine[];
}

const NATIONAL_ID_NUMBERS: readonly string[] = ['fr-nir', 'se-personnummer', 'national-id-number'];

/**
 * The proposed DPC base for the breached data classes: each class has its ENISA category in the
 * taxonomy, and when several categories apply the highest wins (reference §3 DPC step 1). The person
 * then adjusts it (step 2), with a reason for each step.
 */
export function proposeDpc(dataClasses: readonly string[]): DpcProposal {
  if (!Array.isArray(dataClasses) || dataClasses.length === 0)
    throw new RiskInputError('dataClasses', 'at least one data class is required');
  const classes = dataClasses.map((code: unknown, i) => {
    const found = typeof code === 'string' ? findDataClass(code) : undefined;
    if (!found) throw new RiskInputError(`dataClasses[${i}]`, 'is not a data class of the catalogue taxonomy');
    return found;
  });
  const unique = [...new Map(classes.map((c) => [c.code, c])).values()];
  const category = unique.reduce<EnisaCategory>(
    (best, c) => (ENISA_CATEGORIES.indexOf(c.enisa) > ENISA_CATEGORIES.indexOf(best) ? c.enisa : best),
    'simple',
  );
  const base = DPC_BASE[category];
  const fromCategory = unique.filter((c) => c.enisa === category).map((c) => c.code);
  const notes: ReasonLine[] = [];
  if (unique.some((c) => c.code === 'unspecified-personal-data')) notes.push(reasonLine('dpc-note-unspecified-data'));
  const ids = unique.filter((c) => NATIONAL_ID_NUMBERS.includes(c.code)).map((c) => c.code);
  if (ids.length > 0) notes.push(reasonLine('dpc-note-national-id-number', { classes: ids }));
  const credentials = unique.filter((c) => c.edpbType === 'credentials').map((c) => c.code);
  if (credentials.length > 0) notes.push(reasonLine('dpc-note-credentials', { classes: credentials }));
  return {
    category,
    base,
    dataClasses: fromCategory,
    specialCategories: unique.filter((c) => c.specialCategory).map((c) => c.code),
    reason: reasonLine('dpc-base-highest-category', { classes: fromCategory, category, base }),
    notes,
  };
}

// --- EI: ease of identification ----------------------------------------------------------------

export const EI_LEVELS = ['negligible', 'limited', 'significant', 'maximum'] as const;
export type EiLevel = (typeof EI_LEVELS)[number];

/** Reference §3 "Ease of Identification (EI)". */
export const EI_VALUES: Readonly<Record<EiLevel, number>> = { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 };

export interface EiInput {
  readonly level: EiLevel;
  readonly reason: string;
}

// --- CB: circumstances of the breach -----------------------------------------------------------

/**
 * Each element's levels, with the points of reference §3 "Circumstances of the Breach (CB)".
 * 'not-affected' (0) is for an element the breach does not touch; the reference's 0 column is for a
 * loss without the aggravating facts.
 */
export const CONFIDENTIALITY_LOSS = {
  'not-affected': 0,
  'no-evidence-of-illegal-processing': 0,
  'known-or-limited-recipients': 0.25,
  'published-or-unknown-recipients': 0.5,
} as const;
export const INTEGRITY_LOSS = {
  'not-affected': 0,
  'altered-no-incorrect-or-illegal-use': 0,
  'altered-recoverable': 0.25,
  'altered-not-recoverable': 0.5,
} as const;
export const AVAILABILITY_LOSS = {
  'not-affected': 0,
  'recoverable-without-difficulty': 0,
  'partial-or-temporary': 0.25,
  'full-and-unrecoverable': 0.5,
} as const;
export const MALICIOUS_INTENT_POINTS = 0.5;

export type ConfidentialityLoss = keyof typeof CONFIDENTIALITY_LOSS;
export type IntegrityLoss = keyof typeof INTEGRITY_LOSS;
export type AvailabilityLoss = keyof typeof AVAILABILITY_LOSS;

export interface CbInput {
  readonly confidentiality: { readonly level: ConfidentialityLoss; readonly reason: string };
  readonly integrity: { readonly level: IntegrityLoss; readonly reason: string };
  readonly availability: { readonly level: AvailabilityLoss; readonly reason: string };
  readonly maliciousIntent: { readonly malicious: boolean; readonly reason: string };
}

// --- SE: severity -----------------------------------------------------------------------------

export const SEVERITY_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Reference §3 "Severity bands": a level applies from its lower bound up to the next one. */
export const SEVERITY_BANDS: readonly { readonly level: SeverityLevel; readonly from: number; readonly meaning: string }[] = [
  { level: 'low', from: -Infinity, meaning: 'Individuals will not be affected, or may meet a few inconveniences' },
  { level: 'medium', from: 2, meaning: 'Significant inconveniences, which they will overcome despite some difficulties' },
  { level: 'high', from: 3, meaning: 'Significant consequences, which they should overcome albeit with serious difficulties' },
  { level: 'very-high', from: 4, meaning: 'Significant or even irreversible consequences, which they may not overcome' },
];

export function severityLevel(score: number): SeverityLevel {
  let level: SeverityLevel = 'low';
  for (const band of SEVERITY_BANDS) if (score >= band.from) level = band.level;
  return level;
}

/** The lowest and highest SE the formula can give: 1 × 0.25 + 0 and 4 × 1 + 2. */
export const SE_MIN = DPC_MIN * EI_VALUES.negligible;
export const SE_MAX =
  DPC_MAX * EI_VALUES.maximum +
  CONFIDENTIALITY_LOSS['published-or-unknown-recipients'] +
  INTEGRITY_LOSS['altered-not-recoverable'] +
  AVAILABILITY_LOSS['full-and-unrecoverable'] +
  MALICIOUS_INTENT_POINTS;

export interface SeverityInput {
  readonly dpc: DpcInput;
  readonly ei: EiInput;
  readonly cb: CbInput;
}

export const SEVERITY_FACTORS = [
  'dpc-base',
  ...DPC_ADJUSTMENT_KINDS.map((k) => `dpc-${k}` as const),
  'ei',
  'cb-confidentiality',
  'cb-integrity',
  'cb-availability',
  'cb-malicious-intent',
] as const;
export type SeverityFactorId = (typeof SEVERITY_FACTORS)[number];

export interface SeverityFactor {
  readonly factor: SeverityFactorId;
  /** The option chosen: the category, the EI or CB level, 'increase'/'decrease', 'malicious'/'not-malicious'. */
  readonly choice: string;
  /** Its contribution: the base score, the signed steps, the EI multiplier or the CB points. */
  readonly value: number;
  /** The person's written reason. */
  readonly reason: string;
  readonly reference: string;
}

export interface SeverityResult {
  readonly score: number;
  readonly level: SeverityLevel;
  readonly dpc: number;
  readonly ei: number;
  readonly cb: number;
  readonly factors: readonly SeverityFactor[];
}

function level<T extends string>(value: unknown, table: Readonly<Record<T, number>>, field: string): T {
  return requireOneOf(value, Object.keys(table) as T[], field);
}

/** SE = DPC × EI + CB, with the level and every factor's value and reason. Throws RiskInputError naming the field. */
export function severity(input: SeverityInput): SeverityResult {
  const root = requireObject(input, 'input');
  const factors: SeverityFactor[] = [];

  const dpcIn = requireObject(root.dpc, 'dpc');
  const category = requireOneOf(dpcIn.category, ENISA_CATEGORIES, 'dpc.category');
  const base = DPC_BASE[category];
  factors.push({
    factor: 'dpc-base',
    choice: category,
    value: base,
    reason: requireText(dpcIn.reason, 'dpc.reason'),
    reference: `${REF} DPC step 1`,
  });
  const adjustments = dpcIn.adjustments ?? [];
  if (!Array.isArray(adjustments)) throw new RiskInputError('dpc.adjustments', 'must be a list');
  const seen = new Set<DpcAdjustmentKind>();
  let dpc: number = base;
  adjustments.forEach((raw: unknown, i) => {
    const field = `dpc.adjustments[${i}]`;
    const adjustment = requireObject(raw, field);
    const kind = requireOneOf(adjustment.kind, DPC_ADJUSTMENT_KINDS, `${field}.kind`);
    if (seen.has(kind)) throw new RiskInputError(`${field}.kind`, 'each adjustment kind may be given once; put all its steps in one');
    seen.add(kind);
    const steps = adjustment.steps;
    if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > DPC_MAX - DPC_MIN) {
      throw new RiskInputError(`${field}.steps`, `must be a whole number of steps from 1 to ${DPC_MAX - DPC_MIN}`);
    }
    const direction = DPC_ADJUSTMENT_DIRECTION[kind];
    const value = direction * steps;
    factors.push({
      factor: `dpc-${kind}`,
      choice: direction > 0 ? 'increase' : 'decrease',
      value,
      reason: requireText(adjustment.reason, `${field}.reason`),
      reference: `${REF} DPC step 2`,
    });
    dpc += value;
  });
  if (dpc < DPC_MIN || dpc > DPC_MAX) {
    throw new RiskInputError('dpc.adjustments', `the adjusted DPC must stay within ${DPC_MIN}–${DPC_MAX} (base ${base}, adjusted ${dpc})`);
  }

  const eiIn = requireObject(root.ei, 'ei');
  const eiLevel = requireOneOf(eiIn.level, EI_LEVELS, 'ei.level');
  const ei = EI_VALUES[eiLevel];
  factors.push({ factor: 'ei', choice: eiLevel, value: ei, reason: requireText(eiIn.reason, 'ei.reason'), reference: `${REF} EI` });

  const cbIn = requireObject(root.cb, 'cb');
  const element = <T extends string>(name: 'confidentiality' | 'integrity' | 'availability', table: Readonly<Record<T, number>>): void => {
    const part = requireObject(cbIn[name], `cb.${name}`);
    const choice = level(part.level, table, `cb.${name}.level`);
    factors.push({
      factor: `cb-${name}`,
      choice,
      value: table[choice],
      reason: requireText(part.reason, `cb.${name}.reason`),
      reference: `${REF} CB`,
    });
  };
  element('confidentiality', CONFIDENTIALITY_LOSS);
  element('integrity', INTEGRITY_LOSS);
  element('availability', AVAILABILITY_LOSS);
  const maliciousIn = requireObject(cbIn.maliciousIntent, 'cb.maliciousIntent');
  const malicious = requireBoolean(maliciousIn.malicious, 'cb.maliciousIntent.malicious');
  factors.push({
    factor: 'cb-malicious-intent',
    choice: malicious ? 'malicious' : 'not-malicious',
    value: malicious ? MALICIOUS_INTENT_POINTS : 0,
    reason: requireText(maliciousIn.reason, 'cb.maliciousIntent.reason'),
    reference: `${REF} CB`,
  });
  const cb = factors.filter((f) => f.factor.startsWith('cb-')).reduce((sum, f) => sum + f.value, 0);

  const score = dpc * ei + cb;
  return { score, level: severityLevel(score), dpc, ei, cb, factors };
}
