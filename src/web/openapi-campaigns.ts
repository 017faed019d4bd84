import { z } from 'zod';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATES,
  campaignConfigSchema,
  CHANNELS,
  MESSAGE_STATES,
  RECIPIENT_STATES,
} from '../modules/campaigns/index.js';
import { configureCampaignBody, createCampaignBody } from '../modules/campaigns/campaigns.routes.js';
import { ELEMENT_CODES } from '../modules/incidents/communication-check/index.js';
import { LOCALES } from '../platform/locale.js';

/**
 * The notification campaigns' part of the OpenAPI description (src/web/openapi.ts), generated from the
 * zod schemas the routes validate with where there is one.
 */

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const ok = (description: string, schema: unknown) => ({ description, content: json(schema) });
const count = { type: 'integer', minimum: 0 };
const perState = (states: readonly string[]) => ({
  type: 'object',
  required: [...states],
  properties: Object.fromEntries(states.map((s) => [s, count])),
});

/** The schemas the campaign paths refer to, for components.schemas. */
export function campaignSchemas(): Record<string, unknown> {
  return {
    CampaignCreate: jsonSchema(createCampaignBody),
    CampaignConfig: jsonSchema(campaignConfigSchema),
    CampaignPatch: jsonSchema(configureCampaignBody),
    Campaign: {
      type: 'object',
      required: ['id', 'incidentId', 'name', 'state', 'actions', 'recipients', 'config', 'revision', 'createdAt'],
      properties: {
        id: { type: 'string' },
        incidentId: { type: 'string' },
        name: { type: 'string' },
        state: { type: 'string', enum: [...CAMPAIGN_STATES] },
        actions: { type: 'array', items: { type: 'string', enum: [...CAMPAIGN_ACTIONS] }, description: 'What can be done in this state.' },
        recipients: { ...count, description: 'People copied from the kept contacts when the campaign was created.' },
        config: {
          type: 'object',
          description:
            'The configuration (see CampaignConfig) and `facts`: what the campaign knows of its source (organisation, contact point, breach, its data classes), fixed at creation.',
        },
        revision: { type: 'integer', description: 'Increases on every change; send it in If-Match to PATCH.' },
        createdAt: { type: 'string' },
        startedAt: { type: ['string', 'null'] },
        closedAt: { type: ['string', 'null'] },
        purgeAfter: { type: ['string', 'null'], description: 'When the recipients and the data key are deleted.' },
      },
    },
    CampaignStats: {
      type: 'object',
      required: ['recipients', 'messages', 'uncertain', 'lastMinute', 'failures'],
      properties: {
        recipients: perState(RECIPIENT_STATES),
        messages: {
          type: 'object',
          description: 'Messages per channel and state.',
          properties: Object.fromEntries(CHANNELS.map((c) => [c, perState(MESSAGE_STATES)])),
        },
        uncertain: { ...count, description: 'Sent, but the server’s answer was never seen (a worker stopped): never sent again.' },
        lastMinute: {
          type: 'object',
          properties: Object.fromEntries(CHANNELS.map((c) => [c, count])),
          description: 'Sent in the last minute.',
        },
        failures: {
          type: 'array',
          description: 'The most frequent failure details (a code or status line, never an address).',
          items: {
            type: 'object',
            properties: {
              channel: { type: 'string', enum: [...CHANNELS] },
              state: { type: 'string', enum: [...MESSAGE_STATES] },
              detail: { type: 'string' },
              count,
            },
          },
        },
      },
    },
    TemplateProblem: {
      type: 'object',
      required: ['channel', 'locale', 'missing'],
      properties: {
        channel: { type: 'string', enum: [...CHANNELS] },
        locale: { type: 'string', enum: [...LOCALES] },
        missing: { type: 'array', items: { type: 'string', enum: [...ELEMENT_CODES] } },
      },
    },
  };
}

