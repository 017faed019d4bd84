import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { appendAudit, changedFields } from '../audit/index.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import { clockStatus, type ClockStatus } from './model/clock.js';
import { validateIncidentDraft, type IncidentDocument, type IncidentDraft } from './model/incident.js';
import { buildAuthorityNotification, type AuthorityNotification, type NotificationKind } from './model/notification.js';
import { registerRow, type RegisterRow } from './model/register.js';
import { findIncidentRow, insertIncidentRow } from './incident-rows.js';

export interface IncidentSummary {
  readonly id: string;
  readonly title: string;
  readonly awarenessAt: string | null;
  readonly notifiedAt: string | null;
  readonly clock: ClockStatus;
  readonly revision: number;
  readonly updatedAt: string;
}

export interface StoredIncident {
  readonly incident: IncidentDocument;
  readonly revision: number;
  readonly notifiedAt: string | null;
  readonly clock: ClockStatus;
}

export interface IncidentsDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly organisations: Pick<Organisations, 'require'>;
}

export type Incidents = ReturnType<typeof createIncidents>;

/**
 * The organisation's incident register (issue 6 part 2): record, read and change incidents of the
 * caller's organisation only. Every query is filtered by `ctx.organisation.id`; an incident of another
 * organisation is INCIDENT_NOT_FOUND, like one that does not exist. Changes are never half-saved (one
 * transaction with the audit entry) and never overwrite someone else's: an update names the revision it
 * was made from and gets INCIDENT_CONFLICT if the incident changed meanwhile.
 */
