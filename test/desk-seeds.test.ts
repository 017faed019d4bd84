// Issue 6 "done when": the five seed breaches recorded as incidents end to end by their own
// organisations' users — assessed, notified (JSON and PDF), registered — on SQLite and PostgreSQL.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import { createApiKeys } from '../src/modules/access/index.js';
import { createCatalogue, createCatalogueStore } from '../src/modules/catalogue/index.js';
import { createOrganisations } from '../src/modules/organisations/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { buildApp } from '../src/web/app.js';
import { testDatabases, type TestDatabase } from './support/databases.js';
import { deskModules } from './support/desk.js';

const PASSWORD = 'a long enough passphrase';
const contacts = { contactPoint: { name: 'Délégué à la protection des données', email: 'dpo@example.org' } };

/** Facts from ../shared/seeds; awareness instants are test data, all within 72 hours of issuing. */
const SEEDS = [
  {
    org: { slug: 'viamedis', name: 'Viamedis', country: 'FR' },
    incident: {
      title: 'Intrusion dans la plateforme de tiers payant',
      timeline: { awarenessAt: '2024-01-31T17:00:00Z' },
      nature: { types: ['confidentiality'], confidentiality: 'exfiltrated' },
      cause: { actor: 'external-malicious', vector: 'stolen-credentials' },
      dataClasses: ['name', 'date-of-birth', 'fr-nir', 'health-insurer'],
      dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'approximate', count: 20_000_000, atLeast: true } }] },
      consequences: { impacts: ['identity-theft', 'fraud'], severity: 'severe' },
      measures: { taken: 'Plateforme fermée ; comptes des professionnels réinitialisés.' },
      processorRelation: { role: 'processor', controllersCount: 84 },
      contacts,
    },
    people: 20_000_000,
    special: false,
  },
  {
    org: { slug: 'almerys', name: 'Almerys', country: 'FR' },
    incident: {
      title: 'Accès frauduleux au portail des professionnels de santé',
      timeline: { awarenessAt: '2024-02-01T09:00:00Z' },
      nature: { types: ['confidentiality'] },
      cause: { actor: 'external-malicious', vector: 'stolen-credentials' },
      dataClasses: ['date-of-birth', 'fr-nir', 'health-insurer'],
      dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'approximate', count: 13_000_000 } }] },
      consequences: { impacts: ['fraud'] },
      measures: { taken: 'Portail fermé, accès révoqués.' },
      contacts,
    },
    people: 13_000_000,
    special: false,
  },
  {
    org: { slug: 'chronopost', name: 'Chronopost', country: 'FR' },
    incident: {
      title: 'Fuite de données de livraison',
      timeline: { awarenessAt: '2024-02-01T09:00:00Z' },
      nature: { types: ['confidentiality'] },
      cause: { actor: 'external-malicious', vector: 'hacking' },
      dataClasses: ['name', 'postal-address', 'phone-number', 'signature'],
      dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'unknown' } }] },
      consequences: { impacts: ['fraud'], description: 'Faux SMS de livraison.' },
      measures: { taken: 'Accès fermé ; clients prévenus que les SMS ne viennent que du 38004.' },
      contacts,
    },
    people: null,
    special: false,
  },
  {
    org: { slug: 'cdc-ircantec', name: 'Caisse des Dépôts', country: 'FR' },
    incident: {
      title: 'Ircantec : fuite de données d’affiliés',
      timeline: { awarenessAt: '2024-02-01T09:00:00Z' },
      nature: { types: ['confidentiality'] },
      cause: { actor: 'external-malicious', vector: 'stolen-credentials' },
      dataClasses: ['name', 'postal-address', 'phone-number', 'signature'],
      dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'approximate', count: 70_000 } }] },
      consequences: { impacts: ['loss-of-control'] },
      measures: { taken: 'Comptes employeurs compromis bloqués.' },
      contacts,
    },
    people: 70_000,
    special: false,
  },
  {
    org: { slug: 'folksam', name: 'Folksam', country: 'SE' },
    incident: {
      title: 'Personuppgifter till tredje part via spårningsverktyg',
      timeline: { awarenessAt: '2024-02-01T09:00:00Z' },
      nature: { types: ['confidentiality'] },
      cause: { actor: 'internal-non-malicious' },
      dataClasses: ['se-personnummer', 'insurance-products', 'health-related-purchases'],
      dataSubjects: { byCountry: [{ country: 'SE', people: { precision: 'approximate', count: 1_000_000 } }] },
      consequences: { impacts: ['disclosure-to-third-parties', 'loss-of-control'], severity: 'moderate' },
      measures: { taken: 'Delningen stoppad; mottagarna ombedda att radera uppgifterna.' },
      contacts: { contactPoint: { name: 'Dataskyddsombud', email: 'dso@example.org' } },
    },
    people: 1_000_000,
    special: true,
  },
] as const;

