import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CNIL_FIELD_MAPPING, IMY_FIELD_MAPPING } from './authority-forms.js';
import { validateIncidentDraft, type IncidentDocument, type IncidentDraftInput } from './incident.js';
import {
  buildAuthorityNotification,
  diffNotificationBodies,
  NOTIFICATION_SECTIONS,
  valueAtPath,
  type AuthorityNotification,
  type NotificationOptions,
  type NotifyingOrganisation,
} from './notification.js';

const AWARE = '2024-03-04T08:30:00+01:00';
const ON_TIME = '2024-03-05T16:00:00+01:00';

const ORG: NotifyingOrganisation = {
  name: 'Exemple Mutuelle',
  country: 'FR',
  identifier: { type: 'company-id', value: '123456789' },
  sector: 'private',
  size: 'large',
  economicActivity: '65.12Z',
  contactDetails: { postalAddress: '1 rue de l’Exemple, 75001 Paris', email: 'contact@mutuelle.example' },
  dpo: { name: 'Délégué Exemple', email: 'dpo@mutuelle.example' },
};

/** A draft in which every template field has an answer. */
const COMPLETE: IncidentDraftInput = {
  title: 'Misdirected reimbursement statements',
  reference: 'INC-2024-007',
  notification: { type: 'initial' },
  authority: { code: 'fr-cnil' },
  contacts: {
    reporter: { name: 'Rapporteur Exemple', function: 'dpo', email: 'dpo@mutuelle.example' },
    contactPoint: { name: 'Contact Exemple', function: 'RSSI', phone: '+33 1 00 00 00 00' },
  },
  timeline: {
    occurrence: 'specific-day',
    occurredFrom: '2024-03-01T14:00:00+01:00',
    occurredTo: '2024-03-01T14:05:00+01:00',
    awarenessAt: AWARE,
    containedAt: '2024-03-04T12:00:00+01:00',
    discoveredBy: {
      by: 'data-subject',
      description: 'A member received another member’s statement.',
      notifiedAt: '2024-03-04T08:00:00+01:00',
    },
  },
  nature: { types: ['confidentiality'], confidentiality: 'exfiltrated', unintelligible: 'no' },
  incidentNature: { kinds: ['sent-by-mistake'] },
  cause: { actor: 'internal-non-malicious', vector: 'misdelivery', description: 'A mail-merge offset by one row.' },
  description: 'Reimbursement statements were sent to the wrong members.',
  systems: ['Statement mail-merge (Paris data centre)'],
  dataSubjects: {
    categories: ['customers', 'patients'],
    byCountry: [
      { country: 'FR', people: { precision: 'exact', count: 1000 } },
      { country: 'BE', people: { precision: 'exact', count: 12 } },
    ],
  },
  dataClasses: ['name', 'postal-address', 'healthcare-reimbursements'],
  records: { precision: 'exact', count: 1012 },
  priorMeasures: { kinds: ['policies', 'training'] },
  consequences: {
    confidentiality: ['disclosed-beyond-purpose'],
    impacts: ['loss-of-professional-secrecy'],
    description: 'Health care received revealed to a stranger.',
    severity: 'moderate',
  },
  riskOutcome: {
    level: 'risk',
    assessmentId: 'assessment-1',
    methodology: 'ENISA severity and EDPB factors',
    decision: {
      notifyAuthority: true,
      informIndividuals: 'not-required',
      decidedBy: 'user-1',
      decidedAt: '2024-03-04T15:00:00+01:00',
      reason: 'Medium severity.',
    },
  },
  measures: { taken: 'Recipients asked to destroy the letters.', preventive: ['process-change'] },
  communication: { status: 'not-required', ground: 'not-high-risk' },
  otherAuthorities: [],
  crossBorder: { processing: true, leadAuthority: 'fr-cnil', establishments: ['FR'] },
};

function incident(draft: IncidentDraftInput = COMPLETE, id = 'inc-1'): IncidentDocument {
  const result = validateIncidentDraft(draft);
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return { id, createdAt: '2024-03-04T09:00:00Z', modifiedAt: '2024-03-04T09:00:00Z', ...result.value };
}

