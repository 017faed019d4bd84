import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Incidents, StoredIncident } from '../modules/incidents/index.js';
import { validateIncidentDraft } from '../modules/incidents/model/incident.js';
import type { Organisations } from '../modules/organisations/index.js';
import { AppError, isAppError, type FieldIssue } from '../platform/errors.js';
import { parseOrThrow } from '../platform/validation.js';
import type { DeskAuth } from './desk-auth.js';
import { isSectionKey, mergeSection, parseSectionForm, SECTIONS, sectionValues, type SectionKey } from './incident-sections.js';
import { renderSectionPage, type SectionPageState } from './ui/incident-form.js';
import { pageContext } from './ui-routes.js';

export interface IncidentSectionRoutesOptions {
  readonly organisations: Organisations;
  readonly incidents: Incidents;
  readonly auth: DeskAuth;
}

const sectionParams = z.object({
  org: z.string().min(1).max(64),
  id: z.string().regex(/^[0-9A-Z]{26}$/, 'an incident id'),
  section: z.string().max(40),
});
/** What every section form sends besides its fields. */
const sectionMeta = z.object({ _csrf: z.string().max(64).optional(), revision: z.string().regex(/^\d{1,9}$/, 'a revision number') });

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');

/**
 * The incident's sections in the console (web/incident-sections.ts): `GET …/sections/:section` shows one,
 * `POST` saves it, and only it. The caller's membership is resolved before anything else, so another
 * organisation's incident answers 404 whatever the section; writes need `incident.write` and the
 * anti-forgery token. A save names the revision the form was made from: INCIDENT_CONFLICT when someone
 * saved meanwhile, and nothing is saved while any field is refused (the form comes back with the input).
 */
export function registerIncidentSectionRoutes(app: FastifyInstance, options: IncidentSectionRoutesOptions): void {
  const { organisations, incidents, auth } = options;

  const resolve = async (request: FastifyRequest) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const ctx = await auth.context(request, parseOrThrow(sectionParams.pick({ org: true }), params, 'path').org);
    const { id, section } = parseOrThrow(sectionParams, params, 'path');
    if (!isSectionKey(section)) throw new AppError('ROUTE_NOT_FOUND', `No section "${section}" in an incident`);
    return { ctx, id, key: section };
  };
  const page = (
    request: FastifyRequest,
    ctx: Awaited<ReturnType<DeskAuth['context']>>,
    stored: StoredIncident,
    key: SectionKey,
    state: SectionPageState,
  ) => renderSectionPage(pageContext(request), ctx, stored, key, state);

  app.get('/console/:org/incidents/:id/sections/:section', async (request, reply) => {
    const { ctx, id, key } = await resolve(request);
    const stored = await incidents.get(ctx, id);
    const saved = new URL(request.url, 'http://localhost').searchParams.get('saved') === '1';
    const state: SectionPageState = {
      values: sectionValues(SECTIONS[key], stored.incident),
      revision: stored.revision,
      problems: null,
      saved,
    };
    return html(reply).send(page(request, ctx, stored, key, state));
  });

  app.post('/console/:org/incidents/:id/sections/:section', { bodyLimit: 512 * 1024 }, async (request, reply) => {
    const { ctx, id, key } = await resolve(request);
    organisations.require(ctx, 'incident.write');
    const { revision } = parseOrThrow(sectionMeta, request.body, 'form');
    const section = SECTIONS[key];
    const stored = await incidents.get(ctx, id);
    const input = parseSectionForm(section, request.body, stored.incident);
    const merged = mergeSection(section, stored.incident, input.fragment);
    const refused = (code: 400 | 409, kind: 'invalid' | 'conflict', issues: readonly FieldIssue[], current: StoredIncident) =>
      // The person's input comes back as typed; after a conflict, with the revision now stored, beside what it holds.
      html(reply)
        .code(code)
        .send(
          page(request, ctx, current, key, {
            values: input.values,
            revision: kind === 'conflict' ? current.revision : Number(revision),
            problems: { kind, issues },
            saved: false,
          }),
        );
    if (input.issues.length > 0) {
      // Unreadable fields first, then what the record's rules say of the rest (not again of those fields).
      const bad = input.issues.map((i) => i.path);
      const checked = validateIncidentDraft(merged);
      const more = checked.ok ? [] : checked.issues.filter((i) => !bad.some((b) => i.path === b || i.path.startsWith(`${b}.`)));
      return refused(400, 'invalid', [...input.issues, ...more], stored);
    }
    try {
      await incidents.update(ctx, id, merged, Number(revision));
    } catch (error) {
      if (isAppError(error) && error.code === 'VALIDATION_FAILED') return refused(400, 'invalid', [...error.issues], stored);
      if (isAppError(error) && error.code === 'INCIDENT_CONFLICT') return refused(409, 'conflict', [], await incidents.get(ctx, id));
      throw error;
    }
    return reply
      .code(303)
      .header('location', `/console/${ctx.organisation.slug}/incidents/${id}/sections/${key}?lang=${pageContext(request).locale}&saved=1`)
      .send();
  });
}
