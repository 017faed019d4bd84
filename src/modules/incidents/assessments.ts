import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { appendAudit } from '../audit/index.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import { findIncidentRow } from './incident-rows.js';
import type { IncidentDocument } from './model/incident.js';
import {
  INFORM_INDIVIDUALS,
  proposeNotification,
  RiskInputError,
  severity,
  type InformIndividuals,
  type NotificationProposal,
  type SeverityResult,
} from './risk/index.js';

export interface AssessmentInput {
  readonly enisa: unknown;
  readonly edpb: unknown;
  readonly measures: unknown;
}

export interface Decision {
  readonly notifyAuthority: boolean;
  readonly informIndividuals: InformIndividuals;
  /** Why, in the person's words: required, above all when the decision departs from the proposal. */
  readonly reason: string;
}

export interface RecordedAssessment {
  readonly id: string;
  readonly incidentId: string;
  readonly input: AssessmentInput;
  readonly severity: SeverityResult;
  readonly proposal: NotificationProposal;
  readonly decision: Decision & { readonly decidedBy: string; readonly decidedAt: string };
  readonly createdAt: string;
}

export interface AssessmentsDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly organisations: Pick<Organisations, 'require'>;
}

export type Assessments = ReturnType<typeof createAssessments>;

/**
 * Runs a risk function; a RiskInputError (which names its field) becomes VALIDATION_FAILED with the field
 * under `prefix` — the path of that input in the request body.
 */
export function withRiskValidation<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RiskInputError) {
      throw validationError([{ path: `${prefix}${error.field}`, message: error.message.replace(/^[^:]*:\s*/, '') }], 'risk assessment');
    }
    throw error;
  }
}

/** Runs the ENISA severity and the proposal; a factor out of range is VALIDATION_FAILED naming its body path. */
export function evaluateAssessment(input: AssessmentInput): { severity: SeverityResult; proposal: NotificationProposal } {
  const result = withRiskValidation('enisa.', () => severity(input.enisa as Parameters<typeof severity>[0]));
  const proposal = withRiskValidation('', () =>
    proposeNotification({ severity: result, edpb: input.edpb, measures: input.measures } as Parameters<typeof proposeNotification>[0]),
  );
  return { severity: result, proposal };
}

/**
 * Recording a risk assessment and the decision on it (issue 6 part 4: "the person decides; the tool
 * explains and records"). The server runs the assessment again from the inputs, so the recorded proposal
 * is the method's, not the browser's; the person's decision and written reason are stored beside it, and
 * the incident's riskOutcome is updated in the same transaction (revision + 1, audited).
 */
export function createAssessments(deps: AssessmentsDeps) {
  const { db, clock, organisations } = deps;
  return {
    async record(ctx: DeskContext, incidentId: string, input: AssessmentInput, decisionInput: unknown): Promise<RecordedAssessment> {
      organisations.require(ctx, 'incident.decide');
      const { severity: result, proposal } = evaluateAssessment(input);
      const d = (decisionInput ?? {}) as Record<string, unknown>;
      const issues = [];
      if (typeof d['notifyAuthority'] !== 'boolean') issues.push({ path: 'decision.notifyAuthority', message: 'must be true or false' });
      if (!(INFORM_INDIVIDUALS as readonly unknown[]).includes(d['informIndividuals'])) {
        issues.push({ path: 'decision.informIndividuals', message: `must be one of ${INFORM_INDIVIDUALS.join(', ')}` });
      }
      const reason = typeof d['reason'] === 'string' ? d['reason'].trim() : '';
      if (reason.length < 10 || reason.length > 5000)
        issues.push({ path: 'decision.reason', message: 'must say why, in 10 to 5,000 characters' });
      if (issues.length > 0) throw validationError(issues, 'decision');
      const at = clock.now();
      const atIso = isoInstant(at);
      const id = deps.newId(at);
      const recorded: RecordedAssessment = {
        id,
        incidentId,
        input,
        severity: result,
        proposal,
        decision: {
          notifyAuthority: d['notifyAuthority'] as boolean,
          informIndividuals: d['informIndividuals'] as InformIndividuals,
          reason,
          decidedBy: ctx.user.id,
          decidedAt: atIso,
        },
        createdAt: atIso,
      };
      await db.transaction().execute(async (trx) => {
        const row = await findIncidentRow(trx, ctx.organisation.id, incidentId);
        const incident = JSON.parse(row.document) as IncidentDocument;
        const updated: IncidentDocument = {
          ...incident,
          riskOutcome: {
            level: proposal.riskOutcome,
            assessmentId: id,
            methodology: `ENISA severity methodology (SE = DPC x EI + CB): ${result.score} (${result.level}); EDPB Guidelines 9/2022 risk factors`,
            proposal: { notifyAuthority: proposal.notifyAuthority, informIndividuals: proposal.informIndividuals },
            decision: recorded.decision,
          },
          modifiedAt: atIso,
        };
        await trx
          .insertInto('incident_assessments')
          .values({
            id,
            incident_id: incidentId,
            organisation_id: ctx.organisation.id,
            body: JSON.stringify(recorded),
            created_at: atIso,
            created_by: ctx.actor,
          })
          .execute();
        const saved = await trx
          .updateTable('incidents')
          .set({ document: JSON.stringify(updated), revision: Number(row.revision) + 1, updated_at: atIso })
          .where('id', '=', incidentId)
          .where('revision', '=', row.revision)
          .executeTakeFirst();
        if (Number(saved.numUpdatedRows) !== 1)
          throw new AppError('INCIDENT_CONFLICT', 'The incident changed while saving the assessment: try again');
        await appendAudit(trx, {
          id: deps.newId(at),
          occurredAt: atIso,
          actor: ctx.actor,
          action: 'incident.assess',
          subjectType: 'incident',
          subjectId: incidentId,
          details: {
            assessment: id,
            score: result.score,
            level: result.level,
            proposal: { notifyAuthority: proposal.notifyAuthority, informIndividuals: proposal.informIndividuals },
            decision: { notifyAuthority: recorded.decision.notifyAuthority, informIndividuals: recorded.decision.informIndividuals },
            followsProposal:
              recorded.decision.notifyAuthority === proposal.notifyAuthority &&
              recorded.decision.informIndividuals === proposal.informIndividuals,
          },
          organisationId: ctx.organisation.id,
        });
      });
      return recorded;
    },

    async list(ctx: DeskContext, incidentId: string): Promise<RecordedAssessment[]> {
      organisations.require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('incident_assessments')
        .select('body')
        .where('incident_id', '=', incidentId)
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => JSON.parse(r.body) as RecordedAssessment);
    },
  };
}