function build(
  doc: IncidentDocument,
  options: Partial<NotificationOptions> = {},
  organisation: NotifyingOrganisation = ORG,
): AuthorityNotification {
  const result = buildAuthorityNotification(doc, organisation, { version: 1, kind: 'initial', issuedAt: ON_TIME, ...options });
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return result.notification;
}

function issues(doc: IncidentDocument, options: Partial<NotificationOptions> = {}, organisation: NotifyingOrganisation = ORG) {
  const result = buildAuthorityNotification(doc, organisation, { version: 1, kind: 'initial', issuedAt: ON_TIME, ...options });
  if (result.ok) assert.fail('expected the notification to be refused');
  return result.issues;
}

describe('an initial notification', () => {
  const n = build(incident());

  it('is complete when every template field has an answer', () => {
    assert.deepEqual(n.missing, []);
    assert.equal(n.body.notification.type, 'new');
    assert.equal(n.body.notification.subType, 'complete');
    assert.deepEqual(n.changes, []);
    assert.equal(n.id, 'inc-1/v1');
    assert.equal(n.issuedAt, '2024-03-05T15:00:00Z');
    assert.deepEqual(n.authority, {
      code: 'fr-cnil',
      name: "Commission nationale de l'informatique et des libertés (CNIL)",
      caseReference: null,
    });
  });

  it('has one body member per template section, in order', () => {
    assert.deepEqual(
      Object.keys(n.body),
      NOTIFICATION_SECTIONS.map((s) => s.key),
    );
  });

  it('maps the incident onto the template', () => {
    assert.equal(n.body.notification.internalReference, 'INC-2024-007');
    assert.equal(n.body.timeline.discovery.by, 'data-subject');
    assert.equal(n.body.timeline.estimatedDates, false);
    assert.deepEqual(n.body.dataSubjects.count, { precision: 'exact', count: 1012, atLeast: false });
    assert.deepEqual(n.body.data.types, ['basic', 'contact', 'health']);
    assert.deepEqual(
      n.body.crossBorder.countries.map((c) => [c.country, c.count]),
      [
        ['FR', 1000],
        ['BE', 12],
      ],
    );
    assert.equal(n.body.crossBorder.crossBorderProcessing, 'yes');
    assert.deepEqual(n.body.otherAuthorities, { policeReport: 'no', otherAuthoritiesNotified: 'no', details: [] });
    assert.equal(n.body.communication.status, 'not-high-risk');
    assert.equal(n.body.contacts.moreInformationAt?.name, 'Contact Exemple');
    assert.equal(n.body.riskOutcome.outcome, 'risk');
  });

  it('is plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(n)), n);
  });

  it('maps an authority that discovered the breach to an external party, saying so', () => {
    const doc = incident({
      ...COMPLETE,
      timeline: { ...COMPLETE.timeline, discoveredBy: { by: 'authority', description: 'ANSSI alert' } },
    });
    const discovery = build(doc).body.timeline.discovery;
    assert.equal(discovery.by, 'external-party');
    assert.equal(discovery.description, 'Reported by an authority: ANSSI alert');
  });
});

