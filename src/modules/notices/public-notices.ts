import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Locale, Localized } from '../../platform/locale.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { DatabaseSchema, PublicNoticesTable } from '../../storage/schema.js';
import { appendAudit } from '../audit/index.js';
import type { Catalogue } from '../catalogue/index.js';
import type { CommunicationReport } from '../incidents/communication-check/index.js';
import type { Incidents } from '../incidents/index.js';
import type { IncidentDocument } from '../incidents/model/incident.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import { checkNotice, noticeCheckLink, type NoticeContact, type NoticeContent, type NoticeProblem } from './public-notice.js';

export interface PublicNoticesDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly organisations: Pick<Organisations, 'require'>;
  readonly incidents: Pick<Incidents, 'get'>;
  readonly catalogue: Pick<Catalogue, 'get'>;
}

/** A catalogue entry the organisation published from one of its incidents. */
export interface PublishedEntry {
  readonly slug: string;
  readonly incidentId: string;
  readonly publishedAt: string;
}

export interface PublicNoticeView {
  readonly slug: string;
  readonly incidentId: string;
  readonly content: NoticeContent;
  readonly publishedAt: string;
  readonly withdrawnAt: string | null;
}

export interface NoticePreview {
  readonly slug: string;
  readonly content: NoticeContent;
  readonly reports: Readonly<Record<Locale, CommunicationReport>>;
  readonly problems: readonly NoticeProblem[];
}

const localizedText = z.strictObject({
  en: z.string().max(10_000, 'must be at most 10000 characters'),
  fr: z.string().max(10_000, 'must be at most 10000 characters'),
  sv: z.string().max(10_000, 'must be at most 10000 characters'),
});

/** What only the organisation writes for the notice: the incident's consequences and measures, in each language. */
export const noticeTextsSchema = z.strictObject({ consequences: localizedText, measures: localizedText });
export type NoticeTextsInput = z.infer<typeof noticeTextsSchema>;

/** The incident's own words, the same in each language until the organisation translates them. */
export interface NoticeDraft {
  readonly entries: readonly PublishedEntry[];
  readonly texts: NoticeTextsInput;
}

/** The contact point the notice gives (Art. 33(3)(b) via 34(2)): the incident's, else its reporter. */
function contactOf(incident: IncidentDocument): NoticeContact | null {
  const c = incident.contacts?.contactPoint ?? incident.contacts?.reporter;
  return c ? { name: c.name, email: c.email ?? null, phone: c.phone ?? null } : null;
}

const joined = (...texts: (string | undefined)[]): string =>
  texts
    .map((t) => t?.trim() ?? '')
    .filter((t) => t !== '')
    .join('\n\n');
const everyLocale = (text: string): Localized => ({ en: text, fr: text, sv: text });
const trimmed = (t: Localized): Localized => ({ en: t.en.trim(), fr: t.fr.trim(), sv: t.sv.trim() });

const toView = (row: PublicNoticesTable): PublicNoticeView => ({
  slug: row.slug,
  incidentId: row.incident_id,
  content: JSON.parse(row.content) as NoticeContent,
  publishedAt: row.published_at,
  withdrawnAt: row.withdrawn_at,
});

/**
 * Public notices (Art. 34(3)(c)), one per catalogue entry the organisation published from an incident.
 * Publishing builds the notice from the entry (title, description in every language, data, dates) and the
 * incident (contact point, likely consequences, measures), runs the Art. 34(2) check on it in English,
 * French and Swedish, and refuses (NOTICE_INCOMPLETE, with `problems`) unless each passes; the text is then
 * fixed until published again. Withdrawing takes it off the public page. Both are audit-logged; another
 * organisation's incident or entry is not found, like one that does not exist.
 */
