import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { DeskContext } from '../organisations/index.js';
import type { Incidents } from './incidents.js';
import { NOTIFICATION_TYPES } from './model/incident.js';
import { registerCsv, registerJson } from './model/register.js';

export interface IncidentRoutesOptions {
  readonly incidents: Incidents;
  readonly context: (request: FastifyRequest, organisationSlug: string) => Promise<DeskContext>;
}

const orgParams = z.object({ org: z.string().min(1).max(64) });
const incidentParams = orgParams.extend({ id: z.string().regex(/^[0-9A-Z]{26}$/, 'an incident id') });
const notifyBody = z.object({ kind: z.enum(NOTIFICATION_TYPES) }).strict();
const registerQuery = z.object({ format: z.enum(['csv', 'json']).default('json') });

/** The revision an edit was made from: `If-Match: "3"` (or 3). Required, so no edit overwrites blindly. */
function expectedRevision(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const value = typeof header === 'string' ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())?.[1] : undefined;
  if (value === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Send the revision you edited in If-Match (the ETag of GET), so that no edit overwrites another',
      {
        issues: [{ path: 'If-Match', message: 'required: the revision the edit was made from' }],
      },
    );
  }
  return Number(value);
}

/**
 * The incident register API (issue 6): /api/v1/orgs/{org}/incidents. Reads give the record with its
 * 72-hour clock and revision (also as ETag); writes validate the whole record and say every field problem.
 */
export function registerIncidentRoutes(app: FastifyInstance, options: IncidentRoutesOptions): void {
  const { incidents } = options;
  const ctxOf = (request: FastifyRequest) => options.context(request, parseOrThrow(orgParams, request.params, 'path').org);

  app.get('/api/v1/orgs/:org/incidents', async (request) => ({ incidents: await incidents.list(await ctxOf(request)) }));

  app.post('/api/v1/orgs/:org/incidents', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    const ctx = await ctxOf(request);
    const stored = await incidents.create(ctx, request.body);
    return reply
      .code(201)
      .header('location', `/api/v1/orgs/${ctx.organisation.slug}/incidents/${stored.incident.id}`)
      .header('etag', `"${stored.revision}"`)
      .send(stored);
  });

  app.get('/api/v1/orgs/:org/incidents/:id', async (request, reply) => {
    const ctx = await ctxOf(request);
    const stored = await incidents.get(ctx, parseOrThrow(incidentParams, request.params, 'path').id);
    return reply.header('etag', `"${stored.revision}"`).send(stored);
  });

  app.get('/api/v1/orgs/:org/incidents/:id/notifications', async (request) => {
    const ctx = await ctxOf(request);
    return { notifications: await incidents.notifications(ctx, parseOrThrow(incidentParams, request.params, 'path').id) };
  });

  app.post('/api/v1/orgs/:org/incidents/:id/notifications', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const notification = await incidents.issueNotification(ctx, id, parseOrThrow(notifyBody, request.body, 'body').kind);
    return reply.code(201).send(notification);
  });

  app.get('/api/v1/orgs/:org/register', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { format } = parseOrThrow(registerQuery, request.query, 'query');
    const rows = await incidents.register(ctx);
    const name = `register-${ctx.organisation.slug}`;
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(registerCsv(rows, { bom: true }));
    }
    return reply.type('application/json; charset=utf-8').send(registerJson(rows));
  });

  app.put('/api/v1/orgs/:org/incidents/:id', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const stored = await incidents.update(ctx, id, request.body, expectedRevision(request));
    return reply.header('etag', `"${stored.revision}"`).send(stored);
  });
}
