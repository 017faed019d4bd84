import { isoInstant } from '../../../platform/clock.js';
import { EDPB_DATA_TYPES, findDataClass } from '../../catalogue/taxonomy.js';
import { BREACH_NATURES, type Precision } from '../../catalogue/vocabulary.js';
import { delayReasonRequired, notificationDeadline } from './clock.js';
import { totalDataSubjects, type IncidentDocument } from './incident.js';
import type { AuthorityNotification } from './notification.js';
import { csvField } from '../../../platform/csv.js';

/**
 * The breach register of GDPR Art. 33(5): every incident, notified or not, with "the facts relating to
 * the personal data breach, its effects and the remedial action taken", so that the supervisory
 * authority can verify compliance. One flat row per incident; lists stay lists in JSON and are joined
 * with "; " in CSV.
 */

export const REGISTER_FORMAT = 'breachdesk.register/1';

export interface RegisterRow {
  readonly id: string;
  readonly title: string;
  readonly reference: string | null;
  readonly role: 'controller' | 'processor' | null;
  readonly processorIncidentId: string | null;
  readonly controllersCount: number | null;
  readonly occurredFrom: string | null;
  readonly occurredTo: string | null;
  readonly awarenessAt: string | null;
  readonly containedAt: string | null;
  readonly discoveredBy: string | null;
  /** Awareness + 72 h (Art. 33(1)). */
  readonly deadline: string | null;
  readonly notified: boolean;
  /** When the first notification (not a withdrawal) was issued. */
  readonly notifiedAt: string | null;
  /** Notified after the deadline; null when not notified or without an awareness date. */
  readonly late: boolean | null;
  readonly delayReason: string | null;
  readonly notificationVersions: number;
  readonly lastNotificationAt: string | null;
  readonly withdrawn: boolean;
  readonly withdrawalReason: string | null;
  readonly authority: string | null;
  readonly authorityCaseReference: string | null;
  readonly nature: readonly string[];
  readonly incidentNature: readonly string[];
  readonly cause: string | null;
  readonly description: string | null;
  readonly dataClasses: readonly string[];
  /** The EDPB template's data types of those classes. */
  readonly dataTypes: readonly string[];
  readonly dataSubjectCategories: readonly string[];
  readonly dataSubjectsPrecision: Precision | null;
  readonly dataSubjectsCount: number | null;
  readonly dataSubjectsAtLeast: boolean;
  readonly countries: readonly string[];
  readonly recordsPrecision: Precision | null;
  readonly recordsCount: number | null;
  readonly consequences: string | null;
  readonly impacts: readonly string[];
  readonly severity: string | null;
  readonly measuresTaken: string | null;
  readonly measuresProposed: string | null;
  readonly riskOutcome: string | null;
  readonly decisionNotifyAuthority: boolean | null;
  readonly decisionInformIndividuals: string | null;
  readonly decisionReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly communicationStatus: string | null;
  readonly communicationGround: string | null;
  readonly communicationAt: string | null;
  readonly communicationChannels: readonly string[];
  readonly peopleInformed: number | null;
}

export type RegisterCell = RegisterRow[keyof RegisterRow];

/** Column order of the CSV and JSON forms. */
export const REGISTER_COLUMNS = [
  'id',
  'title',
  'reference',
  'role',
  'processorIncidentId',
  'controllersCount',
  'occurredFrom',
  'occurredTo',
  'awarenessAt',
  'containedAt',
  'discoveredBy',
  'deadline',
  'notified',
  'notifiedAt',
  'late',
  'delayReason',
  'notificationVersions',
  'lastNotificationAt',
  'withdrawn',
  'withdrawalReason',
  'authority',
  'authorityCaseReference',
  'nature',
  'incidentNature',
  'cause',
  'description',
  'dataClasses',
  'dataTypes',
  'dataSubjectCategories',
  'dataSubjectsPrecision',
  'dataSubjectsCount',
  'dataSubjectsAtLeast',
  'countries',
  'recordsPrecision',
  'recordsCount',
  'consequences',
  'impacts',
  'severity',
  'measuresTaken',
  'measuresProposed',
  'riskOutcome',
  'decisionNotifyAuthority',
  'decisionInformIndividuals',
  'decisionReason',
  'decidedBy',
  'decidedAt',
  'communicationStatus',
  'communicationGround',
  'communicationAt',
  'communicationChannels',
  'peopleInformed',
] as const satisfies readonly (keyof RegisterRow)[];

