import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CAMPAIGN_ACTIONS,
  CHANNELS,
  exposedList,
  fillTemplate,
  planLink,
  type Campaigns,
  type CampaignView,
  type Channel,
} from '../modules/campaigns/index.js';
import { checkCommunication, type CommunicationReport } from '../modules/incidents/communication-check/index.js';
import type { Incidents, StoredIncident } from '../modules/incidents/index.js';
import type { NoticePreview, NoticeTextsInput, PublicNotices } from '../modules/notices/index.js';
import type { Organisations } from '../modules/organisations/index.js';
import { isAppError, type AppError, type FieldIssue } from '../platform/errors.js';
import { LOCALES, type Locale } from '../platform/locale.js';
import { parseOrThrow, zodIssues } from '../platform/validation.js';
import type { DeskAuth } from './desk-auth.js';
import { HTTP_STATUS } from './problem.js';
import {
  emptyCreateForm,
  organisationLocale,
  renderCampaignPage,
  renderCampaignSettingsPage,
  renderInformPage,
  settingsValuesOf,
  templateKey,
  templateValuesOf,
  type CampaignProblem,
  type CreateFormValues,
  type SettingsValues,
  type TemplateValues,
} from './ui/campaign-pages.js';
import { renderNoticeSection, type NoticeFormValues } from './ui/notice-pages.js';
import { pageContext } from './ui-routes.js';

export interface CampaignConsoleRoutesOptions {
  readonly organisations: Organisations;
  readonly incidents: Incidents;
  readonly campaigns: Campaigns;
  readonly notices: PublicNotices;
  readonly auth: DeskAuth;
}

type Ctx = Awaited<ReturnType<DeskAuth['context']>>;

const ULID = /^[0-9A-Z]{26}$/;
const orgParams = z.object({ org: z.string().min(1).max(64) });
const incidentParams = orgParams.extend({ id: z.string().regex(ULID, 'an incident id') });
const campaignParams = orgParams.extend({ id: z.string().regex(ULID, 'a campaign id') });
const actionParams = campaignParams.extend({ action: z.enum(CAMPAIGN_ACTIONS) });
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const revisionField = z.string().regex(/^\d{1,9}$/, 'a revision number');

// Generous limits: the service says what is too long, field by field, and the page keeps the input.
const createForm = z.object({
  _csrf: text(64),
  name: text(10_000),
  breachSlug: text(200),
  channel1: z.enum(CHANNELS, { error: 'must name a channel' }),
  channel2: z.enum(['', ...CHANNELS]).optional(),
  channel3: z.enum(['', ...CHANNELS]).optional(),
  locales: z.union([z.enum(LOCALES), z.array(z.enum(LOCALES)).max(3)]).optional(),
  letterName: text(10_000).optional(),
  letterLines: text(10_000).optional(),
});
const noticeForm = z.object({ _csrf: text(64), slug: text(200), intent: z.enum(['check', 'publish']) });
const withdrawForm = z.object({ _csrf: text(64), slug: text(200) });

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
const str = (body: Record<string, unknown>, key: string): string => (typeof body[key] === 'string' ? body[key] : '');
const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const contactOf = (stored: StoredIncident): string | null => {
  const c = stored.incident.contacts?.contactPoint ?? stored.incident.contacts?.reporter;
  const parts = c ? [c.name, c.email, c.phone].filter((x): x is string => typeof x === 'string' && x !== '') : [];
  return c && (c.email || c.phone) ? parts.join(', ') : null;
};

/**
 * The Art. 34(2) report of each template as a person would read it, filled with the same sample values as
 * the campaign service's check (the breach's every exposed kind of data, the plan link, the contact point).
 * The service's own check decides whether the campaign may start; this shows why, element by element.
 */
function templateReports(campaign: CampaignView, templates: TemplateValues): Map<string, CommunicationReport> {
  const facts = campaign.config.facts;
  const reports = new Map<string, CommunicationReport>();
  for (const channel of campaign.config.channels) {
    for (const locale of LOCALES) {
      const subject = templates[templateKey(channel, locale, 'subject')] ?? '';
      const body = templates[templateKey(channel, locale, 'body')] ?? '';
      if (body.trim() === '') continue;
      const values = {
        organisation: facts.organisation,
        exposed: exposedList(facts.breachClasses, locale),
        planLink: planLink(facts.planBaseUrl, locale, facts.breachSlug, facts.breachClasses),
        reference: 'X0000000000000000000000000.1.email',
        contact: facts.contact,
      };
      const filled = [channel === 'sms' ? '' : subject, fillTemplate(body, values)].join('\n\n');
      reports.set(`${channel}.${locale}`, checkCommunication({ text: filled, locale }));
    }
  }
  return reports;
}

