import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { BreachesTable, DatabaseSchema } from '../../storage/schema.js';
import { appendAudit, type AuditRecord } from '../audit/index.js';
import { nameKey, type Breach } from './breach.js';
import { earliestDay } from './partial-date.js';
import type { BreachQuery } from './breach-query.js';

/** A breach as read back, with its optimistic-concurrency revision. */
export interface StoredBreach {
  readonly breach: Breach;
  readonly revision: number;
}

export interface BreachPage {
  readonly items: StoredBreach[];
  readonly total: number;
}

/** The catalogue's persistence port. One implementation, dialect-agnostic, tested on SQLite and PostgreSQL. */
export interface CatalogueStore {
  /** Inserts a new breach and its audit entry atomically; BREACH_SLUG_CONFLICT when the slug (or its HIBP Name) exists. */
  insert(breach: Breach, audit: AuditRecord): Promise<void>;
  /** Replaces a breach if it is still at `expectedRevision`; returns the new revision. */
  replace(breach: Breach, expectedRevision: number, audit: AuditRecord): Promise<number>;
  get(slug: string): Promise<StoredBreach | undefined>;
  /** Case-insensitive look-up by HIBP-style Name ("CaisseDesDepotsIrcantec"). */
  getByNameKey(key: string): Promise<StoredBreach | undefined>;
  list(query: BreachQuery): Promise<BreachPage>;
  /** Every breach, newest addition first (retired ones only when asked): for feeds and HIBP endpoints. */
  listAll(options?: { includeRetired?: boolean; domain?: string }): Promise<StoredBreach[]>;
  latestAdded(): Promise<StoredBreach | undefined>;
  /** Slugs related to `slug` in either direction. */
  related(slug: string): Promise<string[]>;
  /** How many non-retired breaches expose each data class. */
  dataClassUsage(): Promise<Map<string, number>>;
  /** Changes whenever any breach is added or changed: a cache key and ETag for whole-catalogue reads. */
  version(): Promise<string>;
  /** Countries and sectors in use, for filter menus. */
  facets(): Promise<{ countries: string[]; sectors: string[] }>;
  /** Runs `fn` in one transaction: every write inside commits together or not at all. */
  withTransaction<T>(fn: (store: CatalogueStore) => Promise<T>): Promise<T>;
  /** Runs `apply` and records `name` as applied, atomically, unless `name` was applied before. */
  applyOnce(name: string, appliedAt: string, apply: (store: CatalogueStore) => Promise<void>): Promise<boolean>;
}

export interface CatalogueStoreDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly isUniqueViolation: (error: unknown) => boolean;
}

export function createCatalogueStore(deps: CatalogueStoreDeps): CatalogueStore {
  return storeOn(deps.db, deps);
}