describe('content required before a notification is issued', () => {
  it('lists everything Art. 33(1) and 33(3) require when the incident has only a title', () => {
    const paths = issues(incident({ title: 'Something happened' }), {}, { name: 'X', country: 'FR' }).map((i) => i.path);
    assert.deepEqual(paths, [
      'timeline.awarenessAt',
      'nature.types',
      'dataClasses',
      'dataSubjects.byCountry',
      'contacts.contactPoint',
      'consequences',
      'measures',
    ]);
  });

  const cases: { name: string; draft: IncidentDraftInput; path: string; message: RegExp }[] = [
    {
      name: 'awareness date',
      draft: { ...COMPLETE, timeline: { ...COMPLETE.timeline, awarenessAt: undefined } },
      path: 'timeline.awarenessAt',
      message: /Art\. 33\(1\)/,
    },
    { name: 'breach nature', draft: { ...COMPLETE, nature: undefined }, path: 'nature.types', message: /Art\. 33\(3\)\(a\)/ },
    { name: 'data types', draft: { ...COMPLETE, dataClasses: undefined }, path: 'dataClasses', message: /categories of personal data/ },
    {
      name: 'numbers of people',
      draft: { ...COMPLETE, dataSubjects: { categories: ['customers'] } },
      path: 'dataSubjects.byCountry',
      message: /approximate number/,
    },
    {
      name: 'likely consequences',
      draft: { ...COMPLETE, consequences: { impacts: ['to-be-determined'] } },
      path: 'consequences',
      message: /Art\. 33\(3\)\(c\)/,
    },
    { name: 'measures', draft: { ...COMPLETE, measures: { preventive: ['training'] } }, path: 'measures', message: /Art\. 33\(3\)\(d\)/ },
  ];
  for (const c of cases) {
    it(`refuses without the ${c.name}`, () => {
      const found = issues(incident(c.draft));
      assert.ok(
        found.some((i) => i.path === c.path && c.message.test(i.message)),
        JSON.stringify(found),
      );
    });
  }

  it('takes the organisation DPO as contact point when the incident names none', () => {
    const doc = incident({ ...COMPLETE, contacts: {} });
    assert.equal(build(doc).body.contacts.moreInformationAt?.name, 'Délégué Exemple');
    const { dpo: _dpo, ...withoutDpo } = ORG;
    assert.deepEqual(
      issues(doc, {}, withoutDpo).map((i) => i.path),
      ['contacts.contactPoint'],
    );
  });

  it('builds an incomplete notification and says what a follow-up should complete (Art. 33(4))', () => {
    const doc = incident({
      title: 'Ransomware on the file server',
      timeline: { awarenessAt: AWARE },
      nature: { types: ['availability', 'confidentiality'] },
      dataClasses: ['unspecified-personal-data'],
      dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'unknown' } }] },
      consequences: { description: 'Services unavailable; data may be published.' },
      measures: { taken: 'Servers isolated.' },
    });
    const n = build(doc);
    assert.equal(n.body.notification.subType, 'incomplete');
    const paths = n.missing.map((m) => m.path);
    for (const path of [
      'reporter',
      'timeline.occurrence',
      'nature.confidentiality',
      'nature.availability',
      'nature.incidentNature',
      'nature.cause',
      'dataSubjects.categories',
      'data.types',
      'data.records',
      'consequences.severity',
      'riskOutcome.outcome',
      'communication.status',
      'crossBorder.crossBorderProcessing',
    ]) {
      assert.ok(paths.includes(path), `${path} missing from ${JSON.stringify(paths)}`);
    }
    for (const m of n.missing) {
      assert.ok(valueAtPath(n.body, m.path) !== undefined, `${m.path} is not a body path`);
      assert.match(m.message, /follow-up notification \(Art\. 33\(4\)\)/);
    }
    assert.equal(n.body.dataSubjects.count.precision, 'cannot-be-determined');
    assert.equal(n.body.riskOutcome.outcome, 'more-information-needed');
  });
});

describe('the 72-hour limit', () => {
  const late = '2024-03-07T08:30:01+01:00';
  const deadline = '2024-03-07T08:30:00+01:00';

  it('accepts an initial notification exactly 72 hours after awareness without a reason', () => {
    assert.equal(build(incident(), { issuedAt: deadline }).body.timeline.lateNotificationReason, null);
  });

  it('refuses an initial notification one second later without the reasons for the delay', () => {
    const found = issues(incident(), { issuedAt: late });
    assert.deepEqual(
      found.map((i) => i.path),
      ['delayReason'],
    );
    assert.match(found[0]?.message ?? '', /72 hours after awareness \(Art\. 33\(1\)\)/);
  });

  it('carries the reasons for the delay in the timeline section', () => {
    const n = build(incident({ ...COMPLETE, delayReason: 'The processor told us late.' }), { issuedAt: late });
    assert.equal(n.body.timeline.lateNotificationReason, 'The processor told us late.');
  });

  it('does not ask a follow-up for reasons: the 72 hours concern the initial notification', () => {
    const v1 = build(incident());
    const v2 = build(incident(), { kind: 'follow-up', version: 2, previous: v1, issuedAt: '2024-03-20T10:00:00Z' });
    assert.equal(v2.body.notification.type, 'follow-up');
  });
});