/** The templates as the form sent them: every language of every channel; blank languages other than the default are left out. */
function templatesFrom(
  campaign: CampaignView,
  body: Record<string, unknown>,
): { values: TemplateValues; templates: Record<string, unknown> } {
  const values: Record<string, string> = {};
  const templates: Record<string, Record<string, { subject?: string; body: string }>> = {};
  for (const channel of campaign.config.channels) {
    const byLocale: Record<string, { subject?: string; body: string }> = {};
    for (const locale of LOCALES) {
      const subject = channel === 'sms' ? '' : str(body, templateKey(channel, locale, 'subject'));
      const text = str(body, templateKey(channel, locale, 'body'));
      values[templateKey(channel, locale, 'subject')] = subject;
      values[templateKey(channel, locale, 'body')] = text;
      if (subject.trim() === '' && text.trim() === '' && locale !== campaign.config.defaultLocale) continue;
      byLocale[locale] = channel === 'sms' ? { body: text } : { subject, body: text };
    }
    templates[channel] = byLocale;
  }
  return { values, templates };
}

/** The settings form: numbers checked here (with plain messages), the rest by the service. */
function settingsFrom(
  campaign: CampaignView,
  body: Record<string, unknown>,
): { values: SettingsValues; patch: Record<string, unknown>; issues: FieldIssue[] } {
  const draft = campaign.state === 'draft';
  const values: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  const number = (key: string, path: string): number | undefined => {
    const raw = str(body, key);
    values[key] = raw;
    const n = Number(raw.trim().replace(',', '.'));
    if (raw.trim() === '' || !Number.isFinite(n)) {
      issues.push({ path, message: 'must be a number' });
      return undefined;
    }
    return n;
  };
  const rates: Partial<Record<Channel, number>> = {};
  for (const c of campaign.config.channels) {
    const n = number(`rate.${c}`, `rates.${c}`);
    if (n !== undefined) rates[c] = n;
  }
  const patch: Record<string, unknown> = { rates, retentionDays: number('retentionDays', 'retentionDays') };
  if (draft) patch['retryHours'] = number('retryHours', 'retryHours');
  if (draft && campaign.config.channels.includes('letter')) {
    values['letterName'] = str(body, 'letterName');
    values['letterLines'] = str(body, 'letterLines');
    if (values['letterName'].trim() !== '' || values['letterLines'].trim() !== '') {
      patch['letterSender'] = { name: values['letterName'], lines: lines(values['letterLines']) };
    }
  }
  return { values, patch, issues };
}

/**
 * The console's pages for informing the people of an incident (issue 7; GDPR Art. 34): the incident's
 * "Inform the people" page with its campaigns and the public notice, each campaign's page and settings.
 * Like the rest of the console: the caller's membership of the URL's organisation is resolved first, every
 * change is a form checked against the session's anti-forgery token, a refused change shows the page again
 * with the person's input and each field's problem, and a done one redirects (post/redirect/get).
 */