export function createPublicNotices(deps: PublicNoticesDeps) {
  const { db, clock, organisations } = deps;
  const checkLink = (slug: string, content: NoticeContent) => (locale: Locale) => noticeCheckLink('', locale, content, slug);

  /** The entry, if this organisation published it from this incident. */
  const entryOf = async (ctx: DeskContext, incidentId: string, slug: string) => {
    const row = await db
      .selectFrom('published_breaches')
      .selectAll()
      .where('slug', '=', slug)
      .where('organisation_id', '=', ctx.organisation.id)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    if (!row) {
      throw new AppError('BREACH_NOT_FOUND', `${ctx.organisation.slug} published no catalogue entry ${slug} from incident ${incidentId}`, {
        data: { field: 'slug' },
        issues: [{ path: 'slug', message: 'is not a catalogue entry published from this incident' }],
      });
    }
    return row;
  };

  const build = async (ctx: DeskContext, incidentId: string, slug: string, input: unknown): Promise<NoticePreview> => {
    const { incident } = await deps.incidents.get(ctx, incidentId);
    await entryOf(ctx, incidentId, slug);
    const texts = parseOrThrow(noticeTextsSchema, input, 'notice');
    const { breach } = await deps.catalogue.get(slug);
    const content: NoticeContent = {
      v: 1,
      organisation: ctx.organisation.name,
      title: breach.title,
      description: breach.description,
      dataClasses: breach.dataClasses,
      occurredFrom: breach.dates.occurredFrom ?? null,
      awareness: breach.dates.awareness ?? null,
      contact: contactOf(incident),
      consequences: trimmed(texts.consequences),
      measures: trimmed(texts.measures),
    };
    return { slug, content, ...checkNotice(content, checkLink(slug, content)) };
  };

  const audit = async (ctx: DeskContext, action: string, slug: string, details: Record<string, unknown>) => {
    const at = clock.now();
    await appendAudit(db, {
      id: deps.newId(at),
      occurredAt: isoInstant(at),
      actor: ctx.actor,
      action,
      subjectType: 'public-notice',
      subjectId: slug,
      details,
      organisationId: ctx.organisation.id,
    });
  };

  return {
    /** The catalogue entries the organisation published, newest first (for campaigns and notices). */
    async entries(ctx: DeskContext): Promise<PublishedEntry[]> {
      organisations.require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('published_breaches')
        .selectAll()
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('published_at', 'desc')
        .execute();
      return rows.map((r) => ({ slug: r.slug, incidentId: r.incident_id, publishedAt: r.published_at }));
    },

    /** The entries published from this incident, and the incident's own words to start the notice from. */
    async draft(ctx: DeskContext, incidentId: string): Promise<NoticeDraft> {
      organisations.require(ctx, 'desk.read');
      const { incident } = await deps.incidents.get(ctx, incidentId);
      const rows = await db
        .selectFrom('published_breaches')
        .selectAll()
        .where('organisation_id', '=', ctx.organisation.id)
        .where('incident_id', '=', incidentId)
        .orderBy('published_at', 'desc')
        .execute();
      return {
        entries: rows.map((r) => ({ slug: r.slug, incidentId: r.incident_id, publishedAt: r.published_at })),
        texts: {
          consequences: everyLocale(joined(incident.consequences?.description)),
          measures: everyLocale(joined(incident.measures?.taken, incident.measures?.proposed)),
        },
      };
    },

    /** The incident's notices, published or withdrawn. */
    async forIncident(ctx: DeskContext, incidentId: string): Promise<PublicNoticeView[]> {
      organisations.require(ctx, 'desk.read');
      await deps.incidents.get(ctx, incidentId);
      const rows = await db
        .selectFrom('public_notices')
        .selectAll()
        .where('organisation_id', '=', ctx.organisation.id)
        .where('incident_id', '=', incidentId)
        .orderBy('slug')
        .execute();
      return rows.map(toView);
    },

    /** The notice as it would be published now, with the check in each language; nothing is stored. */
    async preview(ctx: DeskContext, incidentId: string, slug: string, texts: unknown): Promise<NoticePreview> {
      organisations.require(ctx, 'desk.read');
      return build(ctx, incidentId, slug, texts);
    },

    /** Publishes (or publishes again, with the texts given) the notice of one of the incident's catalogue entries. */
    async publish(ctx: DeskContext, incidentId: string, slug: string, texts: unknown): Promise<PublicNoticeView> {
      organisations.require(ctx, 'incident.decide');
      const { content, problems } = await build(ctx, incidentId, slug, texts);
      if (problems.length > 0) {
        throw new AppError(
          'NOTICE_INCOMPLETE',
          `The notice lacks what Art. 34(2) requires: ${problems.map((p) => `${p.locale}: ${p.missing.join(', ')}`).join('; ')}`,
          { data: { problems } },
        );
      }
      const at = isoInstant(clock.now());
      const values = {
        slug,
        organisation_id: ctx.organisation.id,
        incident_id: incidentId,
        content: JSON.stringify(content),
        published_at: at,
        published_by: ctx.actor,
        withdrawn_at: null,
      };
      await db
        .insertInto('public_notices')
        .values(values)
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet({
            incident_id: incidentId,
            content: values.content,
            published_at: at,
            published_by: ctx.actor,
            withdrawn_at: null,
          }),
        )
        .execute();
      await audit(ctx, 'notice.publish', slug, { incidentId });
      return { slug, incidentId, content, publishedAt: at, withdrawnAt: null };
    },

    async withdraw(ctx: DeskContext, incidentId: string, slug: string): Promise<PublicNoticeView> {
      organisations.require(ctx, 'incident.decide');
      await deps.incidents.get(ctx, incidentId);
      const at = isoInstant(clock.now());
      const r = await db
        .updateTable('public_notices')
        .set({ withdrawn_at: at })
        .where('slug', '=', slug)
        .where('organisation_id', '=', ctx.organisation.id)
        .where('incident_id', '=', incidentId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw new AppError('NOTICE_NOT_FOUND', `No published notice ${slug} for incident ${incidentId}`, { data: { slug } });
      }
      await audit(ctx, 'notice.withdraw', slug, { incidentId });
      const row = await db.selectFrom('public_notices').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
      return toView(row);
    },

    /** The public page's notice: published and not withdrawn, else NOTICE_NOT_FOUND. No sign-in. */
    async published(slug: string): Promise<PublicNoticeView> {
      const row = await db.selectFrom('public_notices').selectAll().where('slug', '=', slug).executeTakeFirst();
      if (!row || row.withdrawn_at !== null) throw new AppError('NOTICE_NOT_FOUND', `No public notice for ${slug}`, { data: { slug } });
      return toView(row);
    },

    /** Whether the entry has a notice up (for the link on the public catalogue page). */
    async isPublished(slug: string): Promise<boolean> {
      const row = await db.selectFrom('public_notices').select('withdrawn_at').where('slug', '=', slug).executeTakeFirst();
      return row !== undefined && row.withdrawn_at === null;
    },
  };
}

export type PublicNotices = ReturnType<typeof createPublicNotices>;