describe('versions', () => {
  const v1Draft: IncidentDraftInput = {
    ...COMPLETE,
    dataSubjects: { categories: ['customers'], byCountry: [{ country: 'FR', people: { precision: 'approximate', count: 1000 } }] },
    records: undefined,
    measures: { taken: 'Recipients asked to destroy the letters.' },
  };
  const v1 = build(incident(v1Draft));
  const v2Draft: IncidentDraftInput = {
    ...v1Draft,
    notification: { type: 'follow-up' },
    authority: { code: 'fr-cnil', caseReference: 'CNIL-2024-0042' },
    dataSubjects: { categories: ['customers'], byCountry: [{ country: 'FR', people: { precision: 'exact', count: 1203 } }] },
    records: { precision: 'exact', count: 1203 },
    measures: { taken: 'Recipients asked to destroy the letters; 1,150 confirmed.', preventive: ['process-change'] },
  };
  const v2 = build(incident(v2Draft), { kind: 'follow-up', version: 2, previous: v1, issuedAt: '2024-03-08T10:00:00+01:00' });

  it('the initial lacks what the follow-up completes', () => {
    assert.equal(v1.body.notification.subType, 'incomplete');
    assert.deepEqual(
      v1.missing.map((m) => m.path),
      ['data.records', 'measures.preventive'],
    );
    assert.equal(v2.body.notification.subType, 'complete');
  });

  it('lists exactly what changed since the previous version', () => {
    assert.deepEqual(v2.changes, [
      { path: 'notification.type', before: 'new', after: 'follow-up' },
      { path: 'notification.subType', before: 'incomplete', after: 'complete' },
      { path: 'notification.previousNotificationId', before: null, after: 'CNIL-2024-0042' },
      { path: 'dataSubjects.count.precision', before: 'approximate', after: 'exact' },
      { path: 'dataSubjects.count.count', before: 1000, after: 1203 },
      { path: 'data.records.precision', before: 'to-be-determined', after: 'exact' },
      { path: 'data.records.count', before: null, after: 1203 },
      {
        path: 'measures.taken',
        before: 'Recipients asked to destroy the letters.',
        after: 'Recipients asked to destroy the letters; 1,150 confirmed.',
      },
      { path: 'measures.preventive', before: [], after: ['process-change'] },
      {
        path: 'crossBorder.countries',
        before: [{ country: 'FR', precision: 'approximate', count: 1000, atLeast: false }],
        after: [{ country: 'FR', precision: 'exact', count: 1203, atLeast: false }],
      },
    ]);
    assert.equal(v2.authority?.caseReference, 'CNIL-2024-0042');
  });

  it('diffs objects member by member and arrays whole', () => {
    assert.deepEqual(diffNotificationBodies({ a: { b: 1, c: [1, 2] } }, { a: { b: 1, c: [1, 2] } }), []);
    assert.deepEqual(diffNotificationBodies({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [2, 1] }, d: 'new' }), [
      { path: 'a.b', before: 1, after: 2 },
      { path: 'a.c', before: [1, 2], after: [2, 1] },
      { path: 'd', before: null, after: 'new' },
    ]);
    assert.deepEqual(diffNotificationBodies({ gone: 'x' }, {}), [{ path: 'gone', before: 'x', after: null }]);
  });

  const optionCases: { name: string; options: Partial<NotificationOptions>; path: string; message: RegExp }[] = [
    {
      name: 'a follow-up without the previous version',
      options: { kind: 'follow-up', version: 2 },
      path: 'options.previous',
      message: /required/,
    },
    {
      name: 'a follow-up that skips a version',
      options: { kind: 'follow-up', version: 3, previous: v1 },
      path: 'options.version',
      message: /must be 2/,
    },
    { name: 'an initial notification with a previous version', options: { previous: v1 }, path: 'options.previous', message: /omitted/ },
    { name: 'an initial notification numbered 2', options: { version: 2 }, path: 'options.version', message: /must be 1/ },
    { name: 'a version that is not a whole number', options: { version: 1.5 }, path: 'options.version', message: /whole number/ },
    {
      name: 'a follow-up issued before the previous version',
      options: { kind: 'follow-up', version: 2, previous: v1, issuedAt: '2024-03-05T10:00:00+01:00' },
      path: 'options.issuedAt',
      message: /previous version/,
    },
    {
      name: 'an issue time without a time zone',
      options: { issuedAt: '2024-03-05T10:00:00' },
      path: 'options.issuedAt',
      message: /time zone/,
    },
    {
      name: 'an issue time before awareness',
      options: { issuedAt: '2024-03-04T08:00:00+01:00' },
      path: 'options.issuedAt',
      message: /awarenessAt/,
    },
  ];
  for (const c of optionCases) {
    it(`refuses ${c.name}`, () => {
      const found = issues(incident(), c.options);
      assert.ok(
        found.some((i) => i.path === c.path && c.message.test(i.message)),
        JSON.stringify(found),
      );
    });
  }

  it('refuses a previous version of another incident', () => {
    const found = issues(incident(COMPLETE, 'inc-2'), { kind: 'follow-up', version: 2, previous: v1 });
    assert.ok(found.some((i) => i.path === 'options.previous' && /another incident/.test(i.message)));
  });
});

