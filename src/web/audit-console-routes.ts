import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Incidents } from '../modules/incidents/index.js';
import { escapeHtml, incidentDraftFromFindings, renderAuditReportHtml, type LeakAudits } from '../modules/leak-audit/index.js';
import { can, type Organisations } from '../modules/organisations/index.js';
import type { Locale } from '../platform/locale.js';
import { parseOrThrow } from '../platform/validation.js';
import type { DeskAuth } from './desk-auth.js';
import { html } from './ui/html.js';
import { href, layout } from './ui/layout.js';
import { pageContext } from './ui-routes.js';

export interface AuditConsoleRoutesOptions {
  readonly organisations: Organisations;
  readonly incidents: Incidents;
  readonly leakAudits: LeakAudits;
  readonly auth: DeskAuth;
}

const ULID = /^[0-9A-Z]{26}$/;
const orgParams = z.object({ org: z.string().min(1).max(64) });
const auditParams = orgParams.extend({ id: z.string().regex(ULID, 'a leak audit id') });

const MESSAGES = {
  en: {
    title: 'Leak audits',
    intro:
      'Audits of your web pages for your customers’ data reaching third parties. They run from the command line or CI ' +
      '(breachdesk audit run|har --org SLUG --keep); their reports are kept here.',
    none: 'No audit kept yet.',
    date: 'Date',
    source: 'Source',
    findings: 'Findings',
    report: 'Report',
    open: 'Open the report',
    crawl: 'Browser crawl',
    har: 'HAR files',
    openIncident: 'Open a draft incident with these findings',
    back: 'Back to the organisation',
    all: 'All leak audits',
  },
  fr: {
    title: 'Audits de fuites',
    intro:
      'Audits de vos pages web : les données de vos clients qui parviennent à des tiers. Ils se lancent en ligne de commande ' +
      'ou en CI (breachdesk audit run|har --org SLUG --keep) ; leurs rapports sont conservés ici.',
    none: 'Aucun audit conservé pour l’instant.',
    date: 'Date',
    source: 'Source',
    findings: 'Constats',
    report: 'Rapport',
    open: 'Ouvrir le rapport',
    crawl: 'Parcours dans le navigateur',
    har: 'Fichiers HAR',
    openIncident: 'Ouvrir un brouillon d’incident avec ces constats',
    back: 'Retour à l’organisation',
    all: 'Tous les audits de fuites',
  },
  sv: {
    title: 'Läckagegranskningar',
    intro:
      'Granskningar av era webbsidor: kunders uppgifter som når tredje parter. De körs från kommandoraden eller CI ' +
      '(breachdesk audit run|har --org SLUG --keep); rapporterna sparas här.',
    none: 'Ingen granskning sparad ännu.',
    date: 'Datum',
    source: 'Källa',
    findings: 'Fynd',
    report: 'Rapport',
    open: 'Öppna rapporten',
    crawl: 'Genomgång i webbläsaren',
    har: 'HAR-filer',
    openIncident: 'Öppna ett utkast till incident med dessa fynd',
    back: 'Tillbaka till organisationen',
    all: 'Alla läckagegranskningar',
  },
} as const satisfies Record<Locale, Record<string, string>>;

const noStore = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');

/**
 * The console's leak-audit pages (issue 8): the organisation's kept audit reports, each report as the audit
 * wrote it (renderAuditReportHtml, in the console's language) under a bar that leads back and, for members who
 * may write incidents, opens a draft incident from the report's findings (report-incident.ts). Like the rest of
 * the console: membership of the URL's organisation first, every change a form with the session's token.
 */
