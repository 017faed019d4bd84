import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeskContext, Organisations, SessionInfo } from '../modules/organisations/index.js';
import { AppError } from '../platform/errors.js';
import { readCookie } from './cookies.js';

/** The console's session cookie: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
export const SESSION_COOKIE = 'bd_session';

export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  void reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}; Max-Age=${7 * 24 * 3600}`,
  );
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}; Max-Age=0`);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Who is calling the desk, and in which organisation:
 * - `Authorization: Bearer bdt_…`: a personal API token, bound to one organisation; a token for another
 *   organisation than the URL's gets ORGANISATION_NOT_FOUND. No CSRF check: browsers never send it by themselves.
 * - the session cookie: the user's membership in the URL's organisation; a write must echo the session's
 *   anti-forgery token in `x-csrf-token` or the form field `_csrf` (synchroniser token pattern), else CSRF_INVALID.
 * - neither: AUTH_REQUIRED.
 */
export function createDeskAuth(organisations: Organisations) {
  const sessionOf = (request: FastifyRequest): Promise<SessionInfo | null> =>
    organisations.session(readCookie(request.headers.cookie, SESSION_COOKIE));

  const checkCsrf = (request: FastifyRequest, session: SessionInfo): void => {
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers['x-csrf-token'];
    const body = request.body as Record<string, unknown> | undefined;
    const presented = typeof header === 'string' ? header : body && typeof body['_csrf'] === 'string' ? body['_csrf'] : '';
    if (!sameToken(presented, session.csrfToken)) {
      throw new AppError('CSRF_INVALID', 'This form or request is missing its anti-forgery token: reload the page and try again');
    }
  };

  return {
    sessionOf,
    checkCsrf,
    async context(request: FastifyRequest, organisationSlug: string): Promise<DeskContext & { session: SessionInfo | null }> {
      const auth = request.headers.authorization;
      if (typeof auth === 'string' && /^Bearer\s+bdt_/i.test(auth)) {
        const ctx = await organisations.tokenContext(auth.replace(/^Bearer\s+/i, '').trim());
        if (ctx.organisation.slug !== organisationSlug) {
          throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${organisationSlug}" that you belong to`);
        }
        return { ...ctx, session: null };
      }
      const session = await sessionOf(request);
      if (!session) throw new AppError('AUTH_REQUIRED', 'Sign in, or send "Authorization: Bearer <token>"');
      checkCsrf(request, session);
      return { ...(await organisations.contextFor(session.user.id, organisationSlug, `user:${session.user.id}`)), session };
    },
  };
}

export type DeskAuth = ReturnType<typeof createDeskAuth>;
