import { z } from 'zod';
import { DATA_CLASSES } from '../modules/catalogue/taxonomy.js';
import { CAUSE_VECTORS, ORGANISATION_ROLES, PRECISIONS, SUPERVISORY_AUTHORITIES, BREACH_NATURES } from '../modules/catalogue/vocabulary.js';
import {
  AVAILABILITY_CONSEQUENCES,
  AVAILABILITY_STATES,
  COMMUNICATION_CHANNELS,
  COMMUNICATION_GROUNDS,
  COMMUNICATION_STATUSES,
  CONFIDENTIALITY_CONSEQUENCES,
  CONFIDENTIALITY_STATES,
  DATA_SUBJECT_CATEGORIES,
  DISCOVERY_SOURCES,
  IMPACTS,
  INCIDENT_CAUSE_ACTORS,
  INCIDENT_NATURES,
  INTEGRITY_CONSEQUENCES,
  INTEGRITY_STATES,
  isDateTime,
  NOTIFICATION_TYPES,
  OCCURRENCE_KINDS,
  OTHER_AUTHORITY_KINDS,
  OTHER_PARTY_QUALIFICATIONS,
  PREVENTIVE_MEASURES,
  PRIOR_MEASURES,
  REPORTER_FUNCTIONS,
  UNINTELLIGIBILITY_STATES,
  type IncidentDocument,
} from '../modules/incidents/model/incident.js';
import { CONSEQUENCE_SEVERITIES } from '../modules/incidents/risk/index.js';
import type { FieldIssue } from '../platform/errors.js';

/**
 * The EDPB template as console forms, one form per section (issue 6: a DPO should not have to write
 * JSON). Each field is named by its dotted path in the incident document (`timeline.discoveredBy.by`,
 * `otherAuthorities.0.kind`), so the domain's validation issues name the form's fields as they are.
 *
 * A section owns some top-level keys of the document: saving it replaces them whole with what the form
 * shows (an emptied field is removed) and keeps everything else. Repeatable rows are sent as numbered
 * fields; a row left blank is dropped and the rest renumbered before anything else looks at them.
 * Only the web layer knows about forms; the record is still validated by the incidents module.
 */

