import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nirKey, parseFrNir } from './fr-nir.js';

// Independent key computation with BigInt (gdpr-breach-workflow.md §5): 97 − (N mod 97), 2A → 19, 2B → 18.
function referenceKey(body: string): string {
  const n = BigInt(body.slice(0, 5) + body.slice(5, 7).replace('2A', '19').replace('2B', '18') + body.slice(7));
  return String(97n - (n % 97n)).padStart(2, '0');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const validBody = fc
  .record({
    sex: fc.constantFrom('1', '2', '3', '4', '7', '8'),
    year: fc.integer({ min: 0, max: 99 }),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 42 }), fc.integer({ min: 50, max: 99 })),
    department: fc.oneof(
      fc.integer({ min: 1, max: 99 }).map((d) => pad(d, 2)),
      fc.constantFrom('2A', '2B'),
    ),
    commune: fc.integer({ min: 0, max: 999 }),
    order: fc.integer({ min: 1, max: 999 }),
  })
  .map((p) => `${p.sex}${pad(p.year, 2)}${pad(p.month, 2)}${p.department}${pad(p.commune, 3)}${pad(p.order, 3)}`);
const validNir = validBody.map((body) => body + referenceKey(body));

/** Inserts a separator (possibly none) into every gap of `text`, edges included. */
function withSeparators(text: string, separators: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...separators), { minLength: text.length + 1, maxLength: text.length + 1 })
    .map((gaps) => gaps.map((gap, index) => gap + (text[index] ?? '')).join(''));
}

describe('parseFrNir', () => {
  it('computes the keys of the reference examples', () => {
    assert.equal(nirKey('2550814168025'), 38);
    assert.equal(nirKey('1780599330108'), 17);
  });

  const valid: [string, string][] = [
    ['2 55 08 14 168 025 38', '2550814168025'], // gdpr-breach-workflow.md §5
    ['1 78 05 99 330 108 17', '1780599330108'], // gdpr-breach-workflow.md §5, born abroad (99)
    ['255081416802538', '2550814168025'],
    ['2.55.08.14.168.025.38', '2550814168025'],
    ['2-55-08-14-168-025-38', '2550814168025'],
    ['  2 55 08 14 168 025  ', '2550814168025'], // key left out: accepted on structure
    ['2550814168025', '2550814168025'],
    ['１ ７８ ０５ ９９ ３３０ １０８ １７', '1780599330108'], // full-width digits
    [`1 85 05 2A 004 123 ${referenceKey('185052A004123')}`, '185052A004123'], // Corsica, key with 2A → 19
    [`1 85 05 2b 004 123 ${referenceKey('185052B004123')}`, '185052B004123'], // lower-case b
    [`8 85 05 99 350 123 ${referenceKey('8850599350123')}`, '8850599350123'], // provisional number
    [`1 85 30 75 056 123 ${referenceKey('1853075056123')}`, '1853075056123'], // month 30: incomplete record
    [`1 62 05 20 004 123 ${referenceKey('1620520004123')}`, '1620520004123'], // Corsica before 1976: department 20
  ];
  for (const [raw, canonical] of valid) {
    it(`accepts ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(parseFrNir(raw), { ok: true, kind: 'fr-nir', canonical });
    });
  }

  const invalid: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['2 55 08 14 168 025 39', 'bad-check-digit'],
    ['2 55 08 14 168 025 83', 'bad-check-digit'], // swapped key digits
    ['2 55 08 14 168 02', 'bad-length'],
    ['2 55 08 14 168 025 3', 'bad-length'],
    ['2 55 08 14 168 025 380', 'bad-length'],
    ['2 55 08 14 168 O25', 'bad-characters'], // letter O for zero
    ['2/55/08/14/168/025', 'bad-characters'],
    ['A 55 08 14 168 025', 'bad-characters'],
    ['2 55 08 1A 168 025', 'bad-department'],
    ['5 55 08 14 168 025', 'bad-sex-digit'],
    ['0 55 08 14 168 025', 'bad-sex-digit'],
    ['2 55 00 14 168 025', 'bad-month'],
    ['2 55 13 14 168 025', 'bad-month'],
    ['2 55 45 14 168 025', 'bad-month'],
    ['2 55 08 00 168 025', 'bad-department'],
    ['1'.repeat(257), 'too-long'],
  ];
  for (const [raw, reason] of invalid) {
    it(`rejects ${JSON.stringify(raw.slice(0, 40))} as ${reason}`, () => {
      assert.deepEqual(parseFrNir(raw), { ok: false, kind: 'fr-nir', reason });
    });
  }

  it('reports a wrong key before a field the typo may have broken', () => {
    // Month 08 mistyped as 18: the key no longer matches, which says more than "bad month".
    assert.deepEqual(parseFrNir('2 55 18 14 168 025 38'), { ok: false, kind: 'fr-nir', reason: 'bad-check-digit' });
  });

  it('agrees with a BigInt computation of the key', () => {
    fc.assert(fc.property(validBody, (body) => pad(nirKey(body), 2) === referenceKey(body)));
  });

  it('maps the canonical form to itself, with or without the key', () => {
    fc.assert(
      fc.property(validNir, (nir) => {
        const first = parseFrNir(nir);
        assert.ok(first.ok);
        assert.deepEqual(parseFrNir(first.canonical), first);
        assert.equal(first.canonical, nir.slice(0, 13));
      }),
    );
  });

  it('ignores spaces, dots and dashes anywhere', () => {
    fc.assert(
      fc.property(
        validNir.chain((nir) => fc.tuple(fc.constant(nir), withSeparators(nir, ['', '', ' ', '.', '-', '  ']))),
        ([nir, typed]) => {
          assert.deepEqual(parseFrNir(typed), { ok: true, kind: 'fr-nir', canonical: nir.slice(0, 13) });
        },
      ),
    );
  });

  it('rejects every single-digit substitution of a valid 15-character NIR as a check-digit error', () => {
    fc.assert(
      fc.property(validNir, (nir) => {
        const corsican = /[AB]/.test(nir);
        for (let index = 0; index < nir.length; index += 1) {
          for (const digit of '0123456789') {
            if (nir[index] === digit || !/\d/.test(nir[index] ?? '')) continue;
            const typo = nir.slice(0, index) + digit + nir.slice(index + 1);
            // The 2 of 2A/2B turned into another digit names no department at all, and has no numeric value for the key.
            const reason = corsican && index === 5 ? 'bad-department' : 'bad-check-digit';
            assert.deepEqual(parseFrNir(typo), { ok: false, kind: 'fr-nir', reason }, `position ${index}`);
          }
        }
      }),
    );
  });

  it('rejects every single-character substitution, letters included', () => {
    fc.assert(
      fc.property(validNir, (nir) => {
        for (let index = 0; index < nir.length; index += 1) {
          for (const character of '0123456789ABCZ') {
            if (nir[index] === character) continue;
            const typo = nir.slice(0, index) + character + nir.slice(index + 1);
            assert.equal(parseFrNir(typo).ok, false, `position ${index}`);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
