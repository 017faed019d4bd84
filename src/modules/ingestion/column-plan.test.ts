import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataClassFromHeader, parseColumnOverrides, planIssues, proposeColumns, type ColumnUse } from './column-plan.js';

const options = { today: '2026-11-23', defaultRegion: 'FR' };
const CODES = new Set(['postal-address', 'health-insurer', 'ip-address', 'signature']);
const uses = (columns: ReturnType<typeof proposeColumns>) => columns.map((c) => [c.name, c.use, c.decidedBy]);

describe('column plan', () => {
  it('reads French, Swedish and English header names', () => {
    const columns = proposeColumns(
      ['N° sécu', 'Nom de naissance', 'Prénoms', 'Date de naissance', 'Courriel', 'Mutuelle', 'Code postal'],
      [],
      options,
      new Map(),
    );
    assert.deepEqual(
      columns.map((c) => c.use),
      [
        { type: 'identifier', role: 'fr-nir' },
        { type: 'identifier', role: 'birth-surname' },
        { type: 'identifier', role: 'given-names' },
        { type: 'identifier', role: 'birth-date' },
        { type: 'identifier', role: 'email' },
        { type: 'data', dataClass: 'health-insurer' },
        { type: 'data', dataClass: 'postal-address' },
      ],
    );
    assert.equal(dataClassFromHeader('IP-adress'), 'ip-address');
  });

  it('proposes identifier kinds from sampled values when the header says nothing', () => {
    const sample = [
      ['255081416802538', 'anna@example.se', '06 12 34 56 78', '10.1.2.3', 'x'],
      ['178059933010817', 'bo@example.se', '+46 70 123 45 67', '192.168.0.1', ''],
      ['', 'cecilia@example.se', '0612345679', '8.8.8.8', 'y'],
    ];
    const columns = proposeColumns(['c1', 'c2', 'c3', 'c4', 'c5'], sample, options, new Map());
    assert.deepEqual(uses(columns), [
      ['c1', { type: 'identifier', role: 'fr-nir' }, 'values'],
      ['c2', { type: 'identifier', role: 'email' }, 'values'],
      ['c3', { type: 'identifier', role: 'phone' }, 'values'],
      ['c4', { type: 'data', dataClass: 'ip-address' }, 'values'],
      ['c5', { type: 'ignore' }, 'none'],
    ]);
    const { warnings } = planIssues(columns);
    assert.ok(
      warnings.some((w) => w.includes('c5')),
      'an unused column is named in a warning',
    );
  });

  it('lets --map override by name or number, and reports every bad mapping at once', () => {
    const names = ['a', 'b', 'c'];
    const { overrides, issues } = parseColumnOverrides(['A=email', '2=postal-address', 'c=ignore'], names, CODES);
    assert.deepEqual(issues, []);
    assert.deepEqual([...overrides.entries()], [
      [0, { type: 'identifier', role: 'email' }],
      [1, { type: 'data', dataClass: 'postal-address' }],
      [2, { type: 'ignore' }],
    ] satisfies [number, ColumnUse][]);
    const bad = parseColumnOverrides(['zz=email', 'a=shoe-size', 'nonsense'], names, CODES);
    assert.equal(bad.issues.length, 3);
    assert.match(bad.issues[0]!.message, /no such column/);
    assert.match(bad.issues[1]!.message, /unknown kind "shoe-size"/);
  });

  it('refuses a plan without a look-up identifier and warns about an incomplete name + date of birth', () => {
    const onlyNames = proposeColumns(['nom', 'prenom', 'adresse'], [], options, new Map());
    const checked = planIssues(onlyNames);
    assert.equal(checked.issues.length, 1);
    assert.match(checked.issues[0]!.message, /no column holds an identifier/);
    assert.ok(checked.warnings.some((w) => w.includes('birth-date')));
    const twoSurnames = proposeColumns(['nom', 'efternamn', 'email'], [], options, new Map());
    assert.ok(planIssues(twoSurnames).issues.some((i) => i.message.includes('2 columns are mapped to surname')));
  });
});
