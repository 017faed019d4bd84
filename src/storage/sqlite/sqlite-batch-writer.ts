import type SQLite from 'better-sqlite3';
import { progressColumns, sortByIndexKey, type BatchWriter, type RunCounts } from '../../modules/ingestion/index.js';
import { startBackgroundCheckpointer } from './background-checkpointer.js';

const blob = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);

/**
 * The SQLite batch writer: the same contract as the portable Kysely writer (one contract suite runs both),
 * through prepared statements on the better-sqlite3 connection, in key order, one statement per row. It
 * skips compiling a 2,500-parameter statement per 500 entries, which cost the ingest's main thread about
 * as much as the inserts themselves. Synchronous, like everything on SQLite: the transaction cannot
 * interleave with another on the same connection. For a file database, WAL checkpoints run on a
 * background thread while the writer is open (background-checkpointer.ts).
 */
export function createSqliteBatchWriter(db: SQLite.Database): BatchWriter {
  const checkpointer = db.memory ? null : startBackgroundCheckpointer(db);
  const insertEntry = db.prepare(
    'insert into index_entries (epoch, bucket_hash, tag, breach_id, sealed) values (?, ?, ?, ?, ?) on conflict do nothing',
  );
  const insertReject = db.prepare(
    'insert into ingest_rejects (run_id, line, column_name, scope, reason) values (?, ?, ?, ?, ?) on conflict do nothing',
  );
  const insertContact = db.prepare(
    'insert into breach_contacts (breach_id, contact_key, key_id, sealed, run_id) values (?, ?, ?, ?, ?) on conflict do nothing',
  );
  let update: SQLite.Statement | undefined;
  return {
    writeBatch(batch, settle): Promise<RunCounts> {
      try {
        const write = db.transaction((): RunCounts => {
          const inserted = new Set<string>();
          for (const e of sortByIndexKey(batch.entries)) {
            if (insertEntry.run(batch.epoch, e.bucketHash, blob(e.tag), batch.breachId, blob(e.sealed)).changes === 1) inserted.add(e.key);
          }
          const tail = settle(inserted);
          for (const r of tail.rejects) insertReject.run(batch.runId, r.line, r.column, r.scope, r.reason);
          let contactsKept = 0;
          for (const c of tail.contacts) {
            contactsKept += insertContact.run(batch.breachId, blob(c.contactKey), c.keyId, blob(c.sealed), batch.runId).changes;
          }
          const counts = { ...tail.counts, contactsKept: tail.counts.contactsKept + contactsKept };
          const columns = progressColumns(tail, counts);
          update ??= db.prepare(
            `update ingest_runs set ${Object.keys(columns)
              .map((c) => `${c} = ?`)
              .join(', ')} where id = ?`,
          );
          update.run(...Object.values(columns), batch.runId);
          return counts;
        });
        const counts = write();
        checkpointer?.afterCommit();
        return Promise.resolve(counts);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: async () => {
      await checkpointer?.stop();
    },
  };
}
