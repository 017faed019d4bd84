import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkCommunication } from '../modules/incidents/communication-check/index.js';
import {
  evaluateAssessment,
  type Assessments,
  type Incidents,
  type ProcessorLinks,
  type Publishing,
  type StoredIncident,
} from '../modules/incidents/index.js';
import { AVAILABILITY_LOSS, CONFIDENTIALITY_LOSS, INTEGRITY_LOSS, proposeDpc } from '../modules/incidents/risk/index.js';
import { can } from '../modules/organisations/index.js';
import { NOTIFICATION_TYPES } from '../modules/incidents/model/incident.js';
import type { Organisations } from '../modules/organisations/index.js';
import { ROLES } from '../modules/organisations/index.js';
import { isAppError } from '../platform/errors.js';
import { findJsonSyntaxError } from '../platform/json-syntax.js';
import { parseOrThrow } from '../platform/validation.js';
import { clearSessionCookie, setSessionCookie, type DeskAuth } from './desk-auth.js';
import {
  renderAuditPage,
  renderConsoleHome,
  renderEssentialsForm,
  renderIncidentPage,
  renderOrganisationPage,
  renderSignInPage,
  renderTokensPage,
} from './ui/console-pages.js';
import { pageContext } from './ui-routes.js';
import {
  renderAssessForm,
  renderCommunicationCheckPage,
  renderPassOnForm,
  renderProcessorsSection,
  renderProposalPage,
  renderPublishForm,
} from './ui/desk-advice-pages.js';
import { html as safeHtml } from './ui/html.js';
import { renderSectionNav } from './ui/incident-form.js';
import { renderInformLink } from './ui/campaign-pages.js';

export interface ConsoleRoutesOptions {
  readonly organisations: Organisations;
  readonly incidents: Incidents;
  readonly assessments: Assessments;
  readonly processors: ProcessorLinks;
  readonly publishing: Publishing;
  readonly auth: DeskAuth;
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies: boolean;
}

