import { z } from 'zod';
import type { FieldIssue } from '../../../platform/errors.js';
import { zodIssues } from '../../../platform/validation.js';
import { earliestDay, latestDay, parsePartialDate } from '../../catalogue/partial-date.js';
import { findDataClass } from '../../catalogue/taxonomy.js';
import {
  BREACH_NATURES,
  CAUSE_ACTORS,
  CAUSE_VECTORS,
  ORGANISATION_ROLES,
  PRECISIONS,
  findAuthority,
  type Precision,
} from '../../catalogue/vocabulary.js';
import { CONSEQUENCE_SEVERITIES, INFORM_INDIVIDUALS, RISK_OUTCOMES, UNINTELLIGIBILITY } from '../risk/index.js';

/**
 * An incident on the organisation's desk, modelled on the EDPB draft common notification template
 * (June 2026; reference §2.4, option lists from the template's field list). One document serves the
 * Art. 33(5) register, the 72-hour clock and every notification version built from it.
 *
 * A draft may be incomplete (every field but the title is optional: Art. 33(4) allows information in
 * phases); what a notification needs is checked when it is built (notification.ts). The schema only
 * rejects what is wrong: bad codes, impossible dates, contradictions, missing justifications.
 */

// --- Vocabularies (codes are stable; the template's option letters are not used) -----------------

export const NOTIFICATION_TYPES = ['initial', 'follow-up', 'withdrawal'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** §3.1 "When did the breach occur?" */
export const OCCURRENCE_KINDS = ['specific-day', 'range', 'ongoing', 'cannot-be-determined', 'to-be-determined'] as const;
export type OccurrenceKind = (typeof OCCURRENCE_KINDS)[number];

/** Who discovered the breach; mapped onto the template's §3.1 discovery options in notification.ts. */
export const DISCOVERY_SOURCES = ['internal', 'processor', 'third-party', 'data-subject', 'authority', 'media', 'other'] as const;
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number];

/** §3.2 type of confidentiality breach. */
export const CONFIDENTIALITY_STATES = [
  'exfiltrated',
  'likely-exfiltrated',
  'not-exfiltrated',
  'cannot-assess',
  'to-be-determined',
] as const;
export type ConfidentialityState = (typeof CONFIDENTIALITY_STATES)[number];

/** §3.2 "Unintelligible?": the risk module's options plus the template's "to be determined". */
export const UNINTELLIGIBILITY_STATES = [...UNINTELLIGIBILITY, 'to-be-determined'] as const;
export type UnintelligibilityState = (typeof UNINTELLIGIBILITY_STATES)[number];

/** §3.2 type of integrity breach. */
export const INTEGRITY_STATES = ['altered-no-misuse', 'misuse-reversible', 'misuse-irreversible'] as const;
export type IntegrityState = (typeof INTEGRITY_STATES)[number];

/** §3.2 type of availability breach. */
export const AVAILABILITY_STATES = ['temporary', 'permanent', 'not-determined'] as const;
export type AvailabilityState = (typeof AVAILABILITY_STATES)[number];

/** §3.2 nature of the incident: the template's 25 options. */
export const INCIDENT_NATURES = [
  'employee-privilege-abuse',
  'ransomware',
  'hacking-malware',
  'phishing',
  'vulnerability-exploited',
  'unauthorised-access',
  'exfiltration',
  'record-mix-up',
  'device-lost-or-stolen',
  'e-waste',
  'paper-disposal',
  'mail-lost-or-misdelivered',
  'misconfiguration',
  'wrong-permissions',
  'paper-lost-or-stolen',
  'data-deleted',
  'shown-to-wrong-recipient',
  'sent-by-mistake',
  'no-bcc',
  'technical-malfunction',
  'unauthorised-modification',
  'unintended-publication',
  'verbal-disclosure',
  'to-be-determined',
  'other',
] as const;
export type IncidentNature = (typeof INCIDENT_NATURES)[number];

/** §3.2 cause: the catalogue's actors (internal/external × malicious/not, unknown) plus "to be determined". */
export const INCIDENT_CAUSE_ACTORS = [...CAUSE_ACTORS, 'to-be-determined'] as const;
export type IncidentCauseActor = (typeof INCIDENT_CAUSE_ACTORS)[number];

