import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, IngestRunsTable } from '../../storage/schema.js';

export interface RunCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  fieldRejects: number;
  entriesAdded: number;
  contactsKept: number;
  blankLines: number;
  redecodedLines: number;
}

export const ZERO_COUNTS: Readonly<RunCounts> = {
  rowsRead: 0,
  accepted: 0,
  rejected: 0,
  duplicates: 0,
  fieldRejects: 0,
  entriesAdded: 0,
  contactsKept: 0,
  blankLines: 0,
  redecodedLines: 0,
};

export type RunState = 'running' | 'completed' | 'abandoned';

export interface IngestRun {
  readonly id: string;
  readonly breachSlug: string;
  readonly epoch: number;
  readonly fileName: string;
  readonly fileDigest: string;
  readonly fileBytes: number;
  readonly plan: string;
  readonly planDigest: string;
  readonly state: RunState;
  readonly actor: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
  readonly lastLine: number;
  readonly counts: RunCounts;
}

export interface RejectRow {
  readonly line: number;
  readonly column: string;
  readonly scope: 'row' | 'field';
  readonly reason: string;
}

export interface EntryRow {
  readonly bucketHash: number;
  readonly tag: Uint8Array;
  readonly sealed: Uint8Array;
  /** Hex of the tag: how `settle` is told which entries were new. */
  readonly key: string;
}

export interface ContactRow {
  readonly contactKey: Uint8Array;
  readonly keyId: string;
  readonly sealed: Uint8Array;
}

export interface EntryBatch {
  readonly runId: string;
  readonly epoch: number;
  readonly breachId: number;
  readonly entries: readonly EntryRow[];
}

/** What is written after the entries, in the same transaction, once it is known which entries were new. */
export interface BatchTail {
  readonly rejects: readonly RejectRow[];
  readonly contacts: readonly ContactRow[];
  readonly lastLine: number;
  /** Cumulative; contactsKept is increased by the writer by the contacts really inserted. */
  readonly counts: RunCounts;
  readonly updatedAt: string;
}

/**
 * Writes one batch atomically: the new entries (present ones are left alone), the rejects, the contacts
 * and the run's resume point and counts. Either all of it is committed or none, so a run killed at any
 * moment resumes after its last committed line without losing or repeating a row.
 * Returns the counts as committed.
 */
export interface BatchWriter {
  writeBatch(batch: EntryBatch, settle: (inserted: ReadonlySet<string>) => BatchTail): Promise<RunCounts>;
  close(): Promise<void>;
}

export interface IngestRunStore {
  get(id: string): Promise<IngestRun | undefined>;
  /** Runs of this breach and epoch that are running or completed, newest first. */
  find(breachSlug: string, epoch: number): Promise<IngestRun[]>;
  start(run: Omit<IngestRun, 'counts' | 'lastLine' | 'completedAt' | 'state'>): Promise<void>;
  abandon(id: string, at: string): Promise<void>;
  complete(id: string, at: string): Promise<void>;
  /** The run's rejects in file order, a page at a time (bounded memory for millions of rejects). */
  rejects(runId: string, pageSize?: number): AsyncIterable<RejectRow>;
}

