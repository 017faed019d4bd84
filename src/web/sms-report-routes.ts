import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Campaigns } from '../modules/campaigns/index.js';
import type { SmsDeliveryReportParser } from '../modules/campaigns/sms/index.js';

export interface SmsReportRoutesOptions {
  readonly campaigns: Pick<Campaigns, 'smsReport'>;
  readonly parse: SmsDeliveryReportParser;
  /** The secret in the callback URL the provider is given (SMS_DELIVERY_REPORT_URL): the provider signs nothing. */
  readonly token: string;
}

/**
 * The SMS provider's delivery reports: POST /hooks/sms/:token (form-encoded). A wrong token is a 404, like a
 * route that does not exist. A final report settles the message (delivered, or failed: the next channel is
 * queued); a progress report ("sent") is acknowledged and ignored. Anything else but an unreadable report
 * answers 204, because the provider repeats what is not acknowledged for hours.
 */
export function registerSmsReportRoutes(app: FastifyInstance, options: SmsReportRoutesOptions): void {
  const expected = Buffer.from(options.token);
  app.post<{ Params: { token: string } }>('/hooks/sms/:token', async (request, reply) => {
    const given = Buffer.from(request.params.token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(404).send({ type: 'about:blank', title: 'Not found', status: 404 });
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = options.parse(body, request.query as Record<string, unknown>);
    if (parsed.kind === 'invalid')
      return reply.code(400).send({ type: 'about:blank', title: 'Unreadable report', status: 400, problem: parsed.problem });
    if (parsed.kind === 'final') {
      await options.campaigns.smsReport({
        providerId: parsed.report.providerId,
        status: parsed.report.status,
        ...(parsed.report.reference === undefined ? {} : { reference: parsed.report.reference }),
      });
    }
    return reply.code(204).send();
  });
}
