// The leak audit's console pages (issue 8), on SQLite and the real PostgreSQL server: a report built from the
// HAR fixtures is kept for an organisation (through the CLI's --keep and the store), listed and shown in the
// console's language, and opens a draft incident with the mapped data classes; a read-only member sees the
// pages but cannot post; every audit route answers 404 to another organisation's member.
import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import { auditCommand, EXIT_LEAKS_FOUND } from '../src/cli/audit-command.js';
import { auditHar } from '../src/main/leak-audit.js';
import { createApiKeys } from '../src/modules/access/index.js';
import { createCatalogue, createCatalogueStore } from '../src/modules/catalogue/index.js';
import { DATA_CLASS_OF_FIELD, type AuditReport } from '../src/modules/leak-audit/index.js';
import { createOrganisations, type Organisations } from '../src/modules/organisations/index.js';
import { systemClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { buildApp, registeredRoutes } from '../src/web/app.js';
import { testDatabases, type TestDatabase } from './support/databases.js';
import { deskModules, signInToConsole, type ConsoleBrowser } from './support/desk.js';

const PASSWORD = 'a long enough passphrase';
const FIXTURES = join(import.meta.dirname, 'fixtures', 'leak-audit');
const HARS = [join(FIXTURES, 'shop-anonymous.har'), join(FIXTURES, 'shop-logged-in.har')];
const PERSONAS = join(FIXTURES, 'personas.json');

type Browserish = ConsoleBrowser;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

for (const { name, skip, create } of await testDatabases()) {
  describe(`leak audits in the console (${name})`, { skip, timeout: 120_000 }, () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let orgs: Organisations;
    let modules: ReturnType<typeof deskModules>;
    let owner: Browserish;
    let reader: Browserish;
    let outsider: Browserish;
    let report: AuditReport;
    let auditId: string;
    let emptyId: string;
    const dir = mkdtempSync(join(tmpdir(), 'bd-audit-console-'));

    const browser = (email: string): Promise<Browserish> => signInToConsole(app, orgs, email, PASSWORD);
    const page = (who: Browserish, url: string) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    const post = (who: Browserish, url: string, fields: Record<string, string> = { _csrf: who.csrf }) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(fields),
      });
    const incidentCount = async () => (await db.handle.db.selectFrom('incidents').select('id').execute()).length;

    before(async () => {
      db = await create();
      orgs = createOrganisations({ db: db.handle.db, clock: systemClock, newId, randomBytes, passwords: createArgon2PasswordHasher() });
      const catalogue = createCatalogue({ store: createCatalogueStore(db.handle), clock: systemClock, newId });
      modules = deskModules(db.handle.db, systemClock, orgs, catalogue);
      app = await buildApp({
        catalogue,
        apiKeys: createApiKeys({ db: db.handle.db, clock: systemClock, newId, randomBytes }),
        logger: createLogger({ level: 'silent' }),
        checkDatabase: async () => undefined,
        desk: modules,
      });
      await orgs.createOrganisation(
        { slug: 'shop', name: 'Shop AB', country: 'SE' },
        { email: 'dpo@shop.example', displayName: 'DPO Shop', password: PASSWORD },
        'cli:test',
      );
      await orgs.createOrganisation(
        { slug: 'other', name: 'Other SAS', country: 'FR' },
        { email: 'owner@other.example', displayName: 'Owner O', password: PASSWORD },
        'cli:test',
      );
      const shop = await orgs.operatorContext('shop', 'cli:test');
      await orgs.addMember(shop, { email: 'reader@shop.example', displayName: 'Reader', role: 'read-only', password: PASSWORD });
      owner = await browser('dpo@shop.example');
      reader = await browser('reader@shop.example');
      outsider = await browser('owner@other.example');

      // The CLI's --keep, wired to this desk as src/main/cli.ts wires it to the configured database.
      const out: string[] = [];
      const code = await auditCommand(
        [
          'har',
          ...HARS,
          '--personas',
          PERSONAS,
          '--consent',
          'accept-all',
          '--skip-dns',
          '--out',
          join(dir, 'out'),
          '--keep',
          '--org',
          'shop',
        ],
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        {
          runAudit: () => Promise.reject(new Error('not used')),
          auditHar: async (files, personas, options) => {
            const run = await auditHar(files, personas, options);
            report = run.report;
            return run;
          },
          loadExtraEntities: () => Promise.resolve([]),
          openIncident: () => Promise.reject(new Error('not used')),
          keepReport: async (slug, kept) => modules.leakAudits.store(await orgs.operatorContext(slug, 'cli:test'), kept),
        },
      );
      assert.equal(code, EXIT_LEAKS_FOUND, out.join('\n'));
      auditId = /Report (\S+) kept in the desk of shop\./.exec(out.join('\n'))?.[1] ?? '';
      assert.match(auditId, /^[0-9A-Z]{26}$/, out.join('\n'));
      assert.ok(report.findings.length > 0);
      // A hand-made report with no finding, kept through the store.
      const empty: AuditReport = { ...report, findings: [], meta: { ...report.meta, source: 'crawl', inputs: ['shop.audit.yaml'] } };
      emptyId = (await modules.leakAudits.store(shop, empty)).id;
    });

    after(async () => {
      await app?.close();
      await db?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps the report for the organisation and audit-logs who kept it', async () => {
      const row = await db.handle.db.selectFrom('leak_audits').selectAll().where('id', '=', auditId).executeTakeFirstOrThrow();
      assert.equal(row.source, 'har');
      assert.equal(Number(row.findings), report.findings.length);
      assert.deepEqual(JSON.parse(row.report), JSON.parse(JSON.stringify(report)));
      const log = await db.handle.db.selectFrom('audit_log').selectAll().where('subject_id', '=', auditId).execute();
      assert.equal(log.length, 1);
      assert.equal(log[0]!.action, 'leak-audit.store');
      assert.equal(log[0]!.actor, 'cli:test');
    });

    it('lists the audits with date, source, findings and a link, linked from the organisation page, in three languages', async () => {
      const org = await page(owner, '/console/shop?lang=en');
      assert.equal(org.statusCode, 200);
      assert.match(org.body, /href="\/console\/shop\/audits\?lang=en">Leak audits</);
      const list = await page(owner, '/console/shop/audits?lang=en');
      assert.equal(list.statusCode, 200, list.body);
      assert.match(list.body, new RegExp(`<tr data-audit="${auditId}">[\\s\\S]*?HAR files[\\s\\S]*?>${report.findings.length}<`));
      assert.match(list.body, new RegExp(`href="/console/shop/audits/${auditId}\\?lang=en"`));
      assert.match(list.body, new RegExp(`<tr data-audit="${emptyId}">[\\s\\S]*?Browser crawl[\\s\\S]*?>0<`));
      assert.match((await page(owner, '/console/shop/audits?lang=fr')).body, /Audits de fuites[\s\S]*Fichiers HAR/);
      assert.match((await page(owner, '/console/shop/audits?lang=sv')).body, /Läckagegranskningar[\s\S]*HAR-filer/);
    });

    it("shows the report in the console's language, its stylesheet allowed by hash, with the incident form for writers", async () => {
      const en = await page(owner, `/console/shop/audits/${auditId}?lang=en`);
      assert.equal(en.statusCode, 200, en.body);
      assert.match(en.body, /<html lang="en">/);
      const style = /<style>([\s\S]*?)<\/style>/.exec(en.body)?.[1] ?? '';
      const hash = createHash('sha256').update(style, 'utf8').digest('base64');
      assert.ok(
        String(en.headers['content-security-policy']).includes(`style-src 'sha256-${hash}'`),
        'the inline sheet is allowed by its hash',
      );
      assert.doesNotMatch(String(en.headers['content-security-policy']), /script-src/);
      assert.match(en.body, new RegExp(`action="/console/shop/audits/${auditId}/incident\\?lang=en"`));
      assert.match(en.body, new RegExp(`name="_csrf" value="${owner.csrf}"`));
      for (const f of report.findings) assert.ok(en.body.includes(f.id), f.id);
      assert.match((await page(owner, `/console/shop/audits/${auditId}?lang=fr`)).body, /<html lang="fr">/);
      assert.match((await page(owner, `/console/shop/audits/${auditId}?lang=sv`)).body, /<html lang="sv">/);
      // A read-only member reads the report, without the form.
      const read = await page(reader, `/console/shop/audits/${auditId}?lang=en`);
      assert.equal(read.statusCode, 200);
      assert.doesNotMatch(read.body, /\/incident\?lang/);
      assert.equal((await page(owner, '/console/shop/audits/01ARZ3NDEKTSV4RRFFQ69G5FAV')).statusCode, 404);
      assert.equal((await page(owner, '/console/shop/audits/not-an-id')).statusCode, 400);
    });

    it('opens a draft incident from the findings, with their data classes, and redirects to it', async () => {
      const before = await incidentCount();
      assert.equal((await post(owner, `/console/shop/audits/${auditId}/incident?lang=en`, {})).statusCode, 403, 'no CSRF token');
      assert.equal(await incidentCount(), before);
      const res = await post(owner, `/console/shop/audits/${auditId}/incident?lang=fr`);
      assert.equal(res.statusCode, 303, res.body);
      const id = /^\/console\/shop\/incidents\/([0-9A-Z]{26})\?lang=fr$/.exec(String(res.headers.location))?.[1];
      assert.ok(id, String(res.headers.location));
      const shop = await orgs.operatorContext('shop', 'cli:test');
      const stored = await modules.incidents.get(shop, id);
      const expected = [...new Set(report.findings.map((f) => DATA_CLASS_OF_FIELD[f.field]))].sort();
      assert.deepEqual([...(stored.incident.dataClasses ?? [])].sort(), expected);
      assert.match(stored.incident.title, /^Leak audit: /);
      assert.equal(stored.notifiedAt, null);
      assert.equal((await page(owner, String(res.headers.location))).statusCode, 200);
    });

    it('refuses a read-only member the incident', async () => {
      const before = await incidentCount();
      const res = await post(reader, `/console/shop/audits/${auditId}/incident?lang=en`);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(await incidentCount(), before);
    });

    it("answers 404 on every audit route to another organisation's member, and changes nothing", async () => {
      const routes = registeredRoutes(app).filter((r) => r.includes('/audits'));
      assert.equal(routes.length, 3, routes.join(', '));
      const before = await incidentCount();
      for (const route of routes) {
        const [method, path] = route.split(' ') as ['GET' | 'POST', string];
        const url = path.replace(':org', 'shop').replace(':id', auditId);
        const res = method === 'GET' ? await page(outsider, url) : await post(outsider, url);
        assert.equal(res.statusCode, 404, `${route}: ${res.body.slice(0, 200)}`);
        assert.ok(!res.body.includes(report.meta.inputs[0]!), route);
      }
      // Their own organisation does not have it either.
      assert.equal((await page(outsider, `/console/other/audits/${auditId}`)).statusCode, 404);
      assert.doesNotMatch((await page(outsider, '/console/other/audits')).body, new RegExp(auditId));
      assert.equal((await post(outsider, `/console/other/audits/${auditId}/incident`)).statusCode, 404);
      assert.equal(await incidentCount(), before);
    });
  });
}
