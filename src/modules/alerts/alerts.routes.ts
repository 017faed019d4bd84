import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { Alerts } from './alerts.js';
import { MAX_WATCHES } from './alerts.js';

export interface AlertRoutesOptions {
  readonly alerts: Alerts;
  /**
   * Charges one subscription to the caller: the confirmation email is the only thing a stranger can make us
   * send to an address, so it is rate-limited like the look-up. Null: no limits (tests only).
   */
  readonly rateLimit: ((request: FastifyRequest) => Promise<{ allowed: boolean; retryAfterSeconds: number }>) | null;
}

const TAG_B64URL = /^[A-Za-z0-9_-]{22}$/;
const subscribeBody = z
  .object({
    email: z.string().max(256),
    locale: z.enum(['en', 'fr', 'sv']),
    watches: z
      .array(
        z
          .object({
            epoch: z.number().int().min(1),
            bucketHash: z.number().int().min(0).max(0x7fffffff),
            tag: z.string().regex(TAG_B64URL, 'a tag is 16 bytes of base64url (22 characters)'),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_WATCHES),
  })
  .strict();
const tokenBody = z.object({ token: z.string().min(1).max(200) }).strict();

/**
 * Alerts about future breaches (issue 5), JSON API:
 * - POST /api/v1/alerts/subscriptions: an address and the watched identifiers' derived values (from the
 *   browser's OPRF outputs, never the identifiers); queues the confirmation email. Always 202, so the
 *   answer does not reveal whether the address is already subscribed.
 * - POST /api/v1/alerts/confirm and /api/v1/alerts/unsubscribe: the token from the email's link.
 * Request bodies are never logged: the address is personal data.
 */
export function registerAlertRoutes(app: FastifyInstance, options: AlertRoutesOptions): void {
  const { alerts } = options;

  app.post('/api/v1/alerts/subscriptions', { bodyLimit: 8192 }, async (request, reply) => {
    const body = parseOrThrow(subscribeBody, request.body, 'body');
    if (options.rateLimit) {
      const decision = await options.rateLimit(request);
      if (!decision.allowed) {
        void reply.header('retry-after', String(decision.retryAfterSeconds));
        throw new AppError('RATE_LIMITED', `Too many subscriptions from this address; try again in ${decision.retryAfterSeconds} s`, {
          data: { retryAfterSeconds: decision.retryAfterSeconds, scope: 'client' },
        });
      }
    }
    await alerts.subscribe({
      email: body.email,
      locale: body.locale,
      watches: body.watches.map((w) => ({
        epoch: w.epoch,
        bucketHash: w.bucketHash,
        tag: new Uint8Array(Buffer.from(w.tag, 'base64url')),
      })),
    });
    return reply.code(202).send({ status: 'confirmation-sent' });
  });

  app.post('/api/v1/alerts/confirm', { bodyLimit: 1024 }, async (request) => {
    const { token } = parseOrThrow(tokenBody, request.body, 'body');
    return { status: await alerts.confirm(token) };
  });

  app.post('/api/v1/alerts/unsubscribe', { bodyLimit: 1024 }, async (request) => {
    const { token } = parseOrThrow(tokenBody, request.body, 'body');
    return { status: await alerts.unsubscribe(token) };
  });
}
