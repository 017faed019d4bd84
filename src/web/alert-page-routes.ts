import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Alerts } from '../modules/alerts/index.js';
import { isAppError } from '../platform/errors.js';
import { renderAlertActionPage, renderAlertOutcomePage, type AlertOutcome } from './ui/alert-pages.js';
import { pageContext } from './ui-routes.js';

const tokenFrom = (request: FastifyRequest): string => {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body['token'] === 'string' ? body['token'] : undefined;
  const fromQuery = (request.query as Record<string, unknown>)['token'];
  return fromBody ?? (typeof fromQuery === 'string' ? fromQuery : '');
};

/**
 * The pages behind the links in alert emails. GET shows a button, POST acts: link scanners that open
 * every URL in a message cannot confirm or delete anything. POST /alerts/unsubscribe?token=… with the body
 * `List-Unsubscribe=One-Click` is the RFC 8058 one-click unsubscribe mail clients send.
 */
/** The tokens in these URLs are capabilities (confirm, delete): request logs get the path without them. */
const logSerializers = {
  req: (request: FastifyRequest) => ({ method: request.method, url: request.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]') }),
};

export function registerAlertPageRoutes(app: FastifyInstance, alerts: Alerts): void {
  const act = async (request: FastifyRequest, kind: 'confirm' | 'unsubscribe'): Promise<{ code: number; outcome: AlertOutcome }> => {
    try {
      const token = tokenFrom(request);
      return { code: 200, outcome: kind === 'confirm' ? await alerts.confirm(token) : await alerts.unsubscribe(token) };
    } catch (error) {
      if (isAppError(error) && error.code === 'ALERT_TOKEN_INVALID') return { code: 404, outcome: 'invalid' };
      throw error;
    }
  };

  for (const kind of ['confirm', 'unsubscribe'] as const) {
    app.get(`/alerts/${kind}`, { logSerializers }, async (request, reply) => {
      const ctx = pageContext(request);
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const token = tokenFrom(request);
      if (token === '') return reply.code(404).send(renderAlertOutcomePage(ctx, 'invalid'));
      return renderAlertActionPage(ctx, kind, token);
    });
    app.post(`/alerts/${kind}`, { bodyLimit: 2048, logSerializers }, async (request, reply) => {
      const { code, outcome } = await act(request, kind);
      void reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store');
      return renderAlertOutcomePage(pageContext(request), outcome);
    });
  }
}
