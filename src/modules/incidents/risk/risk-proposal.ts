import type { Localized } from '../../../platform/locale.js';
import { LOCALES } from '../../../platform/locale.js';
import { EI_LEVELS, SE_MAX, SE_MIN, SEVERITY_LEVELS, severityLevel, type SeverityFactor, type SeverityResult } from './enisa.js';
import { reasonLine, type ReasonLine } from './reasons.js';
import { RiskInputError, requireBoolean, requireObject, requireOneOf, requireText } from './risk-input-error.js';
import { RISK_MESSAGES } from './risk-messages.js';

/**
 * The notification proposal: notify the supervisory authority unless the breach is unlikely to result
 * in a risk (GDPR Art. 33(1)); inform the individuals when it is likely to result in a high risk
 * (Art. 34(1)) unless an Art. 34(3) condition is met. Every ground is a reason line citing the law,
 * the EDPB guidelines or ENISA (../shared/reference/gdpr-breach-workflow.md §1–§4.1).
 *
 * It is a proposal: the controller decides, and the output says so. The rules lean towards notifying,
 * as the CNIL advises ("En cas de doute, notifiez", reference §4.1): the authority is left out only
 * when the ENISA severity is low, the person rates the consequences minor, no factor points to a high
 * risk or to vulnerable people, and at least one mitigating fact is on record.
 */

/** Art. 4(12); one breach can be of several types (EDPB Guidelines 01/2021 para 5). */
export const BREACH_TYPES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachType = (typeof BREACH_TYPES)[number];

/** The person's rating of the likely consequences: the EDPB template's §4.1 severity options. */
export const CONSEQUENCE_SEVERITIES = ['minor', 'moderate', 'severe', 'to-be-determined'] as const;
export type ConsequenceSeverity = (typeof CONSEQUENCE_SEVERITIES)[number];

/** Were the data unintelligible to whoever got them? The EDPB template's §3.2 options. */
export const UNINTELLIGIBILITY = ['protection-intact', 'protection-likely-subverted', 'no', 'cannot-assess'] as const;
export type Unintelligibility = (typeof UNINTELLIGIBILITY)[number];

export const INFORM_INDIVIDUALS = ['required', 'not-required', 'exempt-34-3-a', 'exempt-34-3-b', 'public-communication-34-3-c'] as const;
export type InformIndividuals = (typeof INFORM_INDIVIDUALS)[number];

/** The EDPB template's §4.2 risk outcomes (without "more information needed"). */
export const RISK_OUTCOMES = ['high', 'risk', 'unlikely'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];

/**
 * The risk factors of EDPB Guidelines 9/2022 §IV.B (reference §2.1). Ease of identification is the
 * ENISA EI of the severity, and the volume of data per person its DPC volume adjustment: one answer each.
 */
export interface EdpbFactors {
  /** Type of breach. */
  readonly breachTypes: readonly BreachType[];
  /** Nature and sensitivity: GDPR Art. 9 special categories or Art. 10 criminal data are involved (paras 102–103). */
  readonly specialCategories: boolean;
  /** Severity of consequences, as the person rates it. */
  readonly consequences: ConsequenceSeverity;
  /** Special characteristics of the individuals: children or other vulnerable people. */
  readonly vulnerableIndividuals: boolean;
  /** Number of affected individuals; null when it cannot yet be determined. */
  readonly numberOfIndividuals: number | null;
  /** Special characteristics of the controller, e.g. a medical organisation (para 117). */
  readonly controllerCharacteristics: boolean;
}

/** The Art. 34(3) conditions; each one claimed needs its justification (EDPB template §4.4). */
export interface Measures {
  /** 34(3)(a): measures rendering the data unintelligible, e.g. encryption with the key not compromised. */
  readonly unintelligible: { readonly status: Unintelligibility; readonly justification?: string };
  /** 34(3)(b): subsequent measures ensure the high risk is no longer likely to materialise. */
  readonly subsequentMeasures: { readonly applies: boolean; readonly justification?: string };
  /** 34(3)(c): telling each person would involve disproportionate effort; a public communication replaces it. */
  readonly disproportionateEffort: { readonly applies: boolean; readonly justification?: string };
}

export interface NotificationInput {
  readonly severity: SeverityResult;
  readonly edpb: EdpbFactors;
  readonly measures: Measures;
}

export interface NotificationProposal {
  readonly riskOutcome: RiskOutcome;
  readonly notifyAuthority: boolean;
  readonly informIndividuals: InformIndividuals;
  /** In order: the severity, the EDPB factors, the mitigating facts, the authority, the individuals, the register. */
  readonly reasons: readonly ReasonLine[];
  readonly disclaimer: Localized;
}

const CB_FACTOR = { confidentiality: 'cb-confidentiality', integrity: 'cb-integrity', availability: 'cb-availability' } as const;