export const SECTION_KEYS = [
  'general',
  'notification',
  'authority',
  'contacts',
  'timeline',
  'nature',
  'incidentNature',
  'cause',
  'dataSubjects',
  'data',
  'priorMeasures',
  'consequences',
  'measures',
  'communication',
  'otherAuthorities',
  'crossBorder',
  'processorRelation',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export function isSectionKey(value: unknown): value is SectionKey {
  return typeof value === 'string' && (SECTION_KEYS as readonly string[]).includes(value);
}

/** The option lists the forms offer; the UI gives each value its words. */
export const VOCABULARIES = {
  notificationTypes: NOTIFICATION_TYPES,
  authorities: SUPERVISORY_AUTHORITIES.map((a) => a.code),
  reporterFunctions: REPORTER_FUNCTIONS,
  otherPartyQualifications: OTHER_PARTY_QUALIFICATIONS,
  occurrenceKinds: OCCURRENCE_KINDS,
  discoverySources: DISCOVERY_SOURCES,
  breachNatures: BREACH_NATURES,
  confidentialityStates: CONFIDENTIALITY_STATES,
  unintelligibilityStates: UNINTELLIGIBILITY_STATES,
  integrityStates: INTEGRITY_STATES,
  availabilityStates: AVAILABILITY_STATES,
  incidentNatures: INCIDENT_NATURES,
  causeActors: INCIDENT_CAUSE_ACTORS,
  causeVectors: CAUSE_VECTORS,
  dataSubjectCategories: DATA_SUBJECT_CATEGORIES,
  precisions: PRECISIONS,
  dataClasses: DATA_CLASSES.filter((c) => c.deprecatedIn === undefined).map((c) => c.code),
  priorMeasures: PRIOR_MEASURES,
  confidentialityConsequences: CONFIDENTIALITY_CONSEQUENCES,
  integrityConsequences: INTEGRITY_CONSEQUENCES,
  availabilityConsequences: AVAILABILITY_CONSEQUENCES,
  impacts: IMPACTS,
  severities: CONSEQUENCE_SEVERITIES,
  preventiveMeasures: PREVENTIVE_MEASURES,
  communicationStatuses: COMMUNICATION_STATUSES,
  communicationGrounds: COMMUNICATION_GROUNDS,
  communicationChannels: COMMUNICATION_CHANNELS,
  otherAuthorityKinds: OTHER_AUTHORITY_KINDS,
  organisationRoles: ORGANISATION_ROLES,
} as const satisfies Record<string, readonly string[]>;
export type VocabularyName = keyof typeof VOCABULARIES;

/**
 * How a field is entered:
 * - text, email, tel, textarea, select: a string;
 * - checks (checkboxes) and multi (a multiple select): a list of codes;
 * - instant: a UTC date and time (datetime-local), stored with its zone;
 * - date: a date as precise as known (YYYY, YYYY-MM, YYYY-MM-DD) or a date and time;
 * - yesno: true, false or not said; flag: one checkbox, true or absent;
 * - int: a whole number; lines: one item per line; codes: country codes separated by commas.
 */
export type FieldKind =
  'text' | 'email' | 'tel' | 'textarea' | 'select' | 'checks' | 'multi' | 'instant' | 'date' | 'yesno' | 'flag' | 'int' | 'lines' | 'codes';

export interface FieldSpec {
  readonly type: 'field';
  /** The path in the document; inside rows, relative to the row. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly options?: VocabularyName;
  /** The label's key when it is not the field's path with rows as `*` (the parts of a count). */
  readonly label?: string;
}

export interface GroupSpec {
  readonly type: 'group';
  /** The path of the object the group's fields fill; also the legend's label key. */
  readonly name: string;
  readonly items: readonly FieldSpec[];
}

export interface RowsSpec {
  readonly type: 'rows';
  /** The path of the list. */
  readonly name: string;
  readonly max: number;
  readonly items: readonly (FieldSpec | GroupSpec)[];
}

export type SectionItem = FieldSpec | GroupSpec | RowsSpec;

export interface SectionSpec {
  readonly key: SectionKey;
  /** Top-level keys of the document the form writes: they are replaced whole by what it shows. */
  readonly owns: readonly string[];
  /** Paths under `owns` the form does not show (set by other forms): kept as they are. */
  readonly keeps?: readonly string[];
  readonly items: readonly SectionItem[];
}

const field = (name: string, kind: FieldKind, options?: VocabularyName, label?: string): FieldSpec => ({
  type: 'field',
  name,
  kind,
  ...(options ? { options } : {}),
  ...(label ? { label } : {}),
});
const group = (name: string, items: readonly FieldSpec[]): GroupSpec => ({ type: 'group', name, items });
const rows = (name: string, max: number, items: readonly (FieldSpec | GroupSpec)[]): RowsSpec => ({ type: 'rows', name, max, items });
/** A number of people or records: precision, number, lower bound. */
const count = (name: string): GroupSpec =>
  group(name, [
    field(`${name}.precision`, 'select', 'precisions', 'count.precision'),
    field(`${name}.count`, 'int', undefined, 'count.count'),
    field(`${name}.atLeast`, 'flag', undefined, 'count.atLeast'),
  ]);

export const SECTIONS: Readonly<Record<SectionKey, SectionSpec>> = {
  general: {
    key: 'general',
    owns: ['title', 'reference', 'description'],
    items: [field('title', 'text'), field('reference', 'text'), field('description', 'textarea')],
  },
  notification: {
    key: 'notification',
    owns: ['notification'],
    items: [field('notification.type', 'select', 'notificationTypes'), field('notification.withdrawalReason', 'textarea')],
  },
  authority: {
    key: 'authority',
    owns: ['authority'],
    items: [field('authority.code', 'select', 'authorities'), field('authority.caseReference', 'text')],
  },
  contacts: {
    key: 'contacts',
    owns: ['contacts'],
    items: [
      group('contacts.reporter', [
        field('contacts.reporter.name', 'text'),
        field('contacts.reporter.function', 'select', 'reporterFunctions'),
        field('contacts.reporter.functionDescription', 'text'),
        field('contacts.reporter.email', 'email'),
        field('contacts.reporter.phone', 'tel'),
      ]),
      group('contacts.contactPoint', [
        field('contacts.contactPoint.name', 'text'),
        field('contacts.contactPoint.function', 'text'),
        field('contacts.contactPoint.email', 'email'),
        field('contacts.contactPoint.phone', 'tel'),
      ]),
      rows('contacts.otherParties', 100, [
        field('qualification', 'select', 'otherPartyQualifications'),
        field('name', 'text'),
        field('contactDetails', 'text'),
      ]),
    ],
  },
  timeline: {
    key: 'timeline',
    owns: ['timeline', 'delayReason'],
    items: [
      field('timeline.occurrence', 'select', 'occurrenceKinds'),
      field('timeline.occurredFrom', 'date'),
      field('timeline.occurredTo', 'date'),
      field('timeline.estimated', 'yesno'),
      field('timeline.awarenessAt', 'instant'),
      field('timeline.containedAt', 'instant'),
      group('timeline.discoveredBy', [
        field('timeline.discoveredBy.by', 'select', 'discoverySources'),
        field('timeline.discoveredBy.description', 'textarea'),
        field('timeline.discoveredBy.notifiedAt', 'instant'),
      ]),
      field('timeline.comments', 'textarea'),
      field('delayReason', 'textarea'),
    ],
  },
  nature: {
    key: 'nature',
    owns: ['nature'],
    items: [
      field('nature.types', 'checks', 'breachNatures'),
      field('nature.confidentiality', 'select', 'confidentialityStates'),
      field('nature.confidentialityEvidence', 'textarea'),
      field('nature.unintelligible', 'select', 'unintelligibilityStates'),
      field('nature.integrity', 'select', 'integrityStates'),
      field('nature.availability', 'select', 'availabilityStates'),
    ],
  },
  incidentNature: {
    key: 'incidentNature',
    owns: ['incidentNature'],
    items: [field('incidentNature.kinds', 'checks', 'incidentNatures'), field('incidentNature.other', 'textarea')],
  },
  cause: {
    key: 'cause',
    owns: ['cause', 'systems'],
    items: [
      field('cause.actor', 'select', 'causeActors'),
      field('cause.vector', 'select', 'causeVectors'),
      field('cause.description', 'textarea'),
      field('systems', 'lines'),
    ],
  },
  dataSubjects: {
    key: 'dataSubjects',
    owns: ['dataSubjects'],
    items: [
      field('dataSubjects.categories', 'checks', 'dataSubjectCategories'),
      field('dataSubjects.description', 'textarea'),
      rows('dataSubjects.byCountry', 60, [field('country', 'text'), count('people')]),
    ],
  },
  data: {
    key: 'data',
    owns: ['dataClasses', 'dataDescription', 'records'],
    items: [field('dataClasses', 'multi', 'dataClasses'), field('dataDescription', 'textarea'), count('records')],
  },
  priorMeasures: {
    key: 'priorMeasures',
    owns: ['priorMeasures'],
    items: [field('priorMeasures.kinds', 'checks', 'priorMeasures'), field('priorMeasures.description', 'textarea')],
  },
  consequences: {
    key: 'consequences',
    owns: ['consequences'],
    items: [
      field('consequences.confidentiality', 'checks', 'confidentialityConsequences'),
      field('consequences.integrity', 'checks', 'integrityConsequences'),
      field('consequences.availability', 'checks', 'availabilityConsequences'),
      field('consequences.impacts', 'checks', 'impacts'),
      field('consequences.description', 'textarea'),
      field('consequences.severity', 'select', 'severities'),
    ],
  },
  measures: {
    key: 'measures',
    owns: ['measures'],
    items: [
      field('measures.taken', 'textarea'),
      field('measures.proposed', 'textarea'),
      field('measures.preventive', 'checks', 'preventiveMeasures'),
      field('measures.preventiveDescription', 'textarea'),
    ],
  },
  communication: {
    key: 'communication',
    owns: ['communication'],
    items: [
      field('communication.status', 'select', 'communicationStatuses'),
      field('communication.ground', 'select', 'communicationGrounds'),
      field('communication.justification', 'textarea'),
      field('communication.delayReason', 'textarea'),
      field('communication.at', 'date'),
      field('communication.channels', 'checks', 'communicationChannels'),
      count('communication.people'),
      field('communication.allInformed', 'yesno'),
      field('communication.notAllInformedReason', 'textarea'),
      field('communication.content', 'textarea'),
    ],
  },
  otherAuthorities: {
    key: 'otherAuthorities',
    owns: ['otherAuthorities'],
    items: [
      rows('otherAuthorities', 50, [
        field('kind', 'select', 'otherAuthorityKinds'),
        field('name', 'text'),
        field('caseReference', 'text'),
        field('informedAt', 'instant'),
      ]),
    ],
  },
  crossBorder: {
    key: 'crossBorder',
    owns: ['crossBorder'],
    items: [
      field('crossBorder.processing', 'yesno'),
      field('crossBorder.establishments', 'codes'),
      field('crossBorder.leadAuthority', 'select', 'authorities'),
      field('crossBorder.authoritiesNotified', 'checks', 'authorities'),
      field('crossBorder.nonEeaController', 'yesno'),
    ],
  },
  processorRelation: {
    key: 'processorRelation',
    owns: ['processorRelation'],
    keeps: ['processorRelation.processorIncidentId', 'processorRelation.notifiedByProcessorAt'],
    items: [
      field('processorRelation.role', 'select', 'organisationRoles'),
      field('processorRelation.processorName', 'text'),
      rows('processorRelation.controllers', 10_000, [field('name', 'text'), field('reference', 'text'), field('informedAt', 'instant')]),
      field('processorRelation.controllersCount', 'int'),
    ],
  },
};

// --- Form values -----------------------------------------------------------------------------------

/** A form as posted or as shown: field name → value (several for checkboxes and multiple selects). */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** A field with its full name (rows numbered) and the key of its label. */
export interface Leaf {
  readonly name: string;
  readonly labelKey: string;
  readonly spec: FieldSpec;
}

const ROW_INDEX = /\.\d+(?=\.|$)/g;

/** The label key of a field path: rows as `*` (`otherAuthorities.*.kind`). */
export const labelKeyOf = (path: string): string => path.replace(ROW_INDEX, '.*');

function leafOf(spec: FieldSpec, prefix: string): Leaf {
  const name = `${prefix}${spec.name}`;
  return { name, labelKey: spec.label ?? labelKeyOf(name), spec };
}

/** The fields of one row of `rowsSpec`. */
export function rowLeaves(rowsSpec: RowsSpec, index: number): Leaf[] {
  const prefix = `${rowsSpec.name}.${index}.`;
  return rowsSpec.items.flatMap((item) => (item.type === 'field' ? [leafOf(item, prefix)] : item.items.map((f) => leafOf(f, prefix))));
}

/** The row numbers of `rowsSpec` that the values use, in order. */
function rowIndices(values: Readonly<Record<string, unknown>>, rowsSpec: RowsSpec): number[] {
  const pattern = new RegExp(`^${rowsSpec.name.replace(/\./g, '\\.')}\\.(\\d{1,9})\\.`);
  const found = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = pattern.exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** How many rows of `rowsSpec` the values hold (the highest index + 1). */
export function rowCount(values: FormValues, rowsSpec: RowsSpec): number {
  return (rowIndices(values, rowsSpec).at(-1) ?? -1) + 1;
}

/** Every field of the section, rows included as many times as `rowsOf` says. */
export function sectionLeaves(section: SectionSpec, rowsOf: (rows: RowsSpec) => number): Leaf[] {
  return section.items.flatMap((item) => {
    if (item.type === 'field') return [leafOf(item, '')];
    if (item.type === 'group') return item.items.map((f) => leafOf(f, ''));
    return Array.from({ length: rowsOf(item) }, (_, i) => rowLeaves(item, i)).flat();
  });
}

const isBlank = (value: string | readonly string[] | undefined): boolean =>
  value === undefined || (typeof value === 'string' ? value.trim() === '' : value.every((v) => v.trim() === ''));

/**
 * The form's values with blank rows dropped and the others renumbered from 0, rows past `max` cut off
 * (with an issue), and unknown fields left out: from here on, a row's index is its index in the document.
 */
export function compactForm(section: SectionSpec, body: Readonly<Record<string, unknown>>): { values: FormValues; issues: FieldIssue[] } {
  const values: Record<string, string | readonly string[]> = {};
  const issues: FieldIssue[] = [];
  const read = (name: string): string | readonly string[] | undefined => {
    const v = body[name];
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    return undefined;
  };
  for (const item of section.items) {
    if (item.type !== 'rows') {
      for (const leaf of item.type === 'field' ? [leafOf(item, '')] : item.items.map((f) => leafOf(f, ''))) {
        const v = read(leaf.name);
        if (v !== undefined) values[leaf.name] = v;
      }
      continue;
    }
    // Only the row numbers the body uses, in order: a gap or a huge number costs nothing.
    let kept = 0;
    for (const i of rowIndices(body, item)) {
      const leaves = rowLeaves(item, i);
      const row = leaves.map((leaf) => read(leaf.name));
      if (row.every(isBlank)) continue;
      if (kept === item.max) {
        issues.push({ path: item.name, message: `must have at most ${item.max} rows` });
        break;
      }
      const target = rowLeaves(item, kept);
      row.forEach((v, k) => {
        if (v !== undefined) values[target[k]!.name] = v;
      });
      kept += 1;
    }
  }
  return { values, issues };
}

// --- Parsing: form values → the section's part of the document --------------------------------------

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const DATE_AND_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2})?)$/;
const TEXT_MAX = 1000;
const LONG_TEXT_MAX = 25_000;

