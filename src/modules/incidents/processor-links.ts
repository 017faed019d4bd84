import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { appendAudit } from '../audit/index.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import { findIncidentRow, insertIncidentRow } from './incident-rows.js';
import { validateIncidentDraft, type IncidentDocument, type IncidentDraft } from './model/incident.js';

export interface ProcessorLink {
  readonly slug: string;
  readonly name: string;
  readonly since: string;
}

export interface PassedOn {
  readonly controller: string;
  readonly incidentId: string;
  /** True when this controller already had the incident (passing on twice creates nothing). */
  readonly existing: boolean;
}

export interface ProcessorLinksDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly organisations: Pick<Organisations, 'require'>;
}

export type ProcessorLinks = ReturnType<typeof createProcessorLinks>;

const noController = (slug: string) =>
  new AppError('ORGANISATION_NOT_FOUND', `No organisation "${slug}" that has declared you as its processor`, { data: { slug } });

/**
 * A processor passing an incident to the controllers it serves (GDPR Art. 33(2): "without undue delay
 * after becoming aware"; Viamedis served 84 health organisations). A controller's owner first declares its
 * processors; a processor can then pass an incident to exactly those controllers. Each controller gets its
 * own incident, linked to the processor's, whose 72-hour clock starts when the processor informed it, and
 * which it then assesses and notifies itself. The processor's record lists the controllers informed.
 * An organisation that has not declared the processor answers like one that does not exist.
 */
