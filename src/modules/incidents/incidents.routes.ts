import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { DeskContext } from '../organisations/index.js';
import type { Incidents } from './incidents.js';
import type { ProcessorLinks } from './processor-links.js';
import type { Publishing } from './publishing.js';
import { renderNotificationPdf } from './notification-pdf.js';
import { NOTIFICATION_TYPES } from './model/incident.js';
import { registerCsv, registerJson } from './model/register.js';
import { CNIL_FIELD_MAPPING, IMY_FIELD_MAPPING } from './model/authority-forms.js';
import { valueAtPath } from './model/notification.js';

export interface IncidentRoutesOptions {
  readonly incidents: Incidents;
  readonly processors: ProcessorLinks;
  readonly publishing: Publishing;
  readonly context: (request: FastifyRequest, organisationSlug: string) => Promise<DeskContext>;
}

const orgParams = z.object({ org: z.string().min(1).max(64) });
const incidentParams = orgParams.extend({ id: z.string().regex(/^[0-9A-Z]{26}$/, 'an incident id') });
const notifyBody = z.object({ kind: z.enum(NOTIFICATION_TYPES) }).strict();
const versionParams = incidentParams.extend({ version: z.string().regex(/^[1-9]\d{0,5}$/, 'a version number') });
const pdfQuery = z.object({ lang: z.enum(['en', 'fr', 'sv']).optional() });
const formQuery = z.object({ form: z.enum(['cnil', 'imy']) });
const processorBody = z.object({ slug: z.string().min(1).max(64) }).strict();
const processorParams = orgParams.extend({ processor: z.string().min(1).max(64) });
const passOnBody = z.object({ controllers: z.array(z.string().min(1).max(64)).min(1).max(10_000) }).strict();
const publishBody = z
  .object({
    slug: z.string().max(64),
    sector: z.string().max(64),
    description: z.unknown(),
    sources: z.unknown(),
    domain: z.string().max(253).optional(),
  })
  .strict();
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

  // The notification as issued, as an A4 PDF to file with the authority or keep with the register.
  app.get('/api/v1/orgs/:org/incidents/:id/notifications/:version/pdf', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id, version } = parseOrThrow(versionParams, request.params, 'path');
    const { lang } = parseOrThrow(pdfQuery, request.query, 'query');
    const notification = (await incidents.notifications(ctx, id)).find((n) => n.version === Number(version));
    if (!notification)
      throw new AppError('INCIDENT_NOT_FOUND', `Incident ${id} has no notification version ${version}`, { data: { id, version } });
    const locale = lang ?? (ctx.organisation.country === 'SE' ? 'sv' : ctx.organisation.country === 'FR' ? 'fr' : 'en');
    const pdf = await renderNotificationPdf(notification, { locale, organisationName: ctx.organisation.name });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="notification-${id}-v${version}-${locale}.pdf"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf));
  });

  // A reading aid for filing online: each field of the CNIL téléservice or IMY e-service with its value.
  app.get('/api/v1/orgs/:org/incidents/:id/notifications/:version/form', async (request) => {
    const ctx = await ctxOf(request);
    const { id, version } = parseOrThrow(versionParams, request.params, 'path');
    const { form } = parseOrThrow(formQuery, request.query, 'query');
    const notification = (await incidents.notifications(ctx, id)).find((n) => n.version === Number(version));
    if (!notification)
      throw new AppError('INCIDENT_NOT_FOUND', `Incident ${id} has no notification version ${version}`, { data: { id, version } });
    const mapping = form === 'cnil' ? CNIL_FIELD_MAPPING : IMY_FIELD_MAPPING;
    return {
      form,
      notification: notification.id,
      fields: mapping.map((f) => ({
        number: f.number,
        label: f.label,
        path: f.path,
        note: f.note,
        value: valueAtPath(notification.body, f.path) ?? null,
      })),
    };
  });

  app.post('/api/v1/orgs/:org/incidents/:id/notifications', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const notification = await incidents.issueNotification(ctx, id, parseOrThrow(notifyBody, request.body, 'body').kind);
    return reply.code(201).send(notification);
  });

  app.get('/api/v1/orgs/:org/processors', async (request) => ({ processors: await options.processors.list(await ctxOf(request)) }));

  app.post('/api/v1/orgs/:org/processors', async (request, reply) => {
    const ctx = await ctxOf(request);
    await options.processors.declare(ctx, parseOrThrow(processorBody, request.body, 'body').slug);
    return reply.code(201).send({ status: 'declared' });
  });

  app.delete('/api/v1/orgs/:org/processors/:processor', async (request) => {
    const ctx = await ctxOf(request);
    await options.processors.withdraw(ctx, parseOrThrow(processorParams, request.params, 'path').processor);
    return { status: 'withdrawn' };
  });

  app.post('/api/v1/orgs/:org/incidents/:id/pass-on', async (request) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    return { passedOn: await options.processors.passOn(ctx, id, parseOrThrow(passOnBody, request.body, 'body').controllers) };
  });

  // The public catalogue entry for this incident, created or updated; validated by the catalogue's schema.
  app.post('/api/v1/orgs/:org/incidents/:id/publish', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const body = parseOrThrow(publishBody, request.body, 'body');
    const { breach, created } = await options.publishing.publish(ctx, id, body);
    return reply
      .code(created ? 201 : 200)
      .header('location', `/api/v1/breaches/${breach.slug}`)
      .send({ breach, created });
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