function checkSeverity(raw: unknown): SeverityResult {
  const s = requireObject(raw, 'severity');
  const score = s.score;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < SE_MIN || score > SE_MAX) {
    throw new RiskInputError('severity.score', `must be an ENISA score from ${SE_MIN} to ${SE_MAX}`);
  }
  const level = requireOneOf(s.level, SEVERITY_LEVELS, 'severity.level');
  if (severityLevel(score) !== level) throw new RiskInputError('severity.level', 'does not match the score (use the result of severity())');
  if (!Array.isArray(s.factors)) throw new RiskInputError('severity.factors', 'is required (use the result of severity())');
  const factors = s.factors as readonly SeverityFactor[];
  for (const f of factors as readonly unknown[]) {
    const ok =
      typeof f === 'object' &&
      f !== null &&
      typeof (f as SeverityFactor).factor === 'string' &&
      Number.isFinite((f as SeverityFactor).value);
    if (!ok) throw new RiskInputError('severity.factors', 'holds an entry that is not a factor (use the result of severity())');
  }
  for (const id of ['ei', ...Object.values(CB_FACTOR)]) {
    if (!factors.some((f) => f.factor === id))
      throw new RiskInputError('severity.factors', `the ${id} factor is missing (use the result of severity())`);
  }
  return raw as SeverityResult;
}

function checkEdpb(raw: unknown, severity: SeverityResult): EdpbFactors {
  const e = requireObject(raw, 'edpb');
  if (!Array.isArray(e.breachTypes) || e.breachTypes.length === 0)
    throw new RiskInputError('edpb.breachTypes', 'at least one breach type is required');
  const types = (e.breachTypes as unknown[]).map((t, i) => requireOneOf(t, BREACH_TYPES, `edpb.breachTypes[${i}]`));
  if (new Set(types).size !== types.length) throw new RiskInputError('edpb.breachTypes', 'lists a type twice');
  // The CB element of a type must be assessed exactly when the breach is of that type.
  for (const type of BREACH_TYPES) {
    const cb = severity.factors.find((f) => f.factor === CB_FACTOR[type]);
    const affected = cb !== undefined && cb.choice !== 'not-affected';
    if (affected !== types.includes(type)) {
      throw new RiskInputError(
        'edpb.breachTypes',
        affected
          ? `does not include ${type}, but the ENISA CB rates a loss of ${type}`
          : `includes ${type}, but the ENISA CB rates ${type} as not affected`,
      );
    }
  }
  const count = e.numberOfIndividuals;
  if (count !== null && (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1)) {
    throw new RiskInputError('edpb.numberOfIndividuals', 'must be a whole number ≥ 1, or null when it cannot yet be determined');
  }
  return {
    breachTypes: BREACH_TYPES.filter((t) => types.includes(t)),
    specialCategories: requireBoolean(e.specialCategories, 'edpb.specialCategories'),
    consequences: requireOneOf(e.consequences, CONSEQUENCE_SEVERITIES, 'edpb.consequences'),
    vulnerableIndividuals: requireBoolean(e.vulnerableIndividuals, 'edpb.vulnerableIndividuals'),
    numberOfIndividuals: count,
    controllerCharacteristics: requireBoolean(e.controllerCharacteristics, 'edpb.controllerCharacteristics'),
  };
}

function checkMeasures(raw: unknown): Measures {
  const m = requireObject(raw, 'measures');
  const a = requireObject(m.unintelligible, 'measures.unintelligible');
  const status = requireOneOf(a.status, UNINTELLIGIBILITY, 'measures.unintelligible.status');
  if (status === 'protection-intact') requireText(a.justification, 'measures.unintelligible.justification');
  const claim = (name: 'subsequentMeasures' | 'disproportionateEffort') => {
    const c = requireObject(m[name], `measures.${name}`);
    const applies = requireBoolean(c.applies, `measures.${name}.applies`);
    if (applies) requireText(c.justification, `measures.${name}.justification`);
    return { applies };
  };
  return {
    unintelligible: { status },
    subsequentMeasures: claim('subsequentMeasures'),
    disproportionateEffort: claim('disproportionateEffort'),
  };
}