const asList = (value: unknown): unknown => (value === undefined ? [] : typeof value === 'string' ? [value] : value);
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/** The zod schema of one field: a form string in, the document's value out (undefined when blank). */
function fieldSchema(kind: FieldKind): z.ZodType<unknown> {
  switch (kind) {
    case 'text':
    case 'email':
    case 'tel':
    case 'select':
      return z.preprocess(blank, z.string().trim().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`).optional());
    case 'textarea':
      return z.preprocess(blank, z.string().trim().max(LONG_TEXT_MAX, `must be at most ${LONG_TEXT_MAX} characters`).optional());
    case 'checks':
    case 'multi':
      return z.preprocess(asList, z.array(z.string().max(100)).max(500)).transform(nonEmpty);
    case 'instant':
      return z.preprocess(
        blank,
        z
          .string()
          .trim()
          .refine((v) => LOCAL_DATE_TIME.test(v) || isDateTime(v), 'must be a date and time (UTC)')
          .transform((v) => (LOCAL_DATE_TIME.test(v) ? `${v.length === 16 ? `${v}:00` : v}Z` : v))
          .optional(),
      );
    case 'date':
      return z.preprocess(
        blank,
        z
          .string()
          .trim()
          .max(40, 'must be a date')
          .transform((v) => {
            const m = DATE_AND_TIME.exec(v);
            return m ? `${m[1]!}T${m[2]!.length === 5 ? `${m[2]!}:00` : m[2]!}Z` : v;
          })
          .optional(),
      );
    case 'yesno':
      return z.preprocess(
        blank,
        z
          .enum(['true', 'false'], { error: 'must be yes or no' })
          .transform((v) => v === 'true')
          .optional(),
      );
    case 'flag':
      return z.preprocess(
        blank,
        z
          .enum(['true', 'on'], { error: 'must be ticked or not' })
          .transform(() => true)
          .optional(),
      );
    case 'int':
      return z.preprocess(
        (v) => blank(typeof v === 'string' ? v.replace(/[\s\u00a0\u202f]/g, '') : v),
        z
          .string()
          .regex(/^\d{1,11}$/, 'must be a whole number')
          .transform(Number)
          .optional(),
      );
    case 'lines':
      return z.preprocess(
        blank,
        z
          .string()
          .max(50_000, 'is too long')
          .transform((v) =>
            nonEmpty(
              v
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== ''),
            ),
          )
          .optional(),
      );
    case 'codes':
      return z.preprocess(
        blank,
        z
          .string()
          .max(1000, 'is too long')
          .transform((v) =>
            nonEmpty(
              v
                .split(/[\s,;]+/)
                .filter((c) => c !== '')
                .map((c) => c.toUpperCase()),
            ),
          )
          .optional(),
      );
  }
}

function getPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> | unknown[] = root;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const slot = at as Record<string, unknown>;
    if (last) {
      slot[key] = value;
      return;
    }
    if (slot[key] === undefined || slot[key] === null || typeof slot[key] !== 'object') slot[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    at = slot[key] as Record<string, unknown>;
  });
}

/** Removes empty objects and lists; a row (an object in a list) stays, even emptied, so indices hold. */
function prune(value: unknown, inList = false): unknown {
  if (Array.isArray(value)) {
    const items = Array.from(value, (v: unknown) => prune(v, true) ?? {});
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length > 0 || inList ? out : undefined;
  }
  return value;
}

export interface SectionInput {
  /** What the form sent, blank rows dropped: shown again when the section is not saved. */
  readonly values: FormValues;
  /** The owned keys' new values (undefined: removed). */
  readonly fragment: Readonly<Record<string, unknown>>;
  /** Values the form could not read (not a number, not a date): nothing is saved while there is one. */
  readonly issues: readonly FieldIssue[];
}

/**
 * Reads a section's form. `current` is the stored incident: an instant the form shows in UTC is kept as
 * stored when the person did not change it, so re-saving never rewrites an offset.
 */
export function parseSectionForm(section: SectionSpec, body: unknown, current: IncidentDocument): SectionInput {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const { values, issues: rowIssues } = compactForm(section, fields);
  const leaves = sectionLeaves(section, (rowsSpec) => rowCount(values, rowsSpec));
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const leaf of leaves) shape[leaf.name] = fieldSchema(leaf.spec.kind);
  const schema = z.object(shape);
  const issues: FieldIssue[] = [...rowIssues];
  let parsed = schema.safeParse(values);
  if (!parsed.success) {
    // Report every unreadable field, then read the rest without them so the record's own rules can speak too.
    const bad = new Set<string>();
    for (const issue of parsed.error.issues) {
      bad.add(String(issue.path[0] ?? ''));
      issues.push({ path: issue.path.map(String).join('.'), message: issue.message });
    }
    parsed = schema.safeParse(Object.fromEntries(Object.entries(values).filter(([k]) => !bad.has(k))));
  }
  const root: Record<string, unknown> = {};
  if (parsed.success) {
    for (const leaf of leaves) {
      let value = parsed.data[leaf.name];
      if (value === undefined) continue;
      if (leaf.spec.kind === 'instant' && typeof value === 'string') {
        const stored = getPath(current, leaf.name);
        if (typeof stored === 'string' && Date.parse(stored) === Date.parse(value)) value = stored;
      }
      setPath(root, leaf.name, value);
    }
  }
  const fragment: Record<string, unknown> = {};
  for (const key of section.owns) fragment[key] = prune(root[key]);
  return { values, fragment, issues };
}

/**
 * The record with the section's fragment in place: the owned keys replaced (or removed), the paths the
 * section keeps put back, everything else as stored. Server-maintained fields are left out.
 */
export function mergeSection(
  section: SectionSpec,
  current: IncidentDocument,
  fragment: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const { id: _id, createdAt: _c, modifiedAt: _m, ...draft } = current;
  const next: Record<string, unknown> = { ...draft };
  for (const key of section.owns) {
    const value = fragment[key];
    if (value === undefined) delete next[key];
    else next[key] = structuredClone(value);
  }
  for (const path of section.keeps ?? []) {
    const kept = getPath(current, path);
    if (kept !== undefined) setPath(next, path, structuredClone(kept));
  }
  return next;
}

// --- Showing: the document → form values -------------------------------------------------------------

/** Two digits. */
const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as a datetime-local value in UTC (seconds only when there are some). */
export function utcInputValue(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCSeconds() === 0 ? base : `${base}:${pad(d.getUTCSeconds())}`;
}

/** A stored value as text (a record only holds strings, numbers and booleans where a form shows one). */
const scalar = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
const items = (value: unknown): string[] => (Array.isArray(value) ? value.map(scalar) : [scalar(value)]);

function formValue(kind: FieldKind, value: unknown): string | readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  switch (kind) {
    case 'checks':
    case 'multi':
      return items(value);
    case 'instant':
      return typeof value === 'string' ? utcInputValue(value) : undefined;
    case 'yesno':
    case 'flag':
      return value === true ? 'true' : value === false ? 'false' : undefined;
    case 'lines':
      return items(value).join('\n');
    case 'codes':
      return items(value).join(', ');
    case 'int':
    case 'text':
    case 'email':
    case 'tel':
    case 'textarea':
    case 'select':
    case 'date':
      return scalar(value);
  }
}

/** The section's form values as the stored incident has them. */
export function sectionValues(section: SectionSpec, incident: IncidentDocument): FormValues {
  const values: Record<string, string | readonly string[]> = {};
  const leaves = sectionLeaves(section, (rowsSpec) => {
    const list = getPath(incident, rowsSpec.name);
    return Array.isArray(list) ? list.length : 0;
  });
  for (const leaf of leaves) {
    const v = formValue(leaf.spec.kind, getPath(incident, leaf.name));
    if (v !== undefined) values[leaf.name] = v;
  }
  return values;
}

/** Whether the stored incident has anything in the section. */
export function sectionFilled(section: SectionSpec, incident: IncidentDocument): boolean {
  return section.owns.some((key) => (incident as unknown as Record<string, unknown>)[key] !== undefined);
}

/** A stored value the section keeps but does not let the person edit (`processorRelation.processorIncidentId`). */
export function keptValue(incident: IncidentDocument, path: string): string | undefined {
  const v = getPath(incident, path);
  return typeof v === 'string' ? v : undefined;
}
