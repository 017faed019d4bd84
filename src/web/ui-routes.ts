import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { breachTitle, parseBreachQuery, type Catalogue } from '../modules/catalogue/index.js';
import type { PublicNotices } from '../modules/notices/index.js';
import { AppError, isAppError } from '../platform/errors.js';
import { isLocale } from '../platform/locale.js';
import { MESSAGES, negotiateLocale } from './i18n.js';
import { renderBreachList, renderBreachPage } from './ui/breach-pages.js';
import type { PageContext } from './ui/layout.js';
import { STYLESHEET } from './ui/styles.js';
import { clientScript } from './client-bundle.js';
import { readCookie } from './cookies.js';
import { renderCheckPage } from './ui/check-page.js';
import { href } from './ui/layout.js';

const LANG_COOKIE = 'lang';

export function pageContext(request: FastifyRequest): PageContext {
  const url = new URL(request.url, 'http://localhost');
  const query = url.searchParams;
  const locale = negotiateLocale(
    query.get('lang') ?? undefined,
    readCookie(request.headers.cookie, LANG_COOKIE),
    request.headers['accept-language'],
  );
  const rest = new URLSearchParams(query);
  rest.delete('lang');
  return { locale, m: MESSAGES[locale], path: url.pathname, query: rest };
}

/** Remembers an explicit language choice so later pages without `?lang=` keep it. */
function rememberLanguage(request: FastifyRequest, reply: FastifyReply): void {
  const lang = (request.query as Record<string, unknown>)['lang'];
  if (isLocale(lang)) void reply.header('set-cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`);
  void reply.header('vary', 'Accept-Language, Cookie');
}

/** The public pages: server-rendered HTML that works without JavaScript. */
export function registerUiRoutes(
  app: FastifyInstance,
  options: {
    catalogue: Catalogue;
    lookup: { bucketsBaseUrl?: string | undefined; alerts?: boolean } | null;
    /** Public notices (Art. 34(3)(c)): a breach page links to its notice when one is up. */
    notices?: Pick<PublicNotices, 'isPublished'> | undefined;
  },
): void {
  const { catalogue } = options;

  if (options.lookup) {
    const bucketsBase = options.lookup.bucketsBaseUrl ?? null;
    app.get('/check', async (request, reply) => {
      const ctx = pageContext(request);
      rememberLanguage(request, reply);
      const page = await catalogue.list(parseBreachQuery({ limit: '500' }));
      const breaches = Object.fromEntries(
        page.items.map((s) => [
          s.breach.slug,
          ((t) => ({ title: t.text, titleLang: t.lang, href: href(ctx, `/breaches/${s.breach.slug}`), country: s.breach.country }))(
            breachTitle(s.breach, ctx.locale),
          ),
        ]),
      );
      void reply.type('text/html; charset=utf-8');
      return renderCheckPage(ctx, { bucketsBase, breaches, alerts: options.lookup?.alerts ?? false });
    });

    app.get('/static/check.js', async (_request, reply) => {
      void reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300');
      return clientScript('check');
    });

    app.get('/static/plan-pdf.js', async (_request, reply) => {
      void reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300');
      return clientScript('plan-pdf');
    });
  }

  app.get('/static/app.css', async (_request, reply) => {
    void reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return STYLESHEET;
  });

  app.get('/', async (request, reply) => {
    const ctx = pageContext(request);
    rememberLanguage(request, reply);
    const raw = Object.fromEntries(ctx.query.entries());
    delete raw['lang'];
    for (const [k, v] of Object.entries(raw)) if (v === '') delete raw[k];
    let query;
    try {
      query = parseBreachQuery(raw);
    } catch (error) {
      // A hand-edited URL with a bad filter: show the page with that filter dropped, never a blank error.
      if (!isAppError(error)) throw error;
      const bad = new Set(error.issues.map((i) => i.path.split('.')[0]));
      query = parseBreachQuery(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
    }
    const [page, facets, dataClassUsage] = await Promise.all([catalogue.list(query), catalogue.facets(), catalogue.dataClassUsage()]);
    void reply.type('text/html; charset=utf-8');
    return renderBreachList(ctx, { page, query, facets, dataClassUsage });
  });

  app.get('/breaches/:slug', async (request, reply) => {
    const ctx = pageContext(request);
    rememberLanguage(request, reply);
    const { slug } = request.params as { slug: string };
    const view = await catalogue.get(slug);
    if (view.breach.flags.retired) throw new AppError('BREACH_NOT_FOUND', `Breach "${slug}" was retired`);
    const titles = new Map<string, ReturnType<typeof breachTitle>>();
    for (const related of view.related) {
      try {
        titles.set(related, breachTitle((await catalogue.get(related)).breach, ctx.locale));
      } catch {
        // A related breach may be absent; its slug is shown instead.
      }
    }
    void reply.type('text/html; charset=utf-8');
    return renderBreachPage(ctx, view, titles, (await options.notices?.isPublished(slug)) ?? false);
  });
}
