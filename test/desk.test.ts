// The organisation desk over HTTP (issue 6 part 1), on SQLite and the real PostgreSQL server: sign-in
// with the console's form, sessions, CSRF, personal API tokens, roles, and tenant isolation proven by
// sweeping EVERY registered desk route (console pages and /api/v1/orgs) as a member of another
// organisation, with their own valid session, anti-forgery token and API token: each answers 404 and
// nothing of the target organisation changes.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import { createCatalogue, createCatalogueStore } from '../src/modules/catalogue/index.js';
import { createApiKeys } from '../src/modules/access/index.js';
import { createOrganisations, type Organisations } from '../src/modules/organisations/index.js';
import { deskModules } from './support/desk.js';
import { systemClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { buildApp, registeredRoutes } from '../src/web/app.js';
import { testDatabases, type TestDatabase } from './support/databases.js';

const PASSWORD = 'a long enough passphrase';

interface Browserish {
  cookie: string;
  csrf: string;
}

for (const { name, skip, create } of await testDatabases()) {
  describe(`organisation desk over HTTP (${name})`, { skip, timeout: 120_000 }, () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let orgs: Organisations;
    let viamedisOwner: Browserish;
    let almerysOwner: Browserish;
    let almerysToken: string;

    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const signIn = async (email: string, password = PASSWORD): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'POST',
        url: '/console/sign-in?lang=en',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ email, password }),
      });
    const browser = async (email: string): Promise<Browserish> => {
      const res = await signIn(email);
      assert.equal(res.statusCode, 303, res.body);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const page = await app.inject({ method: 'GET', url: '/console', headers: { cookie } });
      assert.equal(page.statusCode, 200);
      const session = await orgs.session(cookie.split('=')[1]);
      return { cookie, csrf: session!.csrfToken };
    };
    const snapshot = async () => {
      const d = db.handle.db;
      return JSON.stringify({
        members: await d.selectFrom('memberships').selectAll().orderBy('user_id').execute(),
        tokens: await d.selectFrom('user_tokens').select(['id', 'revoked_at']).orderBy('id').execute(),
        incidents: await d.selectFrom('incidents').select(['id', 'revision', 'document']).orderBy('id').execute(),
        audit: (
          await d
            .selectFrom('audit_log')
            .select(sql<number>`count(*)`.as('n'))
            .where('organisation_id', 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      });
    };

    before(async () => {
      db = await create();
      const logger = createLogger({ level: 'silent' });
      orgs = createOrganisations({ db: db.handle.db, clock: systemClock, newId, randomBytes, passwords: createArgon2PasswordHasher() });
      app = await buildApp({
        catalogue: createCatalogue({ store: createCatalogueStore(db.handle), clock: systemClock, newId }),
        apiKeys: createApiKeys({ db: db.handle.db, clock: systemClock, newId, randomBytes }),
        logger,
        checkDatabase: async () => undefined,
        desk: deskModules(
          db.handle.db,
          systemClock,
          orgs,
          createCatalogue({ store: createCatalogueStore(db.handle), clock: systemClock, newId }),
          true,
        ),
      });
      await orgs.createOrganisation(
        { slug: 'viamedis', name: 'Viamedis', country: 'FR' },
        { email: 'owner@viamedis.example', displayName: 'Owner V', password: PASSWORD },
        'cli:test',
      );
      await orgs.createOrganisation(
        { slug: 'almerys', name: 'Almerys', country: 'FR' },
        { email: 'owner@almerys.example', displayName: 'Owner A', password: PASSWORD },
        'cli:test',
      );
      viamedisOwner = await browser('owner@viamedis.example');
      almerysOwner = await browser('owner@almerys.example');
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/almerys/tokens',
        headers: { cookie: almerysOwner.cookie, 'x-csrf-token': almerysOwner.csrf, 'content-type': 'application/json' },
        payload: { name: 'sweep' },
      });
      assert.equal(created.statusCode, 201, created.body);
      almerysToken = created.json<{ token: string }>().token;
    });

    after(async () => {
      await app?.close();
      await db?.cleanup();
    });

    it('signs in with the form: a Secure HttpOnly SameSite cookie, and a page that says what went wrong otherwise', async () => {
      const ok = await signIn('owner@viamedis.example');
      assert.match(
        String(ok.headers['set-cookie']),
        /^bd_session=[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure;/,
      );
      assert.equal(ok.headers.location, '/console?lang=en');
      const wrong = await signIn('owner@viamedis.example', 'not the password');
      assert.equal(wrong.statusCode, 401);
      assert.match(wrong.body, /Wrong e-mail address or password/);
      assert.equal(wrong.headers['set-cookie'], undefined);
      const unknown = await signIn('nobody@viamedis.example');
      assert.equal(unknown.statusCode, 401);
      assert.equal(unknown.body, wrong.body, 'an unknown address answers exactly like a wrong password');
      const home = await app.inject({ method: 'GET', url: '/console', headers: { cookie: viamedisOwner.cookie } });
      assert.match(home.body, /href="\/console\/viamedis\?lang=en"/);
      assert.doesNotMatch(home.body, /almerys/);
      const anonymous = await app.inject({ method: 'GET', url: '/console' });
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, '/console/sign-in?lang=en');
    });

    it('refuses a cookie write without the anti-forgery token, and accepts it with', async () => {
      const fields = { email: 'analyst@viamedis.example', displayName: 'Ana', role: 'analyst', password: PASSWORD };
      const forged = await app.inject({
        method: 'POST',
        url: '/console/viamedis/members',
        headers: { cookie: viamedisOwner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ ...fields, _csrf: 'x'.repeat(43) }),
      });
      assert.equal(forged.statusCode, 403);
      const api = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/viamedis/members',
        headers: { cookie: viamedisOwner.cookie, 'content-type': 'application/json' },
        payload: fields,
      });
      assert.equal(api.json<{ code: string }>().code, 'CSRF_INVALID');
      const added = await app.inject({
        method: 'POST',
        url: '/console/viamedis/members?lang=en',
        headers: { cookie: viamedisOwner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ ...fields, _csrf: viamedisOwner.csrf }),
      });
      assert.equal(added.statusCode, 303);
      const members = await app.inject({ method: 'GET', url: '/api/v1/orgs/viamedis/members', headers: { cookie: viamedisOwner.cookie } });
      assert.deepEqual(
        members.json<{ members: { email: string; role: string }[] }>().members.map((m) => [m.email, m.role]),
        [
          ['analyst@viamedis.example', 'analyst'],
          ['owner@viamedis.example', 'owner'],
        ],
      );
    });

    it('lets roles do only what they may', async () => {
      const analyst = await browser('analyst@viamedis.example');
      const page = await app.inject({ method: 'GET', url: '/console/viamedis', headers: { cookie: analyst.cookie } });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Add a member/, 'no member form for an analyst');
      const add = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/viamedis/members',
        headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'application/json' },
        payload: { email: 'x@viamedis.example', role: 'owner', password: PASSWORD },
      });
      assert.equal(add.statusCode, 403);
      assert.equal(add.json<{ code: string }>().code, 'FORBIDDEN');
      const audit = await app.inject({ method: 'GET', url: '/api/v1/orgs/viamedis/audit', headers: { cookie: analyst.cookie } });
      assert.equal(audit.statusCode, 403);
    });

    it('isolates organisations on every desk route, console and API, with a session or a token', async () => {
      const target = (
        await orgs.listMembers(await orgs.contextFor((await orgs.session(viamedisOwner.cookie.split('=')[1]))!.user.id, 'viamedis', 'x'))
      )[0]!;
      const viamedisToken = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/orgs/viamedis/tokens',
          headers: { cookie: viamedisOwner.cookie, 'x-csrf-token': viamedisOwner.csrf, 'content-type': 'application/json' },
          payload: { name: 'target' },
        })
      ).json<{ info: { id: string } }>().info.id;
      const incident = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/viamedis/incidents',
        headers: { cookie: viamedisOwner.cookie, 'x-csrf-token': viamedisOwner.csrf, 'content-type': 'application/json' },
        payload: { title: 'Intrusion chez un tiers payant', timeline: { awarenessAt: '2026-01-29T10:00:00Z' } },
      });
      assert.equal(incident.statusCode, 201, incident.body);
      const ids: Record<string, string> = {
        org: 'viamedis',
        userId: target.id,
        tokenId: viamedisToken,
        id: incident.json<{ incident: { id: string } }>().incident.id,
        // A real section, so its 404 comes from the organisation check, not from an unknown section.
        section: 'timeline',
      };
      const routes = registeredRoutes(app).filter((r) => / \/(console|api\/v1\/orgs)\/:org/.test(r));
      assert.ok(routes.length >= 16, `every desk route is swept (${routes.length})`);
      const before = await snapshot();
      for (const route of routes) {
        const [method, pattern] = route.split(' ') as [string, string];
        const url = pattern.replace(/:(\w+)/g, (_, p: string) => ids[p] ?? 'X');
        const payloads = {
          role: 'read-only',
          email: 'intruder@almerys.example',
          name: 'x',
          password: PASSWORD,
          displayName: 'I',
          title: 'Overwritten',
        };
        const asSession = await app.inject({
          method: method as 'GET',
          url,
          headers: {
            cookie: almerysOwner.cookie,
            'x-csrf-token': almerysOwner.csrf,
            'content-type': url.startsWith('/api/') ? 'application/json' : 'application/x-www-form-urlencoded',
            'if-match': '"1"',
          },
          payload: url.startsWith('/api/') ? JSON.stringify(payloads) : form({ ...payloads, _csrf: almerysOwner.csrf }),
        });
        assert.equal(
          asSession.statusCode,
          404,
          `${route} as another organisation's owner: ${asSession.statusCode} ${asSession.body.slice(0, 200)}`,
        );
        assert.doesNotMatch(asSession.body, /Owner V|owner@viamedis/, `${route} shows nothing of the other organisation`);
        if (url.startsWith('/api/')) {
          const asToken = await app.inject({
            method: method as 'GET',
            url,
            headers: { authorization: `Bearer ${almerysToken}`, 'content-type': 'application/json', 'if-match': '"1"' },
            payload: JSON.stringify(payloads),
          });
          assert.equal(asToken.statusCode, 404, `${route} with another organisation's token`);
        }
      }
      assert.equal(await snapshot(), before, 'nothing changed anywhere');
      // The same sweep for an organisation that does not exist answers the same: existence does not leak.
      const none = await app.inject({ method: 'GET', url: '/api/v1/orgs/no-such-org/members', headers: { cookie: almerysOwner.cookie } });
      const other = await app.inject({ method: 'GET', url: '/api/v1/orgs/viamedis/members', headers: { cookie: almerysOwner.cookie } });
      assert.equal(none.statusCode, other.statusCode);
      assert.equal(none.json<{ code: string }>().code, other.json<{ code: string }>().code);
    });

    it('uses a personal token for scripts, and the token stops with a revocation', async () => {
      const members = await app.inject({
        method: 'GET',
        url: '/api/v1/orgs/almerys/members',
        headers: { authorization: `Bearer ${almerysToken}` },
      });
      assert.equal(members.statusCode, 200);
      const id = almerysToken.split('_')[1]!;
      const revoke = await app.inject({
        method: 'DELETE',
        url: `/api/v1/orgs/almerys/tokens/${id}`,
        headers: { authorization: `Bearer ${almerysToken}` },
      });
      assert.equal(revoke.statusCode, 200);
      const after = await app.inject({
        method: 'GET',
        url: '/api/v1/orgs/almerys/members',
        headers: { authorization: `Bearer ${almerysToken}` },
      });
      assert.equal(after.statusCode, 401);
    });

    it('shows a new token once, in the response to the form only', async () => {
      const made = await app.inject({
        method: 'POST',
        url: '/console/viamedis/tokens?lang=fr',
        headers: { cookie: viamedisOwner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ name: 'export du registre', _csrf: viamedisOwner.csrf }),
      });
      assert.equal(made.statusCode, 201);
      assert.equal(made.headers['cache-control'], 'no-store');
      const token = /<code id="fresh-token">(bdt_[^<]+)<\/code>/.exec(made.body)?.[1];
      assert.ok(token);
      assert.match(made.body, /Copiez-le maintenant/);
      const again = await app.inject({ method: 'GET', url: '/console/viamedis/tokens', headers: { cookie: viamedisOwner.cookie } });
      assert.ok(!again.body.includes(token));
    });

    it('signs out: the cookie is cleared and the session is gone', async () => {
      const me = await browser('owner@viamedis.example');
      const out = await app.inject({
        method: 'POST',
        url: '/console/sign-out',
        headers: { cookie: me.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: me.csrf }),
      });
      assert.equal(out.statusCode, 303);
      assert.match(String(out.headers['set-cookie']), /bd_session=; .*Max-Age=0/);
      const after = await app.inject({ method: 'GET', url: '/api/v1/orgs/viamedis', headers: { cookie: me.cookie } });
      assert.equal(after.statusCode, 401);
    });

    it('lets a controller declare its processor and the processor pass an incident on, from the console forms', async () => {
      const declared = await app.inject({
        method: 'POST',
        url: '/console/almerys/processors?lang=en',
        headers: { cookie: almerysOwner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ slug: 'viamedis', _csrf: almerysOwner.csrf }),
      });
      assert.equal(declared.statusCode, 303, declared.body);
      const owner = await browser('owner@viamedis.example');
      const made = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/viamedis/incidents',
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': 'application/json' },
        payload: { title: 'Processor incident', nature: { types: ['confidentiality'] }, processorRelation: { role: 'processor' } },
      });
      const id = made.json<{ incident: { id: string } }>().incident.id;
      const page = await app.inject({ method: 'GET', url: `/console/viamedis/incidents/${id}?lang=en`, headers: { cookie: owner.cookie } });
      assert.match(page.body, /id="controller-almerys"/);
      const passed = await app.inject({
        method: 'POST',
        url: `/console/viamedis/incidents/${id}/pass-on?lang=en`,
        headers: { cookie: owner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `controllers=almerys&_csrf=${encodeURIComponent(owner.csrf)}`,
      });
      assert.equal(passed.statusCode, 303, passed.body);
      const theirs = await app.inject({ method: 'GET', url: '/api/v1/orgs/almerys/incidents', headers: { cookie: almerysOwner.cookie } });
      assert.ok(theirs.json<{ incidents: { title: string }[] }>().incidents.some((i) => i.title === 'Processor incident'));
    });
  });
}
