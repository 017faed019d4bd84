import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SEED_BREACHES, type BreachSeed } from '../../catalogue/seed-breaches.js';
import { validateIncidentDraft, type IncidentDocument, type IncidentDraftInput } from './incident.js';
import { buildAuthorityNotification, type AuthorityNotification, type NotifyingOrganisation } from './notification.js';
import { registerCsv, registerRow } from './register.js';

/**
 * The five seed breaches of the catalogue, recorded as incidents on the breached organisation's desk.
 * The public facts (data, counts, nature, cause, dates) come from the catalogue seed; awareness and
 * notification times, contacts and descriptions of measures are NOT public: they are invented here
 * as test data, to run each incident through the clock, the notification and the register.
 */

function seed(slug: string): BreachSeed {
  const found = SEED_BREACHES.find((b) => b.slug === slug);
  if (!found) assert.fail(`no seed ${slug}`);
  return found;
}

/** The public part of the incident, from the catalogue's record. */
function fromSeed(slug: string): IncidentDraftInput {
  const b = seed(slug);
  const count = (c: BreachSeed['peopleAffected']) => ({
    precision: c.precision,
    ...(c.count === undefined ? {} : { count: c.count }),
    ...(c.atLeast === undefined ? {} : { atLeast: c.atLeast }),
  });
  return {
    title: b.title,
    authority: b.authority ? { code: b.authority.code } : undefined,
    timeline: {
      ...(b.dates.occurredFrom ? { occurredFrom: b.dates.occurredFrom } : {}),
      ...(b.dates.occurredTo ? { occurredTo: b.dates.occurredTo } : {}),
    },
    nature: { types: [...b.nature] },
    cause: { actor: b.cause.actor, vector: b.cause.vector },
    dataSubjects: { byCountry: [{ country: b.country, people: count(b.peopleAffected) }] },
    dataClasses: [...b.dataClasses],
    records: count(b.recordsAffected),
    processorRelation: { role: b.organisation.role },
  };
}

