import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { AppError, validationError, type FieldIssue } from '../../platform/errors.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { appendAudit, listAudit, type AuditRecord } from '../audit/index.js';
import { can, isRole, type Permission, type Role } from './roles.js';

/** Hashes and checks passwords (argon2id in src/adapters/argon2-password-hasher.ts). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Organisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly country: string;
  readonly createdAt: string;
}

export interface UserInfo {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export interface Member extends UserInfo {
  readonly role: Role;
  readonly since: string;
}

/** Who is acting, in which organisation, with which role: resolved per request, never trusted from input. */
export interface DeskContext {
  readonly user: UserInfo;
  readonly organisation: Organisation;
  readonly role: Role;
  /** `user:<id>` (a session) or `token:<id>` (an API token), for the audit log. */
  readonly actor: string;
}

export interface SessionInfo {
  readonly id: string;
  readonly user: UserInfo;
  readonly csrfToken: string;
  readonly expiresAt: string;
  /** Organisations the user belongs to, with their role in each. */
  readonly memberships: readonly { organisation: Organisation; role: Role }[];
}

export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface OrganisationsDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly randomBytes: (n: number) => Buffer;
  readonly passwords: PasswordHasher;
}

/** Sessions end after this much inactivity, and in any case this long after sign-in. */
export const SESSION_IDLE_MS = 8 * 3_600_000;
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** After this many wrong passwords in a row the account waits LOCKOUT_MS before the next attempt. */
export const MAX_FAILED_SIGN_INS = 10;
export const LOCKOUT_MS = 15 * 60_000;
export const MIN_PASSWORD_LENGTH = 12;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const COUNTRY = /^[A-Z]{2}$/;
/** Console paths that an organisation's slug would shadow (/console/{slug}). */
const RESERVED_SLUGS: readonly string[] = ['sign-in', 'sign-out'];
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/;
const SECRET_FORMAT = /^([0-9A-Z]{26})\.([A-Za-z0-9_-]{43})$/;
const TOKEN_FORMAT = /^bdt_([0-9A-Z]{26})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type Organisations = ReturnType<typeof createOrganisations>;

/**
 * Organisations, their members and roles, password sign-in with sessions, and per-user API tokens
 * (issue 6 part 1). Every change commits with its audit entry, tagged with the organisation. A context
 * for an organisation is only ever made from a membership row, so no route can act in an organisation
 * the caller does not belong to: it gets ORGANISATION_NOT_FOUND, exactly as for one that does not exist.
 */
