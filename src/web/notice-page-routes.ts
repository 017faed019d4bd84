import type { FastifyInstance } from 'fastify';
import { SLUG_PATTERN } from '../modules/catalogue/index.js';
import type { PublicNotices } from '../modules/notices/index.js';
import { isAppError } from '../platform/errors.js';
import { renderNoNoticePage, renderPublicNoticePage } from './ui/notice-pages.js';
import { pageContext } from './ui-routes.js';

/**
 * The public notice page (GDPR Art. 34(3)(c)): /notices/{slug}, the organisation's communication to the
 * people concerned, in English, French or Swedish (?lang=), readable by anyone without signing in. A
 * notice never published, or withdrawn, answers 404 with a page that says so.
 */
export function registerNoticePageRoutes(app: FastifyInstance, notices: Pick<PublicNotices, 'published'>): void {
  app.get('/notices/:slug', async (request, reply) => {
    const ctx = pageContext(request);
    const { slug } = request.params as { slug: string };
    void reply.type('text/html; charset=utf-8').header('vary', 'Accept-Language, Cookie');
    if (!SLUG_PATTERN.test(slug)) return reply.code(404).send(renderNoNoticePage(ctx));
    try {
      return reply.send(renderPublicNoticePage(ctx, await notices.published(slug)));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'NOTICE_NOT_FOUND') throw error;
      return reply.code(404).send(renderNoNoticePage(ctx));
    }
  });
}
