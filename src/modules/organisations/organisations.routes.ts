import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../../platform/validation.js';
import type { DeskContext, Organisations } from './organisations.js';
import { ROLES } from './roles.js';

export interface OrganisationRoutesOptions {
  readonly organisations: Organisations;
  /** Resolves the caller in the URL's organisation (token, or session with CSRF check); src/web/desk-auth.ts. */
  readonly context: (request: FastifyRequest, organisationSlug: string) => Promise<DeskContext>;
}

const orgParams = z.object({ org: z.string().min(1).max(64) });
const memberParams = orgParams.extend({ userId: z.string().regex(/^[0-9A-Z]{26}$/, 'a user id') });
const tokenParams = orgParams.extend({ tokenId: z.string().regex(/^[0-9A-Z]{26}$/, 'a token id') });
const addMemberBody = z
  .object({
    email: z.string().max(254),
    displayName: z.string().max(200).optional(),
    role: z.enum(ROLES),
    password: z.string().max(256).optional(),
  })
  .strict();
const roleBody = z.object({ role: z.enum(ROLES) }).strict();
const tokenBody = z.object({ name: z.string().max(100) }).strict();

/**
 * The organisation's desk API (issue 6): members, personal API tokens and the audit log, under
 * /api/v1/orgs/{org}. Every handler resolves the caller's context first; nothing is read or written
 * outside that organisation.
 */
export function registerOrganisationRoutes(app: FastifyInstance, options: OrganisationRoutesOptions): void {
  const { organisations } = options;
  const ctxOf = (request: FastifyRequest) => options.context(request, parseOrThrow(orgParams, request.params, 'path').org);

  app.get('/api/v1/orgs/:org', async (request) => {
    const ctx = await ctxOf(request);
    return { organisation: ctx.organisation, role: ctx.role };
  });

  app.get('/api/v1/orgs/:org/members', async (request) => ({ members: await organisations.listMembers(await ctxOf(request)) }));

  app.post('/api/v1/orgs/:org/members', async (request, reply) => {
    const ctx = await ctxOf(request);
    const body = parseOrThrow(addMemberBody, request.body, 'body');
    return reply.code(201).send({ member: await organisations.addMember(ctx, { displayName: undefined, ...body }) });
  });

  app.patch('/api/v1/orgs/:org/members/:userId', async (request) => {
    const ctx = await ctxOf(request);
    const { userId } = parseOrThrow(memberParams, request.params, 'path');
    await organisations.changeRole(ctx, userId, parseOrThrow(roleBody, request.body, 'body').role);
    return { status: 'changed' };
  });

  app.delete('/api/v1/orgs/:org/members/:userId', async (request) => {
    const ctx = await ctxOf(request);
    await organisations.removeMember(ctx, parseOrThrow(memberParams, request.params, 'path').userId);
    return { status: 'removed' };
  });

  app.get('/api/v1/orgs/:org/tokens', async (request) => ({ tokens: await organisations.listTokens(await ctxOf(request)) }));

  app.post('/api/v1/orgs/:org/tokens', async (request, reply) => {
    const ctx = await ctxOf(request);
    const { token, info } = await organisations.createToken(ctx, parseOrThrow(tokenBody, request.body, 'body').name);
    return reply.code(201).header('cache-control', 'no-store').send({ token, info });
  });

  app.delete('/api/v1/orgs/:org/tokens/:tokenId', async (request) => {
    const ctx = await ctxOf(request);
    await organisations.revokeToken(ctx, parseOrThrow(tokenParams, request.params, 'path').tokenId);
    return { status: 'revoked' };
  });

  app.get('/api/v1/orgs/:org/audit', async (request) => ({ entries: await organisations.auditLog(await ctxOf(request)) }));
}