function storeOn(db: Kysely<DatabaseSchema>, deps: CatalogueStoreDeps): CatalogueStore {
  const inTransaction = db.isTransaction;
  const transact = <T>(fn: (trx: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> =>
    inTransaction ? fn(db) : db.transaction().execute(fn);

  const store: CatalogueStore = {
    async insert(breach, audit) {
      try {
        await transact(async (trx) => {
          const clash = await trx
            .selectFrom('breaches')
            .select('slug')
            .where((eb) => eb.or([eb('slug', '=', breach.slug), eb('name_key', '=', nameKey(breach.slug))]))
            .executeTakeFirst();
          if (clash) throw conflict(breach.slug, clash.slug);
          await trx
            .insertInto('breaches')
            .values({ ...toRow(breach), added_at: breach.addedAt, revision: 1 })
            .execute();
          await writeChildren(trx, breach);
          await appendAudit(trx, audit);
        });
      } catch (error) {
        if (deps.isUniqueViolation(error)) throw conflict(breach.slug, breach.slug, error);
        throw error;
      }
    },

    async replace(breach, expectedRevision, audit) {
      return transact(async (trx) => {
        const result = await trx
          .updateTable('breaches')
          .set({ ...toRow(breach), revision: expectedRevision + 1 })
          .where('slug', '=', breach.slug)
          .where('revision', '=', expectedRevision)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) {
          const exists = await trx.selectFrom('breaches').select('revision').where('slug', '=', breach.slug).executeTakeFirst();
          if (!exists) throw notFound(breach.slug);
          throw new AppError('BREACH_SLUG_CONFLICT', `Breach "${breach.slug}" was changed by someone else meanwhile; reload and retry`, {
            data: { slug: breach.slug, expectedRevision, currentRevision: exists.revision },
          });
        }
        await trx.deleteFrom('breach_data_classes').where('breach_slug', '=', breach.slug).execute();
        await trx.deleteFrom('breach_relations').where('breach_slug', '=', breach.slug).execute();
        await writeChildren(trx, breach);
        await appendAudit(trx, audit);
        return expectedRevision + 1;
      });
    },

    async get(slug) {
      const row = await db.selectFrom('breaches').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && fromRow(row);
    },

    async getByNameKey(key) {
      const row = await db.selectFrom('breaches').selectAll().where('name_key', '=', key.toLowerCase()).executeTakeFirst();
      return row && fromRow(row);
    },

    async list(query) {
      let base = db.selectFrom('breaches');
      if (!query.includeRetired) base = base.where('retired', '=', 0);
      if (query.country !== undefined) base = base.where('country', '=', query.country);
      if (query.sector !== undefined) base = base.where('sector', '=', query.sector);
      if (query.dataClass !== undefined) {
        const code = query.dataClass;
        base = base.where('slug', 'in', (eb) => eb.selectFrom('breach_data_classes').select('breach_slug').where('code', '=', code));
      }
      if (query.text !== undefined && query.text.trim() !== '') {
        const pattern = `%${escapeLike(query.text.trim().toLowerCase())}%`;
        base = base.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['title']), 'like', eb.val(pattern)),
            eb(eb.fn('lower', ['organisation_name']), 'like', eb.val(pattern)),
          ]),
        );
      }
      const totalRow = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      const direction = query.order;
      let rows = base.selectAll();
      switch (query.sort) {
        case 'date':
          rows = rows.orderBy('breach_date', (ob) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()));
          break;
        case 'size':
          rows = rows.orderBy('people_count', (ob) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()));
          break;
        case 'added':
          rows = rows.orderBy('added_at', direction);
          break;
        case 'title':
          rows = rows.orderBy('title', direction);
          break;
      }
      const items = await rows.orderBy('slug', 'asc').limit(query.limit).offset(query.offset).execute();
      return { items: items.map(fromRow), total: Number(totalRow.n) };
    },

    async listAll(options = {}) {
      let q = db.selectFrom('breaches').selectAll();
      if (!options.includeRetired) q = q.where('retired', '=', 0);
      if (options.domain !== undefined) q = q.where('organisation_domain', '=', options.domain.toLowerCase());
      const rows = await q.orderBy('added_at', 'desc').orderBy('slug', 'asc').execute();
      return rows.map(fromRow);
    },

    async latestAdded() {
      const row = await db
        .selectFrom('breaches')
        .selectAll()
        .where('retired', '=', 0)
        .orderBy('added_at', 'desc')
        .orderBy('slug', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && fromRow(row);
    },

    async related(slug) {
      const rows = await db
        .selectFrom('breach_relations')
        .select(['breach_slug', 'related_slug'])
        .where((eb) => eb.or([eb('breach_slug', '=', slug), eb('related_slug', '=', slug)]))
        .execute();
      const slugs = new Set(rows.map((r) => (r.breach_slug === slug ? r.related_slug : r.breach_slug)));
      slugs.delete(slug);
      return [...slugs].sort();
    },

    async dataClassUsage() {
      const rows = await db
        .selectFrom('breach_data_classes')
        .innerJoin('breaches', 'breaches.slug', 'breach_data_classes.breach_slug')
        .where('breaches.retired', '=', 0)
        .select(['breach_data_classes.code as code', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('breach_data_classes.code')
        .execute();
      return new Map(rows.map((r) => [r.code, Number(r.n)]));
    },

    async version() {
      const row = await db
        .selectFrom('breaches')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.max('modified_at').as('latest'),
          eb.fn.sum<number | string>('revision').as('revisions'),
        ])
        .executeTakeFirstOrThrow();
      return `${Number(row.n)}.${Number(row.revisions ?? 0)}.${row.latest ?? '-'}`;
    },

    async facets() {
      const countries = await db.selectFrom('breaches').select('country').distinct().where('retired', '=', 0).orderBy('country').execute();
      const sectors = await db.selectFrom('breaches').select('sector').distinct().where('retired', '=', 0).orderBy('sector').execute();
      return { countries: countries.map((r) => r.country), sectors: sectors.map((r) => r.sector) };
    },

    withTransaction(fn) {
      return transact((trx) => fn(storeOn(trx, deps)));
    },

    async applyOnce(name, appliedAt, apply) {
      return transact(async (trx) => {
        const done = await trx.selectFrom('seed_log').select('name').where('name', '=', name).executeTakeFirst();
        if (done) return false;
        await apply(storeOn(trx, deps));
        await trx.insertInto('seed_log').values({ name, applied_at: appliedAt }).execute();
        return true;
      });
    },
  };
  return store;
}

