import { sql, type Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { bucketRange, chooseBucketBits, layoutBucket, paddedBucketSize } from './bucket-layout.js';
import { BUCKET_HASH_BITS, MAX_CLASSES_PER_BREACH, MAX_INDEX_BREACHES } from './index-format.js';

export interface EpochRecord {
  readonly epoch: number;
  readonly suite: string;
  /** Hex. */
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly createdAt: string;
  /**
   * building: a rotation's next epoch, being ingested while the active one serves; active: served;
   * retired: its key destroyed and its entries deleted (docs/key-rotation.md).
   */
  readonly state: EpochState;
}

export type EpochState = 'building' | 'active' | 'retired';

export interface IndexBreach {
  readonly id: number;
  readonly slug: string;
  readonly classes: readonly string[];
}

export interface IndexStats {
  readonly epoch: number;
  readonly entries: number;
  readonly bucketBits: number;
  readonly paddedBucketSize: number;
  readonly largestBucket: number;
  readonly breaches: readonly { slug: string; entries: number }[];
}

/** The look-up index's persistence port: one Kysely implementation for SQLite and PostgreSQL. */
export interface LookupIndexStore {
  /**
   * Records the epoch's public key the first time; afterwards checks that the key in use is the one the
   * index was built with (KEY_EPOCH_MISMATCH otherwise): entries built under two keys would never match.
   */
  ensureEpoch(record: EpochRecord): Promise<void>;
  getEpoch(epoch: number): Promise<EpochRecord | undefined>;
  listEpochs(): Promise<EpochRecord[]>;
  setEpochState(epoch: number, state: EpochState): Promise<void>;
  /** Deletes every entry of the epoch (after a rotation); returns how many. */
  deleteEpochEntries(epoch: number): Promise<number>;
  /**
   * The breach's number and class list, creating it or appending classes it does not have yet. Class
   * positions never change, because sealed entries refer to them by bit.
   */
  ensureBreach(slug: string, classes: readonly string[]): Promise<IndexBreach>;
  listBreaches(): Promise<IndexBreach[]>;
  stats(epoch: number): Promise<IndexStats>;
  /** A published bucket: the real entries of bucket `id` padded with random dummies to `size`, sorted by tag. */
  readBucket(epoch: number, bits: number, id: number, size: number, randomBytes: (n: number) => Uint8Array): Promise<Uint8Array>;
  countEntries(epoch: number, breachSlug?: string): Promise<number>;
  /**
   * The entries of the epoch as the ingest runs recorded them (each commit adds its new entries to its run
   * in the same transaction): equal to countEntries, without scanning 33 million rows. The server checks
   * it every minute to notice an ingest by another process.
   */
  entriesRecorded(epoch: number): Promise<number>;
}

export function createLookupIndexStore(db: Kysely<DatabaseSchema>): LookupIndexStore {
  return {
    async ensureEpoch(record) {
      await db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('lookup_epochs').selectAll().where('epoch', '=', record.epoch).executeTakeFirst();
        if (!existing) {
          await trx
            .insertInto('lookup_epochs')
            .values({
              epoch: record.epoch,
              suite: record.suite,
              public_key: record.publicKey,
              fingerprint: record.fingerprint,
              created_at: record.createdAt,
              state: record.state,
            })
            .onConflict((oc) => oc.column('epoch').doNothing())
            .execute();
          return;
        }
        if (existing.fingerprint !== record.fingerprint || existing.public_key !== record.publicKey || existing.suite !== record.suite) {
          throw new AppError(
            'KEY_EPOCH_MISMATCH',
            `The OPRF key in use (fingerprint ${record.fingerprint}) is not the key the index of epoch ${record.epoch} was built with (fingerprint ${existing.fingerprint})`,
            { data: { epoch: record.epoch, expected: existing.fingerprint, actual: record.fingerprint } },
          );
        }
      });
    },

    async getEpoch(epoch) {
      const row = await db.selectFrom('lookup_epochs').selectAll().where('epoch', '=', epoch).executeTakeFirst();
      return row ? toEpochRecord(row) : undefined;
    },

    async listEpochs() {
      const rows = await db.selectFrom('lookup_epochs').selectAll().orderBy('epoch').execute();
      return rows.map(toEpochRecord);
    },

    async setEpochState(epoch, state) {
      await db.updateTable('lookup_epochs').set({ state }).where('epoch', '=', epoch).execute();
    },

    async deleteEpochEntries(epoch) {
      const result = await db.deleteFrom('index_entries').where('epoch', '=', epoch).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async ensureBreach(slug, classes) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('index_breaches').selectAll().where('slug', '=', slug).executeTakeFirst();
        if (existing) {
          const current = JSON.parse(existing.classes) as string[];
          const added = classes.filter((c) => !current.includes(c));
          if (added.length === 0) return { id: existing.id, slug, classes: current };
          const next = [...current, ...added];
          assertClassCount(slug, next);
          await trx
            .updateTable('index_breaches')
            .set({ classes: JSON.stringify(next) })
            .where('id', '=', existing.id)
            .execute();
          return { id: existing.id, slug, classes: next };
        }
        const unique = [...new Set(classes)];
        assertClassCount(slug, unique);
        const max = await trx
          .selectFrom('index_breaches')
          .select((eb) => eb.fn.max('id').as('max'))
          .executeTakeFirst();
        const id = Number(max?.max ?? 0) + 1;
        if (id > MAX_INDEX_BREACHES) throw new RangeError('the index holds the maximum number of breaches');
        await trx
          .insertInto('index_breaches')
          .values({ id, slug, classes: JSON.stringify(unique) })
          .execute();
        return { id, slug, classes: unique };
      });
    },

    async listBreaches() {
      const rows = await db.selectFrom('index_breaches').selectAll().orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, classes: JSON.parse(r.classes) as string[] }));
    },

    async countEntries(epoch, breachSlug) {
      let q = db
        .selectFrom('index_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('epoch', '=', epoch);
      if (breachSlug !== undefined) {
        q = q.where('breach_id', '=', (eb) => eb.selectFrom('index_breaches').select('id').where('slug', '=', breachSlug));
      }
      const row = await q.executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async entriesRecorded(epoch) {
      const row = await db
        .selectFrom('ingest_runs')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('entries_added'), sql<number>`0`).as('n'))
        .where('epoch', '=', epoch)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async stats(epoch) {
      const perBreach = await db
        .selectFrom('index_entries')
        .innerJoin('index_breaches', 'index_breaches.id', 'index_entries.breach_id')
        .select(['index_breaches.slug', (eb) => eb.fn.countAll<number>().as('n')])
        .where('index_entries.epoch', '=', epoch)
        .groupBy('index_breaches.slug')
        .orderBy('index_breaches.slug')
        .execute();
      const entries = perBreach.reduce((n, r) => n + Number(r.n), 0);
      const bits = chooseBucketBits(entries);
      const width = 2 ** (BUCKET_HASH_BITS - bits);
      const largest = await db
        .selectFrom('index_entries')
        .select([sql<number>`bucket_hash / ${sql.lit(width)}`.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('epoch', '=', epoch)
        .groupBy(sql`bucket_hash / ${sql.lit(width)}`)
        .orderBy('n', 'desc')
        .limit(1)
        .executeTakeFirst();
      const largestBucket = Number(largest?.n ?? 0);
      return {
        epoch,
        entries,
        bucketBits: bits,
        paddedBucketSize: paddedBucketSize(entries, bits, largestBucket),
        largestBucket,
        breaches: perBreach.map((r) => ({ slug: r.slug, entries: Number(r.n) })),
      };
    },

    async readBucket(epoch, bits, id, size, randomBytes) {
      const { from, to } = bucketRange(id, bits);
      const rows = await db
        .selectFrom('index_entries')
        .select(['tag', 'sealed'])
        .where('epoch', '=', epoch)
        .where('bucket_hash', '>=', from)
        // inclusive upper bound: `to` of the last bucket is 2^31, outside PostgreSQL's integer range
        .where('bucket_hash', '<=', to - 1)
        .execute();
      return layoutBucket(
        rows.map((r) => ({ tag: new Uint8Array(r.tag), sealed: new Uint8Array(r.sealed) })),
        size,
        randomBytes,
      );
    },
  };
}

function toEpochRecord(row: {
  epoch: number;
  suite: string;
  public_key: string;
  fingerprint: string;
  created_at: string;
  state: string;
}): EpochRecord {
  const state: EpochState = row.state === 'retired' || row.state === 'building' ? row.state : 'active';
  return { epoch: row.epoch, suite: row.suite, publicKey: row.public_key, fingerprint: row.fingerprint, createdAt: row.created_at, state };
}

function assertClassCount(slug: string, classes: readonly string[]): void {
  if (classes.length > MAX_CLASSES_PER_BREACH) {
    throw new AppError(
      'INGEST_MAPPING_INVALID',
      `Breach ${slug} would have ${classes.length} data classes in the index; at most ${MAX_CLASSES_PER_BREACH} fit an entry`,
      {
        data: { slug, classes: classes.length },
      },
    );
  }
}
