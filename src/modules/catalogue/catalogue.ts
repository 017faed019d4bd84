import { AppError, isAppError, validationError, type FieldIssue } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import { isoInstant } from '../../platform/clock.js';
import { changedFields, type AuditRecord } from '../audit/index.js';
import { parseBreachInput, type Breach, type BreachInput } from './breach.js';
import { parseBreachQuery, type BreachQuery, type BreachQueryInput } from './breach-query.js';
import { notFound, type BreachPage, type CatalogueStore, type StoredBreach } from './catalogue.store.js';

export interface CatalogueDeps {
  readonly store: CatalogueStore;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

/** A breach with what a reader needs beside it: related breaches in both directions. */
export interface BreachView extends StoredBreach {
  readonly related: string[];
}

export type Catalogue = ReturnType<typeof createCatalogue>;

/**
 * The catalogue's use cases. Every write validates the whole input first (nothing is half-written), then
 * stores the breach and its audit entry in one transaction.
 */
export function createCatalogue(deps: CatalogueDeps) {
  const { store, clock } = deps;

  /** Related breaches must exist already, or be in the same batch (`batch`), so links never dangle. */
  async function assertRelatedExist(target: CatalogueStore, input: BreachInput, batch: ReadonlySet<string> = new Set()): Promise<void> {
    const missing: string[] = [];
    for (const slug of input.relatedBreaches) {
      if (!batch.has(slug) && !(await target.get(slug))) missing.push(slug);
    }
    if (missing.length > 0) {
      throw new AppError('BREACH_RELATED_UNKNOWN', `relatedBreaches names unknown breaches: ${missing.join(', ')}`, {
        data: { missing },
        issues: missing.map((slug) => ({
          path: `relatedBreaches.${input.relatedBreaches.indexOf(slug)}`,
          message: `no breach with slug "${slug}"`,
        })),
      });
    }
  }

  function auditRecord(now: Date, actor: string, action: string, slug: string, details: Record<string, unknown>): AuditRecord {
    return {
      id: deps.newId(now),
      occurredAt: isoInstant(now),
      actor,
      action,
      subjectType: 'breach',
      subjectId: slug,
      details,
    };
  }

  /** Inserts a validated breach through `target` (the store or an open transaction). */
  async function insert(target: CatalogueStore, input: BreachInput, actor: string, batch?: ReadonlySet<string>): Promise<Breach> {
    await assertRelatedExist(target, input, batch);
    const now = clock.now();
    const at = isoInstant(now);
    const breach: Breach = { ...input, addedAt: at, modifiedAt: at };
    await target.insert(breach, auditRecord(now, actor, 'breach.create', breach.slug, { title: breach.title }));
    return breach;
  }

  /** Inserts validated breaches in one transaction; relations may point anywhere inside the batch. */
  async function insertBatch(trx: CatalogueStore, inputs: readonly BreachInput[], actor: string): Promise<Breach[]> {
    const batch = new Set(inputs.map((i) => i.slug));
    const added: Breach[] = [];
    for (const input of inputs) added.push(await insert(trx, input, actor, batch));
    return added;
  }

  return {
    add: (raw: unknown, actor: string): Promise<Breach> => insert(store, parseBreachInput(raw), actor),

    /**
     * Adds several breaches all-or-nothing: every one is validated before anything is written, and all
     * field problems are reported at once, each path prefixed with the item's index.
     */
    async addAll(raws: readonly unknown[], actor: string): Promise<Breach[]> {
      const issues: FieldIssue[] = [];
      const slugs = new Map<string, number>();
      const inputs: BreachInput[] = [];
      raws.forEach((raw, index) => {
        try {
          const input = parseBreachInput(raw);
          const first = slugs.get(input.slug);
          if (first !== undefined) issues.push({ path: `${index}.slug`, message: `repeats the slug of item ${first}` });
          slugs.set(input.slug, index);
          inputs.push(input);
        } catch (error) {
          if (!isAppError(error)) throw error;
          issues.push(...error.issues.map((i) => ({ path: `${index}.${i.path}`, message: i.message })));
        }
      });
      if (issues.length > 0) throw validationError(issues, 'breach file');
      return store.withTransaction((trx) => insertBatch(trx, inputs, actor));
    },

    /** Replaces the whole breach; `slug` in the path and in the body must agree. */
    async update(
      slug: string,
      raw: unknown,
      actor: string,
      expectedRevision?: number,
    ): Promise<{ breach: Breach; revision: number; changed: string[] }> {
      const input = parseBreachInput(raw);
      if (input.slug !== slug) {
        throw new AppError('BREACH_SLUG_MISMATCH', `The body's slug "${input.slug}" differs from "${slug}"; slugs never change`, {
          data: { slug, bodySlug: input.slug },
          issues: [{ path: 'slug', message: `must be "${slug}"` }],
        });
      }
      const current = await store.get(slug);
      if (!current) throw notFound(slug);
      await assertRelatedExist(store, input);
      const now = clock.now();
      const breach: Breach = { ...input, addedAt: current.breach.addedAt, modifiedAt: isoInstant(now) };
      const { addedAt: _a, modifiedAt: _m, ...before } = current.breach;
      const changed = changedFields(before, input);
      if (changed.length === 0) return { breach: current.breach, revision: current.revision, changed };
      const revision = await store.replace(
        breach,
        expectedRevision ?? current.revision,
        auditRecord(now, actor, 'breach.update', slug, { changed }),
      );
      return { breach, revision, changed };
    },

    async get(slug: string): Promise<BreachView> {
      const found = await store.get(slug);
      if (!found) throw notFound(slug);
      return { ...found, related: await store.related(slug) };
    },

    /** HIBP-style look-up by Name, case-insensitive; retired breaches are gone, as in HIBP. */
    async getByHibpName(name: string): Promise<StoredBreach | undefined> {
      const found = await store.getByNameKey(name.replaceAll('-', ''));
      return found && !found.breach.flags.retired ? found : undefined;
    },

    list(query: BreachQuery | BreachQueryInput): Promise<BreachPage> {
      return store.list(parseBreachQuery(query));
    },

    listAll: store.listAll.bind(store),
    latestAdded: store.latestAdded.bind(store),
    dataClassUsage: store.dataClassUsage.bind(store),
    facets: store.facets.bind(store),
    version: store.version.bind(store),

    /** Loads `breaches` once per `name` (first start); later starts, and edits made since, are left alone. */
    async seedOnce(name: string, breaches: readonly unknown[]): Promise<number> {
      let added = 0;
      const applied = await store.applyOnce(name, isoInstant(clock.now()), async (trx) => {
        const inputs = breaches.map((b) => parseBreachInput(b, 'seed breach'));
        added = (await insertBatch(trx, inputs, 'system:seed')).length;
      });
      return applied ? added : 0;
    },
  };
}
