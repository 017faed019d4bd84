import { z } from 'zod';
import { incidentDraftSchema } from '../modules/incidents/model/incident.js';
import { BREACH_SORTS, breachInputSchema, SECTORS } from '../modules/catalogue/index.js';
import { ERROR_CODES } from '../platform/errors.js';
import { campaignPaths, campaignSchemas } from './openapi-campaigns.js';

/**
 * The OpenAPI 3.1 description, generated from the same zod schemas that validate requests, so the two
 * cannot disagree. Committed as docs/openapi.json; a test fails when the committed copy drifts, and
 * another when a registered route is missing from it.
 */

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const breachResourceSchema = z.object({
  ...breachInputSchema.shape,
  addedAt: z.string().describe('ISO 8601 UTC instant the breach entered the catalogue.'),
  modifiedAt: z.string().describe('ISO 8601 UTC instant of the last change.'),
  revision: z.number().int().describe('Increases on every change; send it back in If-Match to update safely.'),
  related: z.array(z.string()).describe('Slugs of related breaches, in either direction (empty in listings).'),
});

const hibpBreachSchema = z.object({
  Name: z.string(),
  Title: z.string(),
  Domain: z.string(),
  BreachDate: z.string().describe('YYYY-MM-DD; a guide only.'),
  AddedDate: z.string(),
  ModifiedDate: z.string(),
  PwnCount: z.number().int().describe('People affected (0 when unknown).'),
  Description: z.string().describe('HTML, English.'),
  LogoPath: z.string(),
  Attribution: z.string().nullable(),
  DataClasses: z.array(z.string()),
  IsVerified: z.boolean(),
  IsFabricated: z.boolean(),
  IsSensitive: z.boolean(),
  IsRetired: z.boolean(),
  IsSpamList: z.boolean(),
  IsMalware: z.boolean(),
  IsSubscriptionFree: z.boolean(),
  IsStealerLog: z.boolean(),
});

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  instance: z.string().optional(),
  problems: z
    .array(z.object({ locale: z.string(), missing: z.array(z.string()), channel: z.string().optional() }))
    .optional()
    .describe('CAMPAIGN_TEMPLATE_INCOMPLETE, NOTICE_INCOMPLETE: what the Art. 34(2) check found missing, per template or language.'),
});

const dataClassSchema = z.object({
  code: z.string(),
  labels: z.object({ en: z.string(), fr: z.string(), sv: z.string() }),
  enisaCategory: z.enum(['simple', 'behavioural', 'financial', 'sensitive']),
  lookupKinds: z.array(z.string()),
  hibpName: z.string().nullable(),
  edpbType: z.string(),
  specialCategory: z.boolean(),
  since: z.number().int(),
  deprecatedIn: z.number().int().nullable(),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } };
const security = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'breachdesk API',
      version: '1.0.0',
      description:
        "The public catalogue of personal-data breaches. /api/v1 is breachdesk's own API; /api/v3 reads the same catalogue with the paths, field names and types of the Have I Been Pwned API v3. Errors are RFC 9457 problem documents with a stable `code` (see docs/errors.md).",
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/breaches': {
        get: {
          operationId: 'listBreaches',
          summary: 'List breaches, filtered and sorted',
          parameters: [
            { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z]{2}$' } },
            { name: 'sector', in: 'query', schema: { type: 'string', enum: [...SECTORS] } },
            { name: 'dataClass', in: 'query', schema: { type: 'string' }, description: 'A data-class code from /api/v1/data-classes.' },
            {
              name: 'text',
              in: 'query',
              schema: { type: 'string', maxLength: 100 },
              description: 'Words in the title or organisation name.',
            },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: [...BREACH_SORTS], default: 'date' } },
            { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'], default: 'desc' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            '200': {
              description: 'A page of breaches.',
              content: json({
                type: 'object',
                required: ['items', 'total', 'limit', 'offset'],
                properties: {
                  items: { type: 'array', items: ref('Breach') },
                  total: { type: 'integer' },
                  limit: { type: 'integer' },
                  offset: { type: 'integer' },
                },
              }),
            },
            '400': problem('Invalid query parameter.'),
          },
        },
        post: {
          operationId: 'createBreach',
          summary: 'Add a breach (API key required)',
          security,
          requestBody: { required: true, content: json(ref('BreachInput')) },
          responses: {
            '201': {
              description: 'Created.',
              content: json(ref('Breach')),
              headers: { Location: { schema: { type: 'string' } }, ETag: { schema: { type: 'string' } } },
            },
            '400': problem('The body is not a valid breach; `errors` lists every field and why.'),
            '401': problem('Missing or invalid API key.'),
            '409': problem('A breach with this slug (or the same HIBP Name) exists.'),
          },
        },
      },
      '/api/v1/breaches/{slug}': {
        get: {
          operationId: 'getBreach',
          summary: 'One breach',
          parameters: [slugParam],
          responses: { '200': { description: 'The breach.', content: json(ref('Breach')) }, '404': problem('No such breach.') },
        },
        put: {
          operationId: 'replaceBreach',
          summary: 'Replace a breach (API key required)',
          description:
            'The whole breach is sent; the slug never changes. Send If-Match with the ETag you read to avoid overwriting a concurrent change.',
          security,
          parameters: [slugParam, { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, content: json(ref('BreachInput')) },
          responses: {
            '200': { description: 'Replaced.', content: json(ref('Breach')) },
            '400': problem('Invalid body, or its slug differs from the path.'),
            '401': problem('Missing or invalid API key.'),
            '404': problem('No such breach.'),
            '409': problem('The breach changed since the If-Match revision.'),
          },
        },
      },
      '/api/v1/data-classes': {
        get: {
          operationId: 'listDataClasses',
          summary: 'The versioned data-class taxonomy',
          responses: {
            '200': {
              description: 'Every data class with its labels, ENISA category, look-up kinds and HIBP name.',
              content: json({
                type: 'object',
                required: ['version', 'items'],
                properties: { version: { type: 'integer' }, items: { type: 'array', items: ref('DataClass') } },
              }),
            },
          },
        },
      },
      '/api/v3/breaches': {
        get: {
          operationId: 'hibpBreaches',
          summary: 'All breaches (HIBP v3 compatible)',
          parameters: [
            {
              name: 'Domain',
              in: 'query',
              schema: { type: 'string' },
              description: 'Only breaches of this domain (case-insensitive); `domain` is accepted too.',
            },
            { name: 'IsSpamList', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
          ],
          responses: {
            '200': { description: 'Breaches, newest addition first.', content: json({ type: 'array', items: ref('HibpBreach') }) },
          },
        },
      },
      '/api/v3/breach/{name}': {
        get: {
          operationId: 'hibpBreach',
          summary: 'One breach by its HIBP Name, case-insensitive (HIBP v3 compatible)',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The breach.', content: json(ref('HibpBreach')) }, '404': problem('No such breach.') },
        },
      },
      '/api/v3/latestbreach': {
        get: {
          operationId: 'hibpLatestBreach',
          summary: 'The most recently added breach (HIBP v3 compatible)',
          responses: { '200': { description: 'The breach.', content: json(ref('HibpBreach')) }, '404': problem('The catalogue is empty.') },
        },
      },
      '/api/v3/dataclasses': {
        get: {
          operationId: 'hibpDataClasses',
          summary: 'Data class names (HIBP v3 compatible)',
          responses: {
            '200': {
              description: 'Names, HIBP spelling where HIBP has the class.',
              content: json({ type: 'array', items: { type: 'string' } }),
            },
          },
        },
      },
      '/feeds/breaches.atom': {
        get: {
          operationId: 'breachFeed',
          summary: 'Atom feed of newly added breaches',
          parameters: [{ name: 'lang', in: 'query', schema: { type: 'string', enum: ['en', 'fr', 'sv'] } }],
          responses: { '200': { description: 'Atom 1.0 feed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } } },
        },
      },
      '/api/v1/oprf/evaluate': {
        post: {
          operationId: 'oprfEvaluate',
          summary: 'Evaluate blinded elements under the current key (RFC 9497 BlindEvaluate, ristretto255-SHA512)',
          description:
            'The online half of the private look-up. Send the blinded elements produced by an RFC 9497 client (at most maxBatch, ' +
            'including one canary from the manifest); the response has the evaluated elements in the same order. Malformed ' +
            'bodies, invalid points and oversized batches are refused before anything is evaluated or charged. Rate limited per ' +
            'client address and globally (429 with Retry-After).',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              additionalProperties: false,
              required: ['epoch', 'elements'],
              properties: {
                epoch: { type: 'integer', minimum: 1, description: 'The key epoch of the manifest the client uses.' },
                elements: {
                  type: 'array',
                  minItems: 1,
                  maxItems: 8,
                  items: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', description: '32-byte ristretto255 encoding, base64url.' },
                },
              },
            }),
          },
          responses: {
            '200': {
              description: 'Evaluated elements, same order and count.',
              content: json({
                type: 'object',
                properties: { epoch: { type: 'integer' }, evaluated: { type: 'array', items: { type: 'string' } } },
              }),
            },
            '400': problem('Malformed body, invalid element (OPRF_INVALID_ELEMENT) or too many elements (OPRF_BATCH_TOO_LARGE).'),
            '409': problem('Unknown key epoch: fetch the manifest again (LOOKUP_EPOCH_UNKNOWN).'),
            '429': problem('Rate limited (RATE_LIMITED); see Retry-After.'),
          },
        },
      },
      '/api/v1/alerts/subscriptions': {
        post: {
          operationId: 'alertSubscribe',
          summary: 'Ask for an email when a future breach contains a watched identifier (double opt-in)',
          description:
            'The browser sends, per identifier the person chose to watch, only the bucket hash and 16-byte tag its look-up ' +
            'derived from the OPRF output (never the identifier), with the email address to alert. breachdesk seals the ' +
            'address at rest and emails a confirmation link; nothing else is sent until it is used. Always 202, whether or ' +
            'not the address is already subscribed. Rate limited per client address (429 with Retry-After).',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              additionalProperties: false,
              required: ['email', 'locale', 'watches'],
              properties: {
                email: { type: 'string', maxLength: 256, description: 'Where alerts go; confirmed by a link before any alert.' },
                locale: { type: 'string', enum: ['en', 'fr', 'sv'], description: 'Language of the emails.' },
                watches: {
                  type: 'array',
                  minItems: 1,
                  maxItems: 8,
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['epoch', 'bucketHash', 'tag'],
                    properties: {
                      epoch: { type: 'integer', minimum: 1, description: 'The key epoch the values were derived under.' },
                      bucketHash: { type: 'integer', minimum: 0, maximum: 2147483647 },
                      tag: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$', description: '16 bytes, base64url.' },
                    },
                  },
                },
              },
            }),
          },
          responses: {
            '202': {
              description: 'Recorded; a confirmation email is on its way.',
              content: json({ type: 'object', properties: { status: { type: 'string', enum: ['confirmation-sent'] } } }),
            },
            '400': problem('Invalid address, language or watched values, with field-level errors (VALIDATION_FAILED).'),
            '429': problem('Rate limited (RATE_LIMITED); see Retry-After.'),
          },
        },
      },
      '/api/v1/alerts/confirm': {
        post: {
          operationId: 'alertConfirm',
          summary: 'Confirm a subscription with the token from the confirmation email',
          requestBody: {
            required: true,
            content: json({ type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string' } } }),
          },
          responses: {
            '200': {
              description: 'Confirmed now, or already.',
              content: json({ type: 'object', properties: { status: { type: 'string', enum: ['confirmed', 'already'] } } }),
            },
            '404': problem('Token not ours, or the subscription expired (ALERT_TOKEN_INVALID).'),
          },
        },
      },
      '/api/v1/alerts/unsubscribe': {
        post: {
          operationId: 'alertUnsubscribe',
          summary: 'Stop alerts and delete everything kept about the subscriber',
          requestBody: {
            required: true,
            content: json({ type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string' } } }),
          },
          responses: {
            '200': {
              description: 'Deleted now, or there was nothing left.',
              content: json({ type: 'object', properties: { status: { type: 'string', enum: ['deleted', 'gone'] } } }),
            },
            '404': problem('Token not ours (ALERT_TOKEN_INVALID).'),
          },
        },
      },
      ...deskPaths(),
      ...campaignPaths(),
      '/api/v1/lookup/manifest': {
        get: {
          operationId: 'lookupManifest',
          summary: 'The look-up manifest: epoch, suite, key fingerprint, bucket layout, Merkle root, canaries, breaches',
          responses: {
            '200': { description: 'The current publication (ETag; cache 60 s).', content: json({ type: 'object' }) },
            '304': { description: 'Not modified.' },
            '503': problem('Nothing published yet (LOOKUP_NOT_PUBLISHED).'),
          },
        },
      },
      '/api/v1/lookup/{publication}/{bucket}': {
        get: {
          operationId: 'lookupBucket',
          summary: 'One bucket file: padded, sorted entries followed by its Merkle proof (immutable)',
          parameters: [
            { name: 'publication', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } },
            { name: 'bucket', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{1,6}\\.bin$' } },
          ],
          responses: {
            '200': {
              description: 'The bucket file.',
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            },
            '404': problem('No such bucket in that publication.'),
          },
        },
      },
      '/api/docs': {
        get: {
          operationId: 'openApiDocument',
          summary: 'This OpenAPI description',
          responses: { '200': { description: 'OpenAPI 3.1 document.', content: json({ type: 'object' }) } },
        },
      },
      '/api/v1/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness and database reachability',
          responses: {
            '200': {
              description: 'Serving.',
              content: json({ type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } }),
            },
            '503': problem('The database is unreachable.'),
          },
        },
      },
    },
    components: {
      schemas: {
        BreachInput: jsonSchema(breachInputSchema, 'input'),
        Breach: jsonSchema(breachResourceSchema, 'output'),
        HibpBreach: jsonSchema(hibpBreachSchema, 'output'),
        DataClass: jsonSchema(dataClassSchema, 'output'),
        Problem: jsonSchema(problemSchema, 'output'),
        IncidentInput: jsonSchema(incidentDraftSchema, 'input'),
        ...campaignSchemas(),
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key from `breachdesk api-key create`.' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        deskToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A personal desk token (`bdt_…`) made in the console or with POST /api/v1/orgs/{org}/tokens. It acts in its organisation with its user's role. The console's session cookie works too; writes with the cookie must send the session's `x-csrf-token`.",
        },
      },
    },
  };
}