export function registerCampaignConsoleRoutes(app: FastifyInstance, options: CampaignConsoleRoutesOptions): void {
  const { organisations, incidents, campaigns, notices, auth } = options;
  const desk = (request: FastifyRequest) => auth.context(request, parseOrThrow(orgParams, request.params, 'path').org);
  const back = (request: FastifyRequest, reply: FastifyReply, path: string, fragment = '') =>
    reply
      .code(303)
      .header('location', `${path}?lang=${pageContext(request).locale}${fragment}`)
      .send();

  /** The notice form's starting values: the published notice's texts, else the incident's own words. */
  const noticeStart = async (ctx: Ctx, incidentId: string): Promise<NoticeFormValues> => {
    const [draft, published] = await Promise.all([notices.draft(ctx, incidentId), notices.forIncident(ctx, incidentId)]);
    const slug = draft.entries[0]?.slug ?? '';
    const existing = published.find((n) => n.slug === slug);
    return {
      slug,
      texts: existing ? { consequences: existing.content.consequences, measures: existing.content.measures } : draft.texts,
    };
  };

  const informPage = async (
    request: FastifyRequest,
    ctx: Ctx,
    incidentId: string,
    over: {
      form?: CreateFormValues;
      issues?: readonly FieldIssue[];
      notice?: { values: NoticeFormValues; preview: NoticePreview | null; issues: readonly FieldIssue[] };
    } = {},
  ) => {
    const page = pageContext(request);
    const stored = await incidents.get(ctx, incidentId);
    const [all, entries, draft, published] = await Promise.all([
      campaigns.list(ctx),
      notices.entries(ctx),
      notices.draft(ctx, incidentId),
      notices.forIncident(ctx, incidentId),
    ]);
    const notice = over.notice ?? { values: await noticeStart(ctx, incidentId), preview: null, issues: [] };
    return renderInformPage(page, ctx, {
      incident: { id: incidentId, title: stored.incident.title },
      campaigns: all.filter((c) => c.incidentId === incidentId),
      entries,
      form: over.form ?? emptyCreateForm(entries, incidentId),
      issues: over.issues ?? [],
      notice: renderNoticeSection(page, ctx, {
        incidentId,
        entries: draft.entries,
        notices: published,
        contact: contactOf(stored),
        values: notice.values,
        preview: notice.preview,
        issues: notice.issues,
      }),
    });
  };

  const campaignPage = async (
    request: FastifyRequest,
    ctx: Ctx,
    id: string,
    over: { templates?: TemplateValues; problem?: CampaignProblem; live?: boolean } = {},
  ) => {
    const campaign = await campaigns.get(ctx, id);
    const [stats, problems] = await Promise.all([campaigns.stats(ctx, id), campaigns.checkTemplates(ctx, id)]);
    const templates = over.templates ?? templateValuesOf(campaign);
    return renderCampaignPage(pageContext(request), ctx, {
      campaign,
      stats,
      problems,
      reports: templateReports(campaign, templates),
      templates,
      problem: over.problem ?? null,
      // A page showing someone's unsaved input or a problem never reloads itself.
      live: campaign.state === 'running' && (over.live ?? true) && over.problem === undefined,
    });
  };

  const refusedWith = (error: AppError): CampaignProblem =>
    error.code === 'VALIDATION_FAILED'
      ? { kind: 'invalid', issues: error.issues }
      : error.code === 'CAMPAIGN_CONFLICT'
        ? { kind: 'conflict', issues: [] }
        : { kind: 'refused', message: error.message, issues: [] };

  app.get('/console/:org/incidents/:id/campaigns', async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    return html(reply).send(await informPage(request, ctx, id));
  });

  app.post('/console/:org/incidents/:id/campaigns', { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    organisations.require(ctx, 'incident.write');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const own = organisationLocale(ctx.organisation.country);
    const channels = [str(body, 'channel1'), str(body, 'channel2'), str(body, 'channel3')] as (Channel | '')[];
    const values: CreateFormValues = {
      name: str(body, 'name'),
      breachSlug: str(body, 'breachSlug'),
      channels,
      locales: list(body['locales']).filter((l): l is Locale => (LOCALES as readonly unknown[]).includes(l)),
      letterName: str(body, 'letterName'),
      letterLines: str(body, 'letterLines'),
    };
    const again = async (status: number, issues: readonly FieldIssue[]) =>
      html(reply)
        .code(status)
        .send(await informPage(request, ctx, id, { form: values, issues }));
    const parsed = createForm.safeParse(body);
    if (!parsed.success) return again(400, zodIssues(parsed.error));
    const config: Record<string, unknown> = {
      channels: channels.filter((c): c is Channel => c !== ''),
      locales: [own, ...values.locales.filter((l) => l !== own)],
      ...(/^[A-Z]{2}$/.test(ctx.organisation.country) ? { senderCountry: ctx.organisation.country } : {}),
    };
    if (values.letterName.trim() !== '' || values.letterLines.trim() !== '') {
      config['letterSender'] = { name: values.letterName, lines: lines(values.letterLines) };
    }
    try {
      const created = await campaigns.create(ctx, { incidentId: id, breachSlug: values.breachSlug, name: values.name, config });
      return back(request, reply, `/console/${ctx.organisation.slug}/campaigns/${created.id}`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'VALIDATION_FAILED') return again(400, error.issues);
      if (error.code === 'BREACH_NOT_FOUND' || error.code === 'CAMPAIGN_NO_CONTACTS') {
        return again(HTTP_STATUS[error.code], [{ path: 'breachSlug', message: error.message }]);
      }
      throw error;
    }
  });

  app.get('/console/:org/campaigns/:id', async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(campaignParams, request.params, 'path');
    const live = (request.query as Record<string, unknown>)['live'] !== 'off';
    return html(reply).send(await campaignPage(request, ctx, id, { live }));
  });

  app.post('/console/:org/campaigns/:id/actions/:action', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id, action } = parseOrThrow(actionParams, request.params, 'path');
    try {
      await campaigns.act(ctx, id, action);
    } catch (error) {
      if (
        !isAppError(error) ||
        !['CAMPAIGN_STATE_INVALID', 'CAMPAIGN_CONFLICT', 'CAMPAIGN_TEMPLATE_INCOMPLETE', 'CAMPAIGN_NO_CONTACTS'].includes(error.code)
      ) {
        throw error;
      }
      return html(reply)
        .code(HTTP_STATUS[error.code])
        .send(await campaignPage(request, ctx, id, { problem: refusedWith(error) }));
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/campaigns/${id}`);
  });

  app.post('/console/:org/campaigns/:id/templates', { bodyLimit: 512 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(campaignParams, request.params, 'path');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const revision = parseOrThrow(revisionField, body['revision'], 'form');
    const campaign = await campaigns.get(ctx, id);
    const { values, templates } = templatesFrom(campaign, body);
    try {
      await campaigns.configure(ctx, id, { templates }, Number(revision));
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'CAMPAIGN_CONFLICT')) throw error;
      return html(reply)
        .code(HTTP_STATUS[error.code])
        .send(await campaignPage(request, ctx, id, { templates: values, problem: refusedWith(error) }));
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/campaigns/${id}`, '#templates-title');
  });

  app.get('/console/:org/campaigns/:id/settings', async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(campaignParams, request.params, 'path');
    const campaign = await campaigns.get(ctx, id);
    return html(reply).send(renderCampaignSettingsPage(pageContext(request), ctx, campaign, settingsValuesOf(campaign), null));
  });

  app.post('/console/:org/campaigns/:id/settings', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(campaignParams, request.params, 'path');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const revision = parseOrThrow(revisionField, body['revision'], 'form');
    const campaign = await campaigns.get(ctx, id);
    const { values, patch, issues } = settingsFrom(campaign, body);
    const again = (status: number, problem: CampaignProblem) =>
      html(reply)
        .code(status)
        .send(renderCampaignSettingsPage(pageContext(request), ctx, campaign, values, problem));
    if (issues.length > 0) {
      organisations.require(ctx, 'incident.write');
      return again(400, { kind: 'invalid', issues });
    }
    try {
      await campaigns.configure(ctx, id, patch, Number(revision));
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'CAMPAIGN_CONFLICT')) throw error;
      return again(HTTP_STATUS[error.code], refusedWith(error));
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/campaigns/${id}`);
  });

  // The public notice (Art. 34(3)(c)): "check" shows the Art. 34(2) check in each language; "publish" publishes when each passes.
  app.post('/console/:org/incidents/:id/notice', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseOrThrow(noticeForm, body, 'form');
    const texts: NoticeTextsInput = {
      consequences: { en: str(body, 'consequences.en'), fr: str(body, 'consequences.fr'), sv: str(body, 'consequences.sv') },
      measures: { en: str(body, 'measures.en'), fr: str(body, 'measures.fr'), sv: str(body, 'measures.sv') },
    };
    const values: NoticeFormValues = { slug: form.slug, texts };
    const show = async (status: number, preview: NoticePreview | null, issues: readonly FieldIssue[]) =>
      html(reply)
        .code(status)
        .send(await informPage(request, ctx, id, { notice: { values, preview, issues } }));
    try {
      if (form.intent === 'check') return await show(200, await notices.preview(ctx, id, form.slug, texts), []);
      await notices.publish(ctx, id, form.slug, texts);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'NOTICE_INCOMPLETE') return show(422, await notices.preview(ctx, id, form.slug, texts), []);
      if (error.code === 'VALIDATION_FAILED' || error.code === 'BREACH_NOT_FOUND') {
        return show(HTTP_STATUS[error.code], null, error.issues.length > 0 ? error.issues : [{ path: 'slug', message: error.message }]);
      }
      throw error;
    }
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}/campaigns`, '#notice');
  });

  app.post('/console/:org/incidents/:id/notice/withdraw', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(incidentParams, request.params, 'path');
    await notices.withdraw(ctx, id, parseOrThrow(withdrawForm, request.body, 'form').slug);
    return back(request, reply, `/console/${ctx.organisation.slug}/incidents/${id}/campaigns`, '#notice');
  });
}