async function writeChildren(trx: Kysely<DatabaseSchema>, breach: Breach): Promise<void> {
  if (breach.dataClasses.length > 0) {
    await trx
      .insertInto('breach_data_classes')
      .values(breach.dataClasses.map((code) => ({ breach_slug: breach.slug, code })))
      .execute();
  }
  if (breach.relatedBreaches.length > 0) {
    await trx
      .insertInto('breach_relations')
      .values(breach.relatedBreaches.map((related) => ({ breach_slug: breach.slug, related_slug: related })))
      .execute();
  }
}

type BreachRow = Omit<Selectable<BreachesTable>, 'added_at' | 'revision'>;

function toRow(breach: Breach): BreachRow {
  const d = breach.dates;
  const anchor = d.occurredFrom ?? d.occurredTo ?? d.publicDisclosure ?? d.awareness ?? null;
  return {
    slug: breach.slug,
    name_key: nameKey(breach.slug),
    title: breach.title,
    organisation_name: breach.organisation.name,
    organisation_domain: breach.organisation.domain ?? null,
    country: breach.country,
    sector: breach.sector,
    breach_date: anchor === null ? null : earliestDay(anchor),
    people_count: breach.peopleAffected.count ?? null,
    verified: breach.flags.verified ? 1 : 0,
    sensitive: breach.flags.sensitive ? 1 : 0,
    fabricated: breach.flags.fabricated ? 1 : 0,
    retired: breach.flags.retired ? 1 : 0,
    document: JSON.stringify(breach),
    modified_at: breach.modifiedAt,
  };
}

function fromRow(row: Selectable<BreachesTable>): StoredBreach {
  return { breach: JSON.parse(row.document) as Breach, revision: row.revision };
}

function escapeLike(text: string): string {
  // LIKE without an ESCAPE clause treats % and _ as wildcards in both dialects; drop them from user text.
  return text.replace(/[%_\\]/g, ' ');
}

function conflict(slug: string, existing: string, cause?: unknown): AppError {
  return new AppError(
    'BREACH_SLUG_CONFLICT',
    existing === slug
      ? `A breach with slug "${slug}" already exists`
      : `Slug "${slug}" would have the same HIBP Name as existing breach "${existing}"`,
    { data: { slug, existing }, cause },
  );
}

export function notFound(slug: string): AppError {
  return new AppError('BREACH_NOT_FOUND', `No breach with slug "${slug}"`, { data: { slug } });
}
