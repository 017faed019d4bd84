import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../storage/schema.js';
import type { AuditEntry, AuditRecord, AuditQuery } from './audit-entry.js';

/**
 * Appends one entry. Takes any Kysely (the database or an open transaction) so that a change and its
 * audit entry commit together or not at all.
 */
export async function appendAudit(db: Kysely<DatabaseSchema>, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: record.id,
      occurred_at: record.occurredAt,
      actor: record.actor,
      action: record.action,
      subject_type: record.subjectType,
      subject_id: record.subjectId,
      details: JSON.stringify(record.details),
      organisation_id: record.organisationId ?? null,
    })
    .execute();
}

export async function listAudit(db: Kysely<DatabaseSchema>, query: AuditQuery = {}): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.organisationId !== undefined) q = q.where('organisation_id', '=', query.organisationId);
  if (query.subjectType !== undefined) q = q.where('subject_type', '=', query.subjectType);
  if (query.subjectId !== undefined) q = q.where('subject_id', '=', query.subjectId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map((r): AuditRecord => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as AuditEntry['details'],
    organisationId: r.organisation_id,
  }));
}