function document(draft: IncidentDraftInput, id: string): IncidentDocument {
  const result = validateIncidentDraft(draft);
  if (!result.ok) assert.fail(`${id}: ${JSON.stringify(result.issues)}`);
  return { id, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z', ...result.value };
}

const contacts = { contactPoint: { name: 'Desk contact (test)', email: 'desk@example.org' } };

interface SeedCase {
  readonly slug: string;
  readonly organisation: NotifyingOrganisation;
  readonly desk: (publicPart: IncidentDraftInput) => IncidentDraftInput;
  readonly issuedAt: string;
  readonly expect: {
    readonly role: 'controller' | 'processor';
    readonly country: string;
    readonly count: number;
    readonly atLeast: boolean;
    readonly dataTypes: readonly string[];
    readonly late: boolean;
  };
}

const CASES: readonly SeedCase[] = [
  {
    slug: 'viamedis',
    organisation: { name: 'Viamedis', country: 'FR', sector: 'private' },
    desk: (p) => ({
      ...p,
      timeline: { ...p.timeline, awarenessAt: '2024-01-29T18:00:00+01:00', discoveredBy: { by: 'internal' } },
      incidentNature: { kinds: ['hacking-malware'] },
      dataSubjects: {
        ...p.dataSubjects,
        categories: ['customers', 'other'],
        description: 'Beneficiaries of supplementary health insurance, and health professionals.',
      },
      contacts,
      consequences: { impacts: ['identity-theft', 'fraud'], description: 'Credible health-refund scams.', severity: 'severe' },
      measures: { taken: 'Third-party payment platform shut down.' },
      otherAuthorities: [{ kind: 'prosecutor', name: 'Parquet de Paris' }],
      processorRelation: { role: 'processor', controllersCount: 84 },
    }),
    issuedAt: '2024-01-31T12:00:00+01:00',
    expect: {
      role: 'processor',
      country: 'FR',
      count: 33_000_000,
      atLeast: true,
      dataTypes: ['basic', 'identification-numbers', 'other'],
      late: false,
    },
  },
  {
    slug: 'almerys',
    organisation: { name: 'Almerys', country: 'FR' },
    desk: (p) => ({
      ...p,
      timeline: { ...p.timeline, awarenessAt: '2024-01-30T10:00:00+01:00' },
      contacts,
      consequences: { impacts: ['identity-theft', 'fraud'] },
      measures: { taken: 'Third-party payment platform shut down.' },
    }),
    issuedAt: '2024-02-01T10:00:00+01:00',
    expect: {
      role: 'processor',
      country: 'FR',
      count: 33_000_000,
      atLeast: true,
      dataTypes: ['basic', 'identification-numbers', 'other'],
      late: false,
    },
  },
  {
    slug: 'chronopost',
    organisation: { name: 'Chronopost', country: 'FR' },
    desk: (p) => ({
      ...p,
      timeline: { ...p.timeline, awarenessAt: '2025-01-30T09:00:00+01:00' },
      contacts,
      consequences: { impacts: ['fraud'], description: 'Fake delivery text messages.' },
      measures: { taken: 'Access closed; customers warned that Chronopost texts come only from 38004.' },
    }),
    issuedAt: '2025-02-01T09:00:00+01:00',
    expect: { role: 'controller', country: 'FR', count: 210_000, atLeast: false, dataTypes: ['basic', 'contact', 'other'], late: false },
  },
  {
    slug: 'caisse-des-depots-ircantec',
    organisation: { name: 'Caisse des Dépôts', country: 'FR', sector: 'public' },
    desk: (p) => ({
      ...p,
      timeline: { ...p.timeline, awarenessAt: '2025-02-03T11:00:00+01:00' },
      contacts,
      consequences: { impacts: ['loss-of-control'] },
      measures: { taken: 'Compromised employer accounts blocked.' },
      communication: { status: 'done', at: '2025-02', channels: ['email', 'letter'], people: { precision: 'approximate', count: 70_000 } },
    }),
    issuedAt: '2025-02-05T11:00:00+01:00',
    expect: { role: 'controller', country: 'FR', count: 70_000, atLeast: false, dataTypes: ['not-known'], late: false },
  },
  {
    slug: 'folksam',
    organisation: { name: 'Folksam', country: 'SE', identifier: { type: 'organisation-number', value: '123456-7890' } },
    desk: (p) => ({
      ...p,
      timeline: {
        ...p.timeline,
        awarenessAt: '2020-10-01T09:00:00+02:00',
        discoveredBy: { by: 'internal', description: 'Internal audit.' },
      },
      incidentNature: { kinds: ['misconfiguration', 'other'], other: 'Unauthorised disclosure to third parties through tracking tools.' },
      contacts,
      consequences: { impacts: ['disclosure-to-third-parties', 'loss-of-control'], severity: 'moderate' },
      measures: { taken: 'Sharing stopped; recipients asked to delete the data.' },
      delayReason: 'The extent of the sharing had to be established first.',
    }),
    issuedAt: '2020-10-09T09:00:00+02:00',
    expect: {
      role: 'controller',
      country: 'SE',
      count: 1_000_000,
      atLeast: false,
      dataTypes: ['health', 'identification-numbers', 'profile'],
      late: true,
    },
  },
];

describe('the seed breaches as incidents', () => {
  const results = CASES.map((c) => {
    const doc = document(c.desk(fromSeed(c.slug)), `incident-${c.slug}`);
    const built = buildAuthorityNotification(doc, c.organisation, { version: 1, kind: 'initial', issuedAt: c.issuedAt });
    if (!built.ok) assert.fail(`${c.slug}: ${JSON.stringify(built.issues)}`);
    return { c, doc, n: built.notification };
  });

  for (const { c, doc, n } of results) {
    it(`${c.slug}: validates, notifies and enters the register`, () => {
      assert.equal(n.body.notification.organisation.role, c.expect.role);
      assert.deepEqual(
        n.body.crossBorder.countries.map((row) => row.country),
        [c.expect.country],
      );
      assert.deepEqual(n.body.dataSubjects.count, { precision: 'approximate', count: c.expect.count, atLeast: c.expect.atLeast });
      assert.deepEqual(n.body.data.types, c.expect.dataTypes);
      assert.equal(n.body.data.records.precision, 'cannot-be-determined');

      const row = registerRow(doc, [n]);
      assert.equal(row.notified, true);
      assert.equal(row.late, c.expect.late);
      assert.equal(row.role, c.expect.role);
      assert.equal(row.dataSubjectsCount, c.expect.count);
      assert.deepEqual(row.countries, [c.expect.country]);
    });
  }

  const get = (slug: string) => {
    const found = results.find((r) => r.c.slug === slug);
    if (!found) assert.fail(slug);
    return found;
  };

  it('Viamedis: a processor passing the incident to the 84 health organisations it serves', () => {
    const { doc, n } = get('viamedis');
    assert.equal(n.body.contacts.controllersCount, 84);
    assert.equal(n.body.contacts.otherPartiesInvolved, true);
    assert.equal(n.body.otherAuthorities.policeReport, 'yes');
    assert.equal(registerRow(doc, [n]).controllersCount, 84);
  });

  it('Viamedis: a controller it served records the processor’s incident id', () => {
    const { doc: processorIncident } = get('viamedis');
    const doc = document(
      {
        ...fromSeed('viamedis'),
        title: 'Viamedis breach: our members’ third-party payment data',
        timeline: {
          occurredFrom: '2024-01',
          awarenessAt: '2024-02-01T09:00:00+01:00',
          discoveredBy: { by: 'processor', description: 'Viamedis e-mailed its clients.' },
        },
        contacts,
        consequences: { impacts: ['identity-theft'] },
        measures: { taken: 'Members warned against refund scams.' },
        processorRelation: {
          role: 'controller',
          processorName: 'Viamedis',
          processorIncidentId: processorIncident.id,
          notifiedByProcessorAt: '2024-02-01T08:45:00+01:00',
        },
      },
      'incident-mutuelle',
    );
    const built = buildAuthorityNotification(
      doc,
      { name: 'Mutuelle (test)', country: 'FR' },
      { version: 1, kind: 'initial', issuedAt: '2024-02-02T09:00:00+01:00' },
    );
    assert.ok(built.ok);
    const { contacts: c, timeline } = built.notification.body;
    assert.deepEqual(c.otherParties, [
      { qualification: 'processor', name: 'Viamedis', contactDetails: null, reference: 'incident-viamedis' },
    ]);
    assert.equal(timeline.discovery.by, 'processor');
    assert.equal(timeline.discovery.notifiedByOtherPartyAt, '2024-02-01T08:45:00+01:00');
    assert.equal(registerRow(doc, []).processorIncidentId, 'incident-viamedis');
  });

  it('Caisse des Dépôts: people told by e-mail or letter; the data concerned still to be specified', () => {
    const { n } = get('caisse-des-depots-ircantec');
    assert.equal(n.body.communication.status, 'yes');
    assert.deepEqual(n.body.communication.means, ['individual']);
    assert.equal(n.body.communication.date, '2025-02');
    assert.ok(n.missing.some((m) => m.path === 'data.types'));
    assert.equal(n.body.notification.subType, 'incomplete');
  });

  it('Folksam: trackers disclosing data, no malicious actor, notified to IMY after 72 hours with a reason', () => {
    const { doc, n } = get('folksam');
    assert.equal(n.body.nature.cause, 'internal-non-malicious');
    assert.equal(n.body.nature.causeVector, 'misconfigured-tracking');
    assert.deepEqual(n.body.nature.incidentNature, ['misconfiguration', 'other']);
    assert.equal(n.body.timeline.estimatedDates, true);
    assert.equal(n.body.timeline.lateNotificationReason, 'The extent of the sharing had to be established first.');
    assert.equal(n.authority?.code, 'se-imy');
    assert.equal(n.body.notification.organisation.identifier, '123456-7890');
    const withoutReason = buildAuthorityNotification(
      { ...doc, delayReason: undefined },
      { name: 'Folksam', country: 'SE' },
      {
        version: 1,
        kind: 'initial',
        issuedAt: '2020-10-09T09:00:00+02:00',
      },
    );
    assert.ok(!withoutReason.ok && withoutReason.issues.some((i) => i.path === 'delayReason'));
  });

  it('all five fit in one register, in CSV with their accents', () => {
    const rows = results.map(({ doc, n }) => registerRow(doc, [n]));
    const csv = registerCsv(rows);
    assert.equal(csv.split('\r\n').length, 1 + rows.length + 1);
    assert.ok(csv.includes('"Caisse des Dépôts Ircantec pension fund breach"'));
  });

  it('every notification is plain JSON', () => {
    for (const { n } of results) {
      const copy: AuthorityNotification = JSON.parse(JSON.stringify(n));
      assert.deepEqual(copy, n);
    }
  });
});