export function createIngestRunStore(db: Kysely<DatabaseSchema>): IngestRunStore {
  return {
    async get(id) {
      const row = await db.selectFrom('ingest_runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },
    async find(breachSlug, epoch) {
      const rows = await db
        .selectFrom('ingest_runs')
        .selectAll()
        .where('breach_slug', '=', breachSlug)
        .where('epoch', '=', epoch)
        .where('state', 'in', ['running', 'completed'])
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRun);
    },
    async start(run) {
      await db
        .insertInto('ingest_runs')
        .values({
          id: run.id,
          breach_slug: run.breachSlug,
          epoch: run.epoch,
          file_name: run.fileName,
          file_digest: run.fileDigest,
          file_bytes: run.fileBytes,
          plan: run.plan,
          plan_digest: run.planDigest,
          state: 'running',
          actor: run.actor,
          started_at: run.startedAt,
          updated_at: run.updatedAt,
          completed_at: null,
          last_line: 0,
          rows_read: 0,
          accepted: 0,
          rejected: 0,
          duplicates: 0,
          field_rejects: 0,
          entries_added: 0,
          contacts_kept: 0,
          blank_lines: 0,
          redecoded_lines: 0,
        })
        .execute();
    },
    async abandon(id, at) {
      await db
        .updateTable('ingest_runs')
        .set({ state: 'abandoned', updated_at: at })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .execute();
    },
    async complete(id, at) {
      await db.updateTable('ingest_runs').set({ state: 'completed', updated_at: at, completed_at: at }).where('id', '=', id).execute();
    },
    async *rejects(runId, pageSize = 5000) {
      let after = { line: -1, column: '' };
      for (;;) {
        const rows = await db
          .selectFrom('ingest_rejects')
          .select(['line', 'column_name', 'scope', 'reason'])
          .where('run_id', '=', runId)
          .where((eb) => eb.or([eb('line', '>', after.line), eb.and([eb('line', '=', after.line), eb('column_name', '>', after.column)])]))
          .orderBy('line')
          .orderBy('column_name')
          .limit(pageSize)
          .execute();
        for (const r of rows)
          yield { line: Number(r.line), column: r.column_name, scope: r.scope === 'row' ? 'row' : 'field', reason: r.reason };
        const last = rows[rows.length - 1];
        if (!last || rows.length < pageSize) return;
        after = { line: Number(last.line), column: last.column_name };
      }
    },
  };
}

function toRun(r: Selectable<IngestRunsTable>): IngestRun {
  return {
    id: r.id,
    breachSlug: r.breach_slug,
    epoch: r.epoch,
    fileName: r.file_name,
    fileDigest: r.file_digest,
    fileBytes: Number(r.file_bytes),
    plan: r.plan,
    planDigest: r.plan_digest,
    state: r.state === 'completed' ? 'completed' : r.state === 'abandoned' ? 'abandoned' : 'running',
    actor: r.actor,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
    lastLine: Number(r.last_line),
    counts: {
      rowsRead: Number(r.rows_read),
      accepted: Number(r.accepted),
      rejected: Number(r.rejected),
      duplicates: Number(r.duplicates),
      fieldRejects: Number(r.field_rejects),
      entriesAdded: Number(r.entries_added),
      contactsKept: Number(r.contacts_kept),
      blankLines: Number(r.blank_lines),
      redecodedLines: Number(r.redecoded_lines),
    },
  };
}

/** The run's columns for a progress update. */
export function progressColumns(tail: BatchTail, counts: RunCounts) {
  return {
    updated_at: tail.updatedAt,
    last_line: tail.lastLine,
    rows_read: counts.rowsRead,
    accepted: counts.accepted,
    rejected: counts.rejected,
    duplicates: counts.duplicates,
    field_rejects: counts.fieldRejects,
    entries_added: counts.entriesAdded,
    contacts_kept: counts.contactsKept,
    blank_lines: counts.blankLines,
    redecoded_lines: counts.redecodedLines,
  };
}

const ENTRY_CHUNK = 500;

/** Entries in primary-key order: a batch then walks the index B-tree once, left to right. */
export function sortByIndexKey(entries: readonly EntryRow[]): EntryRow[] {
  return [...entries].sort((a, b) => a.bucketHash - b.bucketHash || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The portable batch writer: plain Kysely, used on SQLite (and usable on PostgreSQL). */
export function createKyselyBatchWriter(db: Kysely<DatabaseSchema>): BatchWriter {
  return {
    async writeBatch(batch, settle) {
      return db.transaction().execute(async (trx) => {
        const inserted = new Set<string>();
        const byHex = new Map(batch.entries.map((e) => [e.key, e]));
        const ordered = sortByIndexKey(batch.entries);
        for (let i = 0; i < ordered.length; i += ENTRY_CHUNK) {
          const chunk = ordered.slice(i, i + ENTRY_CHUNK);
          const rows = await trx
            .insertInto('index_entries')
            .values(
              chunk.map((e) => ({
                epoch: batch.epoch,
                bucket_hash: e.bucketHash,
                tag: e.tag,
                breach_id: batch.breachId,
                sealed: e.sealed,
              })),
            )
            .onConflict((oc) => oc.columns(['epoch', 'bucket_hash', 'tag', 'breach_id']).doNothing())
            .returning('tag')
            .execute();
          for (const r of rows) {
            const hex = Buffer.from(r.tag).toString('hex');
            if (byHex.has(hex)) inserted.add(hex);
          }
        }
        const tail = settle(inserted);
        for (let i = 0; i < tail.rejects.length; i += ENTRY_CHUNK) {
          await trx
            .insertInto('ingest_rejects')
            .values(
              tail.rejects
                .slice(i, i + ENTRY_CHUNK)
                .map((r) => ({ run_id: batch.runId, line: r.line, column_name: r.column, scope: r.scope, reason: r.reason })),
            )
            .onConflict((oc) => oc.columns(['run_id', 'line', 'column_name']).doNothing())
            .execute();
        }
        let contactsKept = 0;
        for (let i = 0; i < tail.contacts.length; i += ENTRY_CHUNK) {
          const rows = await trx
            .insertInto('breach_contacts')
            .values(
              tail.contacts.slice(i, i + ENTRY_CHUNK).map((c) => ({
                breach_id: batch.breachId,
                contact_key: c.contactKey,
                key_id: c.keyId,
                sealed: c.sealed,
                run_id: batch.runId,
              })),
            )
            .onConflict((oc) => oc.columns(['breach_id', 'contact_key']).doNothing())
            .returning('breach_id')
            .execute();
          contactsKept += rows.length;
        }
        const counts = { ...tail.counts, contactsKept: tail.counts.contactsKept + contactsKept };
        await trx.updateTable('ingest_runs').set(progressColumns(tail, counts)).where('id', '=', batch.runId).execute();
        return counts;
      });
    },
    close: () => Promise.resolve(),
  };
}
