// The incident register over HTTP (issue 6 part 2-3), on SQLite and the real PostgreSQL server: the
// seed breaches recorded by their own organisations' users, field-level validation, the 72-hour clock,
// and concurrent edits that never overwrite each other.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import { createApiKeys } from '../src/modules/access/index.js';
import { createCatalogue, createCatalogueStore } from '../src/modules/catalogue/index.js';
import { deskModules } from './support/desk.js';
import { createOrganisations } from '../src/modules/organisations/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { buildApp } from '../src/web/app.js';
import { testDatabases, type TestDatabase } from './support/databases.js';
import { pdfText, popplerSkipReason, renderPdfPages } from './support/pdf.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'a long enough passphrase';

/** The five seed breaches as their own organisations would first record them (facts from ../shared/seeds). */
const SEED_INCIDENTS = [
  {
    org: { slug: 'viamedis', name: 'Viamedis', country: 'FR' },
    body: {
      title: 'Intrusion dans la plateforme de tiers payant',
      timeline: { awarenessAt: '2024-01-29T09:00:00Z' },
      nature: { types: ['confidentiality'], confidentiality: 'exfiltrated' },
      dataClasses: ['name', 'date-of-birth', 'fr-nir', 'health-insurer', 'marital-status'],
    },
  },
  {
    org: { slug: 'almerys', name: 'Almerys', country: 'FR' },
    body: {
      title: 'Accès frauduleux au portail des professionnels de santé',
      timeline: { awarenessAt: '2024-01-30T08:00:00Z' },
      dataClasses: ['date-of-birth', 'fr-nir', 'health-insurer'],
    },
  },
  { org: { slug: 'chronopost', name: 'Chronopost', country: 'FR' }, body: { title: 'Fuite de données de livraison' } },
  { org: { slug: 'cdc-ircantec', name: 'Caisse des Dépôts', country: 'FR' }, body: { title: 'Ircantec : fuite de données d’affiliés' } },
  {
    org: { slug: 'folksam', name: 'Folksam', country: 'SE' },
    body: { title: 'Personuppgifter till tredje part via spårningsverktyg', dataClasses: ['se-personnummer', 'insurance-products'] },
  },
] as const;

