import { isoInstant } from '../../../platform/clock.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { EDPB_DATA_TYPES, findDataClass, type EdpbDataType } from '../../catalogue/taxonomy.js';
import { BREACH_NATURES, findAuthority, type BreachNature, type CauseVector, type OrganisationRole } from '../../catalogue/vocabulary.js';
import { RISK_OUTCOMES, type ConsequenceSeverity } from '../risk/index.js';
import { delayReasonRequired } from './clock.js';
import {
  isDateTime,
  totalDataSubjects,
  type AvailabilityConsequence,
  type AvailabilityState,
  type CommunicationChannel,
  type ConfidentialityConsequence,
  type ConfidentialityState,
  type Count,
  type DataSubjectCategory,
  type DiscoverySource,
  type Impact,
  type IncidentCauseActor,
  type IncidentDocument,
  type IncidentNature,
  type IntegrityConsequence,
  type IntegrityState,
  type NotificationType,
  type OccurrenceKind,
  type OtherAuthorityKind,
  type OtherPartyQualification,
  type PreventiveMeasure,
  type PriorMeasure,
  type ReporterFunction,
  type UnintelligibilityState,
} from './incident.js';

/**
 * The notification to the supervisory authority (GDPR Art. 33), one immutable version at a time, in the
 * structure of the EDPB draft common notification template (reference §2.4): the body has one member
 * per template section, and every field is present (null or [] when the incident does not say), so
 * that versions compare field by field and the national form mappings can point at fixed paths.
 *
 * Art. 33(4) allows the information to come in phases: a notification is refused only when the core of
 * Art. 33(1) and 33(3) is missing (awareness date, nature, data, numbers of people, contact point,
 * consequences, measures, and the reasons for a delay past 72 hours); the other template fields still
 * open are listed in `missing`, the notification is marked "incomplete", and a follow-up completes it.
 */

export const NOTIFICATION_FORMAT = 'breachdesk.authority-notification/1';

export type NotificationKind = NotificationType;

/** The body's members, in template order, with the template's section numbers. */
export const NOTIFICATION_SECTIONS = [
  { key: 'notification', number: '1.1', title: 'Notification' },
  { key: 'reporter', number: '2.2', title: 'Reporter' },
  { key: 'contacts', number: '2.3', title: 'Contacts' },
  { key: 'timeline', number: '3.1', title: 'Timeline' },
  { key: 'nature', number: '3.2', title: 'Nature' },
  { key: 'dataSubjects', number: '3.3', title: 'Data subjects' },
  { key: 'data', number: '3.4', title: 'Data' },
  { key: 'priorMeasures', number: '3.5', title: 'Prior measures' },
  { key: 'consequences', number: '4.1', title: 'Consequences' },
  { key: 'riskOutcome', number: '4.2', title: 'Risk outcome' },
  { key: 'measures', number: '4.3–4.4', title: 'Measures' },
  { key: 'communication', number: '4.4', title: 'Communication to individuals' },
  { key: 'otherAuthorities', number: '6.1', title: 'Other authorities' },
  { key: 'crossBorder', number: '6.2–6.3', title: 'Cross-border' },
] as const;

// --- The template's own option lists, where they differ from the incident's -----------------------

export const TEMPLATE_NOTIFICATION_TYPES = ['new', 'follow-up'] as const;
export const TEMPLATE_SUB_TYPES = ['complete', 'incomplete', 'withdraw'] as const;
export const TEMPLATE_DISCOVERY = ['controller', 'processor', 'data-subject', 'external-party', 'press', 'other'] as const;
export const TEMPLATE_COUNT_PRECISIONS = ['exact', 'approximate', 'cannot-be-determined', 'to-be-determined'] as const;
export const TEMPLATE_RISK_OUTCOMES = [...RISK_OUTCOMES, 'more-information-needed'] as const;
export const TEMPLATE_COMMUNICATION = ['yes', 'later', 'investigation-ongoing', 'not-high-risk', 'article-34-3-condition'] as const;
export const TEMPLATE_MEANS = ['individual', 'public', 'other'] as const;
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

