import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { escapeHtml } from '../../platform/html.js';
import { isLocale, DEFAULT_LOCALE } from '../../platform/locale.js';
import { parseOrThrow } from '../../platform/validation.js';
import { renderAtomFeed } from './atom-feed.js';
import type { Breach } from './breach.js';
import { parseBreachQuery } from './breach-query.js';
import type { Catalogue } from './catalogue.js';
import { hibpDataClassNames, toHibpBreach } from './hibp.js';
import { DATA_CLASSES, TAXONOMY_VERSION } from './taxonomy.js';

export interface CatalogueRoutesOptions {
  readonly catalogue: Catalogue;
  /** Resolves the caller's principal from its API key, or throws AUTH_REQUIRED / AUTH_INVALID. */
  readonly authenticate: (request: FastifyRequest) => Promise<string>;
  readonly baseUrl: (request: FastifyRequest) => string;
  readonly feedTitle: (locale: 'en' | 'fr' | 'sv') => string;
}

const slugParams = z.object({ slug: z.string().min(1).max(64) });
const nameParams = z.object({ name: z.string().min(1).max(64) });
const hibpBreachesQuery = z.object({
  domain: z.string().max(253).optional(),
  Domain: z.string().max(253).optional(),
  IsSpamList: z.enum(['true', 'false']).optional(),
});

/** The catalogue's HTTP adapter: /api/v1 (native), /api/v3 (HIBP-compatible), the Atom feed and logos. */
export function registerCatalogueRoutes(app: FastifyInstance, options: CatalogueRoutesOptions): void {
  const { catalogue, authenticate, baseUrl } = options;

  const resource = (breach: Breach, revision: number, related: string[]) => ({ ...breach, revision, related });

  app.get('/api/v1/breaches', async (request) => {
    const query = parseBreachQuery(listQuery(request.query));
    const page = await catalogue.list(query);
    return {
      items: page.items.map((s) => resource(s.breach, s.revision, [])),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  });

  app.get('/api/v1/breaches/:slug', async (request, reply) => {
    const { slug } = parseOrThrow(slugParams, request.params, 'path');
    const view = await catalogue.get(slug);
    void reply.header('etag', `"${view.revision}"`);
    return resource(view.breach, view.revision, view.related);
  });

  app.post('/api/v1/breaches', async (request, reply) => {
    const actor = await authenticate(request);
    const breach = await catalogue.add(request.body, actor);
    void reply.code(201).header('location', `/api/v1/breaches/${breach.slug}`).header('etag', '"1"');
    return resource(breach, 1, (await catalogue.get(breach.slug)).related);
  });

  app.put('/api/v1/breaches/:slug', async (request, reply) => {
    const actor = await authenticate(request);
    const { slug } = parseOrThrow(slugParams, request.params, 'path');
    const expected = ifMatchRevision(request);
    const { breach, revision } = await catalogue.update(slug, request.body, actor, expected);
    void reply.header('etag', `"${revision}"`);
    return resource(breach, revision, (await catalogue.get(slug)).related);
  });

  app.get('/api/v1/data-classes', async () => ({
    version: TAXONOMY_VERSION,
    items: DATA_CLASSES.map((dc) => ({
      code: dc.code,
      labels: dc.labels,
      enisaCategory: dc.enisa,
      lookupKinds: dc.lookupKinds,
      hibpName: dc.hibpName,
      edpbType: dc.edpbType,
      specialCategory: dc.specialCategory,
      since: dc.since,
      deprecatedIn: dc.deprecatedIn ?? null,
    })),
  }));

  // --- Have I Been Pwned API v3 compatible reads -------------------------------------------------
  // The whole list is the heaviest read and changes rarely: it is built once per catalogue version and
  // served with an ETag, so clients and a CDN in front can revalidate with a 304.
  const hibpListCache = new Map<string, { etag: string; body: string }>();
  app.get('/api/v3/breaches', async (request, reply) => {
    const q = parseOrThrow(hibpBreachesQuery, request.query, 'query');
    const domain = (q.Domain ?? q.domain)?.trim().toLowerCase() ?? '';
    const base = baseUrl(request);
    const version = await catalogue.version();
    const key = `${version}|${base}|${domain}|${q.IsSpamList ?? ''}`;
    let cached = hibpListCache.get(key);
    if (!cached) {
      // breachdesk has no spam lists: IsSpamList=true yields nothing, as HIBP would for such a catalogue.
      const all = q.IsSpamList === 'true' ? [] : await catalogue.listAll(domain ? { domain } : {});
      const body = JSON.stringify(all.map((s) => toHibpBreach(s.breach, base)));
      cached = { etag: `"${createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`, body };
      if (hibpListCache.size >= 64) hibpListCache.clear();
      hibpListCache.set(key, cached);
    }
    void reply.header('etag', cached.etag).header('cache-control', 'public, max-age=60');
    if (request.headers['if-none-match'] === cached.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(cached.body);
  });

  app.get('/api/v3/breach/:name', async (request) => {
    const { name } = parseOrThrow(nameParams, request.params, 'path');
    const found = await catalogue.getByHibpName(name);
    if (!found) throw new AppError('BREACH_NOT_FOUND', `No breach named "${name}"`, { data: { name } });
    return toHibpBreach(found.breach, baseUrl(request));
  });

  app.get('/api/v3/latestbreach', async (request) => {
    const latest = await catalogue.latestAdded();
    if (!latest) throw new AppError('BREACH_NOT_FOUND', 'The catalogue is empty');
    return toHibpBreach(latest.breach, baseUrl(request));
  });

  app.get('/api/v3/dataclasses', async () => hibpDataClassNames());

  // --- Feed and logos ------------------------------------------------------------------------------
  app.get('/feeds/breaches.atom', async (request, reply) => {
    const lang = (request.query as Record<string, unknown>)['lang'];
    const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
    const all = await catalogue.listAll();
    const newest = all.slice(0, 50).map((s) => s.breach);
    const updated = newest.reduce((max, b) => (b.modifiedAt > max ? b.modifiedAt : max), '1970-01-01T00:00:00Z');
    void reply.type('application/atom+xml; charset=utf-8');
    return renderAtomFeed(newest, { baseUrl: baseUrl(request), locale, title: options.feedTitle(locale), updated });
  });

  app.get('/logos/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const slug = file.endsWith('.svg') ? file.slice(0, -4) : file;
    const view = await catalogue.get(slug);
    void reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400');
    return logoSvg(view.breach.organisation.name);
  });
}

function listQuery(raw: unknown): Record<string, unknown> {
  // Query strings are text; the shared query schema coerces numbers itself.
  const q = { ...(raw as Record<string, unknown>) };
  for (const [k, v] of Object.entries(q)) if (v === '') delete q[k];
  if (q['includeRetired'] !== undefined) q['includeRetired'] = q['includeRetired'] === 'true';
  return q;
}

function ifMatchRevision(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!m) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be an ETag returned by this API, such as "3"', {
      issues: [{ path: 'headers.if-match', message: 'must be a quoted revision number' }],
    });
  }
  return Number(m[1]);
}

/** A plain monogram: no third-party logo is fetched or stored. */
function logoSvg(name: string): string {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w))
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${escapeHtml(name)}"><rect width="128" height="128" rx="16" fill="hsl(${hue} 55% 30%)"/><text x="64" y="78" font-family="sans-serif" font-size="48" font-weight="700" text-anchor="middle" fill="#fff">${escapeHtml(initials)}</text></svg>`;
}