/** The organisation desk's API (issue 6): members, personal tokens and the audit log of one organisation. */
function deskPaths(): Record<string, unknown> {
  const security = [{ deskToken: [] }];
  const org = { name: 'org', in: 'path', required: true, schema: { type: 'string' }, description: 'The organisation slug.' };
  const userId = { name: 'userId', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-Z]{26}$' } };
  const incidentId = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-Z]{26}$' } };
  const tokenId = { name: 'tokenId', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9A-Z]{26}$' } };
  const role = { type: 'string', enum: ['owner', 'dpo', 'analyst', 'read-only'] };
  const member = {
    type: 'object',
    properties: { id: { type: 'string' }, email: { type: 'string' }, displayName: { type: 'string' }, role, since: { type: 'string' } },
  };
  const tokenInfo = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      createdAt: { type: 'string' },
      lastUsedAt: { type: ['string', 'null'] },
      revokedAt: { type: ['string', 'null'] },
    },
  };
  const common = {
    '401': problem('No or invalid credentials (AUTH_REQUIRED, AUTH_INVALID).'),
    '403': problem('The role does not allow it (FORBIDDEN), or a cookie write without its anti-forgery token (CSRF_INVALID).'),
    '404': problem('No such organisation that you belong to, or no such record in it (ORGANISATION_NOT_FOUND).'),
  };
  const ok = (description: string, schema: unknown) => ({ description, content: json(schema) });
  const status = (value: string) => ok(value, { type: 'object', properties: { status: { type: 'string', enum: [value] } } });
  return {
    '/api/v1/orgs/{org}': {
      get: {
        operationId: 'deskOrganisation',
        summary: 'The organisation and your role in it',
        security,
        parameters: [org],
        responses: {
          '200': ok('The organisation.', { type: 'object', properties: { organisation: { type: 'object' }, role } }),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/members': {
      get: {
        operationId: 'deskMembers',
        summary: 'The members and their roles',
        security,
        parameters: [org],
        responses: { '200': ok('Members.', { type: 'object', properties: { members: { type: 'array', items: member } } }), ...common },
      },
      post: {
        operationId: 'deskAddMember',
        summary: 'Add a member (owners only); a new user needs an initial password of 12 characters or more',
        security,
        parameters: [org],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['email', 'role'],
            properties: { email: { type: 'string' }, displayName: { type: 'string' }, role, password: { type: 'string' } },
          }),
        },
        responses: {
          '201': ok('Added.', { type: 'object', properties: { member } }),
          '400': problem('Invalid fields (VALIDATION_FAILED).'),
          '409': problem('Already a member (ORGANISATION_CONFLICT).'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/members/{userId}': {
      patch: {
        operationId: 'deskChangeRole',
        summary: "Change a member's role (owners only; the last owner stays owner)",
        security,
        parameters: [org, userId],
        requestBody: {
          required: true,
          content: json({ type: 'object', additionalProperties: false, required: ['role'], properties: { role } }),
        },
        responses: { '200': status('changed'), '409': problem('The last owner (ORGANISATION_CONFLICT).'), ...common },
      },
      delete: {
        operationId: 'deskRemoveMember',
        summary: 'Remove a member (owners only); their tokens here are revoked',
        security,
        parameters: [org, userId],
        responses: { '200': status('removed'), '409': problem('The last owner (ORGANISATION_CONFLICT).'), ...common },
      },
    },
    '/api/v1/orgs/{org}/tokens': {
      get: {
        operationId: 'deskTokens',
        summary: 'Your personal API tokens in this organisation',
        security,
        parameters: [org],
        responses: {
          '200': ok('Tokens (never their secrets).', { type: 'object', properties: { tokens: { type: 'array', items: tokenInfo } } }),
          ...common,
        },
      },
      post: {
        operationId: 'deskCreateToken',
        summary: 'Create a personal API token; the token is in this response only',
        security,
        parameters: [org],
        requestBody: {
          required: true,
          content: json({ type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } }),
        },
        responses: { '201': ok('Created.', { type: 'object', properties: { token: { type: 'string' }, info: tokenInfo } }), ...common },
      },
    },
    '/api/v1/orgs/{org}/tokens/{tokenId}': {
      delete: {
        operationId: 'deskRevokeToken',
        summary: 'Revoke one of your tokens',
        security,
        parameters: [org, tokenId],
        responses: { '200': status('revoked'), ...common },
      },
    },
    '/api/v1/orgs/{org}/incidents': {
      get: {
        operationId: 'deskIncidents',
        summary: 'The incident register: every incident, notified or not, with its 72-hour clock',
        security,
        parameters: [org],
        responses: {
          '200': ok('Incidents, newest first.', {
            type: 'object',
            properties: { incidents: { type: 'array', items: { type: 'object' } } },
          }),
          ...common,
        },
      },
      post: {
        operationId: 'deskCreateIncident',
        summary: 'Record an incident (EDPB notification template fields; only the title is required at first)',
        security,
        parameters: [org],
        requestBody: { required: true, content: json(ref('IncidentInput')) },
        responses: {
          '201': ok('Recorded; ETag is its revision.', {
            type: 'object',
            properties: { incident: { type: 'object' }, revision: { type: 'integer' }, clock: { type: 'object' } },
          }),
          '400': problem('Invalid fields, each with its path (VALIDATION_FAILED).'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}': {
      get: {
        operationId: 'deskIncident',
        summary: 'One incident, its revision (also the ETag) and its 72-hour clock',
        security,
        parameters: [org, incidentId],
        responses: { '200': ok('The incident.', { type: 'object' }), ...common },
      },
      put: {
        operationId: 'deskUpdateIncident',
        summary: 'Replace the incident record; If-Match must name the revision the edit was made from',
        security,
        parameters: [org, incidentId, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json(ref('IncidentInput')) },
        responses: {
          '200': ok('Saved; ETag is the new revision.', { type: 'object' }),
          '400': problem('Invalid fields, or no If-Match (VALIDATION_FAILED).'),
          '409': problem('Changed since that revision (INCIDENT_CONFLICT): nothing was overwritten.'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}/notifications': {
      get: {
        operationId: 'deskNotifications',
        summary: 'The notifications issued to the authority for this incident, every version',
        security,
        parameters: [org, incidentId],
        responses: {
          '200': ok('Versions, oldest first.', {
            type: 'object',
            properties: { notifications: { type: 'array', items: { type: 'object' } } },
          }),
          ...common,
        },
      },
      post: {
        operationId: 'deskIssueNotification',
        summary: 'Issue the next notification to the authority (owners and DPOs), in the EDPB template structure',
        security,
        parameters: [org, incidentId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['kind'],
            properties: { kind: { type: 'string', enum: ['initial', 'follow-up', 'withdrawal'] } },
          }),
        },
        responses: {
          '201': ok('Issued: the notification with what changed since the previous version and what is still missing.', { type: 'object' }),
          '422': problem('Required content missing, each item with its path (NOTIFICATION_INCOMPLETE).'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/processors': {
      get: {
        operationId: 'deskProcessors',
        summary: 'The organisations you have declared as your processors',
        security,
        parameters: [org],
        responses: {
          '200': ok('Processors.', { type: 'object', properties: { processors: { type: 'array', items: { type: 'object' } } } }),
          ...common,
        },
      },
      post: {
        operationId: 'deskDeclareProcessor',
        summary: 'Declare an organisation as your processor (owners): it may then pass incidents on to you (Art. 33(2))',
        security,
        parameters: [org],
        requestBody: {
          required: true,
          content: json({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: { type: 'string' } } }),
        },
        responses: { '201': status('declared'), ...common },
      },
    },
    '/api/v1/orgs/{org}/processors/{processor}': {
      delete: {
        operationId: 'deskWithdrawProcessor',
        summary: 'Withdraw a processor declaration (owners)',
        security,
        parameters: [org, { name: 'processor', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': status('withdrawn'), ...common },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}/pass-on': {
      post: {
        operationId: 'deskPassOn',
        summary: 'As a processor, pass the incident on to controllers that declared you (Art. 33(2)); each gets its own linked incident',
        security,
        parameters: [org, incidentId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['controllers'],
            properties: { controllers: { type: 'array', items: { type: 'string' }, minItems: 1 } },
          }),
        },
        responses: {
          '200': ok('One line per controller: its new (or existing) incident.', {
            type: 'object',
            properties: { passedOn: { type: 'array', items: { type: 'object' } } },
          }),
          '400': problem("The incident is not recorded as a processor's (VALIDATION_FAILED)."),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}/notifications/{version}/pdf': {
      get: {
        operationId: 'deskNotificationPdf',
        summary: 'One notification version as an A4 PDF in the EDPB template structure (English, French or Swedish)',
        security,
        parameters: [
          org,
          incidentId,
          { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          {
            name: 'lang',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['en', 'fr', 'sv'] },
            description: "Default: the organisation country's language.",
          },
        ],
        responses: {
          '200': { description: 'The PDF.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}/publish': {
      post: {
        operationId: 'deskPublish',
        summary: 'Publish or update the public catalogue entry for this incident (owners and DPOs)',
        description:
          'Dates, counts, data classes, nature, cause and authority come from the incident; the organisation gives the slug, sector, public description (en, fr, sv) and sources. An organisation updates only entries it published.',
        security,
        parameters: [org, incidentId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['slug', 'sector', 'description', 'sources'],
            properties: {
              slug: { type: 'string' },
              sector: { type: 'string' },
              description: { type: 'object', properties: { en: { type: 'string' }, fr: { type: 'string' }, sv: { type: 'string' } } },
              sources: { type: 'array', items: { type: 'object' } },
              domain: { type: 'string' },
            },
          }),
        },
        responses: {
          '200': ok('Updated.', { type: 'object' }),
          '201': ok('Created.', { type: 'object' }),
          '400': problem('The entry would not be valid, field by field (VALIDATION_FAILED).'),
          '409': problem('The slug belongs to an entry your organisation did not publish (BREACH_SLUG_CONFLICT).'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}/assessments': {
      get: {
        operationId: 'deskAssessments',
        summary: 'The risk assessments recorded for this incident, with the decisions taken on them',
        security,
        parameters: [org, incidentId],
        responses: {
          '200': ok('Oldest first.', { type: 'object', properties: { assessments: { type: 'array', items: { type: 'object' } } } }),
          ...common,
        },
      },
      post: {
        operationId: 'deskRecordAssessment',
        summary: 'Record a risk assessment and the decision on it (owners and DPOs): the tool explains, the person decides',
        description:
          "The server runs the ENISA severity and the proposal again from the inputs, stores them with the decision and its written reason, and updates the incident's riskOutcome.",
        security,
        parameters: [org, incidentId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['enisa', 'edpb', 'measures', 'decision'],
            properties: {
              enisa: { type: 'object' },
              edpb: { type: 'object' },
              measures: { type: 'object' },
              decision: {
                type: 'object',
                required: ['notifyAuthority', 'informIndividuals', 'reason'],
                properties: {
                  notifyAuthority: { type: 'boolean' },
                  informIndividuals: {
                    type: 'string',
                    enum: ['required', 'not-required', 'exempt-34-3-a', 'exempt-34-3-b', 'public-communication-34-3-c'],
                  },
                  reason: { type: 'string', minLength: 10 },
                },
              },
            },
          }),
        },
        responses: {
          '201': ok('Recorded.', { type: 'object' }),
          '400': problem('A factor out of range, or a decision without its reason (VALIDATION_FAILED).'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/incidents/{id}/notifications/{version}/form': {
      get: {
        operationId: 'deskNotificationForm',
        summary: 'The fields of the CNIL téléservice or the IMY e-service, each with its value from this notification',
        description:
          "A reading aid for filing online; the CNIL's full field list was not found, so only the fields the reference describes are mapped.",
        security,
        parameters: [
          org,
          incidentId,
          { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'form', in: 'query', required: true, schema: { type: 'string', enum: ['cnil', 'imy'] } },
        ],
        responses: { '200': ok('Fields with number, label, source path and value.', { type: 'object' }), ...common },
      },
    },
    '/api/v1/orgs/{org}/register': {
      get: {
        operationId: 'deskRegister',
        summary: 'The Art. 33(5) register of every incident, notified or not, as JSON or CSV',
        security,
        parameters: [
          org,
          { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
        ],
        responses: {
          '200': {
            description: 'The register.',
            content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/risk-assessment': {
      post: {
        operationId: 'deskRiskAssessment',
        summary: 'ENISA severity (SE = DPC x EI + CB) and the EDPB factors: a proposal to notify and to inform, with its reasons',
        description:
          'Stateless: computes and explains; the person records the decision in the incident. Each factor is an explicit input with a written reason; every reason line cites the article or guideline it rests on, in English, French and Swedish.',
        security,
        parameters: [org],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['enisa', 'edpb', 'measures'],
            properties: {
              dataClasses: { type: 'array', items: { type: 'string' } },
              enisa: { type: 'object' },
              edpb: { type: 'object' },
              measures: { type: 'object' },
            },
          }),
        },
        responses: {
          '200': ok('The severity, its factors and the proposal.', { type: 'object' }),
          '400': problem('An input out of range, with its path (VALIDATION_FAILED).'),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/communication-check': {
      post: {
        operationId: 'deskCommunicationCheck',
        summary: 'Check a draft email or letter to individuals for the content of GDPR Art. 34(2), and say what is missing',
        security,
        parameters: [org],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['text'],
            properties: { text: { type: 'string' }, locale: { type: 'string', enum: ['en', 'fr', 'sv'] } },
          }),
        },
        responses: {
          '200': ok('The report: each element present or missing with evidence, clarity findings.', { type: 'object' }),
          ...common,
        },
      },
    },
    '/api/v1/orgs/{org}/audit': {
      get: {
        operationId: 'deskAudit',
        summary: "The organisation's audit log, newest first (owners and DPOs)",
        security,
        parameters: [org],
        responses: {
          '200': ok('Entries.', { type: 'object', properties: { entries: { type: 'array', items: { type: 'object' } } } }),
          ...common,
        },
      },
    },
  };
}

/** Paths (OpenAPI form, `{param}`) with the methods documented for each: for the route-coverage test. */
export function documentedOperations(doc: Record<string, unknown>): Set<string> {
  const ops = new Set<string>();
  for (const [path, item] of Object.entries(doc['paths'] as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) ops.add(`${method.toUpperCase()} ${path}`);
  }
  return ops;
}
