import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import type { Breach, Catalogue } from '../catalogue/index.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import type { Incidents } from './incidents.js';
import { totalDataSubjects, type IncidentDocument } from './model/incident.js';

/** What only the organisation can say for the public: the rest comes from the incident. */
export interface PublicationInput {
  readonly slug: unknown;
  readonly sector: unknown;
  readonly description: unknown;
  readonly sources: unknown;
  readonly domain?: unknown;
}

export interface PublishingDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly catalogue: Pick<Catalogue, 'add' | 'update'>;
  readonly incidents: Pick<Incidents, 'get' | 'notifications'>;
  readonly organisations: Pick<Organisations, 'require'>;
}

export type Publishing = ReturnType<typeof createPublishing>;

/** A date-time or partial date as the catalogue's partial date (its day, in the time zone written). */
const partial = (value: string | undefined | null): string | null => (value ? value.slice(0, 10) : null);

/** The public catalogue entry an incident gives, with the organisation's public texts. */
export function catalogueEntryFrom(
  incident: IncidentDocument,
  organisation: { name: string; country: string },
  input: PublicationInput,
  firstNotifiedAt: string | null,
): Record<string, unknown> {
  const relation = incident.processorRelation;
  const role = relation?.role ?? 'controller';
  const people = totalDataSubjects(incident.dataSubjects?.byCountry) ?? { precision: 'unknown' };
  const t = incident.timeline;
  return {
    slug: input.slug,
    title: incident.title,
    organisation: {
      name: organisation.name,
      role,
      ...(input.domain !== undefined ? { domain: input.domain } : {}),
      ...(role === 'processor'
        ? { controllersServed: { count: relation?.controllersCount ?? null, names: (relation?.controllers ?? []).map((c) => c.name) } }
        : {}),
    },
    country: organisation.country,
    sector: input.sector,
    dates: {
      occurredFrom: partial(t?.occurredFrom),
      occurredTo: partial(t?.occurredTo),
      awareness: partial(t?.awarenessAt),
      authorityNotified: partial(firstNotifiedAt),
      publicDisclosure: null,
    },
    peopleAffected: people,
    recordsAffected: incident.records ?? { precision: 'unknown' },
    dataClasses: incident.dataClasses ?? [],
    nature: incident.nature?.types ?? [],
    cause: {
      actor: incident.cause?.actor === undefined || incident.cause.actor === 'to-be-determined' ? 'unknown' : incident.cause.actor,
      vector: incident.cause?.vector ?? 'unknown',
    },
    authority: incident.authority ? { code: incident.authority.code, caseReference: incident.authority.caseReference ?? null } : null,
    sources: input.sources,
    // Published by the organisation itself about its own incident.
    flags: { verified: true },
    description: input.description,
  };
}

/**
 * Publishing from an incident to the public catalogue (issue 6 part 7). The organisation gives the slug,
 * the sector, the public description in English, French and Swedish, and the sources (its own notice);
 * dates, counts, data, nature, cause and authority come from the incident, so the public entry says what
 * the register says. An organisation may create an entry or update one it published, never another's:
 * a slug taken by anyone else is BREACH_SLUG_CONFLICT. Field problems are VALIDATION_FAILED with paths.
 */
export function createPublishing(deps: PublishingDeps) {
  const { db, clock, catalogue, incidents, organisations } = deps;
  return {
    async publish(ctx: DeskContext, incidentId: string, input: PublicationInput): Promise<{ breach: Breach; created: boolean }> {
      organisations.require(ctx, 'incident.decide');
      const { incident } = await incidents.get(ctx, incidentId);
      const notifications = await incidents.notifications(ctx, incidentId);
      const first = notifications.find((n) => n.kind !== 'withdrawal')?.issuedAt ?? null;
      const entry = catalogueEntryFrom(incident, ctx.organisation, input, first);
      const slug = typeof input.slug === 'string' ? input.slug : '';
      const actor = `${ctx.actor}@${ctx.organisation.slug}`;
      const at = isoInstant(clock.now());

      const owner = slug ? await db.selectFrom('published_breaches').selectAll().where('slug', '=', slug).executeTakeFirst() : undefined;
      if (owner && owner.organisation_id !== ctx.organisation.id) {
        throw new AppError('BREACH_SLUG_CONFLICT', `The catalogue entry "${slug}" was published by another organisation`, {
          data: { slug },
        });
      }
      if (owner) {
        const { breach } = await catalogue.update(slug, entry, actor);
        await db.updateTable('published_breaches').set({ incident_id: incidentId, published_at: at }).where('slug', '=', slug).execute();
        return { breach, created: false };
      }
      // Claim the slug first, so two organisations publishing the same slug at once cannot both win.
      if (slug) {
        const claimed = await db
          .insertInto('published_breaches')
          .values({ slug, organisation_id: ctx.organisation.id, incident_id: incidentId, published_at: at })
          .onConflict((oc) => oc.column('slug').doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) {
          throw new AppError('BREACH_SLUG_CONFLICT', `The catalogue entry "${slug}" was published by another organisation`, {
            data: { slug },
          });
        }
      }
      try {
        return { breach: await catalogue.add(entry, actor), created: true };
      } catch (error) {
        if (slug)
          await db.deleteFrom('published_breaches').where('slug', '=', slug).where('organisation_id', '=', ctx.organisation.id).execute();
        if (isAppError(error) && error.code === 'BREACH_SLUG_CONFLICT') {
          throw new AppError(
            'BREACH_SLUG_CONFLICT',
            `The catalogue already has an entry "${slug}" that your organisation did not publish`,
            {
              data: { slug },
            },
          );
        }
        throw error;
      }
    },
  };
}