for (const { name, skip, create } of await testDatabases()) {
  describe(`the five seed breaches through the desk (${name})`, { skip, timeout: 120_000 }, () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    const clock = fixedClock('2024-02-02T08:00:00Z');
    const tokens = new Map<string, string>();
    const call = (method: 'GET' | 'POST', org: string, path: string, payload?: unknown) =>
      app.inject({
        method,
        url: `/api/v1/orgs/${org}${path}`,
        headers: { authorization: `Bearer ${tokens.get(org)!}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
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
      for (const { org } of SEEDS) {
        const { owner } = await orgs.createOrganisation(
          org,
          { email: `owner@${org.slug}.example`, displayName: 'Owner', password: PASSWORD },
          'cli:test',
        );
        const ownerCtx = await orgs.contextFor(owner.id, org.slug, `user:${owner.id}`);
        // The DPO does the work, with a token of their own.
        const dpo = await orgs.addMember(ownerCtx, {
          email: `dpo@${org.slug}.example`,
          displayName: 'DPO',
          role: 'dpo',
          password: PASSWORD,
        });
        tokens.set(org.slug, (await orgs.createToken(await orgs.contextFor(dpo.id, org.slug, `user:${dpo.id}`), 'desk')).token);
      }
    });

    after(async () => {
      await app?.close();
      await db?.cleanup();
    });

    for (const seed of SEEDS) {
      it(`${seed.org.name}: recorded, assessed, notified (JSON and PDF), registered`, async () => {
        const made = await call('POST', seed.org.slug, '/incidents', seed.incident);
        assert.equal(made.statusCode, 201, made.body);
        const id = made.json<{ incident: { id: string } }>().incident.id;
        const assessment = {
          enisa: {
            dpc: { category: seed.special ? 'sensitive' : 'financial', reason: 'the most sensitive data in the breach', adjustments: [] },
            ei: { level: 'maximum', reason: 'identifiers identify people directly' },
            cb: {
              confidentiality: { level: 'published-or-unknown-recipients', reason: 'recipients unknown or not bound' },
              integrity: { level: 'not-affected', reason: 'none seen' },
              availability: { level: 'not-affected', reason: 'none seen' },
              maliciousIntent: { malicious: seed.incident.cause.actor === 'external-malicious', reason: 'from the investigation' },
            },
          },
          edpb: {
            breachTypes: ['confidentiality'],
            specialCategories: seed.special,
            consequences: 'severe',
            vulnerableIndividuals: false,
            numberOfIndividuals: seed.people,
            controllerCharacteristics: seed.org.slug !== 'chronopost',
          },
          measures: {
            unintelligible: { status: 'no' },
            subsequentMeasures: { applies: false },
            disproportionateEffort: { applies: false },
          },
        };
        const proposal = (await call('POST', seed.org.slug, '/risk-assessment', assessment)).json<{
          proposal: { notifyAuthority: boolean; informIndividuals: string };
        }>().proposal;
        assert.equal(proposal.notifyAuthority, true, 'each seed breach is one to notify');
        const recorded = await call('POST', seed.org.slug, `/incidents/${id}/assessments`, {
          ...assessment,
          decision: { ...proposal, reason: 'We follow the proposal: high risk for the people concerned.' },
        });
        assert.equal(recorded.statusCode, 201, recorded.body);

        const notified = await call('POST', seed.org.slug, `/incidents/${id}/notifications`, { kind: 'initial' });
        assert.equal(notified.statusCode, 201, notified.body);
        const pdf = await call('GET', seed.org.slug, `/incidents/${id}/notifications/1/pdf`);
        assert.equal(pdf.statusCode, 200);
        assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.match(String(pdf.headers['content-disposition']), seed.org.country === 'SE' ? /-sv\.pdf/ : /-fr\.pdf/);

        const form = (
          await call('GET', seed.org.slug, `/incidents/${id}/notifications/1/form?form=${seed.org.country === 'SE' ? 'imy' : 'cnil'}`)
        ).json<{
          fields: { label: string; value: unknown }[];
        }>();
        assert.ok(form.fields.length > 5, 'the national form is mapped');
        assert.ok(form.fields.filter((f) => f.value !== null).length >= 3, 'with values from the notification');

        const register = (await call('GET', seed.org.slug, '/register')).json<{ rows: Record<string, unknown>[] }>().rows;
        assert.equal(register.length, 1, 'its own register holds its own incident only');
        assert.equal(register[0]!['title'], seed.incident.title);
        const csv = await call('GET', seed.org.slug, '/register?format=csv');
        assert.ok(csv.body.includes(seed.incident.title));
      });
    }
  });
}
