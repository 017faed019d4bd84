// Organisations, members, roles, sign-in sessions and API tokens (issue 6 part 1), on SQLite and the real
// PostgreSQL server, with real argon2id: isolation between organisations, lockout, session expiry, token
// revocation, the last-owner rule, and an audit entry per change tagged with its organisation.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import {
  createOrganisations,
  LOCKOUT_MS,
  MAX_FAILED_SIGN_INS,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  type DeskContext,
  type Organisations,
} from '../src/modules/organisations/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { isAppError } from '../src/platform/errors.js';
import { newId } from '../src/platform/ids.js';
import { testDatabases, type TestDatabase } from './support/databases.js';

const PASSWORD = 'correct horse battery staple';

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => isAppError(error) && error.code === code);
}

for (const { name, skip, create } of await testDatabases()) {
  describe(`organisations and sign-in (${name})`, { skip, timeout: 120_000 }, () => {
    let db: TestDatabase;
    let orgs: Organisations;
    const clock = fixedClock('2026-11-27T09:00:00Z');
    let viamedis: DeskContext;
    let almerys: DeskContext;

    before(async () => {
      db = await create();
      orgs = createOrganisations({
        db: db.handle.db,
        clock,
        newId,
        randomBytes,
        passwords: createArgon2PasswordHasher(),
      });
      const a = await orgs.createOrganisation(
        { slug: 'viamedis', name: 'Viamedis', country: 'fr' },
        { email: 'DPO@viamedis.example', displayName: 'Claire Martin', password: PASSWORD },
        'cli:test',
      );
      const b = await orgs.createOrganisation(
        { slug: 'almerys', name: 'Almerys', country: 'FR' },
        { email: 'owner@almerys.example', displayName: 'Jean Dupont', password: PASSWORD },
        'cli:test',
      );
      assert.equal(a.organisation.country, 'FR');
      viamedis = await orgs.contextFor(a.owner.id, 'viamedis', `user:${a.owner.id}`);
      almerys = await orgs.contextFor(b.owner.id, 'almerys', `user:${b.owner.id}`);
    });

    after(async () => db?.cleanup());

    it('refuses bad organisations with every field named, and a taken slug', async () => {
      await assert.rejects(
        orgs.createOrganisation(
          { slug: 'Not OK', name: '', country: 'France' },
          { email: 'x', displayName: '', password: 'short' },
          'cli:test',
        ),
        (error: unknown) =>
          isAppError(error) &&
          error.code === 'VALIDATION_FAILED' &&
          ['slug', 'name', 'country', 'owner.email', 'owner.displayName', 'owner.password'].every((p) =>
            error.issues.some((i) => i.path === p),
          ),
      );
      await rejects(
        orgs.createOrganisation(
          { slug: 'viamedis', name: 'Again', country: 'FR' },
          { email: 'new@x.example', displayName: 'N', password: PASSWORD },
          'cli:test',
        ),
        'ORGANISATION_CONFLICT',
      );
      // Nothing half-written: the would-be owner of the refused organisation does not exist.
      await rejects(orgs.signIn('new@x.example', PASSWORD), 'AUTH_INVALID');
    });

    it('never gives a context in an organisation the user does not belong to', async () => {
      await rejects(orgs.contextFor(viamedis.user.id, 'almerys', 'user:x'), 'ORGANISATION_NOT_FOUND');
      await rejects(orgs.contextFor(viamedis.user.id, 'no-such-org', 'user:x'), 'ORGANISATION_NOT_FOUND');
      assert.deepEqual(
        (await orgs.listMembers(viamedis)).map((m) => m.email),
        ['dpo@viamedis.example'],
      );
    });

    it('adds members with roles, enforces the permission table and keeps one owner', async () => {
      const analyst = await orgs.addMember(viamedis, {
        email: 'analyst@viamedis.example',
        displayName: 'Ana Lyst',
        role: 'analyst',
        password: PASSWORD,
      });
      const reader = await orgs.addMember(viamedis, {
        email: 'reader@viamedis.example',
        displayName: 'Rita Reader',
        role: 'read-only',
        password: PASSWORD,
      });
      // The same person can belong to two organisations, with another role in each.
      await orgs.addMember(almerys, { email: 'analyst@viamedis.example', displayName: 'ignored', role: 'dpo' });
      await rejects(orgs.addMember(viamedis, { email: 'reader@viamedis.example', displayName: 'x', role: 'dpo' }), 'ORGANISATION_CONFLICT');
      await rejects(
        orgs.addMember(viamedis, { email: 'x@y.example', displayName: 'x', role: 'admin', password: PASSWORD }),
        'VALIDATION_FAILED',
      );

      const asAnalyst = await orgs.contextFor(analyst.id, 'viamedis', `user:${analyst.id}`);
      const asReader = await orgs.contextFor(reader.id, 'viamedis', `user:${reader.id}`);
      assert.equal((await orgs.contextFor(analyst.id, 'almerys', 'user:x')).role, 'dpo');
      await rejects(
        orgs.addMember(asAnalyst, { email: 'z@viamedis.example', displayName: 'Z', role: 'owner', password: PASSWORD }),
        'FORBIDDEN',
      );
      await rejects(orgs.createToken(asReader, 'script'), 'FORBIDDEN');
      await rejects(orgs.auditLog(asAnalyst), 'FORBIDDEN');

      // The last owner cannot leave or be demoted; with a second owner, they can.
      await rejects(orgs.changeRole(viamedis, viamedis.user.id, 'dpo'), 'ORGANISATION_CONFLICT');
      await rejects(orgs.removeMember(viamedis, viamedis.user.id), 'ORGANISATION_CONFLICT');
      await orgs.changeRole(viamedis, analyst.id, 'owner');
      await orgs.changeRole(viamedis, analyst.id, 'analyst');
      // An owner of Almerys cannot touch a Viamedis member, even one who is also in Almerys.
      await rejects(orgs.removeMember(almerys, reader.id), 'ORGANISATION_NOT_FOUND');
    });

    it('signs in with the password, answers alike for unknown addresses, and locks after repeated failures', async () => {
      const { secret, session } = await orgs.signIn(' DPO@Viamedis.example ', PASSWORD);
      assert.match(secret, /^[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(
        session.memberships.map((m) => [m.organisation.slug, m.role]),
        [['viamedis', 'owner']],
      );
      assert.equal((await orgs.session(secret))?.user.email, 'dpo@viamedis.example');
      const changed = `${secret.slice(0, -2)}${secret.at(-2) === 'x' ? 'y' : 'x'}${secret.at(-1)!}`;
      assert.equal(await orgs.session(changed), null, 'a changed secret is no session');
      assert.equal(await orgs.session('garbage'), null);

      await rejects(orgs.signIn('nobody@viamedis.example', PASSWORD), 'AUTH_INVALID');
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
        await rejects(orgs.signIn('reader@viamedis.example', 'wrong password!!'), 'AUTH_INVALID');
      await rejects(orgs.signIn('reader@viamedis.example', PASSWORD), 'SIGN_IN_LOCKED');
      clock.advance(LOCKOUT_MS + 1000);
      assert.ok((await orgs.signIn('reader@viamedis.example', PASSWORD)).secret);

      await orgs.signOut(session);
      assert.equal(await orgs.session(secret), null, 'signed out');
    });

    it('ends a session after the idle timeout, and in any case after the maximum', async () => {
      const { secret } = await orgs.signIn('dpo@viamedis.example', PASSWORD);
      clock.advance(SESSION_IDLE_MS - 60_000);
      assert.ok(await orgs.session(secret), 'still alive just before the idle timeout');
      clock.advance(SESSION_IDLE_MS - 60_000);
      assert.ok(await orgs.session(secret), 'use extended it');
      clock.advance(SESSION_IDLE_MS + 1000);
      assert.equal(await orgs.session(secret), null, 'idle too long');

      const kept = await orgs.signIn('dpo@viamedis.example', PASSWORD);
      for (let t = 0; t < SESSION_MAX_MS; t += SESSION_IDLE_MS / 2) {
        clock.advance(SESSION_IDLE_MS / 2);
        if (t + SESSION_IDLE_MS / 2 < SESSION_MAX_MS - 1000) assert.ok(await orgs.session(kept.secret));
      }
      clock.advance(60_000);
      assert.equal(await orgs.session(kept.secret), null, 'never past the maximum, however active');
    });

    it('makes API tokens that act in one organisation with the role of the day, until revoked', async () => {
      const { token, info } = await orgs.createToken(viamedis, 'register export');
      assert.match(token, /^bdt_/);
      const ctx = await orgs.tokenContext(token);
      assert.equal(ctx.organisation.slug, 'viamedis');
      assert.equal(ctx.role, 'owner');
      assert.equal(ctx.actor, `token:${info.id}`);
      await rejects(orgs.tokenContext(`${token.slice(0, -2)}${token.at(-2) === 'x' ? 'y' : 'x'}${token.at(-1)!}`), 'AUTH_INVALID');
      await rejects(orgs.revokeToken(almerys, info.id), 'ORGANISATION_NOT_FOUND');
      assert.equal((await orgs.listTokens(viamedis)).length, 1);
      assert.equal((await orgs.listTokens(almerys)).length, 0);
      await orgs.revokeToken(viamedis, info.id);
      await rejects(orgs.tokenContext(token), 'AUTH_INVALID');

      // Removing a member revokes their tokens in that organisation.
      const members = await orgs.listMembers(viamedis);
      const analyst = members.find((m) => m.email === 'analyst@viamedis.example')!;
      const asAnalyst = await orgs.contextFor(analyst.id, 'viamedis', `user:${analyst.id}`);
      const theirs = await orgs.createToken(asAnalyst, 'laptop');
      await orgs.removeMember(viamedis, analyst.id);
      await rejects(orgs.tokenContext(theirs.token), 'AUTH_INVALID');
    });

    it('audits every change in the organisation it belongs to, and shows each organisation only its own', async () => {
      const log = await orgs.auditLog(viamedis, 500);
      const actions = new Set(log.map((e) => e.action));
      for (const a of ['organisation.create', 'member.add', 'member.role', 'member.remove', 'token.create', 'token.revoke']) {
        assert.ok(actions.has(a), `${a} audited: ${[...actions].join(' ')}`);
      }
      assert.ok(log.every((e) => e.organisationId === viamedis.organisation.id));
      const theirs = await orgs.auditLog(almerys, 500);
      assert.ok(theirs.length > 0);
      assert.ok(theirs.every((e) => e.organisationId === almerys.organisation.id));
      assert.ok(!JSON.stringify([...log, ...theirs]).includes(PASSWORD), 'no password in the audit log');
      const stored = await db.handle.db.selectFrom('users').select('password_hash').execute();
      assert.ok(
        stored.every((u) => u.password_hash.startsWith('$argon2id$v=19$m=19456,p=1,t=2$')),
        stored.map((u) => u.password_hash.slice(0, 32)).join(),
      );
    });
  });
}
