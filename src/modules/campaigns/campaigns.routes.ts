import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError, validationError } from '../../platform/errors.js';
import { LOCALES } from '../../platform/locale.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { DeskContext } from '../organisations/index.js';
import { CAMPAIGN_ACTIONS, CHANNELS } from './campaign.js';
import type { Campaigns } from './campaigns.js';

export interface CampaignRoutesOptions {
  readonly campaigns: Campaigns;
  readonly context: (request: FastifyRequest, organisationSlug: string) => Promise<DeskContext>;
}

const ULID = /^[0-9A-Z]{26}$/;
const orgParams = z.object({ org: z.string().min(1).max(64) });
const campaignParams = orgParams.extend({ id: z.string().regex(ULID, 'a campaign id') });
const actionParams = campaignParams.extend({
  action: z.enum(CAMPAIGN_ACTIONS, { error: `must be one of: ${CAMPAIGN_ACTIONS.join(', ')}` }),
});

/**
 * What creating needs; the rest of `config` (templates, rates, retention, letter sender) is validated by
 * the service with the campaign's own schema. The channels and languages are checked here first because
 * the service builds the starting texts from them.
 */
export const createCampaignBody = z.strictObject({
  incidentId: z.string().regex(ULID, 'must be an incident id'),
  breachSlug: z.string().min(1, 'must not be empty').max(64),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  config: z
    .looseObject({
      channels: z
        .array(z.enum(CHANNELS, { error: `must be one of: ${CHANNELS.join(', ')}` }))
        .min(1, 'must name at least one channel')
        .max(3)
        .refine((cs) => new Set(cs).size === cs.length, 'must not name a channel twice')
        .optional(),
      locales: z
        .array(z.enum(LOCALES, { error: `must be one of: ${LOCALES.join(', ')}` }))
        .min(1)
        .max(3)
        .optional(),
    })
    .default({}),
});

/** What may change after creation: templates (draft only), rates and retention (until closed). */
export const configureCampaignBody = z.strictObject({
  templates: z.unknown().optional(),
  rates: z.unknown().optional(),
  retentionDays: z.unknown().optional(),
  retryHours: z.unknown().optional(),
  letterSender: z.unknown().optional(),
});

/** The revision an edit was made from: `If-Match: "3"` (or 3). Required, so no edit overwrites blindly. */
function expectedRevision(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const value = typeof header === 'string' ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())?.[1] : undefined;
  if (value === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Send the revision you edited in If-Match (the ETag of GET), so that no edit overwrites another',
      {
        issues: [{ path: 'If-Match', message: 'required: the revision the edit was made from' }],
      },
    );
  }
  return Number(value);
}

/** The service validates `config` on its own: its field paths become paths of the request body. */
async function underConfig<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
      throw validationError(
        error.issues.map((i) => ({ ...i, path: i.path === '' ? 'config' : `config.${i.path}` })),
        'campaign configuration',
      );
    }
    throw error;
  }
}

/**
 * Notification campaigns over HTTP (issue 7): /api/v1/orgs/{org}/campaigns. The organisation is resolved
 * before anything else is read, so another organisation's campaign answers exactly like one that does not
 * exist. Reads give the revision as ETag; PATCH needs it in If-Match.
 */
export function registerCampaignRoutes(app: FastifyInstance, options: CampaignRoutesOptions): void {
  const { campaigns } = options;
  const ctxOf = (request: FastifyRequest) => options.context(request, parseOrThrow(orgParams, request.params, 'path').org);
  const location = (ctx: DeskContext, id: string) => `/api/v1/orgs/${ctx.organisation.slug}/campaigns/${id}`;

  app.get('/api/v1/orgs/:org/campaigns', async (request) => ({ campaigns: await campaigns.list(await ctxOf(request)) }));

  app.post('/api/v1/orgs/:org/campaigns', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    const ctx = await ctxOf(request);
    const body = parseOrThrow(createCampaignBody, request.body, 'body');
    const { unreadable, ...campaign } = await underConfig(() => campaigns.create(ctx, body));
    return reply
      .code(201)
      .header('location', location(ctx, campaign.id))
      .header('etag', `"${campaign.revision}"`)
      .send({ campaign, unreadable });
  });

  app.get('/api/v1/orgs/:org/campaigns/:id', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(campaignParams, request.params, 'path');
    const campaign = await campaigns.get(ctx, id);
    const stats = await campaigns.stats(ctx, id);
    return reply.header('etag', `"${campaign.revision}"`).send({ campaign, stats });
  });

  app.get('/api/v1/orgs/:org/campaigns/:id/check', async (request) => {
    const ctx = await ctxOf(request);
    const problems = await campaigns.checkTemplates(ctx, parseOrThrow(campaignParams, request.params, 'path').id);
    return { complete: problems.length === 0, problems };
  });

  app.patch('/api/v1/orgs/:org/campaigns/:id', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id } = parseOrThrow(campaignParams, request.params, 'path');
    const patch = parseOrThrow(configureCampaignBody, request.body, 'body');
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const campaign = await campaigns.configure(ctx, id, defined, expectedRevision(request));
    return reply.header('etag', `"${campaign.revision}"`).send({ campaign });
  });

  app.post('/api/v1/orgs/:org/campaigns/:id/actions/:action', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { id, action } = parseOrThrow(actionParams, request.params, 'path');
    const campaign = await campaigns.act(ctx, id, action);
    return reply.header('etag', `"${campaign.revision}"`).send({ campaign });
  });
}