export function createIncidents(deps: IncidentsDeps) {
  const { db, clock, organisations } = deps;

  const validated = (input: unknown): IncidentDraft => {
    const result = validateIncidentDraft(input);
    if (!result.ok) throw validationError(result.issues, 'incident');
    return result.value;
  };
  const awarenessOf = (draft: IncidentDraft): string | null => draft.timeline?.awarenessAt ?? null;

  const load = (ctx: DeskContext, id: string) => findIncidentRow(db, ctx.organisation.id, id);

  return {
    async create(ctx: DeskContext, input: unknown): Promise<StoredIncident> {
      organisations.require(ctx, 'incident.write');
      const draft = validated(input);
      const at = clock.now();
      const id = deps.newId(at);
      const incident: IncidentDocument = { ...draft, id, createdAt: isoInstant(at), modifiedAt: isoInstant(at) };
      await db.transaction().execute(async (trx) => {
        await insertIncidentRow(trx, ctx.organisation.id, incident);
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: isoInstant(at),
          actor: ctx.actor,
          action: 'incident.create',
          subjectType: 'incident',
          subjectId: id,
          details: { title: draft.title },
          organisationId: ctx.organisation.id,
        });
      });
      return { incident, revision: 1, notifiedAt: null, clock: clockStatus(awarenessOf(draft), at, null) };
    },

    async get(ctx: DeskContext, id: string): Promise<StoredIncident> {
      organisations.require(ctx, 'desk.read');
      const row = await load(ctx, id);
      return {
        incident: JSON.parse(row.document) as IncidentDocument,
        revision: Number(row.revision),
        notifiedAt: row.notified_at,
        clock: clockStatus(row.awareness_at, clock.now(), row.notified_at),
      };
    },

    async list(ctx: DeskContext): Promise<IncidentSummary[]> {
      organisations.require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('incidents')
        .select(['id', 'title', 'awareness_at', 'notified_at', 'revision', 'updated_at'])
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const at = clock.now();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        awarenessAt: r.awareness_at,
        notifiedAt: r.notified_at,
        clock: clockStatus(r.awareness_at, at, r.notified_at),
        revision: Number(r.revision),
        updatedAt: r.updated_at,
      }));
    },

    /**
     * Issues the next version of the notification to the supervisory authority (initial, follow-up or
     * withdrawal), built from the incident as it is now. Refused with every missing item named
     * (NOTIFICATION_INCOMPLETE): the required content of Art. 33(3) for an initial notification, and past
     * 72 hours the reason for the delay (Art. 33(1)). Versions are immutable.
     */
    async issueNotification(ctx: DeskContext, id: string, kind: NotificationKind): Promise<AuthorityNotification> {
      organisations.require(ctx, 'incident.decide');
      const at = clock.now();
      return db.transaction().execute(async (trx) => {
        const row = await findIncidentRow(trx, ctx.organisation.id, id);
        const previousRow = await trx
          .selectFrom('incident_notifications')
          .select('body')
          .where('incident_id', '=', id)
          .orderBy('version', 'desc')
          .executeTakeFirst();
        const previous = previousRow ? (JSON.parse(previousRow.body) as AuthorityNotification) : undefined;
        const incident = JSON.parse(row.document) as IncidentDocument;
        const result = buildAuthorityNotification(
          incident,
          { name: ctx.organisation.name, country: ctx.organisation.country },
          { version: (previous?.version ?? 0) + 1, kind, issuedAt: isoInstant(at), ...(previous ? { previous } : {}) },
        );
        if (!result.ok) {
          throw new AppError(
            'NOTIFICATION_INCOMPLETE',
            `The ${kind} notification cannot be issued yet: ${result.issues.map((i) => i.path).join(', ')}`,
            {
              issues: result.issues,
            },
          );
        }
        const notification = result.notification;
        await trx
          .insertInto('incident_notifications')
          .values({
            id: deps.newId(at),
            incident_id: id,
            organisation_id: ctx.organisation.id,
            version: notification.version,
            kind: notification.kind,
            issued_at: notification.issuedAt,
            issued_by: ctx.actor,
            body: JSON.stringify(notification),
          })
          .execute();
        if (row.notified_at === null && kind !== 'withdrawal') {
          await trx.updateTable('incidents').set({ notified_at: notification.issuedAt }).where('id', '=', id).execute();
        }
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: isoInstant(at),
          actor: ctx.actor,
          action: 'incident.notify',
          subjectType: 'incident',
          subjectId: id,
          details: { kind, version: notification.version, missing: notification.missing.length, changes: notification.changes.length },
          organisationId: ctx.organisation.id,
        });
        return notification;
      });
    },

    async notifications(ctx: DeskContext, id: string): Promise<AuthorityNotification[]> {
      organisations.require(ctx, 'desk.read');
      await load(ctx, id);
      const rows = await db
        .selectFrom('incident_notifications')
        .select('body')
        .where('incident_id', '=', id)
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('version')
        .execute();
      return rows.map((r) => JSON.parse(r.body) as AuthorityNotification);
    },

    /** The Art. 33(5) register: every incident of the organisation, notified or not. */
    async register(ctx: DeskContext): Promise<RegisterRow[]> {
      organisations.require(ctx, 'register.export');
      const incidents = await db
        .selectFrom('incidents')
        .select('document')
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const notes = await db
        .selectFrom('incident_notifications')
        .select('body')
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('version')
        .execute();
      const all = notes.map((n) => JSON.parse(n.body) as AuthorityNotification);
      return incidents.map((r) => {
        const incident = JSON.parse(r.document) as IncidentDocument;
        return registerRow(
          incident,
          all.filter((n) => n.incidentId === incident.id),
        );
      });
    },

    /** Replaces the record with `input`, made from `expectedRevision`; returns the new revision. */
    async update(ctx: DeskContext, id: string, input: unknown, expectedRevision: number): Promise<StoredIncident> {
      organisations.require(ctx, 'incident.write');
      const draft = validated(input);
      const at = clock.now();
      return db.transaction().execute(async (trx) => {
        const row = await findIncidentRow(trx, ctx.organisation.id, id);
        const before = JSON.parse(row.document) as IncidentDocument;
        const incident: IncidentDocument = { ...draft, id, createdAt: before.createdAt, modifiedAt: isoInstant(at) };
        const { modifiedAt: _b, ...beforeBody } = before;
        const { modifiedAt: _a, ...afterBody } = incident;
        const changed = changedFields(beforeBody, afterBody);
        const revision = Number(row.revision);
        if (revision !== expectedRevision) {
          throw new AppError(
            'INCIDENT_CONFLICT',
            `The incident changed since revision ${expectedRevision} (now ${revision}): reload it and apply your changes again`,
            {
              data: { expected: expectedRevision, current: revision },
            },
          );
        }
        if (changed.length === 0)
          return { incident: before, revision, notifiedAt: row.notified_at, clock: clockStatus(row.awareness_at, at, row.notified_at) };
        const updated = await trx
          .updateTable('incidents')
          .set({
            title: draft.title,
            awareness_at: awarenessOf(draft),
            document: JSON.stringify(incident),
            revision: revision + 1,
            updated_at: incident.modifiedAt,
          })
          .where('id', '=', id)
          .where('organisation_id', '=', ctx.organisation.id)
          .where('revision', '=', revision)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new AppError('INCIDENT_CONFLICT', 'The incident changed while saving: reload it and apply your changes again', {
            data: { expected: expectedRevision },
          });
        }
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: isoInstant(at),
          actor: ctx.actor,
          action: 'incident.update',
          subjectType: 'incident',
          subjectId: id,
          details: { changed, revision: revision + 1 },
          organisationId: ctx.organisation.id,
        });
        return {
          incident,
          revision: revision + 1,
          notifiedAt: row.notified_at,
          clock: clockStatus(awarenessOf(draft), at, row.notified_at),
        };
      });
    },
  };
}