/** §3.3 categories of data subjects. */
export const DATA_SUBJECT_CATEGORIES = [
  'customers',
  'employees',
  'military-law-enforcement',
  'minors',
  'patients',
  'students',
  'subscribers',
  'users',
  'vulnerable',
  'other',
  'not-yet-known',
] as const;
export type DataSubjectCategory = (typeof DATA_SUBJECT_CATEGORIES)[number];

/** §3.5 measures in place when the breach occurred. */
export const PRIOR_MEASURES = [
  'pseudonymisation',
  'backup',
  'encryption',
  'policies',
  'training',
  'incident-log',
  'access-levels',
  'mfa',
  'audits',
  'physical-access',
  'up-to-date-it',
  'other',
] as const;
export type PriorMeasure = (typeof PRIOR_MEASURES)[number];

/** §4.1 likely consequences, per breach type. */
export const CONFIDENTIALITY_CONSEQUENCES = [
  'disclosed-beyond-purpose',
  'linkable-to-other-data',
  'used-for-other-purposes',
  'other',
  'under-assessment',
] as const;
export const INTEGRITY_CONSEQUENCES = ['used-while-invalid', 'used-for-other-purposes', 'other', 'under-assessment'] as const;
export const AVAILABILITY_CONSEQUENCES = ['no-access-to-services', 'service-disruption', 'other', 'under-assessment'] as const;
export type ConfidentialityConsequence = (typeof CONFIDENTIALITY_CONSEQUENCES)[number];
export type IntegrityConsequence = (typeof INTEGRITY_CONSEQUENCES)[number];
export type AvailabilityConsequence = (typeof AVAILABILITY_CONSEQUENCES)[number];

/** §4.1 impact on the data subjects: the template's 15 options, after Recital 85. */
export const IMPACTS = [
  'loss-of-control',
  'limitation-of-rights',
  'discrimination',
  'identity-theft',
  'fraud',
  'financial-loss',
  'reversal-of-pseudonymisation',
  'reputational-damage',
  'loss-of-professional-secrecy',
  'disclosure-to-third-parties',
  'economic-or-social-disadvantage',
  'physical-or-mental-harm',
  'material-damage',
  'other',
  'to-be-determined',
] as const;
export type Impact = (typeof IMPACTS)[number];

/** §4.4 measures taken to prevent a similar breach. */
export const PREVENTIVE_MEASURES = [
  'anonymisation',
  'backup',
  'process-change',
  'encryption',
  'policies',
  'training',
  'erasure',
  'incident-log',
  'access-levels',
  'mfa',
  'audits',
  'physical-access',
  'pseudonymisation',
  'up-to-date-it',
  'other',
] as const;
export type PreventiveMeasure = (typeof PREVENTIVE_MEASURES)[number];

/** Communication to the data subjects (Art. 34). */
export const COMMUNICATION_STATUSES = ['done', 'planned', 'not-required', 'delayed'] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/** Why no communication: not a high risk (Art. 34(1)), or an Art. 34(3)(a)–(c) condition. */
export const COMMUNICATION_GROUNDS = ['not-high-risk', '34-3-a', '34-3-b', '34-3-c'] as const;
export type CommunicationGround = (typeof COMMUNICATION_GROUNDS)[number];