/** /api/v1/orgs/{org}/campaigns: notification campaigns (issue 7, GDPR Art. 34). */
export function campaignPaths(): Record<string, unknown> {
  const security = [{ deskToken: [] }];
  const org = { name: 'org', in: 'path', required: true, schema: { type: 'string' }, description: 'The organisation slug.' };
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-Z]{26}$' } };
  const common = {
    '401': problem('No or invalid credentials (AUTH_REQUIRED, AUTH_INVALID).'),
    '403': problem('The role does not allow it (FORBIDDEN), or a cookie write without its anti-forgery token (CSRF_INVALID).'),
    '404': problem(
      "No such organisation that you belong to (ORGANISATION_NOT_FOUND), or no such campaign in it (CAMPAIGN_NOT_FOUND): another organisation's campaign answers the same.",
    ),
  };
  const campaign = { type: 'object', required: ['campaign'], properties: { campaign: ref('Campaign') } };
  return {
    '/api/v1/orgs/{org}/campaigns': {
      get: {
        operationId: 'deskCampaigns',
        summary: "The organisation's notification campaigns, newest first",
        security,
        parameters: [org],
        responses: {
          '200': ok('Campaigns.', { type: 'object', properties: { campaigns: { type: 'array', items: ref('Campaign') } } }),
          ...common,
        },
      },
      post: {
        operationId: 'deskCreateCampaign',
        summary: 'Create a draft campaign to inform every person of a breach the organisation published (analysts, DPOs, owners)',
        description:
          "The recipients are the contacts kept when the breach's file was ingested with --keep-contacts, copied into the campaign sealed under its own key. Templates left out start from the incident's words, in the organisation's language and the `config.locales` asked for. Field problems have paths in the body (`config.channels.0`).",
        security,
        parameters: [org],
        requestBody: { required: true, content: json(ref('CampaignCreate')) },
        responses: {
          '201': ok('Created; ETag is its revision; `unreadable` counts contacts sealed under another key.', {
            type: 'object',
            properties: { campaign: ref('Campaign'), unreadable: count },
          }),
          '400': problem('Invalid fields, each with its path (VALIDATION_FAILED).'),
          '422': problem('No contacts were kept for that breach, or no contacts key exists (CAMPAIGN_NO_CONTACTS).'),
          ...common,
          '404': problem(
            'No such organisation, incident (INCIDENT_NOT_FOUND) or breach published by this organisation (BREACH_NOT_FOUND, `breachSlug`).',
          ),
        },
      },
    },
    '/api/v1/orgs/{org}/campaigns/{id}': {
      get: {
        operationId: 'deskCampaign',
        summary: 'One campaign with its live statistics; ETag is its revision',
        security,
        parameters: [org, id],
        responses: {
          '200': ok('The campaign and its statistics.', {
            type: 'object',
            properties: { campaign: ref('Campaign'), stats: ref('CampaignStats') },
          }),
          ...common,
        },
      },
      patch: {
        operationId: 'deskConfigureCampaign',
        summary: 'Change the templates, retry hours and letter sender (draft only), the rates and retention (until closed)',
        description:
          'The fields given replace the current ones; the whole configuration is validated again. If-Match must name the revision.',
        security,
        parameters: [org, id, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json(ref('CampaignPatch')) },
        responses: {
          '200': ok('Saved; ETag is the new revision.', campaign),
          '400': problem('Invalid fields, a field that cannot change in this state, or no If-Match (VALIDATION_FAILED).'),
          '409': problem('Changed since that revision (CAMPAIGN_CONFLICT): nothing was overwritten.'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/campaigns/{id}/check': {
      get: {
        operationId: 'deskCheckCampaign',
        summary: 'The Art. 34(2) check of every template, as it would stop the campaign from starting',
        security,
        parameters: [org, id],
        responses: {
          '200': ok('Complete, or the templates with what they lack.', {
            type: 'object',
            properties: { complete: { type: 'boolean' }, problems: { type: 'array', items: ref('TemplateProblem') } },
          }),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/campaigns/{id}/actions/{action}': {
      post: {
        operationId: 'deskCampaignAction',
        summary: 'Start, pause, resume, cancel or close the campaign (DPOs and owners)',
        description:
          'Starting runs the Art. 34(2) check on every template; cancelling stops what is queued; closing (or cancelling) starts the retention period after which the recipients and the data key are deleted.',
        security,
        parameters: [org, id, { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: [...CAMPAIGN_ACTIONS] } }],
        responses: {
          '200': ok('Done: the campaign in its new state.', campaign),
          '400': problem('Not an action (VALIDATION_FAILED).'),
          '409': problem(
            'The action does not apply in this state (CAMPAIGN_STATE_INVALID), or the state changed meanwhile (CAMPAIGN_CONFLICT).',
          ),
          '422': problem('A template lacks what Art. 34(2) requires (CAMPAIGN_TEMPLATE_INCOMPLETE); `problems` says which and what.'),
          ...common,
        },
      },
    },
  };
}
