import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validBreach } from '../../../test/support/breach-factory.js';
import { isAppError } from '../../platform/errors.js';
import { hibpName, nameKey, parseBreachInput } from './breach.js';
import { canBeOnOrAfter, earliestDay, latestDay, parsePartialDate } from './partial-date.js';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseBreachInput(input);
  } catch (error) {
    assert.ok(isAppError(error));
    assert.equal(error.code, 'VALIDATION_FAILED');
    return [...error.issues];
  }
  assert.fail('expected the input to be rejected');
}

describe('breach validation', () => {
  it('accepts a complete breach and fills defaults', () => {
    const b = parseBreachInput(validBreach());
    assert.deepEqual(b.flags, { verified: true, sensitive: false, fabricated: false, retired: false });
    assert.deepEqual(b.relatedBreaches, []);
    assert.deepEqual(b.disclosedTo, []);
  });

  const cases: { name: string; input: Record<string, unknown>; path: string; message: RegExp }[] = [
    { name: 'bad slug', input: validBreach({ slug: 'Bad Slug' }), path: 'slug', message: /lowercase/ },
    { name: 'slug with double hyphen', input: validBreach({ slug: 'a--b' }), path: 'slug', message: /single hyphens/ },
    { name: 'unknown country', input: validBreach({ country: 'XX' }), path: 'country', message: /ISO 3166/ },
    { name: 'lowercase country', input: validBreach({ country: 'fr' }), path: 'country', message: /capitals/ },
    { name: 'unknown sector', input: validBreach({ sector: 'casino' }), path: 'sector', message: /./ },
    {
      name: 'impossible date',
      input: validBreach({ dates: { occurredFrom: '2024-02-30' } }),
      path: 'dates.occurredFrom',
      message: /real date/,
    },
    {
      name: 'end before start',
      input: validBreach({ dates: { occurredFrom: '2024-03', occurredTo: '2024-01-15' } }),
      path: 'dates.occurredTo',
      message: /before occurredFrom/,
    },
    {
      name: 'count given for unknown',
      input: validBreach({ peopleAffected: { precision: 'unknown', count: 5 } }),
      path: 'peopleAffected.count',
      message: /omitted/,
    },
    {
      name: 'count missing',
      input: validBreach({ peopleAffected: { precision: 'exact' } }),
      path: 'peopleAffected.count',
      message: /required/,
    },
    {
      name: 'negative count',
      input: validBreach({ peopleAffected: { precision: 'exact', count: -1 } }),
      path: 'peopleAffected.count',
      message: /negative/,
    },
    {
      name: 'unknown data class',
      input: validBreach({ dataClasses: ['name', 'shoe-size'] }),
      path: 'dataClasses.1',
      message: /not a data class/,
    },
    { name: 'repeated data class', input: validBreach({ dataClasses: ['name', 'name'] }), path: 'dataClasses.1', message: /twice/ },
    { name: 'no data class', input: validBreach({ dataClasses: [] }), path: 'dataClasses', message: /at least one/ },
    { name: 'no nature', input: validBreach({ nature: [] }), path: 'nature', message: /at least one/ },
    { name: 'no source', input: validBreach({ sources: [] }), path: 'sources', message: /at least one source/ },
    { name: 'source not a URL', input: validBreach({ sources: [{ url: 'ftp//x', title: 't' }] }), path: 'sources.0.url', message: /URL/ },
    {
      name: 'missing Swedish description',
      input: validBreach({ description: { en: 'x', fr: 'y' } }),
      path: 'description.sv',
      message: /./,
    },
    { name: 'unknown field (typo)', input: validBreach({ titel: 'x' }), path: '', message: /titel/ },
    {
      name: 'controllersServed on a controller',
      input: validBreach({ organisation: { name: 'X', role: 'controller', controllersServed: { count: 2 } } }),
      path: 'organisation.controllersServed',
      message: /processor/,
    },
    {
      name: 'unknown authority',
      input: validBreach({ authority: { code: 'xx-dpa' } }),
      path: 'authority.code',
      message: /supervisory authority/,
    },
    { name: 'relates to itself', input: validBreach({ relatedBreaches: ['example-insurer'] }), path: 'relatedBreaches', message: /itself/ },
  ];

  for (const c of cases) {
    it(`rejects ${c.name}, naming the field`, () => {
      const issues = issuesOf(c.input);
      const hit = issues.find((i) => i.path === c.path && c.message.test(i.message));
      assert.ok(hit, `expected an issue at "${c.path}" matching ${c.message}, got ${JSON.stringify(issues)}`);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const issues = issuesOf(validBreach({ slug: 'X', country: 'XX', dataClasses: [] }));
    assert.ok(issues.length >= 3, JSON.stringify(issues));
  });

  it('rejects non-objects', () => {
    for (const input of [null, 42, 'breach', []]) assert.ok(issuesOf(input).length > 0);
  });
});

describe('HIBP names', () => {
  it('derives PascalCase Names and a hyphen-free key', () => {
    assert.equal(hibpName('caisse-des-depots-ircantec'), 'CaisseDesDepotsIrcantec');
    assert.equal(hibpName('viamedis'), 'Viamedis');
    assert.equal(nameKey('caisse-des-depots'), 'caissedesdepots');
  });
});

describe('partial dates', () => {
  it('parses the three precisions and rejects the rest', () => {
    assert.equal(parsePartialDate('2024')?.precision, 'year');
    assert.equal(parsePartialDate('2024-01')?.precision, 'month');
    assert.equal(parsePartialDate('2024-02-29')?.precision, 'day');
    for (const bad of ['2023-02-29', '2024-13', '24-01-01', '2024-1-1', '2024-01-01T00:00:00Z', ''])
      assert.equal(parsePartialDate(bad), null, bad);
  });

  it('gives the first and last day a partial date can mean', () => {
    assert.equal(earliestDay('2024-02'), '2024-02-01');
    assert.equal(latestDay('2024-02'), '2024-02-29');
    assert.equal(latestDay('2023'), '2023-12-31');
    assert.ok(canBeOnOrAfter('2024-01-31', '2024-01'));
    assert.ok(!canBeOnOrAfter('2023-12-31', '2024-01'));
  });

  it('earliestDay <= latestDay for every valid day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        for (const v of [day, day.slice(0, 7), day.slice(0, 4)]) {
          assert.ok(parsePartialDate(v), v);
          assert.ok(earliestDay(v) <= day && day <= latestDay(v), v);
        }
      }),
    );
  });
});
