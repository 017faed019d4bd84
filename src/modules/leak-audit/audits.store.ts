/**
 * Leak-audit reports kept per organisation (issue 8): an audit runs from the CLI or CI and its report is stored
 * for the organisation's desk; the console lists and shows them. Every read and write is scoped to the
 * context's organisation, so another organisation's audit is simply not found.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/index.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import type { Clock } from '../../platform/clock.js';
import { isoInstant } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import type { AuditReport } from './report.js';

export interface LeakAuditSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly source: AuditReport['meta']['source'];
  readonly findings: number;
}

export interface StoredLeakAudit extends LeakAuditSummary {
  readonly report: AuditReport;
}

export interface LeakAuditsDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly organisations: Pick<Organisations, 'require'>;
}

type Row = DatabaseSchema['leak_audits'];
const summaryOf = (row: Omit<Row, 'report' | 'organisation_id'>): LeakAuditSummary => ({
  id: row.id,
  createdAt: row.created_at,
  createdBy: row.created_by,
  source: row.source === 'crawl' ? 'crawl' : 'har',
  findings: Number(row.findings),
});

export function createLeakAudits(deps: LeakAuditsDeps) {
  const { db, clock, organisations } = deps;
  return {
    /** Keeps a report for the context's organisation; the audit log says who stored it. */
    async store(ctx: DeskContext, report: AuditReport): Promise<LeakAuditSummary> {
      organisations.require(ctx, 'incident.write');
      const at = clock.now();
      const row: Row = {
        id: deps.newId(at),
        organisation_id: ctx.organisation.id,
        created_at: isoInstant(at),
        created_by: ctx.actor,
        source: report.meta.source,
        findings: report.findings.length,
        report: JSON.stringify(report),
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('leak_audits').values(row).execute();
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: row.created_at,
          actor: ctx.actor,
          action: 'leak-audit.store',
          subjectType: 'leak-audit',
          subjectId: row.id,
          details: { source: row.source, findings: row.findings, generatedAt: report.meta.generatedAt },
          organisationId: ctx.organisation.id,
        });
      });
      return summaryOf(row);
    },

    /** The organisation's audits, newest first. */
    async list(ctx: DeskContext, limit = 200): Promise<LeakAuditSummary[]> {
      organisations.require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('leak_audits')
        .select(['id', 'created_at', 'created_by', 'source', 'findings'])
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(summaryOf);
    },

    async get(ctx: DeskContext, id: string): Promise<StoredLeakAudit> {
      organisations.require(ctx, 'desk.read');
      const row = await db
        .selectFrom('leak_audits')
        .selectAll()
        .where('organisation_id', '=', ctx.organisation.id)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('ROUTE_NOT_FOUND', `No leak audit ${id} in this organisation`, { data: { id } });
      return { ...summaryOf(row), report: JSON.parse(row.report) as AuditReport };
    },
  };
}

export type LeakAudits = ReturnType<typeof createLeakAudits>;