export function registerAuditConsoleRoutes(app: FastifyInstance, options: AuditConsoleRoutesOptions): void {
  const { organisations, incidents, leakAudits, auth } = options;
  const desk = (request: FastifyRequest) => auth.context(request, parseOrThrow(orgParams, request.params, 'path').org);

  app.get('/console/:org/audits', async (request, reply) => {
    const ctx = await desk(request);
    const page = pageContext(request);
    const m = MESSAGES[page.locale];
    const audits = await leakAudits.list(ctx);
    const base = `/console/${ctx.organisation.slug}`;
    return noStore(reply).send(
      layout(
        page,
        m.title,
        html`<h1>${m.title} · ${ctx.organisation.name}</h1>
          <p>${m.intro}</p>
          ${
            audits.length === 0
              ? html`<p class="empty">${m.none}</p>`
              : html`<table class="leak-audits">
                  <thead>
                    <tr>
                      <th scope="col">${m.date}</th>
                      <th scope="col">${m.source}</th>
                      <th scope="col">${m.findings}</th>
                      <th scope="col">${m.report}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${audits.map(
                      (a) =>
                        html`<tr data-audit="${a.id}">
                          <td data-label="${m.date}">${a.createdAt.slice(0, 16).replace('T', ' ')}</td>
                          <td data-label="${m.source}">${a.source === 'crawl' ? m.crawl : m.har}</td>
                          <td data-label="${m.findings}" class="num">${String(a.findings)}</td>
                          <td data-label="${m.report}"><a href="${href(page, `${base}/audits/${a.id}`)}">${m.open}</a></td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }
          <p><a href="${href(page, base)}">${m.back}</a></p>`,
      ),
    );
  });

  app.get(
    '/console/:org/audits/:id',
    {
      // The report is self-contained with its own inline stylesheet: this page's policy allows that one sheet by its hash.
      onSend: async (_request, reply, payload) => {
        const style = typeof payload === 'string' ? /<style>([\s\S]*?)<\/style>/.exec(payload)?.[1] : undefined;
        if (reply.statusCode === 200 && style !== undefined) {
          const hash = createHash('sha256').update(style, 'utf8').digest('base64');
          void reply.header(
            'content-security-policy',
            `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
          );
        }
        return payload;
      },
    },
    async (request, reply) => {
      const ctx = await desk(request);
      const { id } = parseOrThrow(auditParams, request.params, 'path');
      const page = pageContext(request);
      const m = MESSAGES[page.locale];
      const audit = await leakAudits.get(ctx, id);
      const base = `/console/${ctx.organisation.slug}`;
      const canOpen = ctx.session !== null && can(ctx.role, 'incident.write') && audit.findings > 0;
      const bar =
        `<nav class="console" aria-label="${escapeHtml(ctx.organisation.name)}"><p>` +
        `<a href="${escapeHtml(href(page, base))}">${escapeHtml(m.back)}</a> · ` +
        `<a href="${escapeHtml(href(page, `${base}/audits`))}">${escapeHtml(m.all)}</a></p>` +
        (canOpen && ctx.session
          ? `<form method="post" action="${escapeHtml(`${base}/audits/${id}/incident?lang=${page.locale}`)}">` +
            `<input type="hidden" name="_csrf" value="${escapeHtml(ctx.session.csrfToken)}">` +
            `<button type="submit">${escapeHtml(m.openIncident)}</button></form>`
          : '') +
        `</nav>`;
      return noStore(reply).send(renderAuditReportHtml(audit.report, page.locale).replace('<body>\n<main>', `<body>\n<main>\n${bar}`));
    },
  );

  app.post('/console/:org/audits/:id/incident', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { id } = parseOrThrow(auditParams, request.params, 'path');
    organisations.require(ctx, 'incident.write');
    const audit = await leakAudits.get(ctx, id);
    const source = `leak audit of ${audit.report.meta.generatedAt.slice(0, 10)} (${audit.report.meta.inputs.join(', ')})`;
    if (audit.report.findings.length === 0)
      return reply
        .code(303)
        .header('location', `/console/${ctx.organisation.slug}/audits/${id}?lang=${pageContext(request).locale}`)
        .send();
    const created = await incidents.create(ctx, incidentDraftFromFindings(audit.report.findings, { source }));
    return reply
      .code(303)
      .header('location', `/console/${ctx.organisation.slug}/incidents/${created.incident.id}?lang=${pageContext(request).locale}`)
      .send();
  });
}