/** The register row of one incident; `notifications` may hold other incidents' versions, which are ignored. */
export function registerRow(incident: IncidentDocument, notifications: readonly AuthorityNotification[]): RegisterRow {
  const t = incident.timeline;
  const versions = notifications.filter((n) => n.incidentId === incident.id).sort((a, b) => a.version - b.version);
  const filed = versions.filter((n) => n.kind !== 'withdrawal');
  const first = filed[0];
  const last = versions.at(-1);
  const awarenessAt = t?.awarenessAt;
  const people = totalDataSubjects(incident.dataSubjects?.byCountry);
  const edpbTypes = new Set((incident.dataClasses ?? []).map((code) => findDataClass(code)?.edpbType));
  const decision = incident.riskOutcome?.decision;
  const comm = incident.communication;
  const p = incident.processorRelation;

  return {
    id: incident.id,
    title: incident.title,
    reference: incident.reference ?? null,
    role: p?.role ?? null,
    processorIncidentId: p?.processorIncidentId ?? null,
    controllersCount: p?.role === 'processor' ? (p.controllersCount ?? (p.controllers?.length || null)) : null,
    occurredFrom: t?.occurredFrom ?? null,
    occurredTo: t?.occurredTo ?? null,
    awarenessAt: awarenessAt ?? null,
    containedAt: t?.containedAt ?? null,
    discoveredBy: t?.discoveredBy?.by ?? null,
    deadline: awarenessAt === undefined ? null : isoInstant(notificationDeadline(awarenessAt)),
    notified: first !== undefined,
    notifiedAt: first?.issuedAt ?? null,
    late: first === undefined || awarenessAt === undefined ? null : delayReasonRequired(awarenessAt, first.issuedAt),
    delayReason: incident.delayReason ?? null,
    notificationVersions: versions.length,
    lastNotificationAt: last?.issuedAt ?? null,
    withdrawn: last?.kind === 'withdrawal',
    withdrawalReason: last?.kind === 'withdrawal' ? last.body.notification.withdrawalReason : null,
    authority: incident.authority?.code ?? null,
    authorityCaseReference: incident.authority?.caseReference ?? null,
    nature: BREACH_NATURES.filter((type) => incident.nature?.types.includes(type)),
    incidentNature: incident.incidentNature?.kinds ?? [],
    cause: incident.cause?.actor ?? null,
    description: incident.description ?? null,
    dataClasses: incident.dataClasses ?? [],
    dataTypes: EDPB_DATA_TYPES.filter((type) => edpbTypes.has(type)),
    dataSubjectCategories: incident.dataSubjects?.categories ?? [],
    dataSubjectsPrecision: people?.precision ?? null,
    dataSubjectsCount: people?.count ?? null,
    dataSubjectsAtLeast: people?.atLeast === true,
    countries: (incident.dataSubjects?.byCountry ?? []).map((row) => row.country),
    recordsPrecision: incident.records?.precision ?? null,
    recordsCount: incident.records?.count ?? null,
    consequences: incident.consequences?.description ?? null,
    impacts: incident.consequences?.impacts ?? [],
    severity: incident.consequences?.severity ?? null,
    measuresTaken: incident.measures?.taken ?? null,
    measuresProposed: incident.measures?.proposed ?? null,
    riskOutcome: incident.riskOutcome?.level ?? null,
    decisionNotifyAuthority: decision?.notifyAuthority ?? null,
    decisionInformIndividuals: decision?.informIndividuals ?? null,
    decisionReason: decision?.reason ?? null,
    decidedBy: decision?.decidedBy ?? null,
    decidedAt: decision?.decidedAt ?? null,
    communicationStatus: comm?.status ?? null,
    communicationGround: comm?.ground ?? null,
    communicationAt: comm?.at ?? null,
    communicationChannels: comm?.channels ?? [],
    peopleInformed: comm?.people?.count ?? null,
  };
}

function csvCell(value: RegisterCell): string {
  if (value === null) return csvField('');
  if (typeof value === 'boolean') return csvField(value ? 'yes' : 'no');
  if (typeof value === 'number') return csvField(String(value));
  return csvField(typeof value === 'string' ? value : value.join('; '));
}

/**
 * RFC 4180 CSV: a header row of column names, every field quoted (inner quotes doubled, so commas and
 * line breaks stay inside their field), CRLF after every record. A cell starting with = + - @ (or a tab
 * or carriage return) gets a leading single quote so that spreadsheets show it as text. `bom` prefixes
 * U+FEFF, which Excel needs to read UTF-8 accents.
 */
export function registerCsv(rows: readonly RegisterRow[], options: { readonly bom?: boolean } = {}): string {
  const lines = [REGISTER_COLUMNS.map((column) => csvCell(column)).join(',')];
  for (const row of rows) lines.push(REGISTER_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export interface RegisterDocument {
  readonly format: typeof REGISTER_FORMAT;
  readonly columns: readonly (keyof RegisterRow)[];
  readonly rows: readonly RegisterRow[];
}

/** The JSON form: the same rows, typed values kept (lists as arrays, booleans, numbers, nulls). */
export function registerJson(rows: readonly RegisterRow[]): string {
  const document: RegisterDocument = { format: REGISTER_FORMAT, columns: REGISTER_COLUMNS, rows };
  return `${JSON.stringify(document, null, 2)}\n`;
}
