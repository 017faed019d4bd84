import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { totalDataSubjects, validateIncidentDraft, type Count } from './incident.js';

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateIncidentDraft(input);
  if (result.ok) assert.fail('expected the draft to be rejected');
  return result.issues;
}

const FR_PEOPLE = { country: 'FR', people: { precision: 'approximate', count: 1000 } };

describe('incident draft validation', () => {
  it('accepts a draft with only a title', () => {
    const result = validateIncidentDraft({ title: 'Lost laptop' });
    assert.ok(result.ok);
    assert.equal(result.value.title, 'Lost laptop');
  });

  it('accepts an awareness date the same day as a partial occurrence date, whatever the time zone', () => {
    // 23:00 UTC on 31 January is already 1 February in Paris.
    const result = validateIncidentDraft({
      title: 'x',
      timeline: { occurredFrom: '2024-02-01', awarenessAt: '2024-01-31T23:00:00Z' },
    });
    assert.ok(result.ok, JSON.stringify(result));
  });

  const cases: { name: string; input: Record<string, unknown>; path: string; message: RegExp }[] = [
    { name: 'a missing title', input: {}, path: 'title', message: /./ },
    { name: 'an empty title', input: { title: '  ' }, path: 'title', message: /empty/ },
    { name: 'an unknown field (typo)', input: { title: 'x', titel: 'y' }, path: '', message: /unknown field.*titel/ },
    {
      name: 'an unknown data class',
      input: { title: 'x', dataClasses: ['name', 'shoe-size'] },
      path: 'dataClasses.1',
      message: /not a data class/,
    },
    { name: 'a repeated data class', input: { title: 'x', dataClasses: ['name', 'name'] }, path: 'dataClasses.1', message: /twice/ },
    { name: 'an empty data class list', input: { title: 'x', dataClasses: [] }, path: 'dataClasses', message: /at least one/ },
    {
      name: 'awareness before occurrence (date-times)',
      input: { title: 'x', timeline: { occurredFrom: '2024-02-01T10:00:00Z', awarenessAt: '2024-02-01T09:59:59Z' } },
      path: 'timeline.awarenessAt',
      message: /cannot be before occurredFrom/,
    },
    {
      name: 'awareness before occurrence (partial date)',
      input: { title: 'x', timeline: { occurredFrom: '2024-02', awarenessAt: '2024-01-20T12:00:00+01:00' } },
      path: 'timeline.awarenessAt',
      message: /cannot be before occurredFrom/,
    },
    {
      name: 'an awareness date without a time zone',
      input: { title: 'x', timeline: { awarenessAt: '2024-01-29T10:00:00' } },
      path: 'timeline.awarenessAt',
      message: /time zone/,
    },
    {
      name: 'an impossible partial date',
      input: { title: 'x', timeline: { occurredFrom: '2024-02-30' } },
      path: 'timeline.occurredFrom',
      message: /YYYY-MM-DD/,
    },
    {
      name: 'an end before the start',
      input: { title: 'x', timeline: { occurredFrom: '2024-03', occurredTo: '2024-01-15' } },
      path: 'timeline.occurredTo',
      message: /cannot be before occurredFrom/,
    },
    {
      name: 'an end date on an ongoing breach',
      input: { title: 'x', timeline: { occurrence: 'ongoing', occurredFrom: '2024-03', occurredTo: '2024-04' } },
      path: 'timeline.occurredTo',
      message: /ongoing/,
    },
    {
      name: 'a report date on an internal discovery',
      input: { title: 'x', timeline: { discoveredBy: { by: 'internal', notifiedAt: '2024-03-04T10:00:00Z' } } },
      path: 'timeline.discoveredBy.notifiedAt',
      message: /another party/,
    },
    {
      name: 'a discovery "other" without description',
      input: { title: 'x', timeline: { discoveredBy: { by: 'other' } } },
      path: 'timeline.discoveredBy.description',
      message: /required/,
    },
    {
      name: 'a withdrawal without a reason',
      input: { title: 'x', notification: { type: 'withdrawal' } },
      path: 'notification.withdrawalReason',
      message: /required to withdraw/,
    },
    {
      name: 'a withdrawal reason on an initial notification',
      input: { title: 'x', notification: { type: 'initial', withdrawalReason: 'duplicate' } },
      path: 'notification.withdrawalReason',
      message: /only applies/,
    },
    {
      name: 'a negative count of people',
      input: { title: 'x', dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'exact', count: -5 } }] } },
      path: 'dataSubjects.byCountry.0.people.count',
      message: /must not be negative/,
    },
    {
      name: 'a negative count of records',
      input: { title: 'x', records: { precision: 'approximate', count: -1 } },
      path: 'records.count',
      message: /must not be negative/,
    },
    {
      name: 'a fractional count',
      input: { title: 'x', records: { precision: 'exact', count: 1.5 } },
      path: 'records.count',
      message: /whole number/,
    },
    {
      name: 'a count given with precision unknown',
      input: { title: 'x', records: { precision: 'unknown', count: 5 } },
      path: 'records.count',
      message: /omitted/,
    },
    {
      name: 'an approximate count without a number',
      input: { title: 'x', dataSubjects: { byCountry: [{ country: 'SE', people: { precision: 'approximate' } }] } },
      path: 'dataSubjects.byCountry.0.people.count',
      message: /required when precision is "approximate"/,
    },
    {
      name: 'a country listed twice',
      input: { title: 'x', dataSubjects: { byCountry: [FR_PEOPLE, FR_PEOPLE] } },
      path: 'dataSubjects.byCountry.1.country',
      message: /twice/,
    },
    {
      name: 'an unknown country',
      input: { title: 'x', dataSubjects: { byCountry: [{ ...FR_PEOPLE, country: 'XX' }] } },
      path: 'dataSubjects.byCountry.0.country',
      message: /ISO 3166/,
    },
    {
      name: '"not-yet-known" with another category',
      input: { title: 'x', dataSubjects: { categories: ['patients', 'not-yet-known'] } },
      path: 'dataSubjects.categories',
      message: /cannot be combined/,
    },
    {
      name: 'no breach type',
      input: { title: 'x', nature: { types: [] } },
      path: 'nature.types',
      message: /at least one of confidentiality/,
    },
    {
      name: 'an unknown breach type',
      input: { title: 'x', nature: { types: ['secrecy'] } },
      path: 'nature.types.0',
      message: /must be one of: confidentiality, integrity, availability/,
    },
    {
      name: 'an integrity detail on a confidentiality breach',
      input: { title: 'x', nature: { types: ['confidentiality'], integrity: 'misuse-reversible' } },
      path: 'nature.integrity',
      message: /only applies when types includes integrity/,
    },
    {
      name: '"not exfiltrated" without evidence',
      input: { title: 'x', nature: { types: ['confidentiality'], confidentiality: 'not-exfiltrated' } },
      path: 'nature.confidentialityEvidence',
      message: /required/,
    },
    {
      name: 'an unknown incident nature',
      input: { title: 'x', incidentNature: { kinds: ['hacked'] } },
      path: 'incidentNature.kinds.0',
      message: /must be one of/,
    },
    {
      name: 'incident nature "other" without text',
      input: { title: 'x', incidentNature: { kinds: ['other'] } },
      path: 'incidentNature.other',
      message: /required/,
    },
    { name: 'an unknown cause', input: { title: 'x', cause: { actor: 'aliens' } }, path: 'cause.actor', message: /must be one of/ },
    {
      name: 'a reporter of function "other" without description',
      input: { title: 'x', contacts: { reporter: { name: 'A. Reporter', function: 'other' } } },
      path: 'contacts.reporter.functionDescription',
      message: /required/,
    },
    {
      name: 'a contact point that cannot be reached',
      input: { title: 'x', contacts: { contactPoint: { name: 'A. Contact' } } },
      path: 'contacts.contactPoint.email',
      message: /e-mail address or a phone number/,
    },
    {
      name: 'a malformed e-mail address',
      input: { title: 'x', contacts: { contactPoint: { name: 'A. Contact', email: 'not-an-address' } } },
      path: 'contacts.contactPoint.email',
      message: /e-mail/,
    },
    {
      name: 'an unknown authority',
      input: { title: 'x', authority: { code: 'xx-dpa' } },
      path: 'authority.code',
      message: /supervisory authority/,
    },
    {
      name: 'a lead authority without cross-border processing',
      input: { title: 'x', crossBorder: { processing: false, leadAuthority: 'fr-cnil' } },
      path: 'crossBorder.leadAuthority',
      message: /only applies when processing is true/,
    },
    {
      name: 'a decision without a written reason',
      input: {
        title: 'x',
        riskOutcome: {
          level: 'risk',
          decision: { notifyAuthority: true, informIndividuals: 'not-required', decidedBy: 'user-1', decidedAt: '2024-02-01T10:00:00Z' },
        },
      },
      path: 'riskOutcome.decision.reason',
      message: /./,
    },
    {
      name: 'an unknown risk level',
      input: { title: 'x', riskOutcome: { level: 'medium' } },
      path: 'riskOutcome.level',
      message: /unlikely/,
    },
    {
      name: 'a communication done without date or channel',
      input: { title: 'x', communication: { status: 'done' } },
      path: 'communication.at',
      message: /required when status is "done"/,
    },
    {
      name: 'a communication done without channel',
      input: { title: 'x', communication: { status: 'done', at: '2025-02-14' } },
      path: 'communication.channels',
      message: /at least one channel/,
    },
    {
      name: 'no communication without a ground',
      input: { title: 'x', communication: { status: 'not-required' } },
      path: 'communication.ground',
      message: /required/,
    },
    {
      name: 'an Art. 34(3)(a) ground without justification',
      input: { title: 'x', communication: { status: 'not-required', ground: '34-3-a' } },
      path: 'communication.justification',
      message: /Art\. 34\(3\)\(a\)/,
    },
    {
      name: 'a delayed communication without reason',
      input: { title: 'x', communication: { status: 'delayed' } },
      path: 'communication.delayReason',
      message: /required/,
    },
    {
      name: 'an unknown channel',
      input: { title: 'x', communication: { status: 'planned', at: '2025-03', channels: ['pigeon'] } },
      path: 'communication.channels.0',
      message: /email, sms, letter, public-notice, other/,
    },
    {
      name: 'controllers on a controller',
      input: { title: 'x', processorRelation: { role: 'controller', controllers: [{ name: 'Mutuelle' }] } },
      path: 'processorRelation.controllers',
      message: /only applies when role is "processor"/,
    },
    {
      name: 'fewer controllers counted than listed',
      input: { title: 'x', processorRelation: { role: 'processor', controllersCount: 1, controllers: [{ name: 'A' }, { name: 'B' }] } },
      path: 'processorRelation.controllersCount',
      message: /at least the number/,
    },
    {
      name: 'an unknown other-authority kind',
      input: { title: 'x', otherAuthorities: [{ kind: 'army', name: 'X' }] },
      path: 'otherAuthorities.0.kind',
      message: /must be one of/,
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name}, naming the field`, () => {
      const issues = issuesOf(c.input);
      const hit = issues.find((i) => i.path === c.path && c.message.test(i.message));
      assert.ok(hit, `expected an issue at "${c.path}" matching ${c.message}, got ${JSON.stringify(issues)}`);
    });
  }

  it('reports every problem at once, across sections', () => {
    const issues = issuesOf({
      title: '',
      dataClasses: ['shoe-size'],
      timeline: { occurredFrom: '2024-02', awarenessAt: '2024-01-01T00:00:00Z' },
      notification: { type: 'withdrawal' },
      records: { precision: 'exact', count: -1 },
    });
    const paths = issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['dataClasses.0', 'notification.withdrawalReason', 'records.count', 'timeline.awarenessAt', 'title']);
  });

  it('rejects non-objects', () => {
    for (const input of [null, 42, 'incident', []]) assert.ok(issuesOf(input).length > 0);
  });

  it('never echoes a submitted value in a message', () => {
    const secret = 'jean.dupont@example.fr';
    const issues = issuesOf({
      title: 'x',
      contacts: { contactPoint: { name: 'J', email: `${secret} ` }, reporter: { name: secret, function: 'x' } },
    });
    assert.ok(issues.length > 0);
    for (const issue of issues) assert.ok(!issue.message.includes(secret), issue.message);
  });
});

describe('totalDataSubjects', () => {
  const row = (people: Count) => ({ people });
  const cases: { name: string; rows: { people: Count }[] | undefined; total: Count | undefined }[] = [
    { name: 'no countries', rows: undefined, total: undefined },
    {
      name: 'all exact',
      rows: [row({ precision: 'exact', count: 10 }), row({ precision: 'exact', count: 5 })],
      total: { precision: 'exact', count: 15 },
    },
    {
      name: 'exact and approximate',
      rows: [row({ precision: 'exact', count: 10 }), row({ precision: 'approximate', count: 1000 })],
      total: { precision: 'approximate', count: 1010 },
    },
    {
      name: 'one country unknown',
      rows: [row({ precision: 'exact', count: 10 }), row({ precision: 'unknown' })],
      total: { precision: 'approximate', count: 10, atLeast: true },
    },
    { name: 'all unknown', rows: [row({ precision: 'unknown' })], total: { precision: 'unknown' } },
    {
      name: 'a lower bound',
      rows: [row({ precision: 'approximate', count: 33_000_000, atLeast: true })],
      total: { precision: 'approximate', count: 33_000_000, atLeast: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(totalDataSubjects(c.rows), c.total));
  }
});