const orgParams = z.object({ org: z.string().min(1).max(64) });
const memberParams = orgParams.extend({ userId: z.string().regex(/^[0-9A-Z]{26}$/, 'a user id') });
const tokenParams = orgParams.extend({ tokenId: z.string().regex(/^[0-9A-Z]{26}$/, 'a token id') });
const text = (max: number) => z.string().max(max);
const addMemberForm = z.object({
  _csrf: text(64),
  email: text(254),
  displayName: text(200).optional(),
  role: z.enum(ROLES),
  password: text(256).optional(),
});
const roleForm = z.object({ _csrf: text(64), role: z.enum(ROLES) });
const tokenForm = z.object({ _csrf: text(64), name: text(100) });
const incidentParams = orgParams.extend({ id: z.string().regex(/^[0-9A-Z]{26}$/, 'an incident id') });
const newIncidentForm = z.object({
  _csrf: text(64),
  title: text(300),
  awarenessAt: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a date and time')]).optional(),
  description: text(10_000).optional(),
});
const notifyForm = z.object({ _csrf: text(64), kind: z.enum(NOTIFICATION_TYPES) });
const assessForm = z.object({
  _csrf: text(64),
  dpcCategory: text(40),
  dpcReason: text(2000),
  ei: text(40),
  eiReason: text(2000),
  confidentiality: text(80),
  integrity: text(80),
  availability: text(80),
  cbReason: text(2000),
  malicious: z.literal('on').optional(),
  consequences: text(40),
  special: z.literal('on').optional(),
  vulnerable: z.literal('on').optional(),
  controllerCharacteristics: z.literal('on').optional(),
  people: z.union([z.literal(''), z.string().regex(/^\d{1,11}$/)]).optional(),
  unintelligible: text(40),
  subsequent: z.literal('on').optional(),
  disproportionate: z.literal('on').optional(),
  measuresReason: text(2000).optional(),
});
const decideForm = z.object({
  _csrf: text(64),
  input: text(64 * 1024),
  notifyAuthority: z.enum(['true', 'false']),
  informIndividuals: text(60),
  reason: text(5000),
});
const processorForm = z.object({ _csrf: text(64), slug: text(64) });
const passOnForm = z.object({ _csrf: text(64), controllers: z.union([text(64), z.array(text(64)).max(10_000)]) });
const publishForm = z.object({
  _csrf: text(64),
  slug: text(64),
  sector: text(64),
  descriptionEn: text(5000),
  descriptionFr: text(5000),
  descriptionSv: text(5000),
  sourceUrl: text(2000),
  sourceTitle: text(300),
});
const essentialsForm = z.object({
  _csrf: text(64),
  revision: z.string().regex(/^\d{1,9}$/),
  awarenessAt: text(40).optional(),
  occurredFrom: text(40).optional(),
  natureTypes: z.union([text(20), z.array(text(20)).max(3)]).optional(),
  dataClasses: z.union([text(64), z.array(text(64)).max(200)]).optional(),
  peopleCountry: text(2).optional(),
  peoplePrecision: z.enum(['exact', 'approximate', 'unknown']).optional(),
  peopleCount: text(12).optional(),
  contactName: text(300).optional(),
  contactEmail: text(254).optional(),
  contactPhone: text(40).optional(),
  consequences: text(10_000).optional(),
  measuresTaken: text(10_000).optional(),
  delayReason: text(10_000).optional(),
});
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const filled = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Merges the essentials form into the record: what the form shows is replaced, everything else is kept. */
function withEssentials(current: Record<string, unknown>, form: z.infer<typeof essentialsForm>): Record<string, unknown> {
  const { id: _id, createdAt: _c, modifiedAt: _m, ...draft } = current;
  const next: Record<string, unknown> = { ...draft };
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  const timeline = { ...((draft['timeline'] as Record<string, unknown> | undefined) ?? {}) };
  const awareness = filled(form.awarenessAt);
  if (awareness) timeline['awarenessAt'] = `${awareness.length === 16 ? `${awareness}:00` : awareness}Z`;
  else delete timeline['awarenessAt'];
  const occurred = filled(form.occurredFrom);
  if (occurred) timeline['occurredFrom'] = occurred;
  else delete timeline['occurredFrom'];
  set('timeline', Object.keys(timeline).length > 0 ? timeline : undefined);
  const types = list(form.natureTypes);
  set('nature', types.length > 0 ? { ...(draft['nature'] ?? {}), types } : undefined);
  const classes = list(form.dataClasses);
  set('dataClasses', classes.length > 0 ? classes : undefined);
  const subjects = { ...((draft['dataSubjects'] as Record<string, unknown> | undefined) ?? {}) };
  const others = ((subjects['byCountry'] as unknown[] | undefined) ?? []).slice(1);
  const country = filled(form.peopleCountry)?.toUpperCase();
  if (country) {
    const precision = form.peoplePrecision ?? 'unknown';
    const count = filled(form.peopleCount);
    subjects['byCountry'] = [
      { country, people: precision === 'unknown' || !count ? { precision: 'unknown' } : { precision, count: Number(count) } },
      ...others,
    ];
  }
  set('dataSubjects', Object.keys(subjects).length > 0 ? subjects : undefined);
  const contacts = { ...((draft['contacts'] as Record<string, unknown> | undefined) ?? {}) };
  const contactName = filled(form.contactName);
  if (contactName) {
    const email = filled(form.contactEmail);
    const phone = filled(form.contactPhone);
    contacts['contactPoint'] = { name: contactName, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  } else delete contacts['contactPoint'];
  set('contacts', Object.keys(contacts).length > 0 ? contacts : undefined);
  const consequences = { ...((draft['consequences'] as Record<string, unknown> | undefined) ?? {}) };
  const described = filled(form.consequences);
  if (described) consequences['description'] = described;
  else delete consequences['description'];
  set('consequences', Object.keys(consequences).length > 0 ? consequences : undefined);
  const measures = { ...((draft['measures'] as Record<string, unknown> | undefined) ?? {}) };
  const taken = filled(form.measuresTaken);
  if (taken) measures['taken'] = taken;
  else delete measures['taken'];
  set('measures', Object.keys(measures).length > 0 ? measures : undefined);
  set('delayReason', filled(form.delayReason));
  return next;
}

const checkForm = z.object({ _csrf: text(64), text: text(1_000_000), locale: z.enum(['', 'en', 'fr', 'sv']).optional() });

/** The assessment inputs from the console form: each factor with the reason typed beside it. */
function assessmentFrom(form: z.infer<typeof assessForm>) {
  const points = (table: Record<string, number>, level: string) => table[level] ?? 0;
  const breachTypes = (
    [
      ['confidentiality', points(CONFIDENTIALITY_LOSS, form.confidentiality)],
      ['integrity', points(INTEGRITY_LOSS, form.integrity)],
      ['availability', points(AVAILABILITY_LOSS, form.availability)],
    ] as const
  )
    .filter(([, value]) => value > 0)
    .map(([type]) => type);
  const justification = form.measuresReason?.trim() ? { justification: form.measuresReason.trim() } : {};
  return {
    enisa: {
      dpc: { category: form.dpcCategory, reason: form.dpcReason, adjustments: [] },
      ei: { level: form.ei, reason: form.eiReason },
      cb: {
        confidentiality: { level: form.confidentiality, reason: form.cbReason },
        integrity: { level: form.integrity, reason: form.cbReason },
        availability: { level: form.availability, reason: form.cbReason },
        maliciousIntent: { malicious: form.malicious === 'on', reason: form.cbReason },
      },
    },
    edpb: {
      breachTypes,
      specialCategories: form.special === 'on',
      consequences: form.consequences,
      vulnerableIndividuals: form.vulnerable === 'on',
      numberOfIndividuals: form.people ? Number(form.people) : null,
      controllerCharacteristics: form.controllerCharacteristics === 'on',
    },
    measures: {
      unintelligible: { status: form.unintelligible, ...justification },
      subsequentMeasures: { applies: form.subsequent === 'on', ...justification },
      disproportionateEffort: { applies: form.disproportionate === 'on', ...justification },
    },
  };
}

const editForm = z.object({ _csrf: text(64), revision: z.string().regex(/^\d{1,9}$/), document: text(256 * 1024) });

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');

/**
 * The organisation console's pages (issue 6): plain HTML forms. Every page that shows desk data resolves
 * the caller's membership of the URL's organisation first (src/web/desk-auth.ts); every form that changes
 * something is checked against the session's anti-forgery token; after a change the browser is sent back
 * with 303 (post/redirect/get).
 */
export function registerConsoleRoutes(app: FastifyInstance, options: ConsoleRoutesOptions): void {
  const { organisations, incidents, assessments, processors, publishing, auth } = options;
  const assessFormFor = (
    request: FastifyRequest,
    ctx: Awaited<ReturnType<DeskAuth['context']>>,
    incident: { id: string; dataClasses?: readonly string[] | undefined },
  ) => {
    if (!can(ctx.role, 'incident.decide')) return '';
    let category = 'simple';
    try {
      if (incident.dataClasses && incident.dataClasses.length > 0) category = proposeDpc(incident.dataClasses).category;
    } catch {
      // unknown classes: start from the lowest category; the person chooses
    }
    return renderAssessForm(pageContext(request), ctx, incident.id, category);
  };
  const incidentExtras = async (request: FastifyRequest, ctx: Awaited<ReturnType<DeskAuth['context']>>, stored: StoredIncident) => {
    const incident = stored.incident;
    const sections = safeHtml`${renderInformLink(pageContext(request), ctx, incident.id)} ${renderSectionNav(pageContext(request), ctx, stored)}`;
    const essentials = can(ctx.role, 'incident.write')
      ? safeHtml`${renderEssentialsForm(pageContext(request), ctx, stored)} ${sections}`
      : sections;
    if (!can(ctx.role, 'incident.decide')) return essentials;
    const passOn =
      incident.processorRelation?.role === 'processor'
        ? renderPassOnForm(pageContext(request), ctx, incident.id, await processors.controllers(ctx))
        : '';
    return safeHtml`${essentials} ${assessFormFor(request, ctx, incident)} ${passOn} ${renderPublishForm(pageContext(request), ctx, incident.id)}`;
  };
  const back = (request: FastifyRequest, reply: FastifyReply, path: string) =>
    reply
      .code(303)
      .header('location', `${path}?lang=${pageContext(request).locale}`)
      .send();
  const desk = (request: FastifyRequest) => auth.context(request, parseOrThrow(orgParams, request.params, 'path').org);
  const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

  app.get('/console/sign-in', async (request, reply) => html(reply).send(renderSignInPage(pageContext(request), null)));

  app.post('/console/sign-in', { bodyLimit: 4096 }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const { secret } = await organisations.signIn(body['email'], body['password']);
      setSessionCookie(reply, secret, options.secureCookies);
      return back(request, reply, '/console');
    } catch (error) {
      if (isAppError(error) && (error.code === 'AUTH_INVALID' || error.code === 'SIGN_IN_LOCKED')) {
        return html(reply)
          .code(error.code === 'SIGN_IN_LOCKED' ? 429 : 401)
          .send(renderSignInPage(pageContext(request), error.code === 'SIGN_IN_LOCKED' ? 'locked' : 'failed'));
      }
      throw error;
    }
  });

  app.post('/console/sign-out', async (request, reply) => {
    const session = await auth.sessionOf(request);
    if (session) {
      auth.checkCsrf(request, session);
      await organisations.signOut(session);
    }
    clearSessionCookie(reply, options.secureCookies);
    return back(request, reply, '/console/sign-in');
  });

  app.get('/console', async (request, reply) => {
    const session = await auth.sessionOf(request);
    if (!session) return back(request, reply, '/console/sign-in');
    return html(reply).send(renderConsoleHome(pageContext(request), session));
  });

  app.get('/console/:org', async (request, reply) => {
    const ctx = await desk(request);
    const page = renderOrganisationPage(
      pageContext(request),
      ctx,
      await organisations.listMembers(ctx),
      await incidents.list(ctx),
      renderProcessorsSection(pageContext(request), ctx, await processors.list(ctx)),
    );
    return html(reply).send(page);
  });

  app.post('/console/:org/incidents', { bodyLimit: 32 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const form = parseOrThrow(newIncidentForm, request.body, 'form');
    // datetime-local has no zone: the form says UTC.
    const awarenessAt = form.awarenessAt ? `${form.awarenessAt.length === 16 ? `${form.awarenessAt}:00` : form.awarenessAt}Z` : undefined;
    const stored = await incidents.create(ctx, {
      title: form.title,
      ...(awarenessAt ? { timeline: { awarenessAt } } : {}),
      ...(optional(form.description) ? { description: form.description } : {}),
    });
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${stored.incident.id}`);
  });

  app.get('/console/:org/incidents/:id', async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const stored = await incidents.get(ctx, id);
    const page = renderIncidentPage(
      pageContext(request),
      ctx,
      stored,
      await incidents.notifications(ctx, id),
      null,
      null,
      await incidentExtras(request, ctx, stored),
    );
    return html(reply).send(page);
  });

  app.post('/console/:org/incidents/:id/notifications', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    try {
      await incidents.issueNotification(ctx, id, parseOrThrow(notifyForm, request.body, 'form').kind);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'NOTIFICATION_INCOMPLETE') throw error;
      const stored = await incidents.get(ctx, id);
      const page = renderIncidentPage(
        pageContext(request),
        ctx,
        stored,
        await incidents.notifications(ctx, id),
        { kind: 'missing', issues: error.issues },
        null,
        await incidentExtras(request, ctx, stored),
      );
      return html(reply).code(422).send(page);
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}`);
  });

  app.post('/console/:org/incidents/:id/essentials', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const form = parseOrThrow(essentialsForm, request.body, 'form');
    const stored = await incidents.get(ctx, id);
    try {
      await incidents.update(ctx, id, withEssentials(stored.incident as unknown as Record<string, unknown>, form), Number(form.revision));
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'INCIDENT_CONFLICT')) throw error;
      const page = renderIncidentPage(
        pageContext(request),
        ctx,
        stored,
        await incidents.notifications(ctx, id),
        { kind: error.code === 'INCIDENT_CONFLICT' ? 'conflict' : 'invalid', issues: [...error.issues] },
        null,
        await incidentExtras(request, ctx, stored),
      );
      return html(reply)
        .code(error.code === 'INCIDENT_CONFLICT' ? 409 : 400)
        .send(page);
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}`);
  });

  app.post('/console/:org/incidents/:id/edit', { bodyLimit: 300 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const form = parseOrThrow(editForm, request.body, 'form');
    const again = async (code: number, kind: 'invalid' | 'conflict', issues: { path: string; message: string }[]) => {
      const stored = await incidents.get(ctx, id);
      const page = renderIncidentPage(
        pageContext(request),
        ctx,
        stored,
        await incidents.notifications(ctx, id),
        { kind, issues },
        form.document,
        await incidentExtras(request, ctx, stored),
      );
      return html(reply).code(code).send(page);
    };
    let document: unknown;
    try {
      document = JSON.parse(form.document);
    } catch {
      const where = findJsonSyntaxError(form.document);
      const at = where ? ` at line ${where.line}, column ${where.column}: expected ${where.expected}` : '';
      return again(400, 'invalid', [{ path: 'document', message: `not valid JSON${at}` }]);
    }
    try {
      await incidents.update(ctx, id, document, Number(form.revision));
    } catch (error) {
      if (isAppError(error) && error.code === 'VALIDATION_FAILED') return again(400, 'invalid', [...error.issues]);
      if (isAppError(error) && error.code === 'INCIDENT_CONFLICT') return again(409, 'conflict', []);
      throw error;
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}`);
  });

  app.post('/console/:org/members', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const form = parseOrThrow(addMemberForm, request.body, 'form');
    await organisations.addMember(ctx, {
      email: form.email,
      displayName: optional(form.displayName),
      role: form.role,
      password: optional(form.password),
    });
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.post('/console/:org/members/:userId/role', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { userId } = parseOrThrow(memberParams, request.params, 'path');
    await organisations.changeRole(ctx, userId, parseOrThrow(roleForm, request.body, 'form').role);
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.post('/console/:org/members/:userId/remove', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    await organisations.removeMember(ctx, parseOrThrow(memberParams, request.params, 'path').userId);
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.post('/console/:org/incidents/:id/assess', { bodyLimit: 32 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    organisations.require(ctx, 'incident.decide');
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const stored = await incidents.get(ctx, id);
    const input = assessmentFrom(parseOrThrow(assessForm, request.body, 'form'));
    try {
      const result = evaluateAssessment(input);
      return html(reply).send(
        renderProposalPage(pageContext(request), ctx, { id, title: stored.incident.title }, result, JSON.stringify(input)),
      );
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      const page = renderIncidentPage(
        pageContext(request),
        ctx,
        stored,
        await incidents.notifications(ctx, id),
        { kind: 'invalid', issues: error.issues },
        null,
        await incidentExtras(request, ctx, stored),
      );
      return html(reply).code(400).send(page);
    }
  });

  app.post('/console/:org/incidents/:id/assess/decide', { bodyLimit: 80 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const form = parseOrThrow(decideForm, request.body, 'form');
    let input: { enisa: unknown; edpb: unknown; measures: unknown };
    try {
      input = JSON.parse(form.input) as typeof input;
    } catch {
      input = { enisa: null, edpb: null, measures: null };
    }
    await assessments.record(ctx, id, input, {
      notifyAuthority: form.notifyAuthority === 'true',
      informIndividuals: form.informIndividuals,
      reason: form.reason,
    });
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}`);
  });

  app.post('/console/:org/processors', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    await processors.declare(ctx, parseOrThrow(processorForm, request.body, 'form').slug.trim());
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.post('/console/:org/incidents/:id/pass-on', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const { controllers } = parseOrThrow(passOnForm, request.body, 'form');
    await processors.passOn(ctx, id, Array.isArray(controllers) ? controllers : [controllers]);
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}`);
  });

  app.post('/console/:org/incidents/:id/publish', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const form = parseOrThrow(publishForm, request.body, 'form');
    try {
      const { breach } = await publishing.publish(ctx, id, {
        slug: form.slug.trim(),
        sector: form.sector,
        description: { en: form.descriptionEn, fr: form.descriptionFr, sv: form.descriptionSv },
        sources: [{ url: form.sourceUrl.trim(), title: form.sourceTitle.trim() }],
      });
      return back(request, reply, `/breaches/${breach.slug}`);
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'BREACH_SLUG_CONFLICT')) throw error;
      const stored = await incidents.get(ctx, id);
      const issues = error.code === 'VALIDATION_FAILED' ? [...error.issues] : [{ path: 'slug', message: error.message }];
      const page = renderIncidentPage(
        pageContext(request),
        ctx,
        stored,
        await incidents.notifications(ctx, id),
        { kind: 'invalid', issues },
        null,
        await incidentExtras(request, ctx, stored),
      );
      return html(reply)
        .code(error.code === 'VALIDATION_FAILED' ? 400 : 409)
        .send(page);
    }
  });

  app.get('/console/:org/communication-check', async (request, reply) => {
    const ctx = await desk(request);
    organisations.require(ctx, 'desk.read');
    return html(reply).send(renderCommunicationCheckPage(pageContext(request), ctx, '', null));
  });

  app.post('/console/:org/communication-check', { bodyLimit: 1_100_000 }, async (request, reply) => {
    const ctx = await desk(request);
    organisations.require(ctx, 'desk.read');
    const form = parseOrThrow(checkForm, request.body, 'form');
    const report = checkCommunication(form.locale ? { text: form.text, locale: form.locale } : { text: form.text });
    return html(reply).send(renderCommunicationCheckPage(pageContext(request), ctx, form.text, report));
  });

  app.get('/console/:org/tokens', async (request, reply) => {
    const ctx = await desk(request);
    return html(reply).send(renderTokensPage(pageContext(request), ctx, await organisations.listTokens(ctx), null));
  });

  app.post('/console/:org/tokens', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { token } = await organisations.createToken(ctx, parseOrThrow(tokenForm, request.body, 'form').name);
    // Shown in this response only (no redirect: the token must not sit in a URL or a later page).
    return html(reply)
      .code(201)
      .send(renderTokensPage(pageContext(request), ctx, await organisations.listTokens(ctx), token));
  });

  app.post('/console/:org/tokens/:tokenId/revoke', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    await organisations.revokeToken(ctx, parseOrThrow(tokenParams, request.params, 'path').tokenId);
    return back(request, reply, `/console/${ctx.organisation.slug}/tokens`);
  });

  app.get('/console/:org/audit', async (request, reply) => {
    const ctx = await desk(request);
    return html(reply).send(renderAuditPage(pageContext(request), ctx, await organisations.auditLog(ctx)));
  });
}