export type TemplateNotificationType = (typeof TEMPLATE_NOTIFICATION_TYPES)[number];
export type TemplateSubType = (typeof TEMPLATE_SUB_TYPES)[number];
export type TemplateDiscovery = (typeof TEMPLATE_DISCOVERY)[number];
export type TemplateCountPrecision = (typeof TEMPLATE_COUNT_PRECISIONS)[number];
export type TemplateRiskOutcome = (typeof TEMPLATE_RISK_OUTCOMES)[number];
export type TemplateCommunication = (typeof TEMPLATE_COMMUNICATION)[number];
export type TemplateMeans = (typeof TEMPLATE_MEANS)[number];
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const ORGANISATION_IDENTIFIER_TYPES = ['company-id', 'organisation-number', 'vat-number'] as const;
export type OrganisationIdentifierType = (typeof ORGANISATION_IDENTIFIER_TYPES)[number];
export const ORGANISATION_SECTORS = ['private', 'public'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];
export const ORGANISATION_SIZES = ['micro', 'sme', 'large', 'other'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

// --- Inputs --------------------------------------------------------------------------------------

export interface ContactDetails {
  readonly postalAddress?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** The notifying organisation (§1.1). The organisations module's Organisation fits, plus what it knows. */
export interface NotifyingOrganisation {
  readonly name: string;
  readonly country: string;
  /** SIREN for the CNIL, organisationsnummer (XXXXXX-XXXX) for IMY. */
  readonly identifier?: { readonly type: OrganisationIdentifierType; readonly value: string };
  readonly sector?: OrganisationSector;
  readonly size?: OrganisationSize;
  readonly economicActivity?: string;
  readonly contactDetails?: ContactDetails;
  /** The designated DPO (Art. 37); the contact point of Art. 33(3)(b) unless the incident names another. */
  readonly dpo?: { readonly name: string; readonly email?: string; readonly phone?: string };
  /** For an organisation not established in the EEA (Art. 27). */
  readonly eeaRepresentative?: { readonly name: string; readonly contactDetails?: ContactDetails };
}

export interface NotificationOptions {
  /** 1 for the initial notification, then previous.version + 1. */
  readonly version: number;
  readonly kind: NotificationKind;
  /** ISO 8601 date-time with a time zone. */
  readonly issuedAt: string;
  /** The version this one completes or withdraws; required for a follow-up or a withdrawal. */
  readonly previous?: AuthorityNotification;
}

// --- Output --------------------------------------------------------------------------------------

export interface NotificationCount {
  readonly precision: TemplateCountPrecision;
  readonly count: number | null;
  readonly atLeast: boolean;
}

export interface NotificationPerson {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface AuthorityRef {
  readonly code: string;
  readonly name: string;
}

export interface NotificationBody {
  /** §1.1 */
  readonly notification: {
    readonly type: TemplateNotificationType;
    readonly subType: TemplateSubType;
    readonly withdrawalReason: string | null;
    readonly previousNotificationId: string | null;
    readonly internalReference: string;
    readonly organisation: {
      readonly identifierType: OrganisationIdentifierType | null;
      readonly identifier: string | null;
      readonly name: string;
      readonly country: string;
      readonly role: OrganisationRole | null;
      readonly contactDetails: { readonly postalAddress: string | null; readonly email: string | null; readonly phone: string | null };
      readonly sector: OrganisationSector | null;
      readonly size: OrganisationSize | null;
      readonly economicActivity: string | null;
      readonly eeaRepresentative: (NotificationPerson & { readonly postalAddress: string | null }) | null;
    };
  };
  /** §2.2 */
  readonly reporter: NotificationPerson & { readonly function: ReporterFunction | null; readonly functionDescription: string | null };
  /** §2.3 */
  readonly contacts: {
    readonly dpoDesignated: boolean | null;
    readonly dpo: NotificationPerson | null;
    readonly moreInformationAt: (NotificationPerson & { readonly function: string | null }) | null;
    readonly otherPartiesInvolved: boolean;
    readonly otherParties: readonly {
      readonly qualification: OtherPartyQualification;
      readonly name: string | null;
      readonly contactDetails: string | null;
      /** The other party's own reference: the processor's incident id, the controller's case. */
      readonly reference: string | null;
    }[];
    /** For a processor: every controller concerned, named in otherParties or not. */
    readonly controllersCount: number | null;
  };
  /** §3.1 */
  readonly timeline: {
    readonly occurrence: OccurrenceKind | null;
    readonly estimatedDates: boolean;
    readonly start: string | null;
    readonly end: string | null;
    readonly awarenessAt: string | null;
    readonly containedAt: string | null;
    readonly lateNotificationReason: string | null;
    readonly discovery: {
      readonly by: TemplateDiscovery | null;
      readonly description: string | null;
      readonly notifiedByOtherPartyAt: string | null;
    };
    readonly comments: string | null;
  };
  /** §3.2 */
  readonly nature: {
    readonly types: readonly BreachNature[];
    readonly confidentiality: ConfidentialityState | null;
    readonly confidentialityEvidence: string | null;
    readonly unintelligible: UnintelligibilityState | null;
    readonly integrity: IntegrityState | null;
    readonly availability: AvailabilityState | null;
    readonly incidentNature: readonly IncidentNature[];
    readonly incidentNatureOther: string | null;
    readonly cause: IncidentCauseActor | null;
    readonly causeVector: CauseVector | null;
    readonly causeDescription: string | null;
    readonly description: string | null;
    readonly systems: readonly string[];
  };
  /** §3.3 */
  readonly dataSubjects: {
    readonly categories: readonly DataSubjectCategory[];
    readonly description: string | null;
    readonly count: NotificationCount;
  };
  /** §3.4 */
  readonly data: {
    readonly types: readonly EdpbDataType[];
    /** The catalogue taxonomy codes the types come from. */
    readonly classes: readonly string[];
    readonly description: string | null;
    readonly records: NotificationCount;
  };
  /** §3.5 */
  readonly priorMeasures: { readonly measures: readonly PriorMeasure[]; readonly description: string | null };
  /** §4.1 */
  readonly consequences: {
    readonly confidentiality: readonly ConfidentialityConsequence[];
    readonly integrity: readonly IntegrityConsequence[];
    readonly availability: readonly AvailabilityConsequence[];
    readonly impacts: readonly Impact[];
    readonly description: string | null;
    readonly severity: ConsequenceSeverity | null;
  };
  /** §4.2 */
  readonly riskOutcome: {
    readonly outcome: TemplateRiskOutcome;
    readonly methodology: string | null;
    readonly assessmentId: string | null;
  };
  /** §4.3–4.4 */
  readonly measures: {
    readonly taken: string | null;
    readonly proposed: string | null;
    readonly preventive: readonly PreventiveMeasure[];
    readonly preventiveDescription: string | null;
  };
  /** §4.4 */
  readonly communication: {
    readonly status: TemplateCommunication | null;
    readonly date: string | null;
    readonly plannedDate: string | null;
    readonly delayReason: string | null;
    readonly article34Condition: 'a' | 'b' | 'c' | null;
    readonly justification: string | null;
    readonly allInformed: boolean | null;
    readonly notAllInformedReason: string | null;
    readonly means: readonly TemplateMeans[];
    readonly channels: readonly CommunicationChannel[];
    readonly people: NotificationCount | null;
    readonly content: string | null;
  };
  /** §6.1 */
  readonly otherAuthorities: {
    readonly policeReport: YesNoUnknown;
    readonly otherAuthoritiesNotified: YesNoUnknown;
    readonly details: readonly {
      readonly kind: OtherAuthorityKind;
      readonly name: string;
      readonly caseReference: string | null;
      readonly informedAt: string | null;
    }[];
  };
  /** §6.2–6.3 */
  readonly crossBorder: {
    readonly crossBorderProcessing: YesNoUnknown;
    readonly leadAuthority: AuthorityRef | null;
    readonly establishments: readonly string[];
    /** Countries of the data subjects, with the number per country. */
    readonly countries: readonly ({ readonly country: string } & NotificationCount)[];
    readonly authoritiesNotified: readonly AuthorityRef[];
    readonly nonEeaController: boolean | null;
  };
}

/** One field that changed since the previous version; `path` is dotted within the body, arrays compare whole. */
export interface NotificationChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuthorityNotification {
  readonly format: typeof NOTIFICATION_FORMAT;
  /** `<incident id>/v<version>`. */
  readonly id: string;
  readonly incidentId: string;
  readonly version: number;
  readonly kind: NotificationKind;
  /** ISO 8601 UTC. */
  readonly issuedAt: string;
  /** The supervisory authority addressed, when the incident names it. */
  readonly authority: (AuthorityRef & { readonly caseReference: string | null }) | null;
  readonly body: NotificationBody;
  /** Template fields still open, with body paths: what a follow-up should complete (Art. 33(4)). */
  readonly missing: readonly FieldIssue[];
  /** What changed since `previous`; empty for the initial notification. */
  readonly changes: readonly NotificationChange[];
}

export type NotificationResult =
  { readonly ok: true; readonly notification: AuthorityNotification } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

// --- Building ------------------------------------------------------------------------------------

export function buildAuthorityNotification(
  incident: IncidentDocument,
  organisation: NotifyingOrganisation,
  options: NotificationOptions,
): NotificationResult {
  const optionIssues = checkOptions(incident, options);
  if (optionIssues.length > 0) return { ok: false, issues: optionIssues };
  const issues = options.kind === 'withdrawal' ? withdrawalIssues(incident) : requiredContentIssues(incident, organisation, options);
  if (issues.length > 0) return { ok: false, issues };

  const body = buildBody(incident, organisation, options);
  const missing = options.kind === 'withdrawal' ? [] : missingContent(body);
  const finalBody: NotificationBody = {
    ...body,
    notification: {
      ...body.notification,
      subType: options.kind === 'withdrawal' ? 'withdraw' : missing.length > 0 ? 'incomplete' : 'complete',
    },
  };
  const authority = incident.authority ? findAuthority(incident.authority.code) : undefined;
  return {
    ok: true,
    notification: {
      format: NOTIFICATION_FORMAT,
      id: `${incident.id}/v${options.version}`,
      incidentId: incident.id,
      version: options.version,
      kind: options.kind,
      issuedAt: isoInstant(new Date(options.issuedAt)),
      authority: authority
        ? { code: authority.code, name: authority.name, caseReference: incident.authority?.caseReference ?? null }
        : null,
      body: finalBody,
      missing,
      changes: options.previous ? diffNotificationBodies(options.previous.body, finalBody) : [],
    },
  };
}

function checkOptions(incident: IncidentDocument, options: NotificationOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { version, kind, previous, issuedAt } = options;
  if (!Number.isSafeInteger(version) || version < 1) issues.push({ path: 'options.version', message: 'must be a whole number ≥ 1' });
  if (!isDateTime(issuedAt)) {
    issues.push({ path: 'options.issuedAt', message: 'must be an ISO 8601 date-time with a time zone, such as 2024-01-29T14:30:00Z' });
    return issues;
  }
  const awarenessAt = incident.timeline?.awarenessAt;
  if (awarenessAt !== undefined && Date.parse(issuedAt) < Date.parse(awarenessAt)) {
    issues.push({ path: 'options.issuedAt', message: 'cannot be before timeline.awarenessAt' });
  }
  if (kind === 'initial') {
    if (previous !== undefined) issues.push({ path: 'options.previous', message: 'must be omitted for an initial notification' });
    else if (version !== 1) issues.push({ path: 'options.version', message: 'must be 1 for an initial notification' });
    return issues;
  }
  if (previous === undefined) {
    issues.push({
      path: 'options.previous',
      message: `is required for a ${kind}: it names the notification being ${kind === 'withdrawal' ? 'withdrawn' : 'completed'}`,
    });
    return issues;
  }
  if (previous.incidentId !== incident.id) issues.push({ path: 'options.previous', message: 'belongs to another incident' });
  if (previous.kind === 'withdrawal')
    issues.push({ path: 'options.previous', message: 'is a withdrawal: a withdrawn notification cannot be followed up' });
  if (version !== previous.version + 1)
    issues.push({ path: 'options.version', message: `must be ${previous.version + 1}, the version after the previous one` });
  if (Date.parse(issuedAt) < Date.parse(previous.issuedAt))
    issues.push({ path: 'options.issuedAt', message: 'cannot be before the previous version' });
  return issues;
}

function withdrawalIssues(incident: IncidentDocument): FieldIssue[] {
  return incident.notification?.type === 'withdrawal' && incident.notification.withdrawalReason !== undefined
    ? []
    : [
        {
          path: 'notification.withdrawalReason',
          message: 'is required to withdraw a notification (set notification.type to "withdrawal" and give the reason)',
        },
      ];
}

/** The core of Art. 33(1) and 33(3) without which no notification (other than a withdrawal) is issued. Paths are the incident's. */
function requiredContentIssues(
  incident: IncidentDocument,
  organisation: NotifyingOrganisation,
  options: NotificationOptions,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required = (path: string, why: string) =>
    issues.push({ path, message: `is required before a notification can be issued (${why})` });
  const awarenessAt = incident.timeline?.awarenessAt;
  if (awarenessAt === undefined) required('timeline.awarenessAt', 'Art. 33(1): the 72-hour clock starts at awareness');
  if ((incident.nature?.types ?? []).length === 0) required('nature.types', 'Art. 33(3)(a): the nature of the breach');
  if ((incident.dataClasses ?? []).length === 0) required('dataClasses', 'Art. 33(3)(a): the categories of personal data');
  if ((incident.dataSubjects?.byCountry ?? []).length === 0) {
    required('dataSubjects.byCountry', 'Art. 33(3)(a): the approximate number of data subjects, per country');
  }
  if (incident.contacts?.contactPoint === undefined && organisation.dpo === undefined) {
    required('contacts.contactPoint', "Art. 33(3)(b): a contact point, or the organisation's DPO");
  }
  const c = incident.consequences;
  const statedImpacts = (c?.impacts ?? []).filter((i) => i !== 'to-be-determined');
  if (c?.description === undefined && statedImpacts.length === 0) {
    required('consequences', 'Art. 33(3)(c): the likely consequences, as a description or as impacts');
  }
  if (incident.measures?.taken === undefined && incident.measures?.proposed === undefined) {
    required('measures', 'Art. 33(3)(d): the measures taken or proposed');
  }
  if (
    options.kind === 'initial' &&
    awarenessAt !== undefined &&
    delayReasonRequired(awarenessAt, options.issuedAt) &&
    incident.delayReason === undefined
  ) {
    issues.push({
      path: 'delayReason',
      message: 'is required: the notification is issued more than 72 hours after awareness (Art. 33(1))',
    });
  }
  return issues;
}

function templateCount(count: Count | undefined): NotificationCount {
  if (count === undefined) return { precision: 'to-be-determined', count: null, atLeast: false };
  return {
    precision: count.precision === 'unknown' ? 'cannot-be-determined' : count.precision,
    count: count.count ?? null,
    atLeast: count.atLeast === true,
  };
}

const DISCOVERY: Readonly<Record<DiscoverySource, TemplateDiscovery>> = {
  internal: 'controller',
  processor: 'processor',
  'data-subject': 'data-subject',
  'third-party': 'external-party',
  // The template has no "authority" option: an authority is an external party, and the description says which.
  authority: 'external-party',
  media: 'press',
  other: 'other',
};

const MEANS: Readonly<Record<CommunicationChannel, TemplateMeans>> = {
  email: 'individual',
  sms: 'individual',
  letter: 'individual',
  'public-notice': 'public',
  other: 'other',
};

function authorityRef(code: string): AuthorityRef {
  return { code, name: findAuthority(code)?.name ?? code };
}

function yesNoUnknown(value: boolean | undefined): YesNoUnknown {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

function buildBody(incident: IncidentDocument, organisation: NotifyingOrganisation, options: NotificationOptions): NotificationBody {
  const t = incident.timeline;
  const p = incident.processorRelation;
  const contacts = incident.contacts;
  const comm = incident.communication;
  const dpo = organisation.dpo;
  const contactPoint = contacts?.contactPoint;

  const otherParties: NotificationBody['contacts']['otherParties'][number][] = (contacts?.otherParties ?? []).map((o) => ({
    qualification: o.qualification,
    name: o.name,
    contactDetails: o.contactDetails ?? null,
    reference: null,
  }));
  if (p?.processorName !== undefined || p?.processorIncidentId !== undefined) {
    otherParties.push({
      qualification: 'processor',
      name: p.processorName ?? null,
      contactDetails: null,
      reference: p.processorIncidentId ?? null,
    });
  }
  for (const controller of p?.controllers ?? []) {
    otherParties.push({
      qualification: 'controller',
      name: controller.name,
      contactDetails: null,
      reference: controller.reference ?? null,
    });
  }
  const controllersCount = p?.role === 'processor' ? (p.controllersCount ?? (p.controllers?.length || null)) : null;

  const occurrence =
    t?.occurrence ??
    (t?.occurredFrom !== undefined && t.occurredTo !== undefined ? (t.occurredFrom === t.occurredTo ? 'specific-day' : 'range') : null);
  const discovered = t?.discoveredBy;
  const discoveryDescription =
    discovered?.by === 'authority'
      ? `Reported by an authority${discovered.description === undefined ? '.' : `: ${discovered.description}`}`
      : (discovered?.description ?? null);

  const dataClasses = incident.dataClasses ?? [];
  const edpbTypes = new Set(dataClasses.map((code) => findDataClass(code)?.edpbType).filter((type) => type !== undefined));
  const byCountry = incident.dataSubjects?.byCountry ?? [];
  const ground = comm?.ground;

  return {
    notification: {
      type: options.kind === 'initial' ? 'new' : 'follow-up',
      subType: 'incomplete',
      withdrawalReason: options.kind === 'withdrawal' ? (incident.notification?.withdrawalReason ?? null) : null,
      previousNotificationId: options.previous ? (incident.authority?.caseReference ?? options.previous.id) : null,
      internalReference: incident.reference ?? incident.id,
      organisation: {
        identifierType: organisation.identifier?.type ?? null,
        identifier: organisation.identifier?.value ?? null,
        name: organisation.name,
        country: organisation.country,
        role: p?.role ?? null,
        contactDetails: {
          postalAddress: organisation.contactDetails?.postalAddress ?? null,
          email: organisation.contactDetails?.email ?? null,
          phone: organisation.contactDetails?.phone ?? null,
        },
        sector: organisation.sector ?? null,
        size: organisation.size ?? null,
        economicActivity: organisation.economicActivity ?? null,
        eeaRepresentative: organisation.eeaRepresentative
          ? {
              name: organisation.eeaRepresentative.name,
              postalAddress: organisation.eeaRepresentative.contactDetails?.postalAddress ?? null,
              email: organisation.eeaRepresentative.contactDetails?.email ?? null,
              phone: organisation.eeaRepresentative.contactDetails?.phone ?? null,
            }
          : null,
      },
    },
    reporter: {
      name: contacts?.reporter?.name ?? null,
      function: contacts?.reporter?.function ?? null,
      functionDescription: contacts?.reporter?.functionDescription ?? null,
      email: contacts?.reporter?.email ?? null,
      phone: contacts?.reporter?.phone ?? null,
    },
    contacts: {
      dpoDesignated: dpo ? true : null,
      dpo: dpo ? { name: dpo.name, email: dpo.email ?? null, phone: dpo.phone ?? null } : null,
      moreInformationAt: contactPoint
        ? {
            name: contactPoint.name,
            function: contactPoint.function ?? null,
            email: contactPoint.email ?? null,
            phone: contactPoint.phone ?? null,
          }
        : dpo
          ? { name: dpo.name, function: 'DPO', email: dpo.email ?? null, phone: dpo.phone ?? null }
          : null,
      otherPartiesInvolved: otherParties.length > 0 || (controllersCount ?? 0) > 0,
      otherParties,
      controllersCount,
    },
    timeline: {
      occurrence,
      estimatedDates: t?.estimated ?? [t?.occurredFrom, t?.occurredTo].some((d) => d !== undefined && !isDateTime(d)),
      start: t?.occurredFrom ?? null,
      end: t?.occurredTo ?? null,
      awarenessAt: t?.awarenessAt ?? null,
      containedAt: t?.containedAt ?? null,
      lateNotificationReason: incident.delayReason ?? null,
      discovery: {
        by: discovered ? DISCOVERY[discovered.by] : null,
        description: discoveryDescription,
        notifiedByOtherPartyAt: discovered?.notifiedAt ?? (discovered?.by === 'processor' ? (p?.notifiedByProcessorAt ?? null) : null),
      },
      comments: t?.comments ?? null,
    },
    nature: {
      types: BREACH_NATURES.filter((type) => incident.nature?.types.includes(type)),
      confidentiality: incident.nature?.confidentiality ?? null,
      confidentialityEvidence: incident.nature?.confidentialityEvidence ?? null,
      unintelligible: incident.nature?.unintelligible ?? null,
      integrity: incident.nature?.integrity ?? null,
      availability: incident.nature?.availability ?? null,
      incidentNature: incident.incidentNature?.kinds ?? [],
      incidentNatureOther: incident.incidentNature?.other ?? null,
      cause: incident.cause?.actor ?? null,
      causeVector: incident.cause?.vector ?? null,
      causeDescription: incident.cause?.description ?? null,
      description: incident.description ?? null,
      systems: incident.systems ?? [],
    },
    dataSubjects: {
      categories: incident.dataSubjects?.categories ?? [],
      description: incident.dataSubjects?.description ?? null,
      count: templateCount(totalDataSubjects(byCountry)),
    },
    data: {
      types: EDPB_DATA_TYPES.filter((type) => edpbTypes.has(type)),
      classes: dataClasses,
      description: incident.dataDescription ?? null,
      records: templateCount(incident.records),
    },
    priorMeasures: { measures: incident.priorMeasures?.kinds ?? [], description: incident.priorMeasures?.description ?? null },
    consequences: {
      confidentiality: incident.consequences?.confidentiality ?? [],
      integrity: incident.consequences?.integrity ?? [],
      availability: incident.consequences?.availability ?? [],
      impacts: incident.consequences?.impacts ?? [],
      description: incident.consequences?.description ?? null,
      severity: incident.consequences?.severity ?? null,
    },
    riskOutcome: {
      outcome: incident.riskOutcome?.level ?? 'more-information-needed',
      methodology: incident.riskOutcome?.methodology ?? null,
      assessmentId: incident.riskOutcome?.assessmentId ?? null,
    },
    measures: {
      taken: incident.measures?.taken ?? null,
      proposed: incident.measures?.proposed ?? null,
      preventive: incident.measures?.preventive ?? [],
      preventiveDescription: incident.measures?.preventiveDescription ?? null,
    },
    communication: {
      status: communicationStatus(comm?.status, ground),
      date: comm?.status === 'done' ? (comm.at ?? null) : null,
      plannedDate: comm?.status === 'planned' || comm?.status === 'delayed' ? (comm.at ?? null) : null,
      delayReason: comm?.delayReason ?? null,
      article34Condition: ground === '34-3-a' ? 'a' : ground === '34-3-b' ? 'b' : ground === '34-3-c' ? 'c' : null,
      justification: comm?.justification ?? null,
      allInformed: comm?.allInformed ?? null,
      notAllInformedReason: comm?.notAllInformedReason ?? null,
      means: [...new Set((comm?.channels ?? []).map((channel) => MEANS[channel]))],
      channels: comm?.channels ?? [],
      people: comm?.people ? templateCount(comm.people) : null,
      content: comm?.content ?? null,
    },
    otherAuthorities: otherAuthoritiesSection(incident.otherAuthorities),
    crossBorder: {
      crossBorderProcessing: yesNoUnknown(incident.crossBorder?.processing),
      leadAuthority: incident.crossBorder?.leadAuthority ? authorityRef(incident.crossBorder.leadAuthority) : null,
      establishments: incident.crossBorder?.establishments ?? [],
      countries: byCountry.map((row) => ({ country: row.country, ...templateCount(row.people) })),
      authoritiesNotified: (incident.crossBorder?.authoritiesNotified ?? []).map(authorityRef),
      nonEeaController: incident.crossBorder?.nonEeaController ?? null,
    },
  };
}

function communicationStatus(
  status: NonNullable<IncidentDocument['communication']>['status'] | undefined,
  ground: NonNullable<IncidentDocument['communication']>['ground'],
): TemplateCommunication | null {
  switch (status) {
    case undefined:
      return null;
    case 'done':
      return 'yes';
    case 'planned':
      return 'later';
    case 'delayed':
      return 'investigation-ongoing';
    case 'not-required':
      return ground === 'not-high-risk' || ground === undefined ? 'not-high-risk' : 'article-34-3-condition';
  }
}

function otherAuthoritiesSection(list: IncidentDocument['otherAuthorities']): NotificationBody['otherAuthorities'] {
  const details = (list ?? []).map((a) => ({
    kind: a.kind,
    name: a.name,
    caseReference: a.caseReference ?? null,
    informedAt: a.informedAt ?? null,
  }));
  const police = details.some((a) => a.kind === 'police' || a.kind === 'prosecutor');
  const others = details.some((a) => a.kind !== 'police' && a.kind !== 'prosecutor');
  // An empty list says "none"; no list at all says nothing.
  return {
    policeReport: list === undefined ? 'unknown' : police ? 'yes' : 'no',
    otherAuthoritiesNotified: list === undefined ? 'unknown' : others ? 'yes' : 'no',
    details,
  };
}

/** Template fields still open (body paths). Only called for initial and follow-up notifications. */
function missingContent(body: NotificationBody): FieldIssue[] {
  const missing: FieldIssue[] = [];
  const open = (path: string, what: string) =>
    missing.push({ path, message: `${what}; to be given in a follow-up notification (Art. 33(4))` });
  const { timeline, nature, dataSubjects, data, consequences } = body;

  if (body.reporter.name === null) open('reporter', 'the reporting person is not named');
  if (timeline.occurrence === null || timeline.occurrence === 'to-be-determined')
    open('timeline.occurrence', 'when the breach occurred is to be determined');
  if (timeline.discovery.by === null) open('timeline.discovery.by', 'how the breach was discovered is not given');
  if (nature.types.includes('confidentiality')) {
    if (nature.confidentiality === null || nature.confidentiality === 'to-be-determined')
      open('nature.confidentiality', 'whether the data were exfiltrated is to be determined');
    if (nature.unintelligible === null || nature.unintelligible === 'to-be-determined')
      open('nature.unintelligible', 'whether the data were unintelligible is to be determined');
  }
  if (nature.types.includes('integrity') && nature.integrity === null)
    open('nature.integrity', 'the type of integrity breach is not given');
  if (nature.types.includes('availability') && nature.availability === null)
    open('nature.availability', 'the type of availability breach is not given');
  if (nature.incidentNature.length === 0 || nature.incidentNature.includes('to-be-determined'))
    open('nature.incidentNature', 'the nature of the incident is to be determined');
  if (nature.cause === null || nature.cause === 'to-be-determined') open('nature.cause', 'the cause is to be determined');
  if (nature.description === null) open('nature.description', 'the breach is not described');
  if (nature.systems.length === 0) open('nature.systems', 'the systems involved are not described');
  if (dataSubjects.categories.length === 0 || dataSubjects.categories.includes('not-yet-known'))
    open('dataSubjects.categories', 'the categories of data subjects are not yet known');
  if (data.types.includes('not-known')) open('data.types', 'some of the data concerned are not yet known');
  if (data.records.precision === 'to-be-determined') open('data.records', 'the number of records is to be determined');
  if (body.priorMeasures.measures.length === 0) open('priorMeasures.measures', 'the measures in place before the breach are not given');
  const perType = [
    ['confidentiality', consequences.confidentiality],
    ['integrity', consequences.integrity],
    ['availability', consequences.availability],
  ] as const;
  for (const [type, list] of perType) {
    if (nature.types.includes(type) && (list.length === 0 || list.some((c) => c === 'under-assessment')))
      open(`consequences.${type}`, `the likely consequences of the ${type} breach are under assessment`);
  }
  if (consequences.severity === null || consequences.severity === 'to-be-determined')
    open('consequences.severity', 'the severity is to be determined');
  if (body.riskOutcome.outcome === 'more-information-needed') open('riskOutcome.outcome', 'the risk assessment needs more information');
  if (body.riskOutcome.methodology === null) open('riskOutcome.methodology', 'the risk assessment method is not described');
  if (body.measures.preventive.length === 0) open('measures.preventive', 'the measures to prevent a similar breach are not given');
  if (body.communication.status === null) open('communication.status', 'whether the individuals are told is not decided');
  if (body.crossBorder.crossBorderProcessing === 'unknown')
    open('crossBorder.crossBorderProcessing', 'whether the processing is cross-border is not given');
  if (body.crossBorder.crossBorderProcessing === 'yes' && body.crossBorder.leadAuthority === null)
    open('crossBorder.leadAuthority', 'the lead supervisory authority is not given');
  return missing;
}

// --- Comparing versions --------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/**
 * The fields that differ between two bodies, depth first in the order of `after`. Objects are compared
 * member by member; arrays and scalars are compared whole. A member absent on one side reads as null.
 */
export function diffNotificationBodies(before: unknown, after: unknown, path = ''): NotificationChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => diffNotificationBodies(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  if (deepEqual(before, after)) return [];
  return [{ path, before: before ?? null, after: after ?? null }];
}

/** The value at a dotted body path (`timeline.awarenessAt`), or undefined when the path does not exist. */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}
