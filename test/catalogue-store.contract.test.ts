import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { isAppError } from '../src/platform/errors.js';
import { fixedClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { listAudit } from '../src/modules/audit/index.js';
import { createCatalogue, createCatalogueStore, SEED_BREACHES, type Catalogue } from '../src/modules/catalogue/index.js';
import { validBreach } from './support/breach-factory.js';
import { testDatabases, type TestDatabase } from './support/databases.js';

/**
 * One contract for the catalogue store, run against real SQLite and the real PostgreSQL server.
 * PostgreSQL is skipped, with the reason printed, only when no server is reachable.
 */
for (const target of await testDatabases()) {
  describe(`catalogue store contract on ${target.name}`, { skip: target.skip }, () => {
    let db: TestDatabase;
    let catalogue: Catalogue;
    const clock = fixedClock('2026-01-10T12:00:00Z');

    before(async () => {
      db = await target.create();
      catalogue = createCatalogue({ store: createCatalogueStore(db.handle), clock, newId });
    });
    after(async () => {
      await db?.cleanup();
    });

    it('loads the seed catalogue once, and only once', async () => {
      assert.equal(await catalogue.seedOnce('seed-test', SEED_BREACHES), SEED_BREACHES.length);
      assert.equal(await catalogue.seedOnce('seed-test', SEED_BREACHES), 0);
      const page = await catalogue.list({});
      assert.equal(page.total, 5);
    });

    it('reads a breach back exactly as written, with timestamps', async () => {
      const view = await catalogue.get('viamedis');
      assert.equal(view.breach.organisation.role, 'processor');
      assert.equal(view.breach.organisation.controllersServed?.count, 84);
      assert.equal(view.breach.peopleAffected.count, 33_000_000);
      assert.equal(view.breach.addedAt, '2026-01-10T12:00:00Z');
      assert.equal(view.revision, 1);
      assert.deepEqual(view.related, ['almerys']);
      assert.deepEqual((await catalogue.get('almerys')).related, ['viamedis']);
    });

    it('filters by country, sector and data class, and searches titles', async () => {
      const se = await catalogue.list({ country: 'se' });
      assert.deepEqual(
        se.items.map((s) => s.breach.slug),
        ['folksam'],
      );
      const nir = await catalogue.list({ dataClass: 'fr-nir', sort: 'title', order: 'asc' });
      assert.deepEqual(
        nir.items.map((s) => s.breach.slug),
        ['almerys', 'viamedis'],
      );
      const logistics = await catalogue.list({ sector: 'logistics' });
      assert.deepEqual(
        logistics.items.map((s) => s.breach.slug),
        ['chronopost'],
      );
      const text = await catalogue.list({ text: 'IRCANTEC' });
      assert.deepEqual(
        text.items.map((s) => s.breach.slug),
        ['caisse-des-depots-ircantec'],
      );
      assert.equal((await catalogue.list({ text: '100%_' })).total, 0);
    });

    it('sorts by size with unknown counts last, by date, and pages', async () => {
      const bySize = await catalogue.list({ sort: 'size', order: 'desc' });
      const counts = bySize.items.map((s) => s.breach.peopleAffected.count ?? -1);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
      );
      const byDateAsc = await catalogue.list({ sort: 'date', order: 'asc' });
      assert.equal(byDateAsc.items[0]?.breach.slug, 'folksam');
      const page2 = await catalogue.list({ sort: 'title', order: 'asc', limit: 2, offset: 2 });
      assert.equal(page2.items.length, 2);
      assert.equal(page2.total, 5);
    });

    it('rejects a duplicate slug, and a slug with the same HIBP Name, as a conflict', async () => {
      await assert.rejects(
        catalogue.add(validBreach({ slug: 'folksam' }), 'test'),
        (e: unknown) => isAppError(e) && e.code === 'BREACH_SLUG_CONFLICT',
      );
      await catalogue.add(validBreach({ slug: 'caisse-des-depots' }), 'test');
      await assert.rejects(
        catalogue.add(validBreach({ slug: 'caissedes-depots' }), 'test'),
        (e: unknown) => isAppError(e) && e.code === 'BREACH_SLUG_CONFLICT' && /same HIBP Name/.test(e.message),
      );
    });

    it('updates with optimistic concurrency and audits what changed', async () => {
      const versionBefore = await catalogue.version();
      clock.advance(60_000);
      const input = { ...validBreach({ slug: 'caisse-des-depots' }), title: 'Renamed title' };
      const result = await catalogue.update('caisse-des-depots', input, 'api-key:TEST');
      assert.equal(result.revision, 2);
      assert.deepEqual(result.changed, ['title']);
      assert.equal(result.breach.addedAt, '2026-01-10T12:00:00Z');
      assert.equal(result.breach.modifiedAt, '2026-01-10T12:01:00Z');
      assert.notEqual(await catalogue.version(), versionBefore, 'the catalogue version must change on update');
      await assert.rejects(
        catalogue.update('caisse-des-depots', { ...input, title: 'Stale write' }, 'api-key:TEST', 1),
        (e: unknown) => isAppError(e) && e.code === 'BREACH_SLUG_CONFLICT',
      );
      const audit = await listAudit(db.handle.db, { subjectType: 'breach', subjectId: 'caisse-des-depots' });
      assert.deepEqual(
        audit.map((a) => [a.action, a.actor]),
        [
          ['breach.update', 'api-key:TEST'],
          ['breach.create', 'test'],
        ],
      );
      assert.deepEqual(audit[0]?.details, { changed: ['title'] });
    });

    it('an unchanged update writes nothing', async () => {
      const current = await catalogue.get('caisse-des-depots');
      const { addedAt: _a, modifiedAt: _m, ...input } = current.breach;
      const result = await catalogue.update('caisse-des-depots', input, 'test');
      assert.deepEqual(result.changed, []);
      assert.equal(result.revision, current.revision);
    });

    it('writes a batch all-or-nothing', async () => {
      const before = (await catalogue.list({ includeRetired: true })).total;
      await assert.rejects(
        catalogue.addAll([validBreach({ slug: 'batch-one' }), validBreach({ slug: 'folksam' })], 'test'),
        (e: unknown) => isAppError(e) && e.code === 'BREACH_SLUG_CONFLICT',
      );
      assert.equal((await catalogue.list({ includeRetired: true })).total, before);
      await assert.rejects(catalogue.get('batch-one'), (e: unknown) => isAppError(e) && e.code === 'BREACH_NOT_FOUND');
      await assert.rejects(
        catalogue.addAll([validBreach({ slug: 'batch-one' }), validBreach({ slug: 'batch-two', country: 'XX' })], 'test'),
        (e: unknown) => isAppError(e) && e.code === 'VALIDATION_FAILED' && e.issues.some((i) => i.path === '1.country'),
      );
      const added = await catalogue.addAll(
        [validBreach({ slug: 'batch-one', relatedBreaches: ['batch-two'] }), validBreach({ slug: 'batch-two' })],
        'test',
      );
      assert.equal(added.length, 2);
      assert.deepEqual((await catalogue.get('batch-two')).related, ['batch-one']);
    });

    it('refuses relations to unknown breaches', async () => {
      await assert.rejects(
        catalogue.add(validBreach({ slug: 'dangling', relatedBreaches: ['no-such-breach'] }), 'test'),
        (e: unknown) => isAppError(e) && e.code === 'BREACH_RELATED_UNKNOWN' && e.issues[0]?.path === 'relatedBreaches.0',
      );
    });

    it('hides retired breaches from listings but keeps them readable by slug', async () => {
      await catalogue.add(validBreach({ slug: 'old-breach', flags: { retired: true } }), 'test');
      assert.ok(!(await catalogue.list({ limit: 500 })).items.some((s) => s.breach.slug === 'old-breach'));
      assert.ok((await catalogue.list({ includeRetired: true, limit: 500 })).items.some((s) => s.breach.slug === 'old-breach'));
      assert.equal(await catalogue.getByHibpName('OldBreach'), undefined);
      assert.equal((await catalogue.get('old-breach')).breach.flags.retired, true);
    });

    it('finds breaches by HIBP Name case-insensitively and by domain', async () => {
      assert.equal((await catalogue.getByHibpName('caissedesdepotsircantec'))?.breach.slug, 'caisse-des-depots-ircantec');
      assert.equal((await catalogue.getByHibpName('CHRONOPOST'))?.breach.slug, 'chronopost');
      assert.deepEqual(
        (await catalogue.listAll({ domain: 'Folksam.SE' })).map((s) => s.breach.slug),
        ['folksam'],
      );
    });

    it('counts data-class usage and facets over non-retired breaches', async () => {
      const usage = await catalogue.dataClassUsage();
      assert.equal(usage.get('fr-nir'), 2);
      assert.equal(usage.get('se-personnummer'), 1);
      const facets = await catalogue.facets();
      assert.deepEqual(facets.countries, ['FR', 'SE']);
    });
  });
}
