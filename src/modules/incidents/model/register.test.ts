import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { validateIncidentDraft, type IncidentDocument, type IncidentDraftInput } from './incident.js';
import { buildAuthorityNotification, type AuthorityNotification, type NotificationOptions } from './notification.js';
import { REGISTER_COLUMNS, registerCsv, registerJson, registerRow, type RegisterRow } from './register.js';

const AWARE = '2025-01-28T09:00:00+01:00';
const ORG = { name: 'Exemple SA', country: 'FR', dpo: { name: 'DPO', email: 'dpo@exemple.example' } };

const DRAFT: IncidentDraftInput = {
  title: 'Parcel database accessed',
  timeline: { occurredFrom: '2025-01', awarenessAt: AWARE },
  nature: { types: ['confidentiality'] },
  dataClasses: ['name', 'postal-address'],
  dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'approximate', count: 210_000 } }] },
  consequences: { description: 'Fake delivery messages.' },
  measures: { taken: 'Access revoked.' },
};

function incident(draft: IncidentDraftInput = DRAFT, id = 'inc-1'): IncidentDocument {
  const result = validateIncidentDraft(draft);
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return { id, createdAt: '2025-01-28T09:00:00Z', modifiedAt: '2025-01-28T09:00:00Z', ...result.value };
}

function notify(doc: IncidentDocument, options: NotificationOptions): AuthorityNotification {
  const result = buildAuthorityNotification(doc, ORG, options);
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return result.notification;
}