describe('withdrawal', () => {
  const v1 = build(incident());
  const options: Partial<NotificationOptions> = { kind: 'withdrawal', version: 2, previous: v1, issuedAt: '2024-03-06T10:00:00Z' };

  it('needs the reason recorded on the incident', () => {
    assert.deepEqual(
      issues(incident(), options).map((i) => i.path),
      ['notification.withdrawalReason'],
    );
  });

  it('withdraws the previous version with its reason', () => {
    const doc = incident({ ...COMPLETE, notification: { type: 'withdrawal', withdrawalReason: 'Duplicate of INC-2024-006.' } });
    const w = build(doc, options);
    assert.equal(w.kind, 'withdrawal');
    assert.equal(w.body.notification.type, 'follow-up');
    assert.equal(w.body.notification.subType, 'withdraw');
    assert.equal(w.body.notification.withdrawalReason, 'Duplicate of INC-2024-006.');
    assert.equal(w.body.notification.previousNotificationId, 'inc-1/v1');
    assert.deepEqual(w.missing, []);
    const followUp = buildAuthorityNotification(doc, ORG, { kind: 'follow-up', version: 3, previous: w, issuedAt: '2024-03-07T10:00:00Z' });
    assert.ok(!followUp.ok && followUp.issues.some((i) => /withdrawn notification/.test(i.message)));
  });

  it('does not need the content of a notification', () => {
    const doc = incident({ title: 'Duplicate', notification: { type: 'withdrawal', withdrawalReason: 'Filed twice.' } });
    const first = { ...v1, incidentId: doc.id };
    assert.ok(
      buildAuthorityNotification(doc, ORG, {
        ...options,
        kind: 'withdrawal',
        version: 2,
        previous: first,
        issuedAt: '2024-03-06T10:00:00Z',
      }).ok,
    );
  });
});

describe('national form mappings', () => {
  const full = build(incident());
  const sparse = build(
    incident({
      title: 'Sparse',
      timeline: { awarenessAt: AWARE },
      nature: { types: ['confidentiality'] },
      dataClasses: ['name'],
      dataSubjects: { byCountry: [{ country: 'SE', people: { precision: 'unknown' } }] },
      consequences: { impacts: ['loss-of-control'] },
      measures: { proposed: 'To be decided.' },
    }),
  );

  for (const [name, mapping] of [
    ['CNIL', CNIL_FIELD_MAPPING],
    ['IMY', IMY_FIELD_MAPPING],
  ] as const) {
    it(`${name}: every path exists in the notification body, however complete the incident`, () => {
      for (const field of mapping) {
        for (const n of [full, sparse]) {
          assert.notEqual(valueAtPath(n.body, field.path), undefined, `${field.label} → ${field.path}`);
        }
      }
    });
  }

  it('IMY: covers every field number the reference gives', () => {
    const numbers = new Set(IMY_FIELD_MAPPING.map((f) => f.number).filter((n) => n !== null));
    assert.deepEqual([...numbers].sort(), ['1', '13', '2', '25', '26', '28', '3', '30', '32/34/35', '9']);
  });

  it('CNIL: gives no field numbers, since the full field list was not found', () => {
    assert.ok(CNIL_FIELD_MAPPING.length > 0);
    assert.ok(CNIL_FIELD_MAPPING.every((f) => f.number === null));
  });

  it('valueAtPath tells a null field from a missing one', () => {
    assert.equal(valueAtPath(sparse.body, 'timeline.end'), null);
    assert.equal(valueAtPath(sparse.body, 'timeline.nope'), undefined);
    assert.equal(valueAtPath(sparse.body, 'timeline.end.deeper'), undefined);
  });
});