export function createOrganisations(deps: OrganisationsDeps) {
  const { db, clock, passwords } = deps;
  const now = () => clock.now();
  // The hash of a random password, made once: an unknown e-mail address costs the same time as a wrong password.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= passwords.hash(deps.randomBytes(24).toString('base64url')));

  const audit = (trx: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>, at: Date, entry: Omit<AuditRecord, 'id' | 'occurredAt'>) =>
    appendAudit(trx, { id: deps.newId(at), occurredAt: isoInstant(at), ...entry });

  const checkPassword = (password: unknown, email: string, path: string, issues: FieldIssue[]): string => {
    if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH || password.length > 256) {
      issues.push({ path, message: `must be ${MIN_PASSWORD_LENGTH} to 256 characters` });
      return '';
    }
    if (password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()) && email !== '')
      issues.push({ path, message: 'must not contain the e-mail address' });
    return password;
  };
  const checkEmail = (email: unknown, path: string, issues: FieldIssue[]): string => {
    const value = typeof email === 'string' ? email.trim().toLowerCase() : '';
    if (!EMAIL.test(value)) issues.push({ path, message: 'must be an e-mail address' });
    return value;
  };
  const checkName = (name: unknown, path: string, issues: FieldIssue[]): string => {
    const value = typeof name === 'string' ? name.trim() : '';
    if (value === '' || value.length > 200) issues.push({ path, message: 'must be 1 to 200 characters' });
    return value;
  };

  const toOrganisation = (r: { id: string; slug: string; name: string; country: string; created_at: string }): Organisation => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    country: r.country,
    createdAt: r.created_at,
  });

  const membershipsOf = async (userId: string) => {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.slug', 'o.name', 'o.country', 'o.created_at', 'm.role'])
      .where('m.user_id', '=', userId)
      .orderBy('o.slug')
      .execute();
    return rows.filter((r) => isRole(r.role)).map((r) => ({ organisation: toOrganisation(r), role: r.role as Role }));
  };

  const ownersOf = async (trx: Transaction<DatabaseSchema>, organisationId: string) =>
    Number(
      (
        await trx
          .selectFrom('memberships')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('organisation_id', '=', organisationId)
          .where('role', '=', 'owner')
          .executeTakeFirstOrThrow()
      ).n,
    );

  const require = (ctx: DeskContext, permission: Permission): void => {
    if (!can(ctx.role, permission)) {
      throw new AppError('FORBIDDEN', `Your role (${ctx.role}) in ${ctx.organisation.slug} does not allow this (${permission})`, {
        data: { permission, role: ctx.role },
      });
    }
  };

  return {
    require,

    /**
     * Creates an organisation and its first owner (the command line's `org create`). The owner may be an
     * existing user (same e-mail): then the password must be theirs.
     */
    async createOrganisation(
      input: { slug: unknown; name: unknown; country: unknown },
      owner: { email: unknown; displayName: unknown; password: unknown },
      actor: string,
    ): Promise<{ organisation: Organisation; owner: UserInfo }> {
      const issues: FieldIssue[] = [];
      const slug = typeof input.slug === 'string' ? input.slug.trim() : '';
      if (!SLUG.test(slug)) issues.push({ path: 'slug', message: 'must be lower-case letters, digits and hyphens (1 to 64)' });
      else if (RESERVED_SLUGS.includes(slug)) issues.push({ path: 'slug', message: `"${slug}" is reserved by the console` });
      const name = checkName(input.name, 'name', issues);
      const country = typeof input.country === 'string' ? input.country.trim().toUpperCase() : '';
      if (!COUNTRY.test(country)) issues.push({ path: 'country', message: 'must be an ISO 3166-1 alpha-2 code (FR, SE, …)' });
      const email = checkEmail(owner.email, 'owner.email', issues);
      const displayName = checkName(owner.displayName, 'owner.displayName', issues);
      const password = checkPassword(owner.password, email, 'owner.password', issues);
      if (issues.length > 0) throw validationError(issues, 'organisation');

      const existing = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      if (existing && !(await passwords.verify(existing.password_hash, password))) {
        throw new AppError('AUTH_INVALID', 'That user exists already, and the password is not theirs');
      }
      const hash = existing ? existing.password_hash : await passwords.hash(password);
      const at = now();
      const organisation: Organisation = { id: deps.newId(at), slug, name, country, createdAt: isoInstant(at) };
      const user: UserInfo = existing
        ? { id: existing.id, email: existing.email, displayName: existing.display_name }
        : { id: deps.newId(at), email, displayName };
      await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst()) {
          throw new AppError('ORGANISATION_CONFLICT', `An organisation "${slug}" exists already`, { data: { slug } });
        }
        await trx
          .insertInto('organisations')
          .values({ id: organisation.id, slug, name, country, created_at: organisation.createdAt })
          .execute();
        if (!existing) {
          await trx
            .insertInto('users')
            .values({
              id: user.id,
              email,
              display_name: displayName,
              password_hash: hash,
              created_at: organisation.createdAt,
              failed_sign_ins: 0,
              locked_until: null,
            })
            .execute();
        }
        await trx
          .insertInto('memberships')
          .values({ organisation_id: organisation.id, user_id: user.id, role: 'owner', created_at: organisation.createdAt })
          .execute();
        await audit(trx, at, {
          actor,
          action: 'organisation.create',
          subjectType: 'organisation',
          subjectId: organisation.id,
          details: { slug, name, country, owner: user.id },
          organisationId: organisation.id,
        });
      });
      return { organisation, owner: user };
    },

    /** The caller's context in an organisation, or ORGANISATION_NOT_FOUND (also when they are not a member). */
    async contextFor(userId: string, organisationSlug: string, actor: string): Promise<DeskContext> {
      const row = await db
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['o.id', 'o.slug', 'o.name', 'o.country', 'o.created_at', 'm.role', 'u.email', 'u.display_name'])
        .where('m.user_id', '=', userId)
        .where('o.slug', '=', organisationSlug)
        .executeTakeFirst();
      if (!row || !isRole(row.role)) {
        throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${organisationSlug}" that you belong to`, {
          data: { slug: organisationSlug },
        });
      }
      return {
        user: { id: userId, email: row.email, displayName: row.display_name },
        organisation: toOrganisation(row),
        role: row.role,
        actor,
      };
    },

    /**
     * The operator's context in an organisation, for the command line: whoever runs it holds the database
     * already, so it acts with the owner's permissions, audited as `cli:<os user>`.
     */
    async operatorContext(organisationSlug: string, actor: string): Promise<DeskContext> {
      const row = await db.selectFrom('organisations').selectAll().where('slug', '=', organisationSlug).executeTakeFirst();
      if (!row) throw new AppError('ORGANISATION_NOT_FOUND', `No organisation "${organisationSlug}"`, { data: { slug: organisationSlug } });
      return { user: { id: actor, email: '', displayName: actor }, organisation: toOrganisation(row), role: 'owner', actor };
    },

    async listMembers(ctx: DeskContext): Promise<Member[]> {
      require(ctx, 'desk.read');
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.email', 'u.display_name', 'm.role', 'm.created_at'])
        .where('m.organisation_id', '=', ctx.organisation.id)
        .orderBy('u.email')
        .execute();
      return rows
        .filter((r) => isRole(r.role))
        .map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, role: r.role as Role, since: r.created_at }));
    },

    /**
     * Adds a member. A new user gets the initial password given (they can change it); an existing user
     * keeps theirs and no password is needed.
     */
    async addMember(ctx: DeskContext, input: { email: unknown; displayName: unknown; role: unknown; password?: unknown }): Promise<Member> {
      require(ctx, 'members.manage');
      const issues: FieldIssue[] = [];
      const email = checkEmail(input.email, 'email', issues);
      if (!isRole(input.role)) issues.push({ path: 'role', message: 'must be owner, dpo, analyst or read-only' });
      const existing = email ? await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst() : undefined;
      const displayName = existing ? existing.display_name : checkName(input.displayName, 'displayName', issues);
      const password = existing ? '' : checkPassword(input.password, email, 'password', issues);
      if (issues.length > 0 || !isRole(input.role)) throw validationError(issues, 'member');
      const role = input.role;
      const hash = existing ? existing.password_hash : await passwords.hash(password);
      const at = now();
      const userId = existing?.id ?? deps.newId(at);
      await db.transaction().execute(async (trx) => {
        const already = await trx
          .selectFrom('memberships')
          .select('role')
          .where('organisation_id', '=', ctx.organisation.id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (already)
          throw new AppError('ORGANISATION_CONFLICT', `${email} is already a member (${already.role})`, { data: { role: already.role } });
        if (!existing) {
          await trx
            .insertInto('users')
            .values({
              id: userId,
              email,
              display_name: displayName,
              password_hash: hash,
              created_at: isoInstant(at),
              failed_sign_ins: 0,
              locked_until: null,
            })
            .execute();
        }
        await trx
          .insertInto('memberships')
          .values({ organisation_id: ctx.organisation.id, user_id: userId, role, created_at: isoInstant(at) })
          .execute();
        await audit(trx, at, {
          actor: ctx.actor,
          action: 'member.add',
          subjectType: 'user',
          subjectId: userId,
          details: { role, newUser: !existing },
          organisationId: ctx.organisation.id,
        });
      });
      return { id: userId, email, displayName, role, since: isoInstant(at) };
    },

    async changeRole(ctx: DeskContext, userId: string, role: unknown): Promise<void> {
      require(ctx, 'members.manage');
      if (!isRole(role)) throw validationError([{ path: 'role', message: 'must be owner, dpo, analyst or read-only' }], 'member');
      const at = now();
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('memberships')
          .select('role')
          .where('organisation_id', '=', ctx.organisation.id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (!current) throw new AppError('ORGANISATION_NOT_FOUND', 'No such member in this organisation');
        if (current.role === 'owner' && role !== 'owner' && (await ownersOf(trx, ctx.organisation.id)) <= 1) {
          throw new AppError('ORGANISATION_CONFLICT', 'An organisation keeps at least one owner: make someone else owner first');
        }
        await trx
          .updateTable('memberships')
          .set({ role })
          .where('organisation_id', '=', ctx.organisation.id)
          .where('user_id', '=', userId)
          .execute();
        await audit(trx, at, {
          actor: ctx.actor,
          action: 'member.role',
          subjectType: 'user',
          subjectId: userId,
          details: { from: current.role, to: role },
          organisationId: ctx.organisation.id,
        });
      });
    },

    async removeMember(ctx: DeskContext, userId: string): Promise<void> {
      require(ctx, 'members.manage');
      const at = now();
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('memberships')
          .select('role')
          .where('organisation_id', '=', ctx.organisation.id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (!current) throw new AppError('ORGANISATION_NOT_FOUND', 'No such member in this organisation');
        if (current.role === 'owner' && (await ownersOf(trx, ctx.organisation.id)) <= 1) {
          throw new AppError('ORGANISATION_CONFLICT', 'An organisation keeps at least one owner: make someone else owner first');
        }
        await trx.deleteFrom('memberships').where('organisation_id', '=', ctx.organisation.id).where('user_id', '=', userId).execute();
        // Their tokens for this organisation stop working with the membership.
        await trx
          .updateTable('user_tokens')
          .set({ revoked_at: isoInstant(at) })
          .where('organisation_id', '=', ctx.organisation.id)
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .execute();
        await audit(trx, at, {
          actor: ctx.actor,
          action: 'member.remove',
          subjectType: 'user',
          subjectId: userId,
          details: { role: current.role },
          organisationId: ctx.organisation.id,
        });
      });
    },

    /**
     * Password sign-in. Unknown address and wrong password answer alike (AUTH_INVALID) and take the same
     * time; after MAX_FAILED_SIGN_INS wrong passwords in a row the account waits LOCKOUT_MS (SIGN_IN_LOCKED).
     * Returns the session secret to put in the cookie (shown once; only its hash is stored).
     */
    async signIn(emailInput: unknown, password: unknown): Promise<{ secret: string; session: SessionInfo }> {
      const email = typeof emailInput === 'string' ? emailInput.trim().toLowerCase() : '';
      const given = typeof password === 'string' && password.length <= 256 ? password : '';
      const user = email ? await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst() : undefined;
      const at = now();
      if (user?.locked_until && user.locked_until > isoInstant(at)) {
        throw new AppError('SIGN_IN_LOCKED', `Too many wrong passwords: try again after ${user.locked_until}`, {
          data: { until: user.locked_until },
        });
      }
      const ok = await passwords.verify(user?.password_hash ?? (await dummy()), given);
      if (!user || !ok) {
        if (user) {
          const failed = Number(user.failed_sign_ins) + 1;
          await db
            .updateTable('users')
            .set({
              failed_sign_ins: failed >= MAX_FAILED_SIGN_INS ? 0 : failed,
              locked_until: failed >= MAX_FAILED_SIGN_INS ? isoInstant(new Date(at.getTime() + LOCKOUT_MS)) : user.locked_until,
            })
            .where('id', '=', user.id)
            .execute();
          await audit(db, at, {
            actor: `user:${user.id}`,
            action: failed >= MAX_FAILED_SIGN_INS ? 'user.locked' : 'user.sign-in-failed',
            subjectType: 'user',
            subjectId: user.id,
            details: { failed },
          });
        }
        throw new AppError('AUTH_INVALID', 'Wrong e-mail address or password');
      }
      const id = deps.newId(at);
      const secretPart = deps.randomBytes(32).toString('base64url');
      const csrfToken = deps.randomBytes(32).toString('base64url');
      const expiresAt = isoInstant(new Date(at.getTime() + SESSION_IDLE_MS));
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute();
        await trx
          .insertInto('sessions')
          .values({
            id,
            secret_hash: sha256(secretPart),
            user_id: user.id,
            csrf_token: csrfToken,
            created_at: isoInstant(at),
            last_seen_at: isoInstant(at),
            expires_at: expiresAt,
          })
          .execute();
        await audit(trx, at, { actor: `user:${user.id}`, action: 'user.sign-in', subjectType: 'session', subjectId: id, details: {} });
      });
      return {
        secret: `${id}.${secretPart}`,
        session: {
          id,
          user: { id: user.id, email: user.email, displayName: user.display_name },
          csrfToken,
          expiresAt,
          memberships: await membershipsOf(user.id),
        },
      };
    },

    /** The session a cookie names, extended on use (idle timeout), or null when absent, wrong or expired. */
    async session(secret: string | undefined): Promise<SessionInfo | null> {
      const match = secret ? SECRET_FORMAT.exec(secret) : null;
      if (!match) return null;
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select([
          's.id',
          's.secret_hash',
          's.csrf_token',
          's.created_at',
          's.last_seen_at',
          's.expires_at',
          'u.id as user_id',
          'u.email',
          'u.display_name',
        ])
        .where('s.id', '=', match[1]!)
        .executeTakeFirst();
      const at = now();
      if (!row || !sameHash(row.secret_hash, sha256(match[2]!)) || row.expires_at <= isoInstant(at)) return null;
      let expiresAt = row.expires_at;
      // Written at most once a minute: a page with many requests does not write on each.
      if (at.getTime() - Date.parse(row.last_seen_at) > 60_000) {
        const hardEnd = Date.parse(row.created_at) + SESSION_MAX_MS;
        expiresAt = isoInstant(new Date(Math.min(at.getTime() + SESSION_IDLE_MS, hardEnd)));
        await db
          .updateTable('sessions')
          .set({ last_seen_at: isoInstant(at), expires_at: expiresAt })
          .where('id', '=', row.id)
          .execute();
      }
      return {
        id: row.id,
        user: { id: row.user_id, email: row.email, displayName: row.display_name },
        csrfToken: row.csrf_token,
        expiresAt,
        memberships: await membershipsOf(row.user_id),
      };
    },

    async signOut(session: SessionInfo): Promise<void> {
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id', '=', session.id).execute();
        await audit(trx, at, {
          actor: `user:${session.user.id}`,
          action: 'user.sign-out',
          subjectType: 'session',
          subjectId: session.id,
          details: {},
        });
      });
    },

    /** A personal API token acting in ctx's organisation with the user's role there; shown once. */
    async createToken(ctx: DeskContext, nameInput: unknown): Promise<{ token: string; info: TokenInfo }> {
      require(ctx, 'tokens.own');
      const name = typeof nameInput === 'string' ? nameInput.trim() : '';
      if (name === '' || name.length > 100) throw validationError([{ path: 'name', message: 'must be 1 to 100 characters' }], 'token');
      const at = now();
      const id = deps.newId(at);
      const secretPart = deps.randomBytes(32).toString('base64url');
      const info: TokenInfo = { id, name, createdAt: isoInstant(at), lastUsedAt: null, revokedAt: null };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('user_tokens')
          .values({
            id,
            secret_hash: sha256(secretPart),
            user_id: ctx.user.id,
            organisation_id: ctx.organisation.id,
            name,
            created_at: info.createdAt,
            last_used_at: null,
            revoked_at: null,
          })
          .execute();
        await audit(trx, at, {
          actor: ctx.actor,
          action: 'token.create',
          subjectType: 'token',
          subjectId: id,
          details: { name },
          organisationId: ctx.organisation.id,
        });
      });
      return { token: `bdt_${id}_${secretPart}`, info };
    },

    async listTokens(ctx: DeskContext): Promise<TokenInfo[]> {
      require(ctx, 'tokens.own');
      const rows = await db
        .selectFrom('user_tokens')
        .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
        .where('user_id', '=', ctx.user.id)
        .where('organisation_id', '=', ctx.organisation.id)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
    },

    async revokeToken(ctx: DeskContext, tokenId: string): Promise<void> {
      require(ctx, 'tokens.own');
      const at = now();
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('user_tokens')
          .set({ revoked_at: isoInstant(at) })
          .where('id', '=', tokenId)
          .where('user_id', '=', ctx.user.id)
          .where('organisation_id', '=', ctx.organisation.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new AppError('ORGANISATION_NOT_FOUND', 'No such active token of yours here');
        await audit(trx, at, {
          actor: ctx.actor,
          action: 'token.revoke',
          subjectType: 'token',
          subjectId: tokenId,
          details: {},
          organisationId: ctx.organisation.id,
        });
      });
    },

    /**
     * The context an API token acts in: its organisation, with its user's role there now (a token outlives
     * no membership). AUTH_INVALID for anything else.
     */
    async tokenContext(presented: string): Promise<DeskContext> {
      const match = TOKEN_FORMAT.exec(presented);
      const row = match
        ? await db
            .selectFrom('user_tokens as t')
            .innerJoin('memberships as m', (j) =>
              j.onRef('m.user_id', '=', 't.user_id').onRef('m.organisation_id', '=', 't.organisation_id'),
            )
            .innerJoin('organisations as o', 'o.id', 't.organisation_id')
            .innerJoin('users as u', 'u.id', 't.user_id')
            .select([
              't.id as token_id',
              't.secret_hash',
              't.revoked_at',
              'm.role',
              'o.id',
              'o.slug',
              'o.name',
              'o.country',
              'o.created_at',
              'u.id as user_id',
              'u.email',
              'u.display_name',
            ])
            .where('t.id', '=', match[1]!)
            .executeTakeFirst()
        : undefined;
      if (!match || !row || row.revoked_at !== null || !sameHash(row.secret_hash, sha256(match[2]!)) || !isRole(row.role)) {
        throw new AppError('AUTH_INVALID', 'This API token is not valid');
      }
      await db
        .updateTable('user_tokens')
        .set({ last_used_at: isoInstant(now()) })
        .where('id', '=', row.token_id)
        .execute();
      return {
        user: { id: row.user_id, email: row.email, displayName: row.display_name },
        organisation: toOrganisation(row),
        role: row.role,
        actor: `token:${row.token_id}`,
      };
    },

    async auditLog(ctx: DeskContext, limit = 100): Promise<AuditRecord[]> {
      require(ctx, 'audit.read');
      return listAudit(db, { organisationId: ctx.organisation.id, limit });
    },
  };
}