/** A minimal RFC 4180 reader, to check that what registerCsv writes reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  return rows;
}

describe('registerRow', () => {
  const doc = incident();

  it('records an incident that was never notified', () => {
    const row = registerRow(doc, []);
    assert.equal(row.notified, false);
    assert.equal(row.notifiedAt, null);
    assert.equal(row.late, null);
    assert.equal(row.deadline, '2025-01-31T08:00:00Z');
    assert.equal(row.dataSubjectsPrecision, 'approximate');
    assert.equal(row.dataSubjectsCount, 210_000);
    assert.deepEqual(row.dataTypes, ['basic', 'contact']);
    assert.equal(row.notificationVersions, 0);
  });

  const cases: { name: string; issuedAt: string; late: boolean; delayReason?: string }[] = [
    { name: 'on time', issuedAt: '2025-01-31T09:00:00+01:00', late: false },
    { name: 'late', issuedAt: '2025-01-31T09:00:01+01:00', late: true, delayReason: 'Forensics took four days.' },
  ];
  for (const c of cases) {
    it(`records a notification issued ${c.name}`, () => {
      const d = incident({ ...DRAFT, ...(c.delayReason ? { delayReason: c.delayReason } : {}) });
      const v1 = notify(d, { version: 1, kind: 'initial', issuedAt: c.issuedAt });
      const row = registerRow(d, [v1]);
      assert.equal(row.notified, true);
      assert.equal(row.notifiedAt, new Date(c.issuedAt).toISOString().replace('.000', ''));
      assert.equal(row.late, c.late);
      assert.equal(row.delayReason, c.delayReason ?? null);
    });
  }

  it('takes the first filing as the notification date, counts versions, and ignores other incidents', () => {
    const v1 = notify(doc, { version: 1, kind: 'initial', issuedAt: '2025-01-29T10:00:00Z' });
    const v2 = notify(doc, { version: 2, kind: 'follow-up', issuedAt: '2025-02-10T10:00:00Z', previous: v1 });
    const other = { ...v1, incidentId: 'inc-other', id: 'inc-other/v1' };
    const row = registerRow(doc, [v2, other, v1]);
    assert.equal(row.notifiedAt, '2025-01-29T10:00:00Z');
    assert.equal(row.lastNotificationAt, '2025-02-10T10:00:00Z');
    assert.equal(row.notificationVersions, 2);
    assert.equal(row.withdrawn, false);
  });

  it('records a withdrawal and its reason', () => {
    const d = incident({ ...DRAFT, notification: { type: 'withdrawal', withdrawalReason: 'Duplicate.' } });
    const v1 = notify(d, { version: 1, kind: 'initial', issuedAt: '2025-01-29T10:00:00Z' });
    const v2 = notify(d, { version: 2, kind: 'withdrawal', issuedAt: '2025-01-30T10:00:00Z', previous: v1 });
    const row = registerRow(d, [v1, v2]);
    assert.equal(row.withdrawn, true);
    assert.equal(row.withdrawalReason, 'Duplicate.');
    assert.equal(row.notifiedAt, '2025-01-29T10:00:00Z');
  });

  it('has a value for every column, and a column for every value', () => {
    const row = registerRow(doc, []);
    assert.deepEqual(Object.keys(row).sort(), [...REGISTER_COLUMNS].sort());
    for (const value of Object.values(row)) assert.notEqual(value, undefined);
  });
});

describe('registerCsv', () => {
  const base = registerRow(incident(), []);
  const withTitle = (title: string): RegisterRow => ({ ...base, title });

  it('writes a quoted header row and CRLF line ends', () => {
    const csv = registerCsv([base]);
    const [header] = csv.split('\r\n');
    assert.equal(header, REGISTER_COLUMNS.map((c) => `"${c}"`).join(','));
    assert.equal(csv.split('\r\n').length, 3);
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!csv.replaceAll('\r\n', '').includes('\n'));
  });

  const cases: { name: string; title: string; cell: string }[] = [
    { name: 'commas', title: 'Fuite, vol et perte', cell: 'Fuite, vol et perte' },
    { name: 'quotes', title: 'The "secure" portal', cell: 'The "secure" portal' },
    { name: 'line breaks', title: 'Line one\r\nline two\nline three', cell: 'Line one\r\nline two\nline three' },
    { name: 'accents', title: 'Caisse des Dépôts – Ircantec, Försäkring åäö', cell: 'Caisse des Dépôts – Ircantec, Försäkring åäö' },
    { name: 'a formula (=)', title: '=HYPERLINK("http://evil.example","x")', cell: `'=HYPERLINK("http://evil.example","x")` },
    { name: 'a formula (+)', title: '+33 1 00 00 00 00', cell: "'+33 1 00 00 00 00" },
    { name: 'a formula (-)', title: '-2+3', cell: "'-2+3" },
    { name: 'a formula (@)', title: '@SUM(A1:A2)', cell: "'@SUM(A1:A2)" },
    { name: 'a leading tab', title: '\t=1+1', cell: "'\t=1+1" },
    { name: 'an inner = sign, which is harmless', title: 'a=b', cell: 'a=b' },
  ];
  for (const c of cases) {
    it(`escapes ${c.name}`, () => {
      const rows = parseCsv(registerCsv([withTitle(c.title)]));
      assert.equal(rows.length, 2);
      const titleIndex = REGISTER_COLUMNS.indexOf('title');
      assert.equal(rows[1]?.[titleIndex], c.cell);
      assert.equal(rows[1]?.length, REGISTER_COLUMNS.length);
    });
  }

  it('writes lists joined with "; ", booleans as yes/no, null as empty', () => {
    const rows = parseCsv(registerCsv([{ ...base, dataClasses: ['name', 'postal-address'], notified: false, reference: null }]));
    const cell = (column: (typeof REGISTER_COLUMNS)[number]) => rows[1]?.[REGISTER_COLUMNS.indexOf(column)];
    assert.equal(cell('dataClasses'), 'name; postal-address');
    assert.equal(cell('notified'), 'no');
    assert.equal(cell('reference'), '');
    assert.equal(cell('dataSubjectsCount'), '210000');
  });

  it('guards list cells too', () => {
    const rows = parseCsv(registerCsv([{ ...base, dataSubjectCategories: ['=cmd', 'x'] }]));
    assert.equal(rows[1]?.[REGISTER_COLUMNS.indexOf('dataSubjectCategories')], "'=cmd; x");
  });

  it('prefixes a byte-order mark on request, for Excel', () => {
    assert.ok(registerCsv([], { bom: true }).startsWith('\uFEFF"id"'));
    assert.ok(registerCsv([]).startsWith('"id"'));
  });
});

describe('registerJson', () => {
  it('keeps typed values and the column order', () => {
    const row = registerRow(incident(), []);
    const parsed = JSON.parse(registerJson([row]));
    assert.equal(parsed.format, 'breachdesk.register/1');
    assert.deepEqual(parsed.columns, REGISTER_COLUMNS);
    assert.deepEqual(parsed.rows, [row]);
    assert.equal(parsed.rows[0].notified, false);
  });
});
