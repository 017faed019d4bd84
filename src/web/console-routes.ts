import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Organisations } from '../modules/organisations/index.js';
import { ROLES } from '../modules/organisations/index.js';
import { isAppError } from '../platform/errors.js';
import { parseOrThrow } from '../platform/validation.js';
import { clearSessionCookie, setSessionCookie, type DeskAuth } from './desk-auth.js';
import { renderAuditPage, renderConsoleHome, renderOrganisationPage, renderSignInPage, renderTokensPage } from './ui/console-pages.js';
import { pageContext } from './ui-routes.js';

export interface ConsoleRoutesOptions {
  readonly organisations: Organisations;
  readonly auth: DeskAuth;
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies: boolean;
}

const orgParams = z.object({ org: z.string().min(1).max(64) });
const memberParams = orgParams.extend({ userId: z.string().regex(/^[0-9A-Z]{26}$/, 'a user id') });
const tokenParams = orgParams.extend({ tokenId: z.string().regex(/^[0-9A-Z]{26}$/, 'a token id') });
const text = (max: number) => z.string().max(max);
const addMemberForm = z.object({
  _csrf: text(64),
  email: text(254),
  displayName: text(200).optional(),
  role: z.enum(ROLES),
  password: text(256).optional(),
});
const roleForm = z.object({ _csrf: text(64), role: z.enum(ROLES) });
const tokenForm = z.object({ _csrf: text(64), name: text(100) });

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');

/**
 * The organisation console's pages (issue 6): plain HTML forms. Every page that shows desk data resolves
 * the caller's membership of the URL's organisation first (src/web/desk-auth.ts); every form that changes
 * something is checked against the session's anti-forgery token; after a change the browser is sent back
 * with 303 (post/redirect/get).
 */
export function registerConsoleRoutes(app: FastifyInstance, options: ConsoleRoutesOptions): void {
  const { organisations, auth } = options;
  const back = (request: FastifyRequest, reply: FastifyReply, path: string) =>
    reply
      .code(303)
      .header('location', `${path}?lang=${pageContext(request).locale}`)
      .send();
  const desk = (request: FastifyRequest) => auth.context(request, parseOrThrow(orgParams, request.params, 'path').org);
  const optional = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

  app.get('/console/sign-in', async (request, reply) => html(reply).send(renderSignInPage(pageContext(request), null)));

  app.post('/console/sign-in', { bodyLimit: 4096 }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const { secret } = await organisations.signIn(body['email'], body['password']);
      setSessionCookie(reply, secret, options.secureCookies);
      return back(request, reply, '/console');
    } catch (error) {
      if (isAppError(error) && (error.code === 'AUTH_INVALID' || error.code === 'SIGN_IN_LOCKED')) {
        return html(reply)
          .code(error.code === 'SIGN_IN_LOCKED' ? 429 : 401)
          .send(renderSignInPage(pageContext(request), error.code === 'SIGN_IN_LOCKED' ? 'locked' : 'failed'));
      }
      throw error;
    }
  });

  app.post('/console/sign-out', async (request, reply) => {
    const session = await auth.sessionOf(request);
    if (session) {
      auth.checkCsrf(request, session);
      await organisations.signOut(session);
    }
    clearSessionCookie(reply, options.secureCookies);
    return back(request, reply, '/console/sign-in');
  });

  app.get('/console', async (request, reply) => {
    const session = await auth.sessionOf(request);
    if (!session) return back(request, reply, '/console/sign-in');
    return html(reply).send(renderConsoleHome(pageContext(request), session));
  });

  app.get('/console/:org', async (request, reply) => {
    const ctx = await desk(request);
    return html(reply).send(renderOrganisationPage(pageContext(request), ctx, await organisations.listMembers(ctx)));
  });

  app.post('/console/:org/members', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const form = parseOrThrow(addMemberForm, request.body, 'form');
    await organisations.addMember(ctx, {
      email: form.email,
      displayName: optional(form.displayName),
      role: form.role,
      password: optional(form.password),
    });
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.post('/console/:org/members/:userId/role', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { userId } = parseOrThrow(memberParams, request.params, 'path');
    await organisations.changeRole(ctx, userId, parseOrThrow(roleForm, request.body, 'form').role);
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.post('/console/:org/members/:userId/remove', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    await organisations.removeMember(ctx, parseOrThrow(memberParams, request.params, 'path').userId);
    return back(request, reply, `/console/${ctx.organisation.slug}`);
  });

  app.get('/console/:org/tokens', async (request, reply) => {
    const ctx = await desk(request);
    return html(reply).send(renderTokensPage(pageContext(request), ctx, await organisations.listTokens(ctx), null));
  });

  app.post('/console/:org/tokens', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    const { token } = await organisations.createToken(ctx, parseOrThrow(tokenForm, request.body, 'form').name);
    // Shown in this response only (no redirect: the token must not sit in a URL or a later page).
    return html(reply)
      .code(201)
      .send(renderTokensPage(pageContext(request), ctx, await organisations.listTokens(ctx), token));
  });

  app.post('/console/:org/tokens/:tokenId/revoke', { bodyLimit: 4096 }, async (request, reply) => {
    const ctx = await desk(request);
    await organisations.revokeToken(ctx, parseOrThrow(tokenParams, request.params, 'path').tokenId);
    return back(request, reply, `/console/${ctx.organisation.slug}/tokens`);
  });

  app.get('/console/:org/audit', async (request, reply) => {
    const ctx = await desk(request);
    return html(reply).send(renderAuditPage(pageContext(request), ctx, await organisations.auditLog(ctx)));
  });
}
