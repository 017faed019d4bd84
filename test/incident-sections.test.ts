// The incident's EDPB sections as console forms (issue 6): every field of the record can be edited without
// JSON, each section saves only itself and all of it or nothing, on SQLite and the real PostgreSQL server.
// The pure part first (labels in three languages, coverage of the schema, a lossless round trip), then the
// app driven in memory: field-level errors that keep the input and save nothing, a stale revision, a
// read-only member, blank repeatable rows.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import { incidentDraftSchema, validateIncidentDraft, type IncidentDocument } from '../src/modules/incidents/model/incident.js';
import { createOrganisations } from '../src/modules/organisations/index.js';
import { systemClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { LOCALES } from '../src/platform/locale.js';
import {
  labelKeyOf,
  mergeSection,
  parseSectionForm,
  SECTION_KEYS,
  SECTIONS,
  sectionLeaves,
  sectionValues,
  VOCABULARIES,
  type VocabularyName,
} from '../src/web/incident-sections.js';
import { fieldLabel, hasFieldLabel, optionLabel, sectionTitle } from '../src/web/ui/incident-form-messages.js';
import { createTestApp, type TestApp } from './support/app.js';
import { testDatabases } from './support/databases.js';

const PASSWORD = 'a long enough passphrase';

/** An incident with every field of the template filled in (riskOutcome too, which no section writes). */
const FULL: IncidentDocument = {
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  createdAt: '2024-01-29T09:30:00Z',
  modifiedAt: '2024-01-29T09:30:00Z',
  title: 'Intrusion dans la plateforme de tiers payant',
  reference: 'INC-2024-007',
  notification: { type: 'withdrawal', withdrawalReason: 'Déclarée deux fois.' },
  authority: { code: 'fr-cnil', caseReference: 'CNIL-24-0042' },
  contacts: {
    reporter: {
      name: 'Claire Martin',
      function: 'other',
      functionDescription: 'RSSI',
      email: 'rssi@viamedis.example',
      phone: '+33 1 23 45 67 89',
    },
    contactPoint: { name: 'DPO', function: 'Délégué', email: 'dpo@viamedis.example', phone: '+33 1 98 76 54 32' },
    otherParties: [
      { qualification: 'processor', name: 'Hébergeur', contactDetails: 'support@hebergeur.example' },
      { qualification: 'joint-controller', name: 'Mutuelle' },
    ],
  },
  timeline: {
    occurrence: 'range',
    occurredFrom: '2024-01',
    occurredTo: '2024-01-28T10:00:00Z',
    estimated: true,
    awarenessAt: '2024-01-29T09:00:00+01:00',
    containedAt: '2024-01-29T18:30:15Z',
    discoveredBy: { by: 'third-party', description: 'Un professionnel de santé a signalé des accès.', notifiedAt: '2024-01-29T07:45:00Z' },
    comments: 'Journaux conservés 90 jours.',
  },
  nature: {
    types: ['confidentiality', 'integrity'],
    confidentiality: 'not-exfiltrated',
    confidentialityEvidence: 'Aucun transfert sortant dans les journaux.',
    unintelligible: 'no',
    integrity: 'altered-no-misuse',
  },
  incidentNature: { kinds: ['phishing', 'other'], other: 'Réutilisation d’identifiants.' },
  cause: { actor: 'external-malicious', vector: 'phishing', description: 'Hameçonnage ciblé.' },
  description: 'Identifiants d’un professionnel de santé utilisés par un tiers.',
  systems: ['Portail de tiers payant', 'Annuaire LDAP'],
  dataSubjects: {
    categories: ['customers', 'other'],
    description: 'Assurés et ayants droit.',
    byCountry: [
      { country: 'FR', people: { precision: 'exact', count: 1200 } },
      { country: 'SE', people: { precision: 'approximate', count: 30, atLeast: true } },
    ],
  },
  dataClasses: ['name', 'fr-nir'],
  dataDescription: 'Nom, prénom, NIR.',
  records: { precision: 'unknown' },
  priorMeasures: { kinds: ['mfa', 'other'], description: 'Revue des accès trimestrielle.' },
  consequences: {
    confidentiality: ['disclosed-beyond-purpose'],
    integrity: ['used-while-invalid'],
    availability: ['under-assessment'],
    impacts: ['identity-theft', 'other'],
    description: 'Hameçonnage des assurés.',
    severity: 'severe',
  },
  riskOutcome: { level: 'high', methodology: 'ENISA' },
  measures: {
    taken: 'Compte désactivé.',
    proposed: 'Double authentification.',
    preventive: ['mfa', 'other'],
    preventiveDescription: 'Surveillance des connexions.',
  },
  communication: {
    status: 'done',
    at: '2024-02-02',
    channels: ['email', 'letter'],
    people: { precision: 'exact', count: 1200 },
    allInformed: false,
    notAllInformedReason: 'Adresses inconnues pour 12 personnes.',
    content: 'Madame, Monsieur,\nVos données ont été consultées.',
  },
  otherAuthorities: [
    { kind: 'police', name: 'Police nationale', caseReference: 'PV 2024/118', informedAt: '2024-01-30T10:00:00Z' },
    { kind: 'csirt', name: 'ANSSI (CERT-FR)' },
  ],
  crossBorder: {
    processing: true,
    establishments: ['FR', 'SE'],
    leadAuthority: 'fr-cnil',
    authoritiesNotified: ['fr-cnil', 'se-imy'],
    nonEeaController: false,
  },
  delayReason: 'Découverte pendant un week-end.',
  processorRelation: {
    role: 'processor',
    processorName: 'Viamedis',
    processorIncidentId: '01JBBBBBBBBBBBBBBBBBBBBBBB',
    notifiedByProcessorAt: '2024-01-29T12:00:00Z',
    controllers: [{ name: 'Mutuelle A', reference: 'A-1', informedAt: '2024-01-29T13:00:00Z' }],
    controllersCount: 3,
  },
};

const draftOf = (doc: IncidentDocument): Record<string, unknown> => {
  const { id: _i, createdAt: _c, modifiedAt: _m, ...draft } = doc;
  return draft;
};

/** The record's fields as label keys (rows as `*`), from the schema itself. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodOptional) return schemaPaths(schema.unwrap() as z.ZodType, prefix);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, s]) => schemaPaths(s, prefix ? `${prefix}.${k}` : k));
  }
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodObject) return schemaPaths(schema.element, `${prefix}.*`);
  return [prefix];
}

describe('the incident sections as forms', () => {
  it('cover every field of the record but the risk outcome, each field in one section only', () => {
    const inForms = SECTION_KEYS.flatMap((key) => [
      ...sectionLeaves(SECTIONS[key], () => 1).map((leaf) => labelKeyOf(leaf.name)),
      ...(SECTIONS[key].keeps ?? []),
    ]);
    assert.equal(new Set(inForms).size, inForms.length, 'no field in two sections');
    const inSchema = schemaPaths(incidentDraftSchema).filter((p) => !p.startsWith('riskOutcome'));
    assert.deepEqual([...inSchema].sort(), [...inForms].sort());
    const owned = SECTION_KEYS.flatMap((key) => SECTIONS[key].owns);
    assert.deepEqual(
      [...owned].sort(),
      Object.keys(incidentDraftSchema.shape)
        .filter((k) => k !== 'riskOutcome')
        .sort(),
    );
  });

  it('have a label for every field and every option, in English, French and Swedish', () => {
    for (const locale of LOCALES) {
      for (const key of SECTION_KEYS) {
        assert.ok(sectionTitle(locale, key).length > 0);
        const section = SECTIONS[key];
        for (const leaf of sectionLeaves(section, () => 1)) {
          assert.ok(hasFieldLabel(locale, leaf.labelKey), `${locale}: a label for ${leaf.labelKey}`);
        }
        for (const item of section.items) {
          if (item.type !== 'field') assert.ok(hasFieldLabel(locale, item.name), `${locale}: a legend for ${item.name}`);
        }
        for (const path of section.keeps ?? []) assert.ok(hasFieldLabel(locale, path), `${locale}: a label for ${path}`);
      }
      for (const [name, values] of Object.entries(VOCABULARIES)) {
        for (const value of values) {
          const label = optionLabel(locale, name as VocabularyName, value);
          assert.ok(label.length > 0 && label !== value, `${locale}: words for ${name} "${value}"`);
        }
      }
    }
    assert.equal(fieldLabel('fr', 'timeline.discoveredBy.description'), 'Circonstances de la découverte');
  });

  it('save every section of a complete record unchanged when nothing is edited', () => {
    assert.ok(validateIncidentDraft(draftOf(FULL)).ok, 'the fixture is a valid record');
    for (const key of SECTION_KEYS) {
      const section = SECTIONS[key];
      const input = parseSectionForm(section, { ...sectionValues(section, FULL), revision: '1' }, FULL);
      assert.deepEqual(input.issues, [], key);
      assert.deepEqual(mergeSection(section, FULL, input.fragment), draftOf(FULL), `${key} round-trips`);
    }
  });

  it('reads blanks as absent, numbers, instants in UTC and one item per line, and drops blank rows', () => {
    const input = parseSectionForm(
      SECTIONS.otherAuthorities,
      {
        'otherAuthorities.0.kind': '',
        'otherAuthorities.0.name': '  ',
        'otherAuthorities.3.kind': 'police',
        'otherAuthorities.3.name': 'Police nationale',
        'otherAuthorities.3.informedAt': '2024-01-30T10:00',
        'otherAuthorities.7.kind': 'csirt',
        'otherAuthorities.7.name': 'CERT-SE',
        'otherAuthorities.7.caseReference': '',
        'otherAuthorities.8.kind': '',
      },
      FULL,
    );
    assert.deepEqual(input.issues, []);
    assert.deepEqual(input.fragment['otherAuthorities'], [
      { kind: 'police', name: 'Police nationale', informedAt: '2024-01-30T10:00:00Z' },
      { kind: 'csirt', name: 'CERT-SE' },
    ]);
    assert.equal(input.values['otherAuthorities.1.name'], 'CERT-SE', 'the rows are renumbered for the form too');
    const cause = parseSectionForm(SECTIONS.cause, { 'cause.actor': 'unknown', systems: ' CRM \r\n\r\n  Messagerie\n' }, FULL);
    assert.deepEqual(cause.fragment, { cause: { actor: 'unknown' }, systems: ['CRM', 'Messagerie'] });
    const data = parseSectionForm(SECTIONS.data, { 'records.precision': 'approximate', 'records.count': '12 000' }, FULL);
    assert.deepEqual(data.fragment, {
      dataClasses: undefined,
      dataDescription: undefined,
      records: { precision: 'approximate', count: 12000 },
    });
    const bad = parseSectionForm(SECTIONS.data, { 'records.precision': 'exact', 'records.count': '12a' }, FULL);
    assert.deepEqual(bad.issues, [{ path: 'records.count', message: 'must be a whole number' }]);
    const emptied = parseSectionForm(SECTIONS.crossBorder, { 'crossBorder.processing': '', 'crossBorder.establishments': ' ' }, FULL);
    assert.deepEqual(emptied.fragment, { crossBorder: undefined });
    assert.equal('crossBorder' in mergeSection(SECTIONS.crossBorder, FULL, emptied.fragment), false, 'an emptied section is removed');
  });
});

for (const { name, skip, create } of await testDatabases()) {
  describe(`the incident sections in the console (${name})`, { skip, timeout: 120_000 }, () => {
    let t: TestApp;
    let incidentId: string;
    const owner = { cookie: '', csrf: '' };
    const reader = { cookie: '', csrf: '' };

    const form = (fields: Record<string, string | string[]>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
      return params.toString();
    };
    const signIn = async (email: string, into: { cookie: string; csrf: string }) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/console/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ email, password: PASSWORD }),
      });
      assert.equal(res.statusCode, 303, res.body);
      into.cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const home = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: into.cookie } });
      into.csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
      assert.ok(into.csrf, 'the page carries the anti-forgery token');
    };
    const sectionUrl = (section: string) => `/console/viamedis/incidents/${incidentId}/sections/${section}?lang=fr`;
    const post = (section: string, fields: Record<string, string | string[]>, as = owner): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method: 'POST',
        url: sectionUrl(section),
        headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: as.csrf, ...fields }),
      });
    const stored = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/viamedis/incidents/${incidentId}`,
        headers: { cookie: owner.cookie },
      });
      assert.equal(res.statusCode, 200, res.body);
      // The clock's remaining time moves on with every reading: the record and its revision are what count.
      const { incident, revision } = res.json<{ incident: IncidentDocument; revision: number }>();
      return { incident, revision };
    };
    const problemPaths = (body: string) => [...body.matchAll(/<li data-path="([^"]+)"/g)].map((m) => m[1]);

    before(async () => {
      t = await createTestApp({ database: create });
      const orgs = createOrganisations({
        db: t.db.handle.db,
        clock: systemClock,
        newId,
        randomBytes,
        passwords: createArgon2PasswordHasher(),
      });
      const made = await orgs.createOrganisation(
        { slug: 'viamedis', name: 'Viamedis', country: 'FR' },
        { email: 'dpo@viamedis.example', displayName: 'Claire Martin', password: PASSWORD },
        'cli:test',
      );
      const ctx = await orgs.contextFor(made.owner.id, 'viamedis', 'cli:test');
      await orgs.addMember(ctx, { email: 'lecture@viamedis.example', displayName: 'Léo Lecteur', role: 'read-only', password: PASSWORD });
      await signIn('dpo@viamedis.example', owner);
      await signIn('lecture@viamedis.example', reader);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/orgs/viamedis/incidents',
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': 'application/json' },
        payload: {
          title: 'Accès frauduleux au portail',
          timeline: { awarenessAt: '2024-01-29T09:00:00Z' },
          nature: { types: ['confidentiality'] },
          dataClasses: ['name', 'fr-nir'],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      incidentId = created.json<{ incident: { id: string } }>().incident.id;
    });

    after(async () => {
      await t?.close();
    });

    it('links every section from the incident page, and labels every control of each section form', async () => {
      const page = await t.app.inject({
        method: 'GET',
        url: `/console/viamedis/incidents/${incidentId}?lang=fr`,
        headers: { cookie: owner.cookie },
      });
      for (const key of SECTION_KEYS) assert.match(page.body, new RegExp(`/sections/${key}\\?lang=fr`), key);
      assert.match(page.body, /<details class="advanced"/, 'the JSON editor is still there, as the advanced option');
      for (const key of SECTION_KEYS) {
        const res = await t.app.inject({ method: 'GET', url: sectionUrl(key), headers: { cookie: owner.cookie } });
        assert.equal(res.statusCode, 200, `${key}: ${res.body.slice(0, 300)}`);
        const ids = [...res.body.matchAll(/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
        assert.ok(ids.length > 0, key);
        for (const id of ids) assert.ok(res.body.includes(`for="${id}"`), `${key}: a label for #${id}`);
        assert.ok(!/>[a-z]+(\.[a-zA-Z*]+)+</.test(res.body.replace(/<code>[^<]*<\/code>/g, '')), `${key}: no label key shown as a label`);
      }
    });

    it('saves one section, keeps the rest of the record, and comes back saying so', async () => {
      const before = await stored();
      const res = await post('timeline', {
        revision: String(before.revision),
        'timeline.occurrence': 'specific-day',
        'timeline.occurredFrom': '2024-01-28',
        'timeline.awarenessAt': '2024-01-29T09:00',
        'timeline.containedAt': '2024-01-29T18:30',
        'timeline.discoveredBy.by': 'data-subject',
        'timeline.discoveredBy.description': 'Un assuré a reçu un courriel suspect.',
        'timeline.discoveredBy.notifiedAt': '2024-01-29T08:15',
        // Longer than the 4 KiB other console forms accept: a section takes up to the record's own limits.
        'timeline.comments': 'é'.repeat(4000),
        'timeline.estimated': '',
        delayReason: '',
      });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, `/console/viamedis/incidents/${incidentId}/sections/timeline?lang=fr&saved=1`);
      const after = await stored();
      assert.equal(after.revision, before.revision + 1);
      assert.deepEqual(after.incident.timeline, {
        occurrence: 'specific-day',
        occurredFrom: '2024-01-28',
        awarenessAt: '2024-01-29T09:00:00Z',
        containedAt: '2024-01-29T18:30:00Z',
        discoveredBy: { by: 'data-subject', description: 'Un assuré a reçu un courriel suspect.', notifiedAt: '2024-01-29T08:15:00Z' },
        comments: 'é'.repeat(4000),
      });
      assert.deepEqual(after.incident.dataClasses, ['name', 'fr-nir'], 'other sections are kept');
      assert.deepEqual(after.incident.nature, { types: ['confidentiality'] });
      const page = await t.app.inject({ method: 'GET', url: res.headers.location, headers: { cookie: owner.cookie } });
      assert.match(page.body, /role="status">Enregistré\./);
      assert.match(page.body, /id="f-timeline-discoveredBy-description"[^>]*>Un assuré a reçu un courriel suspect\.<\/textarea>/);
    });

    it('refuses a field with its path, keeps what was typed, and saves nothing', async () => {
      const before = await stored();
      const res = await post('timeline', {
        revision: String(before.revision),
        'timeline.occurrence': 'range',
        'timeline.occurredFrom': '2024-01-20',
        'timeline.discoveredBy.by': 'other',
        'timeline.discoveredBy.description': '',
        'timeline.comments': 'Commentaire à ne pas perdre',
        'timeline.containedAt': 'hier soir',
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(problemPaths(res.body).sort(), ['timeline.containedAt', 'timeline.discoveredBy.description']);
      assert.match(res.body, /id="f-timeline-discoveredBy-description"[^>]*aria-invalid="true"/);
      assert.match(res.body, /id="f-timeline-comments"[^>]*>Commentaire à ne pas perdre<\/textarea>/);
      assert.match(res.body, /id="f-timeline-containedAt"[^>]*value="hier soir"/);
      assert.match(res.body, /<option value="range" selected>/);
      const after = await stored();
      assert.equal(after.revision, before.revision, 'nothing saved');
      assert.deepEqual(after.incident, before.incident);
    });

    it('answers a stale revision with the conflict, the input kept and what is saved now shown', async () => {
      const before = await stored();
      const res = await post('communication', {
        revision: String(before.revision - 1),
        'communication.status': 'planned',
        'communication.at': '2024-02-05',
        'communication.channels': ['email', 'sms'],
      });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Quelqu’un d’autre a enregistré cette violation entre-temps/);
      assert.match(res.body, /id="f-communication-at"[^>]*value="2024-02-05"/);
      assert.match(res.body, new RegExp(`name="revision" value="${before.revision}"`), 'the form is now made from the stored revision');
      assert.deepEqual(await stored(), before, 'nothing saved');
    });

    it('ignores blank repeatable rows, and shows the saved rows plus two blank ones', async () => {
      const before = await stored();
      const res = await post('otherAuthorities', {
        revision: String(before.revision),
        'otherAuthorities.0.kind': '',
        'otherAuthorities.0.name': '',
        'otherAuthorities.0.caseReference': '',
        'otherAuthorities.0.informedAt': '',
        'otherAuthorities.1.kind': 'police',
        'otherAuthorities.1.name': 'Police nationale',
        'otherAuthorities.1.informedAt': '2024-01-30T10:00',
        'otherAuthorities.2.kind': '',
        'otherAuthorities.2.name': '',
        'otherAuthorities.3.kind': 'csirt',
        'otherAuthorities.3.name': 'ANSSI (CERT-FR)',
      });
      assert.equal(res.statusCode, 303, res.body);
      const after = await stored();
      assert.deepEqual(after.incident.otherAuthorities, [
        { kind: 'police', name: 'Police nationale', informedAt: '2024-01-30T10:00:00Z' },
        { kind: 'csirt', name: 'ANSSI (CERT-FR)' },
      ]);
      const page = await t.app.inject({ method: 'GET', url: sectionUrl('otherAuthorities'), headers: { cookie: owner.cookie } });
      assert.equal([...page.body.matchAll(/<fieldset class="row"/g)].length, 4);
      // A refused row is named by its place in the record, blank rows before it left out.
      const refused = await post('otherAuthorities', {
        revision: String(after.revision),
        'otherAuthorities.0.kind': '',
        'otherAuthorities.1.kind': 'prosecutor',
        'otherAuthorities.1.name': '',
      });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(problemPaths(refused.body), ['otherAuthorities.0.name']);
      assert.match(refused.body, /id="f-otherAuthorities-0-kind"[^>]*>[\s\S]*?<option value="prosecutor" selected>/);
      assert.deepEqual((await stored()).incident.otherAuthorities, after.incident.otherAuthorities, 'nothing saved');
    });

    it('reads form values it cannot use as field errors beside the record’s own, and saves nothing', async () => {
      const before = await stored();
      const res = await post('data', {
        revision: String(before.revision),
        dataClasses: ['name', 'not-a-class'],
        'records.precision': 'exact',
        'records.count': 'douze',
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(problemPaths(res.body).sort(), ['dataClasses.1', 'records.count']);
      assert.match(res.body, /id="f-records-count"[^>]*value="douze"/);
      assert.deepEqual(await stored(), before);
    });

    it('shows a read-only member the values and no form, and refuses their post', async () => {
      const page = await t.app.inject({ method: 'GET', url: sectionUrl('timeline'), headers: { cookie: reader.cookie } });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<form[^>]*sections\/timeline/);
      assert.match(page.body, /<dd data-path="timeline.discoveredBy.description">Un assuré a reçu un courriel suspect\.<\/dd>/);
      assert.match(page.body, /<dd data-path="timeline.discoveredBy.by">Une personne concernée<\/dd>/);
      const incident = await t.app.inject({
        method: 'GET',
        url: `/console/viamedis/incidents/${incidentId}?lang=fr`,
        headers: { cookie: reader.cookie },
      });
      assert.match(incident.body, /\/sections\/communication\?lang=fr/, 'the sections are linked for reading');
      const before = await stored();
      const res = await post('timeline', { revision: String(before.revision), 'timeline.comments': 'Lecture seule' }, reader);
      assert.equal(res.statusCode, 403);
      assert.deepEqual(await stored(), before);
    });

    it('needs the anti-forgery token, and knows only its sections', async () => {
      const before = await stored();
      const forged = await post('timeline', { revision: String(before.revision), _csrf: 'x'.repeat(43), 'timeline.comments': 'Forgé' });
      assert.equal(forged.statusCode, 403);
      const unknown = await t.app.inject({ method: 'GET', url: sectionUrl('riskOutcome'), headers: { cookie: owner.cookie } });
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(await stored(), before);
    });

    it('keeps what another form wrote inside a section (the processor’s link) and what no section writes', async () => {
      const before = await stored();
      const edited = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/orgs/viamedis/incidents/${incidentId}`,
        headers: {
          cookie: owner.cookie,
          'x-csrf-token': owner.csrf,
          'content-type': 'application/json',
          'if-match': `"${before.revision}"`,
        },
        payload: JSON.stringify({
          ...draftOf(before.incident),
          riskOutcome: { level: 'high' },
          processorRelation: {
            role: 'controller',
            processorIncidentId: '01JBBBBBBBBBBBBBBBBBBBBBBB',
            notifiedByProcessorAt: '2024-01-29T12:00:00Z',
          },
        }),
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const res = await post('processorRelation', {
        revision: String((await stored()).revision),
        'processorRelation.role': 'controller',
        'processorRelation.processorName': 'Viamedis',
      });
      assert.equal(res.statusCode, 303, res.body);
      const after = (await stored()).incident;
      assert.deepEqual(after.processorRelation, {
        role: 'controller',
        processorName: 'Viamedis',
        processorIncidentId: '01JBBBBBBBBBBBBBBBBBBBBBBB',
        notifiedByProcessorAt: '2024-01-29T12:00:00Z',
      });
      assert.deepEqual(after.riskOutcome, { level: 'high' });
    });
  });
}
