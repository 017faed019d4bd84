import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { progressColumns, sortByIndexKey, type BatchWriter, type RunCounts } from '../../modules/ingestion/index.js';

/**
 * The PostgreSQL batch writer: entries go in with COPY into a session-local staging table, then one
 * INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING tells which were new. Same contract as the portable
 * Kysely writer (the contract suite runs both), several times faster for millions of rows. It holds one
 * connection for the whole ingest, because the staging table and the transaction live on it.
 */
export async function createPostgresBatchWriter(pool: pg.Pool): Promise<BatchWriter> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(
      'create temporary table if not exists bd_stage_entries (epoch integer, bucket_hash integer, tag bytea, breach_id integer, sealed bytea) on commit delete rows',
    );
  } catch (error) {
    client.release(true);
    throw error;
  }
  return {
    async writeBatch(batch, settle): Promise<RunCounts> {
      await client.query('begin');
      try {
        const inserted = new Set<string>();
        if (batch.entries.length > 0) {
          const lines = sortByIndexKey(batch.entries).map(
            (e) =>
              `${batch.epoch}\t${e.bucketHash}\t\\\\x${Buffer.from(e.tag).toString('hex')}\t${batch.breachId}\t\\\\x${Buffer.from(e.sealed).toString('hex')}\n`,
          );
          await pipeline(Readable.from([lines.join('')]), client.query(copyFrom('copy bd_stage_entries from stdin')));
          const res = await client.query<{ tag: Buffer }>(
            'insert into index_entries (epoch, bucket_hash, tag, breach_id, sealed) select epoch, bucket_hash, tag, breach_id, sealed from bd_stage_entries on conflict do nothing returning tag',
          );
          for (const r of res.rows) inserted.add(r.tag.toString('hex'));
        }
        const tail = settle(inserted);
        for (let i = 0; i < tail.rejects.length; i += 1000) {
          const chunk = tail.rejects.slice(i, i + 1000);
          await client.query(
            'insert into ingest_rejects (run_id, line, column_name, scope, reason) select $1, * from unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) on conflict do nothing',
            [batch.runId, chunk.map((r) => r.line), chunk.map((r) => r.column), chunk.map((r) => r.scope), chunk.map((r) => r.reason)],
          );
        }
        let contactsKept = 0;
        for (let i = 0; i < tail.contacts.length; i += 1000) {
          const chunk = tail.contacts.slice(i, i + 1000);
          const res = await client.query(
            'insert into breach_contacts (breach_id, contact_key, key_id, sealed, run_id) select $1, * , $5 from unnest($2::bytea[], $3::text[], $4::bytea[]) on conflict do nothing returning breach_id',
            [
              batch.breachId,
              chunk.map((c) => Buffer.from(c.contactKey)),
              chunk.map((c) => c.keyId),
              chunk.map((c) => Buffer.from(c.sealed)),
              batch.runId,
            ],
          );
          contactsKept += res.rowCount ?? 0;
        }
        const counts = { ...tail.counts, contactsKept: tail.counts.contactsKept + contactsKept };
        const cols = progressColumns(tail, counts);
        const names = Object.keys(cols);
        await client.query(`update ingest_runs set ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')} where id = $1`, [
          batch.runId,
          ...Object.values(cols),
        ]);
        await client.query('commit');
        return counts;
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true;
        });
        throw error;
      }
    },
    async close() {
      client.release(broken);
    },
  };
}