for (const { name, skip, create } of await testDatabases()) {
  describe(`incident register over HTTP (${name})`, { skip, timeout: 120_000 }, () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    const clock = fixedClock('2024-01-30T09:00:00Z');
    const tokens = new Map<string, string>();

    const call = (method: 'GET' | 'POST' | 'PUT', org: string, path: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url: `/api/v1/orgs/${org}${path}`,
        headers: { authorization: `Bearer ${tokens.get(org)!}`, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
      });

    before(async () => {
      db = await create();
      const orgs = createOrganisations({ db: db.handle.db, clock, newId, randomBytes, passwords: createArgon2PasswordHasher() });
      const catalogue = createCatalogue({ store: createCatalogueStore(db.handle), clock, newId });
      app = await buildApp({
        catalogue,
        apiKeys: createApiKeys({ db: db.handle.db, clock, newId, randomBytes }),
        logger: createLogger({ level: 'silent' }),
        checkDatabase: async () => undefined,
        desk: deskModules(db.handle.db, clock, orgs, catalogue),
      });
      for (const { org } of SEED_INCIDENTS) {
        const { owner } = await orgs.createOrganisation(
          org,
          { email: `dpo@${org.slug}.example`, displayName: `DPO ${org.name}`, password: PASSWORD },
          'cli:test',
        );
        const ctx = await orgs.contextFor(owner.id, org.slug, `user:${owner.id}`);
        tokens.set(org.slug, (await orgs.createToken(ctx, 'test')).token);
      }
    });

    after(async () => {
      await app?.close();
      await db?.cleanup();
    });

    it('records the five seed breaches, each in its own organisation', async () => {
      for (const { org, body } of SEED_INCIDENTS) {
        const res = await call('POST', org.slug, '/incidents', body);
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.headers.etag, '"1"');
        assert.match(String(res.headers.location), new RegExp(`^/api/v1/orgs/${org.slug}/incidents/[0-9A-Z]{26}$`));
        const listed = (await call('GET', org.slug, '/incidents')).json<{ incidents: { title: string }[] }>().incidents;
        assert.deepEqual(
          listed.map((i) => i.title),
          [body.title],
          `${org.slug} sees its own incident only`,
        );
      }
    });

    it('runs the 72-hour clock from awareness (GDPR Art. 33(1))', async () => {
      const clockNow = async (org: string) =>
        (await call('GET', org, '/incidents')).json<{ incidents: { clock: { state: string; deadline: string | null } }[] }>().incidents[0]!
          .clock;
      // Awareness 2024-01-29 09:00, now 2024-01-30 09:00: 48 hours left.
      let viamedis = await clockNow('viamedis');
      assert.equal(viamedis.state, 'running');
      assert.equal(Date.parse(viamedis.deadline!), Date.parse('2024-02-01T09:00:00Z'));
      assert.equal((await clockNow('chronopost')).state, 'no-awareness-date');
      clock.advance(30 * 3_600_000);
      viamedis = await clockNow('viamedis');
      assert.equal(viamedis.state, 'due-soon');
      clock.advance(19 * 3_600_000);
      assert.equal((await clockNow('viamedis')).state, 'overdue');
      assert.equal((await clockNow('almerys')).state, 'due-soon', 'Almerys became aware later');
    });

    it('refuses bad records with every field named, and leaves the stored one untouched', async () => {
      const bad = await call('POST', 'almerys', '/incidents', {
        title: '',
        timeline: { occurredFrom: '2024-02-02', awarenessAt: '2024-02-01T12:00:00Z' },
        dataClasses: ['not-a-class'],
        colour: 'red',
      });
      assert.equal(bad.statusCode, 400);
      const paths = bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
      for (const p of ['title', 'dataClasses.0'])
        assert.ok(
          paths.some((x) => x.startsWith(p)),
          `${p} named in ${paths.join(', ')}`,
        );
      assert.equal((await call('GET', 'almerys', '/incidents')).json<{ incidents: unknown[] }>().incidents.length, 1);
    });

    it('never lets one edit silently overwrite another', async () => {
      const [first] = (await call('GET', 'chronopost', '/incidents')).json<{ incidents: { id: string }[] }>().incidents;
      const path = `/incidents/${first!.id}`;
      const a = await call('PUT', 'chronopost', path, { title: 'Fuite de données de livraison (colis)' }, { 'if-match': '"1"' });
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(a.headers.etag, '"2"');
      const b = await call('PUT', 'chronopost', path, { title: 'Fuite (autre version)' }, { 'if-match': '"1"' });
      assert.equal(b.statusCode, 409);
      assert.equal(b.json<{ code: string }>().code, 'INCIDENT_CONFLICT');
      const none = await call('PUT', 'chronopost', path, { title: 'Sans révision' });
      assert.equal(none.statusCode, 400);
      const now = (await call('GET', 'chronopost', path)).json<{ incident: { title: string }; revision: number }>();
      assert.equal(now.incident.title, 'Fuite de données de livraison (colis)');
      assert.equal(now.revision, 2);
      // Another organisation's token cannot read it, even with its id.
      assert.equal((await call('GET', 'folksam', path)).statusCode, 404);
    });

    it('issues the notification to the authority only when complete, asks for the delay reason past 72 hours, and versions it', async () => {
      const [summary] = (await call('GET', 'viamedis', '/incidents')).json<{ incidents: { id: string }[] }>().incidents;
      const path = `/incidents/${summary!.id}`;
      const early = await call('POST', 'viamedis', `${path}/notifications`, { kind: 'initial' });
      assert.equal(early.statusCode, 422, early.body);
      const missing = early.json<{ code: string; errors: { path: string }[] }>().errors.map((e) => e.path);
      for (const p of ['dataSubjects.byCountry', 'contacts.contactPoint', 'consequences', 'measures', 'delayReason']) {
        assert.ok(
          missing.some((m) => m.startsWith(p)),
          `${p} is named as missing: ${missing.join(', ')}`,
        );
      }
      const current = (await call('GET', 'viamedis', path)).json<{ incident: Record<string, unknown>; revision: number }>();
      const { id: _id, createdAt: _c, modifiedAt: _m, ...draft } = current.incident;
      const complete = {
        ...draft,
        dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'approximate', count: 33_000_000, atLeast: true } }] },
        contacts: { contactPoint: { name: 'Délégué à la protection des données', email: 'dpo@viamedis.example' } },
        consequences: {
          impacts: ['identity-theft', 'fraud'],
          description: 'Escroqueries crédibles au remboursement de soins.',
          severity: 'severe',
        },
        measures: { taken: 'Plateforme de tiers payant fermée ; mots de passe des professionnels réinitialisés.' },
        delayReason: 'Le périmètre des données exposées n’a été établi qu’après l’analyse des journaux.',
      };
      const saved = await call('PUT', 'viamedis', path, complete, { 'if-match': `"${current.revision}"` });
      assert.equal(saved.statusCode, 200, saved.body);
      const initial = await call('POST', 'viamedis', `${path}/notifications`, { kind: 'initial' });
      assert.equal(initial.statusCode, 201, initial.body);
      const first = initial.json<{ version: number; kind: string; body: Record<string, unknown>; changes: unknown[] }>();
      assert.equal(first.version, 1);
      assert.deepEqual(first.changes, []);

      const followUpDraft = {
        ...complete,
        measures: { ...complete.measures, proposed: 'Authentification forte pour tous les professionnels.' },
      };
      const revision = Number((await call('GET', 'viamedis', path)).headers.etag?.replace(/"/g, ''));
      assert.equal((await call('PUT', 'viamedis', path, followUpDraft, { 'if-match': `"${revision}"` })).statusCode, 200);
      const followUp = (await call('POST', 'viamedis', `${path}/notifications`, { kind: 'follow-up' })).json<{
        version: number;
        changes: { path: string }[];
      }>();
      assert.equal(followUp.version, 2);
      assert.ok(
        followUp.changes.some((c) => c.path.includes('measures')),
        'the follow-up says what changed',
      );
      const versions = (await call('GET', 'viamedis', `${path}/notifications`)).json<{ notifications: { version: number }[] }>();
      assert.deepEqual(
        versions.notifications.map((n) => n.version),
        [1, 2],
      );
      const list = (await call('GET', 'viamedis', '/incidents')).json<{ incidents: { clock: { state: string } }[] }>();
      assert.equal(list.incidents[0]!.clock.state, 'notified-late');

      // Each version as a PDF, in the organisation's language by default.
      const pdf = await call('GET', 'viamedis', `${path}/notifications/2/pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /-v2-fr\.pdf"/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      if (!popplerSkipReason()) {
        const dir = mkdtempSync(join(tmpdir(), 'notification-pdf-'));
        try {
          writeFileSync(join(dir, 'n.pdf'), pdf.rawPayload);
          const text = await pdfText(join(dir, 'n.pdf'));
          assert.match(text, /Notification d.une violation de données à caractère personnel/);
          assert.match(text, /Viamedis/);
          const [first] = await renderPdfPages(join(dir, 'n.pdf'), dir, { firstPageOnly: true });
          assert.ok(first && first.inkShare > 0.01, 'the first page renders with text');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      assert.equal((await call('GET', 'viamedis', `${path}/notifications/9/pdf`)).statusCode, 404);
      assert.equal((await call('GET', 'folksam', `${path}/notifications/1/pdf`)).statusCode, 404);
    });

    it('exports the Art. 33(5) register of every incident, notified or not, as CSV and JSON', async () => {
      const csv = await call('GET', 'viamedis', '/register?format=csv');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /register-viamedis\.csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines.length, 2, 'a header and the one Viamedis incident');
      assert.match(lines[1]!, /Intrusion dans la plateforme de tiers payant/);
      const json = (await call('GET', 'chronopost', '/register')).json<{ rows: { title: string }[] }>();
      assert.deepEqual(
        json.rows.map((r) => r.title),
        ['Fuite de données de livraison (colis)'],
      );
    });

    it('proposes whether to notify and inform from the ENISA factors, and names a bad factor', async () => {
      const input = {
        dataClasses: ['name', 'date-of-birth', 'fr-nir', 'health-insurer'],
        enisa: {
          dpc: { category: 'financial', reason: 'NIR and insurer enable fraud', adjustments: [] },
          ei: { level: 'maximum', reason: 'name, date of birth and NIR identify the person directly' },
          cb: {
            confidentiality: { level: 'published-or-unknown-recipients', reason: 'taken by an attacker' },
            integrity: { level: 'not-affected', reason: 'no change seen' },
            availability: { level: 'not-affected', reason: 'platform restored the same day' },
            maliciousIntent: { malicious: true, reason: 'cyberattack' },
          },
        },
        edpb: {
          breachTypes: ['confidentiality'],
          specialCategories: false,
          consequences: 'severe',
          vulnerableIndividuals: false,
          numberOfIndividuals: 33_000_000,
          controllerCharacteristics: true,
        },
        measures: { unintelligible: { status: 'no' }, subsequentMeasures: { applies: false }, disproportionateEffort: { applies: false } },
      };
      const res = await call('POST', 'viamedis', '/risk-assessment', input);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<{
        severity: { level: string; factors: { factor: string; value: number; reason: string }[] };
        proposal: { notifyAuthority: boolean; informIndividuals: string; reasons: { code: string; text: { fr: string } }[] };
      }>();
      assert.ok(['high', 'very-high'].includes(body.severity.level), body.severity.level);
      assert.ok(
        body.severity.factors.every((f) => f.reason !== ''),
        'every factor has its reason',
      );
      assert.equal(body.proposal.notifyAuthority, true);
      assert.equal(body.proposal.informIndividuals, 'required');
      assert.ok(body.proposal.reasons.every((r) => r.text.fr.length > 0));
      // Recorded on the incident with the person's decision and reason; the proposal is the server's.
      const [incident] = (await call('GET', 'viamedis', '/incidents')).json<{ incidents: { id: string }[] }>().incidents;
      const noReason = await call('POST', 'viamedis', `/incidents/${incident!.id}/assessments`, {
        enisa: input.enisa,
        edpb: input.edpb,
        measures: input.measures,
        decision: { notifyAuthority: true, informIndividuals: 'required', reason: '' },
      });
      assert.equal(noReason.statusCode, 400);
      assert.ok(noReason.json<{ errors: { path: string }[] }>().errors.some((e) => e.path === 'decision.reason'));
      const recorded = await call('POST', 'viamedis', `/incidents/${incident!.id}/assessments`, {
        enisa: input.enisa,
        edpb: input.edpb,
        measures: input.measures,
        decision: {
          notifyAuthority: true,
          informIndividuals: 'required',
          reason: 'Risque élevé : NIR et assureur de 33 millions de personnes.',
        },
      });
      assert.equal(recorded.statusCode, 201, recorded.body);
      const stored = (await call('GET', 'viamedis', `/incidents/${incident!.id}`)).json<{
        incident: {
          riskOutcome: { level: string; proposal: { informIndividuals: string }; decision: { reason: string; decidedBy: string } };
        };
      }>().incident.riskOutcome;
      assert.equal(stored.level, 'high');
      assert.equal(stored.proposal.informIndividuals, 'required');
      assert.match(stored.decision.reason, /33 millions/);
      assert.match(stored.decision.decidedBy, /^[0-9A-Z]{26}$/, 'a user id, not an address');
      assert.equal(
        (await call('GET', 'viamedis', `/incidents/${incident!.id}/assessments`)).json<{ assessments: unknown[] }>().assessments.length,
        1,
      );

      const bad = await call('POST', 'viamedis', '/risk-assessment', {
        ...input,
        enisa: { ...input.enisa, ei: { level: 'total', reason: 'x' } },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json<{ errors: { path: string }[] }>().errors[0]!.path, /^enisa\.ei/);
    });

    it('checks a draft to individuals for the Art. 34(2) content', async () => {
      const free = 'Bonjour, nous avons détecté un incident de sécurité. Restez vigilants. Cordialement.';
      const res = await call('POST', 'viamedis', '/communication-check', { text: free });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json<{ complete: boolean; missing: string[]; language: { locale: string } }>();
      assert.equal(report.complete, false);
      assert.equal(report.language.locale, 'fr');
      for (const element of ['nature', 'contact-point', 'consequences', 'measures']) assert.ok(report.missing.includes(element), element);
    });

    it('lets a processor pass an incident on to the controllers that declared it, each getting its own linked incident', async () => {
      // Almerys and Folksam declare Viamedis as their processor (for the test); Chronopost does not.
      for (const controller of ['almerys', 'folksam']) {
        const declared = await call('POST', controller, '/processors', { slug: 'viamedis' });
        assert.equal(declared.statusCode, 201, declared.body);
      }
      const source = await call('POST', 'viamedis', '/incidents', {
        title: 'Intrusion dans la plateforme de tiers payant (pour les complémentaires)',
        timeline: { occurredFrom: '2024-01-28', awarenessAt: '2024-01-29T09:00:00Z' },
        nature: { types: ['confidentiality'] },
        dataClasses: ['fr-nir', 'date-of-birth', 'health-insurer'],
        processorRelation: { role: 'processor', controllersCount: 84 },
      });
      assert.equal(source.statusCode, 201, source.body);
      const sourceId = source.json<{ incident: { id: string } }>().incident.id;
      const refused = await call('POST', 'viamedis', `/incidents/${sourceId}/pass-on`, { controllers: ['almerys', 'chronopost'] });
      assert.equal(refused.statusCode, 404, 'Chronopost did not declare Viamedis: all or nothing');
      assert.equal(
        (await call('GET', 'almerys', '/incidents')).json<{ incidents: unknown[] }>().incidents.length,
        1,
        'nothing was passed on',
      );

      const passed = await call('POST', 'viamedis', `/incidents/${sourceId}/pass-on`, { controllers: ['almerys', 'folksam'] });
      assert.equal(passed.statusCode, 200, passed.body);
      const lines = passed.json<{ passedOn: { controller: string; incidentId: string; existing: boolean }[] }>().passedOn;
      assert.deepEqual(
        lines.map((l) => [l.controller, l.existing]),
        [
          ['almerys', false],
          ['folksam', false],
        ],
      );
      const theirs = (await call('GET', 'almerys', `/incidents/${lines[0]!.incidentId}`)).json<{
        incident: {
          title: string;
          processorRelation: { role: string; processorIncidentId: string; processorName: string };
          dataClasses: string[];
        };
        clock: { state: string };
      }>();
      assert.equal(theirs.incident.processorRelation.role, 'controller');
      assert.equal(theirs.incident.processorRelation.processorIncidentId, sourceId);
      assert.equal(theirs.incident.processorRelation.processorName, 'Viamedis');
      assert.deepEqual(theirs.incident.dataClasses, ['fr-nir', 'date-of-birth', 'health-insurer']);
      assert.equal(theirs.clock.state, 'running', "the controller's clock starts when the processor informed it");
      // The processor's record lists the controllers informed; it cannot read theirs.
      const processorView = (await call('GET', 'viamedis', `/incidents/${sourceId}`)).json<{
        incident: { processorRelation: { controllers: { name: string; reference: string }[] } };
      }>();
      assert.deepEqual(
        processorView.incident.processorRelation.controllers.map((c) => c.name),
        ['Almerys', 'Folksam'],
      );
      assert.equal((await call('GET', 'viamedis', `/incidents/${lines[0]!.incidentId}`)).statusCode, 404);
      // Passing on again creates nothing.
      const again = (await call('POST', 'viamedis', `/incidents/${sourceId}/pass-on`, { controllers: ['almerys'] })).json<{
        passedOn: { existing: boolean; incidentId: string }[];
      }>();
      assert.deepEqual(again.passedOn, [{ controller: 'almerys', incidentId: lines[0]!.incidentId, existing: true }]);
    });

    it("publishes its own public catalogue entry from an incident, and never overwrites another organisation's", async () => {
      // Folksam's own incident (it also holds the one Viamedis passed on, in the test above).
      const summary = (await call('GET', 'folksam', '/incidents'))
        .json<{ incidents: { id: string; title: string }[] }>()
        .incidents.find((i) => i.title.startsWith('Personuppgifter'));
      const path = `/incidents/${summary!.id}`;
      const publication = {
        slug: 'folksam-tracking-tools',
        sector: 'insurance',
        description: {
          en: 'Personal identity numbers and purchased products were sent to advertising platforms through tracking tools.',
          fr: 'Des numéros personnels et des produits achetés ont été envoyés à des plateformes publicitaires par des outils de suivi.',
          sv: 'Personnummer och köpta produkter skickades till annonsplattformar via spårningsverktyg.',
        },
        sources: [{ url: 'https://www.folksam.se/', title: 'Folksam: information to customers' }],
      };
      const incomplete = await call('POST', 'folksam', `${path}/publish`, publication);
      assert.equal(incomplete.statusCode, 400, 'the incident has no nature yet');
      assert.ok(
        incomplete.json<{ errors: { path: string }[] }>().errors.some((e) => e.path.startsWith('nature')),
        incomplete.body,
      );
      const current = (await call('GET', 'folksam', path)).json<{ incident: Record<string, unknown>; revision: number }>();
      const { id: _i, createdAt: _c, modifiedAt: _m, ...draft } = current.incident;
      const completed = {
        ...draft,
        nature: { types: ['confidentiality'] },
        cause: { actor: 'internal-non-malicious' },
        dataSubjects: { byCountry: [{ country: 'SE', people: { precision: 'approximate', count: 1_000_000 } }] },
      };
      assert.equal((await call('PUT', 'folksam', path, completed, { 'if-match': `"${current.revision}"` })).statusCode, 200);
      const created = await call('POST', 'folksam', `${path}/publish`, publication);
      assert.equal(created.statusCode, 201, created.body);
      const entry = await app.inject({ method: 'GET', url: '/api/v1/breaches/folksam-tracking-tools' });
      assert.equal(entry.statusCode, 200);
      const breach = entry.json<{
        country: string;
        peopleAffected: { count: number };
        dataClasses: string[];
        flags: { verified: boolean };
      }>();
      assert.equal(breach.country, 'SE');
      assert.equal(breach.peopleAffected.count, 1_000_000);
      assert.deepEqual(breach.dataClasses, ['se-personnummer', 'insurance-products']);
      assert.equal(breach.flags.verified, true);
      assert.equal((await call('POST', 'folksam', `${path}/publish`, publication)).statusCode, 200, 'updating its own entry');
      // Another organisation cannot take the slug, even from an incident of its own.
      const [theirs] = (await call('GET', 'chronopost', '/incidents')).json<{ incidents: { id: string }[] }>().incidents;
      const stolen = await call('POST', 'chronopost', `/incidents/${theirs!.id}/publish`, publication);
      assert.equal(stolen.statusCode, 409);
      assert.equal(stolen.json<{ code: string }>().code, 'BREACH_SLUG_CONFLICT');
    });
  });
}
