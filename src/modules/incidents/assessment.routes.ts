import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import { checkCommunication } from './communication-check/index.js';
import { evaluateAssessment, withRiskValidation, type Assessments } from './assessments.js';
import { proposeDpc } from './risk/index.js';

export interface AssessmentRoutesOptions {
  readonly organisations: Pick<Organisations, 'require'>;
  readonly assessments: Assessments;
  readonly context: (request: FastifyRequest, organisationSlug: string) => Promise<DeskContext>;
}

const orgParams = z.object({ org: z.string().min(1).max(64) });
const riskBody = z
  .object({ dataClasses: z.array(z.string().max(64)).max(200).optional(), enisa: z.unknown(), edpb: z.unknown(), measures: z.unknown() })
  .strict();
const incidentParams = orgParams.extend({ id: z.string().regex(/^[0-9A-Z]{26}$/, 'an incident id') });
const recordBody = z.object({ enisa: z.unknown(), edpb: z.unknown(), measures: z.unknown(), decision: z.unknown() }).strict();
const draftBody = z.object({ text: z.string().max(1_000_000), locale: z.enum(['en', 'fr', 'sv']).optional() }).strict();

/**
 * The desk's two advisers (issue 6 parts 4 and 6), stateless: they compute and explain, the person
 * decides and records the decision in the incident (riskOutcome, communication).
 * - POST /api/v1/orgs/{org}/risk-assessment: the ENISA severity (SE = DPC × EI + CB) with each factor's
 *   value and reason, and the proposal (notify the authority, inform individuals, or an Art. 34(3) ground).
 * - POST /api/v1/orgs/{org}/communication-check: whether a draft to individuals has the Art. 34(2) content.
 */
export function registerAssessmentRoutes(app: FastifyInstance, options: AssessmentRoutesOptions): void {
  const ctxOf = async (request: FastifyRequest) => {
    const ctx = await options.context(request, parseOrThrow(orgParams, request.params, 'path').org);
    options.organisations.require(ctx, 'desk.read');
    return ctx;
  };

  app.post('/api/v1/orgs/:org/risk-assessment', { bodyLimit: 64 * 1024 }, async (request) => {
    await ctxOf(request);
    const body = parseOrThrow(riskBody, request.body, 'body');
    const dataClasses = body.dataClasses;
    const dpcProposal = dataClasses ? withRiskValidation('', () => proposeDpc(dataClasses)) : null;
    return { dpcProposal, ...evaluateAssessment(body) };
  });

  app.get('/api/v1/orgs/:org/incidents/:id/assessments', async (request) => {
    const ctx = await ctxOf(request);
    return { assessments: await options.assessments.list(ctx, parseOrThrow(incidentParams, request.params, 'path').id) };
  });

  // Records the assessment and the person's decision on it in the incident (riskOutcome), audited.
  app.post('/api/v1/orgs/:org/incidents/:id/assessments', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const body = parseOrThrow(recordBody, request.body, 'body');
    return reply.code(201).send(await options.assessments.record(ctx, id, body, body.decision));
  });

  app.post('/api/v1/orgs/:org/communication-check', { bodyLimit: 1_100_000 }, async (request) => {
    await ctxOf(request);
    const body = parseOrThrow(draftBody, request.body, 'body');
    if (body.text.trim() === '')
      throw new AppError('VALIDATION_FAILED', 'The draft is empty', { issues: [{ path: 'text', message: 'must not be empty' }] });
    return checkCommunication(body.locale ? { text: body.text, locale: body.locale } : { text: body.text });
  });
}