export function createProcessorLinks(deps: ProcessorLinksDeps) {
  const { db, clock, organisations } = deps;

  return {
    async list(ctx: DeskContext): Promise<ProcessorLink[]> {
      organisations.require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('processor_links as l')
        .innerJoin('organisations as o', 'o.id', 'l.processor_organisation_id')
        .select(['o.slug', 'o.name', 'l.created_at'])
        .where('l.controller_organisation_id', '=', ctx.organisation.id)
        .orderBy('o.slug')
        .execute();
      return rows.map((r) => ({ slug: r.slug, name: r.name, since: r.created_at }));
    },

    /** The controllers that declared this organisation as their processor: where it may pass incidents on. */
    async controllers(ctx: DeskContext): Promise<ProcessorLink[]> {
      organisations.require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('processor_links as l')
        .innerJoin('organisations as o', 'o.id', 'l.controller_organisation_id')
        .select(['o.slug', 'o.name', 'l.created_at'])
        .where('l.processor_organisation_id', '=', ctx.organisation.id)
        .orderBy('o.slug')
        .execute();
      return rows.map((r) => ({ slug: r.slug, name: r.name, since: r.created_at }));
    },

    async declare(ctx: DeskContext, processorSlug: string): Promise<void> {
      organisations.require(ctx, 'members.manage');
      const processor = await db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', processorSlug).executeTakeFirst();
      if (!processor) throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${processorSlug}"`, { data: { slug: processorSlug } });
      if (processor.id === ctx.organisation.id)
        throw validationError([{ path: 'slug', message: 'an organisation is not its own processor' }], 'processor');
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('processor_links')
          .values({ controller_organisation_id: ctx.organisation.id, processor_organisation_id: processor.id, created_at: isoInstant(at) })
          .onConflict((oc) => oc.columns(['controller_organisation_id', 'processor_organisation_id']).doNothing())
          .execute();
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: isoInstant(at),
          actor: ctx.actor,
          action: 'processor.declare',
          subjectType: 'organisation',
          subjectId: processor.id,
          details: { processor: processor.slug },
          organisationId: ctx.organisation.id,
        });
      });
    },

    async withdraw(ctx: DeskContext, processorSlug: string): Promise<void> {
      organisations.require(ctx, 'members.manage');
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const processor = await trx.selectFrom('organisations').select('id').where('slug', '=', processorSlug).executeTakeFirst();
        const deleted = processor
          ? await trx
              .deleteFrom('processor_links')
              .where('controller_organisation_id', '=', ctx.organisation.id)
              .where('processor_organisation_id', '=', processor.id)
              .executeTakeFirst()
          : undefined;
        if (!processor || Number(deleted?.numDeletedRows ?? 0) !== 1) {
          throw new AppError('ORGANISATION_NOT_FOUND', `"${processorSlug}" is not one of your processors`, {
            data: { slug: processorSlug },
          });
        }
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: isoInstant(at),
          actor: ctx.actor,
          action: 'processor.withdraw',
          subjectType: 'organisation',
          subjectId: processor.id,
          details: { processor: processorSlug },
          organisationId: ctx.organisation.id,
        });
      });
    },

    /** Passes the processor's incident `id` to the controllers named by slug; all of them or none. */
    async passOn(ctx: DeskContext, id: string, controllerSlugs: readonly string[]): Promise<PassedOn[]> {
      organisations.require(ctx, 'incident.decide');
      const slugs = [...new Set(controllerSlugs)];
      if (slugs.length === 0) throw validationError([{ path: 'controllers', message: 'name at least one controller' }], 'pass-on');
      const at = clock.now();
      const atIso = isoInstant(at);
      return db.transaction().execute(async (trx) => {
        const row = await findIncidentRow(trx, ctx.organisation.id, id);
        const source = JSON.parse(row.document) as IncidentDocument;
        if (source.processorRelation?.role !== 'processor') {
          throw validationError(
            [{ path: 'processorRelation.role', message: 'must be "processor" to pass the incident on to controllers' }],
            'incident',
          );
        }
        const results: PassedOn[] = [];
        const informed: { name: string; reference: string; informedAt: string }[] = [];
        for (const slug of slugs) {
          const controller = await trx
            .selectFrom('processor_links as l')
            .innerJoin('organisations as o', 'o.id', 'l.controller_organisation_id')
            .select(['o.id', 'o.slug', 'o.name'])
            .where('o.slug', '=', slug)
            .where('l.processor_organisation_id', '=', ctx.organisation.id)
            .executeTakeFirst();
          if (!controller) throw noController(slug);
          const existing = await trx
            .selectFrom('incidents')
            .select('id')
            .where('source_incident_id', '=', id)
            .where('organisation_id', '=', controller.id)
            .executeTakeFirst();
          if (existing) {
            results.push({ controller: slug, incidentId: existing.id, existing: true });
            continue;
          }
          // What the controller needs to start its own assessment; the counts stay the processor's.
          const draftInput: Record<string, unknown> = {
            title: source.title,
            ...(source.timeline?.occurredFrom !== undefined || source.timeline?.occurredTo !== undefined
              ? {
                  timeline: {
                    ...(source.timeline.occurredFrom !== undefined ? { occurredFrom: source.timeline.occurredFrom } : {}),
                    ...(source.timeline.occurredTo !== undefined ? { occurredTo: source.timeline.occurredTo } : {}),
                    awarenessAt: atIso,
                  },
                }
              : { timeline: { awarenessAt: atIso } }),
            ...(source.nature ? { nature: source.nature } : {}),
            ...(source.incidentNature ? { incidentNature: source.incidentNature } : {}),
            ...(source.cause ? { cause: source.cause } : {}),
            ...(source.description ? { description: source.description } : {}),
            ...(source.systems ? { systems: source.systems } : {}),
            ...(source.dataClasses ? { dataClasses: source.dataClasses } : {}),
            ...(source.dataDescription ? { dataDescription: source.dataDescription } : {}),
            processorRelation: {
              role: 'controller',
              processorName: ctx.organisation.name,
              processorIncidentId: id,
              notifiedByProcessorAt: atIso,
            },
          };
          const validated = validateIncidentDraft(draftInput);
          if (!validated.ok) throw validationError(validated.issues, 'passed-on incident');
          const draft: IncidentDraft = validated.value;
          const newId = deps.newId(at);
          const incident: IncidentDocument = { ...draft, id: newId, createdAt: atIso, modifiedAt: atIso };
          await insertIncidentRow(trx, controller.id, incident, id);
          await appendAudit(trx, {
            id: deps.newId(at),
            occurredAt: atIso,
            actor: ctx.actor,
            action: 'incident.received-from-processor',
            subjectType: 'incident',
            subjectId: newId,
            details: { processor: ctx.organisation.slug, processorIncident: id },
            organisationId: controller.id,
          });
          results.push({ controller: slug, incidentId: newId, existing: false });
          informed.push({ name: controller.name, reference: newId, informedAt: atIso });
        }
        if (informed.length > 0) {
          const relation = source.processorRelation;
          const controllers = [...(relation.controllers ?? []), ...informed];
          const updated: IncidentDocument = {
            ...source,
            processorRelation: {
              ...relation,
              controllers,
              ...(relation.controllersCount !== undefined && relation.controllersCount < controllers.length
                ? { controllersCount: controllers.length }
                : {}),
            },
            modifiedAt: atIso,
          };
          await trx
            .updateTable('incidents')
            .set({ document: JSON.stringify(updated), revision: Number(row.revision) + 1, updated_at: atIso })
            .where('id', '=', id)
            .execute();
          await appendAudit(trx, {
            id: deps.newId(at),
            occurredAt: atIso,
            actor: ctx.actor,
            action: 'incident.pass-on',
            subjectType: 'incident',
            subjectId: id,
            details: { controllers: informed.length },
            organisationId: ctx.organisation.id,
          });
        }
        return results;
      });
    },
  };
}
