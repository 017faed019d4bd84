import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { nodeIndexCrypto } from '../src/adapters/node-index-crypto.js';
import { createIngestRunStore, createKyselyBatchWriter, ZERO_COUNTS, type BatchWriter } from '../src/modules/ingestion/index.js';
import {
  createLookupIndexStore,
  deriveEntryKeys,
  findInBucket,
  openMeta,
  sealMeta,
  BUCKET_ENTRY_BYTES,
  type LookupIndexStore,
} from '../src/modules/lookup/index.js';
import { createPostgresBatchWriter } from '../src/storage/postgres/copy-batch-writer.js';
import { createSqliteBatchWriter } from '../src/storage/sqlite/sqlite-batch-writer.js';
import { testDatabases, type TestDatabase } from './support/databases.js';

const rnd = (n: number) => new Uint8Array(randomBytes(n));
const EPOCH = {
  epoch: 1,
  suite: 'ristretto255-SHA512',
  publicKey: 'aa'.repeat(32),
  fingerprint: 'f'.repeat(32),
  createdAt: '2026-11-23T00:00:00Z',
  state: 'active' as const,
};

function entry(breachId: number, mask: number) {
  const keys = deriveEntryKeys(nodeIndexCrypto, rnd(64));
  const sealed = sealMeta(nodeIndexCrypto, keys.metaKey, 1, { breachId, classMask: mask }, rnd(12));
  return { keys, row: { bucketHash: keys.bucketHash, tag: keys.tag, sealed, key: Buffer.from(keys.tag).toString('hex') } };
}

for (const db of await testDatabases()) {
  const writers: { name: string; make: (t: TestDatabase) => Promise<BatchWriter> }[] = [
    { name: 'kysely', make: async (t) => createKyselyBatchWriter(t.handle.db) },
  ];
  if (db.name === 'postgres') writers.push({ name: 'copy', make: (t) => createPostgresBatchWriter(t.handle.postgresPool!) });
  if (db.name === 'sqlite')
    writers.push({ name: 'prepared-statement', make: async (t) => createSqliteBatchWriter(t.handle.sqliteDatabase!) });

  describe(`look-up index store on ${db.name}`, { skip: db.skip }, () => {
    let t: TestDatabase;
    let index: LookupIndexStore;
    before(async () => {
      t = await db.create();
      index = createLookupIndexStore(t.handle.db);
    });
    after(async () => t?.cleanup());

    it('records the epoch key once and refuses another key for it', async () => {
      await index.ensureEpoch(EPOCH);
      await index.ensureEpoch(EPOCH);
      await assert.rejects(index.ensureEpoch({ ...EPOCH, fingerprint: 'e'.repeat(32) }), { code: 'KEY_EPOCH_MISMATCH' });
      assert.equal((await index.getEpoch(1))?.fingerprint, EPOCH.fingerprint);
    });

    it('numbers breaches and only ever appends to their class lists', async () => {
      const a = await index.ensureBreach('chronopost', ['name', 'phone-number']);
      const b = await index.ensureBreach('chronopost', ['postal-address', 'name']);
      assert.equal(a.id, b.id);
      assert.deepEqual(b.classes, ['name', 'phone-number', 'postal-address']);
      const c = await index.ensureBreach('folksam', ['se-personnummer']);
      assert.notEqual(c.id, a.id);
      await assert.rejects(
        index.ensureBreach(
          'too-many',
          Array.from({ length: 33 }, (_, i) => `c${i}`),
        ),
        { code: 'INGEST_MAPPING_INVALID' },
      );
    });

    for (const w of writers) {
      it(`${w.name} writer: inserts new entries once, reports which were new, and commits rejects and progress with them`, async () => {
        const breach = await index.ensureBreach(`writer-${w.name}`, ['name']);
        const runs = createIngestRunStore(t.handle.db);
        const runId = `run-${w.name}`;
        await runs.start({
          id: runId,
          breachSlug: breach.slug,
          epoch: 1,
          fileName: 'f.csv',
          fileDigest: 'd',
          fileBytes: 1,
          plan: '{}',
          planDigest: 'p',
          actor: 'test',
          startedAt: 'x',
          updatedAt: 'x',
        });
        const writer = await w.make(t);
        try {
          const first = Array.from({ length: 1200 }, () => entry(breach.id, 1));
          let seen: ReadonlySet<string> = new Set();
          const counts = await writer.writeBatch({ runId, epoch: 1, breachId: breach.id, entries: first.map((e) => e.row) }, (inserted) => {
            seen = inserted;
            return {
              rejects: [{ line: 7, column: 'nir', scope: 'field', reason: 'bad-check-digit' }],
              contacts: [],
              lastLine: 10,
              counts: { ...ZERO_COUNTS, rowsRead: 10 },
              updatedAt: 'y',
            };
          });
          assert.equal(seen.size, 1200);
          assert.equal(counts.rowsRead, 10);
          const again = [...first.slice(0, 5).map((e) => e.row), entry(breach.id, 1).row];
          await writer.writeBatch({ runId, epoch: 1, breachId: breach.id, entries: again }, (inserted) => {
            seen = inserted;
            return { rejects: [], contacts: [], lastLine: 20, counts: { ...ZERO_COUNTS, rowsRead: 20 }, updatedAt: 'z' };
          });
          assert.deepEqual([...seen], [again[5]!.key], 'only the new entry is reported new');
          const run = await runs.get(runId);
          assert.equal(run?.lastLine, 20);
          const rejects = [];
          for await (const r of runs.rejects(runId)) rejects.push(r);
          assert.deepEqual(rejects, [{ line: 7, column: 'nir', scope: 'field', reason: 'bad-check-digit' }]);
          assert.equal(await index.countEntries(1, breach.slug), 1201);

          // A failing settle rolls the whole batch back.
          await assert.rejects(
            writer.writeBatch({ runId, epoch: 1, breachId: breach.id, entries: [entry(breach.id, 1).row] }, () => {
              throw new Error('boom');
            }),
          );
          assert.equal(await index.countEntries(1, breach.slug), 1201);
          assert.equal((await runs.get(runId))?.lastLine, 20);

          // Every entry is found in its padded bucket, and opens with its own key only.
          const stats = await index.stats(1);
          const bits = 3;
          for (const e of first.slice(0, 20)) {
            const id = Math.floor(e.keys.bucketHash / 2 ** (31 - bits));
            const bucket = await index.readBucket(1, bits, id, 2048, rnd);
            assert.equal(bucket.length, 2048 * BUCKET_ENTRY_BYTES);
            const found = findInBucket(bucket, e.keys.tag);
            assert.ok(found.some((s) => openMeta(nodeIndexCrypto, e.keys.metaKey, 1, s)?.breachId === breach.id));
          }
          assert.ok(stats.entries >= 1201);
          assert.ok(stats.paddedBucketSize >= stats.largestBucket);
        } finally {
          await writer.close();
        }
      });
    }
  });
}