/** The proposal for one breach. Throws RiskInputError naming the field when an input is out of range or inconsistent. */
export function proposeNotification(input: NotificationInput): NotificationProposal {
  const root = requireObject(input, 'input');
  const severity = checkSeverity(root.severity);
  const edpb = checkEdpb(root.edpb, severity);
  const measures = checkMeasures(root.measures);
  const { level, score } = severity;
  const factor = (id: string) => severity.factors.find((f) => f.factor === id);
  const reasons: ReasonLine[] = [];

  // The ENISA severity (reference §3).
  reasons.push(reasonLine('enisa-severity', { score, level }));
  const enisaHigh = level === 'high' || level === 'very-high';
  if (enisaHigh) reasons.push(reasonLine('high-risk-enisa', { level }));
  let highRisk = enisaHigh;

  // The EDPB risk factors (reference §2.1).
  reasons.push(reasonLine('edpb-breach-types', { types: edpb.breachTypes }));
  if (edpb.specialCategories) {
    reasons.push(reasonLine('edpb-special-categories'));
    highRisk = true;
  }
  const ei = factor('ei')?.choice;
  reasons.push(reasonLine('edpb-ease-of-identification', { ei: requireOneOf(ei, EI_LEVELS, 'severity.factors') }));
  switch (edpb.consequences) {
    case 'severe':
      reasons.push(reasonLine('edpb-consequences-severe'));
      highRisk = true;
      break;
    case 'to-be-determined':
      reasons.push(reasonLine('edpb-consequences-to-be-determined'));
      break;
    case 'minor':
    case 'moderate':
      reasons.push(reasonLine('edpb-consequences', { consequences: edpb.consequences }));
      break;
  }
  if (edpb.vulnerableIndividuals) {
    if (level === 'low') {
      reasons.push(reasonLine('edpb-vulnerable-individuals'));
    } else {
      reasons.push(reasonLine('edpb-vulnerable-individuals-high'));
      highRisk = true;
    }
    if (!factor('dpc-individual-characteristics')) reasons.push(reasonLine('hint-vulnerable-not-in-dpc'));
  }
  reasons.push(
    edpb.numberOfIndividuals === null
      ? reasonLine('edpb-number-unknown')
      : reasonLine('edpb-number-of-individuals', { count: edpb.numberOfIndividuals }),
  );
  if (edpb.controllerCharacteristics) {
    reasons.push(reasonLine('edpb-controller-characteristics'));
    if (!factor('dpc-controller-characteristics')) reasons.push(reasonLine('hint-controller-not-in-dpc'));
  }

  // Mitigating facts: what can make a low-severity breach "unlikely to result in a risk".
  const mitigating: ReasonLine[] = [];
  if (measures.unintelligible.status === 'protection-intact') mitigating.push(reasonLine('mitigating-unintelligible'));
  if (measures.subsequentMeasures.applies) mitigating.push(reasonLine('mitigating-subsequent-measures'));
  if (factor('cb-confidentiality')?.choice === 'no-evidence-of-illegal-processing') {
    mitigating.push(reasonLine('mitigating-no-evidence-of-illegal-processing'));
  }
  if (severity.factors.some((f) => f.factor.startsWith('dpc-') && f.value < 0)) mitigating.push(reasonLine('mitigating-dpc-lowered'));
  reasons.push(...mitigating);

  // The supervisory authority (Art. 33(1)).
  const unlikely = !highRisk && level === 'low' && edpb.consequences === 'minor' && !edpb.vulnerableIndividuals && mitigating.length > 0;
  const notifyAuthority = !unlikely;
  if (unlikely) {
    reasons.push(reasonLine('authority-not-required-unlikely-risk'));
  } else {
    reasons.push(
      highRisk || level !== 'low' ? reasonLine('authority-notify-risk', { level }) : reasonLine('authority-notify-when-in-doubt'),
    );
    reasons.push(reasonLine('authority-deadline-72h'));
    if (highRisk) reasons.push(reasonLine('authority-high-risk-act-fast'));
  }

  // The individuals (Art. 34).
  let informIndividuals: InformIndividuals;
  if (!highRisk) {
    informIndividuals = 'not-required';
    reasons.push(reasonLine('individuals-not-high-risk', { level }));
  } else {
    const onlyConfidentiality = edpb.breachTypes.length === 1 && edpb.breachTypes[0] === 'confidentiality';
    const status = measures.unintelligible.status;
    if (status === 'protection-intact' && !onlyConfidentiality) reasons.push(reasonLine('exemption-a-not-for-availability-integrity'));
    if (status === 'protection-likely-subverted' || status === 'cannot-assess')
      reasons.push(reasonLine('exemption-a-protection-not-intact'));
    if (status === 'protection-intact' && onlyConfidentiality) {
      informIndividuals = 'exempt-34-3-a';
      reasons.push(reasonLine('individuals-exempt-34-3-a'));
    } else if (measures.subsequentMeasures.applies) {
      informIndividuals = 'exempt-34-3-b';
      reasons.push(reasonLine('individuals-exempt-34-3-b'));
    } else if (measures.disproportionateEffort.applies) {
      informIndividuals = 'public-communication-34-3-c';
      reasons.push(reasonLine('individuals-public-communication-34-3-c'), reasonLine('individuals-content'));
    } else {
      informIndividuals = 'required';
      reasons.push(reasonLine('individuals-required-high-risk'), reasonLine('individuals-content'));
    }
    if (informIndividuals !== 'required' && notifyAuthority) reasons.push(reasonLine('authority-34-3-not-for-authority', { level }));
    if (
      (informIndividuals === 'required' || informIndividuals === 'public-communication-34-3-c') &&
      (factor('cb-malicious-intent')?.value ?? 0) > 0
    ) {
      reasons.push(reasonLine('individuals-law-enforcement'));
    }
  }
  if (informIndividuals !== 'required' && notifyAuthority) reasons.push(reasonLine('individuals-authority-may-order'));

  reasons.push(reasonLine('register-every-breach'));

  const disclaimer = Object.fromEntries(LOCALES.map((l) => [l, RISK_MESSAGES[l].disclaimer])) as Localized;
  return { riskOutcome: highRisk ? 'high' : unlikely ? 'unlikely' : 'risk', notifyAuthority, informIndividuals, reasons, disclaimer };
}