export const COMMUNICATION_CHANNELS = ['email', 'sms', 'letter', 'public-notice', 'other'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/** §6.1 other authorities: police or prosecutor, the national CSIRT (ANSSI/CERT-FR, CERT-SE), a sector regulator. */
export const OTHER_AUTHORITY_KINDS = ['police', 'prosecutor', 'csirt', 'sectoral-regulator', 'other'] as const;
export type OtherAuthorityKind = (typeof OTHER_AUTHORITY_KINDS)[number];

/** §2.2 function of the reporting person. */
export const REPORTER_FUNCTIONS = ['dpo', 'legal-representative', 'other'] as const;
export type ReporterFunction = (typeof REPORTER_FUNCTIONS)[number];

/** §2.3 qualification of another party involved. */
export const OTHER_PARTY_QUALIFICATIONS = ['processor', 'joint-controller', 'controller', 'other'] as const;
export type OtherPartyQualification = (typeof OTHER_PARTY_QUALIFICATIONS)[number];

// --- Instants and dates --------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const DATE_TIME_MESSAGE = 'must be an ISO 8601 date-time with a time zone, such as 2024-01-29T14:30:00Z';
const dateTimeSchema = z.iso.datetime({ offset: true, error: DATE_TIME_MESSAGE });

export function isDateTime(value: string): boolean {
  return dateTimeSchema.safeParse(value).success;
}

/**
 * The earliest instant a date-time or partial date can denote. A partial date is a calendar day
 * somewhere on Earth, so its day starts as early as UTC+14: an order check only fails when the
 * dates certainly contradict each other.
 */
export function earliestInstant(value: string): number | null {
  if (isDateTime(value)) return Date.parse(value);
  if (!parsePartialDate(value)) return null;
  return Date.parse(`${earliestDay(value)}T00:00:00Z`) - 14 * HOUR_MS;
}

/** The latest instant a date-time or partial date can denote (a partial day ends as late as UTC−12). */
export function latestInstant(value: string): number | null {
  if (isDateTime(value)) return Date.parse(value);
  if (!parsePartialDate(value)) return null;
  return Date.parse(`${latestDay(value)}T00:00:00Z`) + DAY_MS + 12 * HOUR_MS - 1;
}

// --- Building blocks -----------------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const shortText = text(200);
const longText = text(5000);

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

/** A list without repeated values; `min` is the least number of items, with its message. */
function listOf<T extends z.ZodType>(item: T, max: number, min?: { count: number; message: string }) {
  const base = z.array(item).max(max, `must have at most ${max} items`);
  return (min ? base.min(min.count, min.message) : base).refine(
    (a) => new Set(a.map((v) => JSON.stringify(v))).size === a.length,
    'must not repeat a value',
  );
}

/** A strict object whose unknown keys (typos) are named in the message. */
function strict<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown field(s): ${issue.keys.join(', ')}` : undefined),
  });
}

const dateTime = dateTimeSchema.describe('An instant: ISO 8601 date-time with a time zone.');

const dateOrDateTime = z
  .string()
  .refine(
    (v) => isDateTime(v) || parsePartialDate(v) !== null,
    'must be a date-time with a time zone (2024-01-29T14:30:00Z) or a date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)',
  )
  .describe('An instant, or a date as precise as the facts allow.');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, such as FR or SE')
  .refine((code) => {
    try {
      const name = regionNames.of(code);
      return name !== undefined && name !== code;
    } catch {
      return false;
    }
  }, 'is not an ISO 3166-1 country code');

const authorityCode = z.string().refine((c) => findAuthority(c) !== undefined, 'is not a known supervisory authority code');

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/;
const email = z.string().trim().regex(EMAIL, 'must be an e-mail address');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{4,24}$/, 'must be a phone number');

/** A number of people or records: exact, approximate or unknown, like the catalogue's counts. */
const countSchema = strict({
  precision: oneOf(PRECISIONS),
  count: z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000_000_000, 'is too large').optional(),
  atLeast: z.boolean().optional().describe('True when the count is a lower bound ("more than").'),
}).superRefine((c, ctx) => {
  if (c.precision === 'unknown' && c.count !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['count'], message: 'must be omitted when precision is "unknown"' });
  }
  if (c.precision !== 'unknown' && c.count === undefined) {
    ctx.addIssue({ code: 'custom', path: ['count'], message: `is required when precision is "${c.precision}"` });
  }
});

/** Adds an issue when `later` is certainly before `earlier` (both optional, both date-times or partial dates). */
function checkOrder(
  ctx: z.RefinementCtx,
  values: Readonly<Record<string, string | undefined>>,
  later: string,
  earlier: string,
  message = `cannot be before ${earlier}`,
): void {
  const l = values[later];
  const e = values[earlier];
  if (l === undefined || e === undefined) return;
  const latest = latestInstant(l);
  const earliest = earliestInstant(e);
  if (latest !== null && earliest !== null && latest < earliest) ctx.addIssue({ code: 'custom', path: [later], message });
}

// --- Sections ------------------------------------------------------------------------------------

const notificationSection = strict({
  type: oneOf(NOTIFICATION_TYPES),
  withdrawalReason: longText.optional().describe('Why a previous notification is withdrawn (e.g. a duplicate, no risk after all).'),
}).superRefine((n, ctx) => {
  if (n.type === 'withdrawal' && n.withdrawalReason === undefined) {
    ctx.addIssue({ code: 'custom', path: ['withdrawalReason'], message: 'is required to withdraw a notification' });
  }
  if (n.type !== 'withdrawal' && n.withdrawalReason !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['withdrawalReason'], message: 'only applies when type is "withdrawal"' });
  }
});

const authoritySection = strict({
  code: authorityCode,
  caseReference: shortText.optional().describe("The authority's reference for the case, once it has given one."),
});

const contactsSection = strict({
  reporter: strict({
    name: shortText,
    function: oneOf(REPORTER_FUNCTIONS),
    functionDescription: shortText.optional(),
    email: email.optional(),
    phone: phone.optional(),
  })
    .superRefine((r, ctx) => {
      if (r.function === 'other' && r.functionDescription === undefined) {
        ctx.addIssue({ code: 'custom', path: ['functionDescription'], message: 'is required when function is "other"' });
      }
    })
    .optional(),
  contactPoint: strict({
    name: shortText,
    function: shortText.optional(),
    email: email.optional(),
    phone: phone.optional(),
  })
    .superRefine((c, ctx) => {
      if (c.email === undefined && c.phone === undefined) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'an e-mail address or a phone number is required' });
      }
    })
    .optional()
    .describe('Where more information can be obtained (Art. 33(3)(b)); the organisation DPO is used when absent.'),
  otherParties: listOf(
    strict({ qualification: oneOf(OTHER_PARTY_QUALIFICATIONS), name: shortText, contactDetails: shortText.optional() }),
    100,
  ).optional(),
});

const discoverySchema = strict({
  by: oneOf(DISCOVERY_SOURCES),
  description: longText.optional(),
  notifiedAt: dateTime.optional().describe('When the other party told the organisation.'),
}).superRefine((d, ctx) => {
  if (d.by === 'other' && d.description === undefined) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: 'is required when by is "other"' });
  }
  if (d.by === 'internal' && d.notifiedAt !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['notifiedAt'], message: 'only applies when another party reported the breach' });
  }
});

const timelineSection = strict({
  occurrence: oneOf(OCCURRENCE_KINDS).optional(),
  occurredFrom: dateOrDateTime.optional(),
  occurredTo: dateOrDateTime.optional(),
  estimated: z.boolean().optional().describe('Only estimated dates are possible.'),
  awarenessAt: dateTime.optional().describe('When the organisation became aware: the 72-hour clock starts here (Art. 33(1)).'),
  containedAt: dateTime.optional(),
  discoveredBy: discoverySchema.optional(),
  comments: longText.optional(),
}).superRefine((t, ctx) => {
  const dates = { occurredFrom: t.occurredFrom, occurredTo: t.occurredTo, awarenessAt: t.awarenessAt, containedAt: t.containedAt };
  checkOrder(ctx, dates, 'occurredTo', 'occurredFrom');
  checkOrder(
    ctx,
    dates,
    'awarenessAt',
    'occurredFrom',
    'cannot be before occurredFrom: the organisation cannot know of a breach before it begins',
  );
  checkOrder(ctx, dates, 'containedAt', 'occurredFrom');
  if (t.occurrence === 'ongoing' && t.occurredTo !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['occurredTo'], message: 'must be omitted while the breach is ongoing' });
  }
});

const natureSection = strict({
  types: listOf(oneOf(BREACH_NATURES), 3, { count: 1, message: 'must name at least one of confidentiality, integrity, availability' }),
  confidentiality: oneOf(CONFIDENTIALITY_STATES).optional(),
  confidentialityEvidence: longText.optional().describe('The evidence that the data were not exfiltrated.'),
  unintelligible: oneOf(UNINTELLIGIBILITY_STATES).optional(),
  integrity: oneOf(INTEGRITY_STATES).optional(),
  availability: oneOf(AVAILABILITY_STATES).optional(),
}).superRefine((n, ctx) => {
  for (const type of BREACH_NATURES) {
    if (n[type] !== undefined && !n.types.includes(type)) {
      ctx.addIssue({ code: 'custom', path: [type], message: `only applies when types includes ${type}` });
    }
  }
  if (n.unintelligible !== undefined && !n.types.includes('confidentiality')) {
    ctx.addIssue({ code: 'custom', path: ['unintelligible'], message: 'only applies when types includes confidentiality' });
  }
  if (n.confidentiality === 'not-exfiltrated' && n.confidentialityEvidence === undefined) {
    ctx.addIssue({ code: 'custom', path: ['confidentialityEvidence'], message: 'is required when confidentiality is "not-exfiltrated"' });
  }
});

const incidentNatureSection = strict({
  kinds: listOf(oneOf(INCIDENT_NATURES), INCIDENT_NATURES.length, { count: 1, message: 'must name at least one kind of incident' }),
  other: longText.optional(),
}).superRefine((n, ctx) => {
  if (n.kinds.includes('other') && n.other === undefined) {
    ctx.addIssue({ code: 'custom', path: ['other'], message: 'is required when kinds includes "other"' });
  }
  if (n.kinds.includes('to-be-determined') && n.kinds.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['kinds'], message: '"to-be-determined" cannot be combined with another kind' });
  }
});

const causeSection = strict({
  actor: oneOf(INCIDENT_CAUSE_ACTORS),
  vector: oneOf(CAUSE_VECTORS).optional().describe("How it happened, in the catalogue's vocabulary."),
  description: longText.optional(),
});

const dataSubjectsSection = strict({
  categories: listOf(oneOf(DATA_SUBJECT_CATEGORIES), DATA_SUBJECT_CATEGORIES.length).optional(),
  description: longText.optional(),
  byCountry: z
    .array(strict({ country: countryCode, people: countSchema }))
    .max(60, 'must have at most 60 items')
    .optional()
    .describe('People concerned per country of residence (one row per country).'),
}).superRefine((d, ctx) => {
  const categories = d.categories ?? [];
  if (categories.includes('other') && d.description === undefined) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: 'is required when categories includes "other"' });
  }
  if (categories.includes('not-yet-known') && categories.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['categories'], message: '"not-yet-known" cannot be combined with another category' });
  }
  const seen = new Set<string>();
  (d.byCountry ?? []).forEach((row, i) => {
    if (seen.has(row.country)) ctx.addIssue({ code: 'custom', path: ['byCountry', i, 'country'], message: 'is listed twice' });
    seen.add(row.country);
  });
});

const dataClassesSchema = z
  .array(z.string())
  .min(1, 'must list at least one data class (use "unspecified-personal-data" when it is not yet known)')
  .max(200, 'must have at most 200 items')
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((code, i) => {
      const dc = findDataClass(code);
      if (!dc) ctx.addIssue({ code: 'custom', path: [i], message: 'is not a data class code (see GET /api/v1/data-classes)' });
      else if (dc.deprecatedIn !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: 'is deprecated' });
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice' });
      seen.add(code);
    });
  })
  .describe('Codes of the catalogue taxonomy; each maps to one of the template’s §3.4 data types.');

const priorMeasuresSection = strict({
  kinds: listOf(oneOf(PRIOR_MEASURES), PRIOR_MEASURES.length),
  description: longText.optional(),
}).superRefine((m, ctx) => {
  if (m.kinds.includes('other') && m.description === undefined) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: 'is required when kinds includes "other"' });
  }
});

const consequencesSection = strict({
  confidentiality: listOf(oneOf(CONFIDENTIALITY_CONSEQUENCES), CONFIDENTIALITY_CONSEQUENCES.length).optional(),
  integrity: listOf(oneOf(INTEGRITY_CONSEQUENCES), INTEGRITY_CONSEQUENCES.length).optional(),
  availability: listOf(oneOf(AVAILABILITY_CONSEQUENCES), AVAILABILITY_CONSEQUENCES.length).optional(),
  impacts: listOf(oneOf(IMPACTS), IMPACTS.length).optional(),
  description: longText.optional().describe('The likely consequences in words (Art. 33(3)(c)).'),
  severity: oneOf(CONSEQUENCE_SEVERITIES).optional(),
}).superRefine((c, ctx) => {
  const others = [c.confidentiality, c.integrity, c.availability, c.impacts].some((list) => list?.includes('other'));
  if (others && c.description === undefined) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: 'is required when a consequence or impact is "other"' });
  }
});

const riskOutcomeSection = strict({
  level: oneOf(RISK_OUTCOMES).describe("The risk assessment's outcome (§4.2)."),
  assessmentId: shortText.optional().describe('The stored risk assessment this level comes from.'),
  methodology: longText.optional(),
  proposal: strict({ notifyAuthority: z.boolean(), informIndividuals: oneOf(INFORM_INDIVIDUALS) })
    .optional()
    .describe('What the risk proposal suggested.'),
  decision: strict({
    notifyAuthority: z.boolean(),
    informIndividuals: oneOf(INFORM_INDIVIDUALS),
    decidedBy: shortText.describe('The member who decided (a user id, not an e-mail address).'),
    decidedAt: dateTime,
    reason: longText.describe('The written reason for the decision; the controller decides, not the proposal.'),
  })
    .optional()
    .describe("The person's decision on the proposal."),
});

const measuresSection = strict({
  taken: longText.optional().describe('Measures taken to address the breach and mitigate its effects (Art. 33(3)(d)).'),
  proposed: longText.optional(),
  preventive: listOf(oneOf(PREVENTIVE_MEASURES), PREVENTIVE_MEASURES.length).optional(),
  preventiveDescription: longText.optional(),
}).superRefine((m, ctx) => {
  if (m.preventive?.includes('other') && m.preventiveDescription === undefined) {
    ctx.addIssue({ code: 'custom', path: ['preventiveDescription'], message: 'is required when preventive includes "other"' });
  }
});

const communicationSection = strict({
  status: oneOf(COMMUNICATION_STATUSES),
  ground: oneOf(COMMUNICATION_GROUNDS).optional().describe('Why the individuals are not told (status "not-required").'),
  justification: longText.optional().describe('Why the Art. 34(3) condition is met.'),
  delayReason: longText.optional().describe('Why the communication is delayed (e.g. a law-enforcement request, Recital 88).'),
  at: dateOrDateTime.optional().describe('When the individuals were told, or will be.'),
  channels: listOf(oneOf(COMMUNICATION_CHANNELS), COMMUNICATION_CHANNELS.length).optional(),
  people: countSchema.optional().describe('How many people were or will be told.'),
  allInformed: z.boolean().optional(),
  notAllInformedReason: longText.optional(),
  content: text(20_000).optional().describe('The text sent to the individuals.'),
}).superRefine((c, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (c.status === 'done' && c.at === undefined) issue('at', 'is required when status is "done"');
  if (c.status === 'planned' && c.at === undefined) issue('at', 'is required when status is "planned"');
  if (c.status === 'done' && (c.channels ?? []).length === 0) issue('channels', 'must name at least one channel when status is "done"');
  if (c.status === 'not-required' && c.ground === undefined) issue('ground', 'is required when status is "not-required"');
  if (c.status !== 'not-required' && c.ground !== undefined) issue('ground', 'only applies when status is "not-required"');
  if (c.ground !== undefined && c.ground !== 'not-high-risk' && c.justification === undefined) {
    issue('justification', `is required to rely on Art. 34(3)(${c.ground.slice(-1)})`);
  }
  if (c.status === 'delayed' && c.delayReason === undefined) issue('delayReason', 'is required when status is "delayed"');
  if (c.allInformed === false && c.notAllInformedReason === undefined)
    issue('notAllInformedReason', 'is required when allInformed is false');
});

const otherAuthoritiesSchema = listOf(
  strict({
    kind: oneOf(OTHER_AUTHORITY_KINDS),
    name: shortText.describe('Such as "Police nationale", "ANSSI (CERT-FR)", "CERT-SE".'),
    caseReference: shortText.optional(),
    informedAt: dateTime.optional(),
  }),
  50,
);

const crossBorderSection = strict({
  processing: z.boolean().describe('Cross-border processing (Art. 4(23)), which brings in a lead authority (Art. 56).'),
  establishments: listOf(countryCode, 60).optional().describe('EEA countries where the organisation is established.'),
  leadAuthority: authorityCode.optional(),
  authoritiesNotified: listOf(authorityCode, 60).optional(),
  nonEeaController: z.boolean().optional(),
}).superRefine((c, ctx) => {
  if (!c.processing && c.leadAuthority !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['leadAuthority'], message: 'only applies when processing is true' });
  }
});

const processorRelationSection = strict({
  role: oneOf(ORGANISATION_ROLES).describe("The organisation's role in this incident."),
  processorName: shortText.optional(),
  processorIncidentId: shortText
    .optional()
    .describe("The processor's incident identifier, when a processor passed this incident on (Art. 33(2))."),
  notifiedByProcessorAt: dateTime.optional(),
  controllers: listOf(strict({ name: shortText, reference: shortText.optional(), informedAt: dateTime.optional() }), 10_000)
    .optional()
    .describe('For a processor: the controllers it passes the incident to.'),
  controllersCount: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional()
    .describe('All controllers concerned, named or not.'),
}).superRefine((p, ctx) => {
  if (p.role === 'controller') {
    for (const key of ['controllers', 'controllersCount'] as const) {
      if (p[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'only applies when role is "processor"' });
    }
  }
  if (p.controllersCount !== undefined && p.controllers !== undefined && p.controllersCount < p.controllers.length) {
    ctx.addIssue({ code: 'custom', path: ['controllersCount'], message: 'must be at least the number of controllers listed' });
  }
});

// --- The draft -----------------------------------------------------------------------------------

export const incidentDraftSchema = strict({
  title: shortText,
  reference: shortText.optional().describe("The organisation's internal reference."),
  notification: notificationSection.optional(),
  authority: authoritySection.optional().describe('The competent supervisory authority.'),
  contacts: contactsSection.optional(),
  timeline: timelineSection.optional(),
  nature: natureSection.optional(),
  incidentNature: incidentNatureSection.optional(),
  cause: causeSection.optional(),
  description: text(10_000).optional().describe('What happened, in words (§3.2 further description).'),
  systems: listOf(shortText, 100).optional().describe('Systems, software, services and their locations.'),
  dataSubjects: dataSubjectsSection.optional(),
  dataClasses: dataClassesSchema.optional(),
  dataDescription: longText.optional(),
  records: countSchema.optional().describe('Number of records (the data per person matters more than the total).'),
  priorMeasures: priorMeasuresSection.optional(),
  consequences: consequencesSection.optional(),
  riskOutcome: riskOutcomeSection.optional(),
  measures: measuresSection.optional(),
  communication: communicationSection.optional(),
  otherAuthorities: otherAuthoritiesSchema.optional(),
  crossBorder: crossBorderSection.optional(),
  delayReason: longText.optional().describe('Reasons for notifying after 72 hours (Art. 33(1)).'),
  processorRelation: processorRelationSection.optional(),
});

/** What a form or an API body may send. */
export type IncidentDraftInput = z.input<typeof incidentDraftSchema>;
/** A validated draft. */
export type IncidentDraft = z.output<typeof incidentDraftSchema>;

/** An incident as stored: the validated draft plus server-maintained identity and timestamps. */
export interface IncidentDocument extends IncidentDraft {
  readonly id: string;
  /** ISO 8601 UTC instant the incident was recorded. */
  readonly createdAt: string;
  /** ISO 8601 UTC instant of the last change. */
  readonly modifiedAt: string;
}

export interface Count {
  readonly precision: Precision;
  readonly count?: number | undefined;
  readonly atLeast?: boolean | undefined;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: FieldIssue[] };

/** Validates a draft, listing every problem with its dotted path (`timeline.awarenessAt`, `dataClasses.2`). */
export function validateIncidentDraft(input: unknown): Validation<IncidentDraft> {
  const result = incidentDraftSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: zodIssues(result.error) };
}

/**
 * The people concerned over all countries: exact when every country is exact, unknown when no country
 * has a number, otherwise approximate (and a lower bound when some country is unknown or a lower bound).
 * Undefined when no country is given.
 */
export function totalDataSubjects(byCountry: readonly { readonly people: Count }[] | undefined): Count | undefined {
  if (byCountry === undefined || byCountry.length === 0) return undefined;
  const known = byCountry.filter((row) => row.people.precision !== 'unknown');
  if (known.length === 0) return { precision: 'unknown' };
  const count = known.reduce((sum, row) => sum + (row.people.count ?? 0), 0);
  const exact = known.length === byCountry.length && known.every((row) => row.people.precision === 'exact');
  const atLeast = known.length < byCountry.length || known.some((row) => row.people.atLeast === true);
  return { precision: exact ? 'exact' : 'approximate', count, ...(atLeast ? { atLeast: true } : {}) };
}
