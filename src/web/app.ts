import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalogue } from '../modules/catalogue/index.js';
import { registerCatalogueRoutes } from '../modules/catalogue/index.js';
import type { ApiKeys } from '../modules/access/index.js';
import { registerAlertRoutes, type AlertRoutesOptions } from '../modules/alerts/index.js';
import { registerLookupRoutes, type LookupRoutesOptions } from '../modules/lookup/index.js';
import {
  registerAssessmentRoutes,
  registerIncidentRoutes,
  type Assessments,
  type Incidents,
  type ProcessorLinks,
  type Publishing,
} from '../modules/incidents/index.js';
import { registerOrganisationRoutes, type Organisations } from '../modules/organisations/index.js';
import { registerCampaignRoutes, type Campaigns } from '../modules/campaigns/index.js';
import type { PublicNotices } from '../modules/notices/index.js';
import type { LeakAudits } from '../modules/leak-audit/index.js';
import { AppError, isAppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { MESSAGES } from './i18n.js';
import { buildOpenApiDocument } from './openapi.js';
import { registerAlertPageRoutes } from './alert-page-routes.js';
import { registerAuditConsoleRoutes } from './audit-console-routes.js';
import { registerCampaignConsoleRoutes } from './campaign-console-routes.js';
import { registerNoticePageRoutes } from './notice-page-routes.js';
import { registerConsoleRoutes } from './console-routes.js';
import { createDeskAuth } from './desk-auth.js';
import { registerIncidentSectionRoutes } from './incident-section-routes.js';
import { registerSmsReportRoutes, type SmsReportRoutesOptions } from './sms-report-routes.js';
import { problemFor } from './problem.js';
import { renderMessagePage } from './ui/breach-pages.js';
import { pageContext, registerUiRoutes } from './ui-routes.js';

export interface AppOptions {
  readonly catalogue: Catalogue;
  readonly apiKeys: ApiKeys;
  readonly logger: Logger;
  /** Resolves when the database answers; used by the health check. */
  readonly checkDatabase: () => Promise<void>;
  readonly publicBaseUrl?: string | undefined;
  /** Trust X-Forwarded-* from a reverse proxy (needed behind a CDN or load balancer). */
  readonly trustProxy?: boolean;
  /** The private look-up (API and page); absent, neither is served. */
  readonly lookup?: LookupRoutesOptions & {
    /** Where the page fetches bucket files from when not from this server (a static export on a CDN). */
    readonly bucketsBaseUrl?: string | undefined;
  };
  /** Alerts about future breaches (API, the email links' pages, the form on the check page); absent, none is served. */
  readonly alerts?: AlertRoutesOptions;
  /** The organisations' desk (console pages and /api/v1/orgs); absent, neither is served. */
  readonly desk?: {
    readonly organisations: Organisations;
    readonly incidents: Incidents;
    readonly processors: ProcessorLinks;
    readonly publishing: Publishing;
    readonly assessments: Assessments;
    readonly secureCookies: boolean;
    /** Notification campaigns (API and console) and public notices (console and /notices/:slug); absent, neither is served. */
    readonly campaigns?: Campaigns;
    /** The SMS provider's delivery reports (POST /hooks/sms/:token); absent, not served. */
    readonly smsReports?: Omit<SmsReportRoutesOptions, 'campaigns'>;
    readonly notices?: PublicNotices;
    /** Leak-audit reports kept per organisation (console pages); absent, not served. */
    readonly leakAudits?: LeakAudits;
  };
}

/** Builds the HTTP app without listening: tests drive it with `app.inject`, `main/` calls `listen`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });

  const openApi = buildOpenApiDocument();
  const routes: string[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });

  // Scripts only from this origin (the look-up page's bundle); fetches to this origin and the bucket mirror.
  const bucketsOrigin = options.lookup?.bucketsBaseUrl ? ` ${new URL(options.lookup.bucketsBaseUrl).origin}` : '';
  const contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    `connect-src 'self'${bucketsOrigin}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
  const baseUrl = (request: FastifyRequest): string => options.publicBaseUrl ?? `${request.protocol}://${request.host}`;

  const authenticate = async (request: FastifyRequest): Promise<string> => {
    const header = request.headers.authorization;
    const presented =
      typeof header === 'string' && /^Bearer\s+/i.test(header)
        ? header.replace(/^Bearer\s+/i, '')
        : typeof request.headers['x-api-key'] === 'string'
          ? request.headers['x-api-key']
          : undefined;
    if (presented === undefined || presented.trim() === '') {
      throw new AppError('AUTH_REQUIRED', 'This operation needs an API key: send "Authorization: Bearer <key>" or "X-Api-Key: <key>"');
    }
    return options.apiKeys.authenticate(presented);
  };

  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('content-security-policy', contentSecurityPolicy);
    if (request.url.startsWith('/api/')) void reply.header('access-control-allow-origin', '*');
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    const status = problemFor(appError).status;
    if (status >= 500) request.log.error({ err: error, code: appError.code }, 'request failed');
    else request.log.info({ code: appError.code }, 'request rejected');
    if (wantsHtml(request)) {
      const ctx = pageContext(request);
      const m = MESSAGES[ctx.locale];
      const page =
        appError.code === 'BREACH_NOT_FOUND' || appError.code === 'ROUTE_NOT_FOUND'
          ? renderMessagePage(ctx, m.notFoundTitle, m.notFoundText)
          : renderMessagePage(ctx, m.errorTitle, status < 500 ? appError.message : m.errorText);
      return reply.code(status).type('text/html; charset=utf-8').send(page);
    }
    return reply
      .code(status)
      .type('application/problem+json')
      .send(problemFor(appError, request.url.split('?')[0]));
  });

  app.setNotFoundHandler((request) => {
    throw new AppError('ROUTE_NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0] ?? ''}`);
  });

  // HTML forms (the alert links' buttons, RFC 8058 one-click unsubscribe) post urlencoded bodies.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    // A key repeated (checkboxes of one name) becomes an array; every other key stays a string.
    const fields: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))) {
      const seen = fields[key];
      fields[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    done(null, fields);
  });

  // RFC 8058 §3.1: a one-click unsubscribe POST should be multipart/form-data. No route reads a multipart body
  // (the unsubscribe token is in the URL), so one is accepted, bounded and ignored rather than refused with 415.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 4096 }, (_request, _body, done) => {
    done(null, {});
  });

  app.get('/api/docs', async () => openApi);

  app.get('/api/v1/health', async () => {
    try {
      await options.checkDatabase();
    } catch (cause) {
      throw new AppError('DATABASE_UNAVAILABLE', 'The database is unreachable', { cause });
    }
    return { status: 'ok', database: 'reachable' };
  });

  registerCatalogueRoutes(app, {
    catalogue: options.catalogue,
    authenticate,
    baseUrl,
    feedTitle: (locale) => MESSAGES[locale].feedTitle,
  });
  if (options.lookup) registerLookupRoutes(app, options.lookup);
  if (options.alerts) {
    registerAlertRoutes(app, options.alerts);
    registerAlertPageRoutes(app, options.alerts.alerts);
  }
  if (options.desk) {
    const auth = createDeskAuth(options.desk.organisations);
    registerOrganisationRoutes(app, { organisations: options.desk.organisations, context: (request, slug) => auth.context(request, slug) });
    registerIncidentRoutes(app, {
      incidents: options.desk.incidents,
      processors: options.desk.processors,
      publishing: options.desk.publishing,
      context: (request, slug) => auth.context(request, slug),
    });
    registerAssessmentRoutes(app, {
      organisations: options.desk.organisations,
      assessments: options.desk.assessments,
      context: (request, slug) => auth.context(request, slug),
    });
    registerConsoleRoutes(app, {
      organisations: options.desk.organisations,
      incidents: options.desk.incidents,
      assessments: options.desk.assessments,
      processors: options.desk.processors,
      publishing: options.desk.publishing,
      auth,
      secureCookies: options.desk.secureCookies,
    });
    registerIncidentSectionRoutes(app, { organisations: options.desk.organisations, incidents: options.desk.incidents, auth });
    if (options.desk.leakAudits) {
      registerAuditConsoleRoutes(app, {
        organisations: options.desk.organisations,
        incidents: options.desk.incidents,
        leakAudits: options.desk.leakAudits,
        auth,
      });
    }
    const { campaigns, notices } = options.desk;
    if (campaigns && notices) {
      registerCampaignRoutes(app, { campaigns, context: (request, slug) => auth.context(request, slug) });
      registerCampaignConsoleRoutes(app, {
        organisations: options.desk.organisations,
        incidents: options.desk.incidents,
        campaigns,
        notices,
        auth,
      });
      registerNoticePageRoutes(app, notices);
      if (options.desk.smsReports) registerSmsReportRoutes(app, { campaigns, ...options.desk.smsReports });
    }
  }
  registerUiRoutes(app, {
    catalogue: options.catalogue,
    lookup: options.lookup ? { bucketsBaseUrl: options.lookup.bucketsBaseUrl, alerts: options.alerts !== undefined } : null,
    notices: options.desk?.notices,
  });

  await app.ready();
  return app;
}

const routeLists = new WeakMap<FastifyInstance, string[]>();

/** Every route the app registered, as "METHOD /path/:param": lets a test hold the OpenAPI description to account. */
export function registeredRoutes(app: FastifyInstance): readonly string[] {
  return routeLists.get(app) ?? [];
}

function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path.startsWith('/feeds/') || path.startsWith('/logos/') || path.startsWith('/static/')) return false;
  return true;
}

/** Anything thrown becomes an AppError: our own as they are, Fastify's client errors by their status. */
function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      // The parser's message quotes the body, which may hold personal data: it stays out of the response.
      return new AppError('INPUT_JSON_INVALID', 'The request body is not valid JSON', { cause: error });
    }
    return new AppError('VALIDATION_FAILED', e.message ?? 'Bad request', { cause: error });
  }
  return new AppError('INTERNAL', 'Internal error', { cause: error });
}
