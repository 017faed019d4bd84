import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseBirthDate } from './birth-date.js';

const options = { today: '2025-06-15' };
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('parseBirthDate', () => {
  const valid: [string, string][] = [
    ['1985-03-12', '1985-03-12'],
    ['19850312', '1985-03-12'],
    ['12/03/1985', '1985-03-12'],
    ['12.03.1985', '1985-03-12'],
    ['12-03-1985', '1985-03-12'],
    ['2/3/1985', '1985-03-02'], // day first: 2 March, never 3 February
    ['03/04/1985', '1985-04-03'],
    ['12 03 1985', '1985-03-12'],
    [' 12 / 03 / 1985 ', '1985-03-12'],
    ['1985/03/12', '1985-03-12'],
    ['1985-3-2', '1985-03-02'],
    ['1985-03-12 00:00:00', '1985-03-12'], // database dumps
    ['1985-03-12T00:00:00.000Z', '1985-03-12'],
    ['29/02/2000', '2000-02-29'],
    ['15/06/2025', '2025-06-15'], // today
    ['01/01/1880', '1880-01-01'],
    ['１２/０３/１９８５', '1985-03-12'],
  ];
  for (const [raw, canonical] of valid) {
    it(`accepts ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(parseBirthDate(raw, options), { ok: true, canonical });
    });
  }

  const invalid: [string, string][] = [
    ['', 'empty'],
    ['12/03/85', 'bad-format'], // two-digit year: the century would be a guess
    ['12 mars 1985', 'bad-format'],
    ['1985-03-11T23:00:00.000Z', 'bad-format'], // a Paris midnight serialised in UTC: the date would be off by one
    ['1985-03', 'bad-format'],
    ['03/25/1985', 'bad-month'], // US order is not guessed
    ['1985-13-01', 'bad-month'],
    ['00/03/1985', 'bad-date'],
    ['31/04/1985', 'bad-date'],
    ['29/02/1900', 'bad-date'],
    ['29/02/2023', 'bad-date'],
    ['16/06/2025', 'future-date'],
    ['31/12/1879', 'date-too-early'],
    ['1'.repeat(257), 'too-long'],
  ];
  for (const [raw, reason] of invalid) {
    it(`rejects ${JSON.stringify(raw.slice(0, 30))} as ${reason}`, () => {
      assert.deepEqual(parseBirthDate(raw, options), { ok: false, reason });
    });
  }

  const someDate = fc
    .integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2025, 5, 15) })
    .map((ms) => new Date(ms))
    .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

  it('gives the same canonical for every accepted layout, and the canonical maps to itself', () => {
    fc.assert(
      fc.property(someDate, fc.constantFrom('/', '.', '-'), ({ year, month, day }, separator) => {
        const canonical = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
        const expected = { ok: true, canonical };
        assert.deepEqual(parseBirthDate(canonical, options), expected);
        assert.deepEqual(parseBirthDate(`${year}${pad(month, 2)}${pad(day, 2)}`, options), expected);
        assert.deepEqual(parseBirthDate(`${pad(day, 2)}${separator}${pad(month, 2)}${separator}${year}`, options), expected);
        assert.deepEqual(parseBirthDate(`${day}${separator}${month}${separator}${year}`, options), expected);
      }),
    );
  });

  it('agrees with the platform calendar on which dates are real', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1880, max: 2024 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        assert.equal(parseBirthDate(`${pad(d, 2)}/${pad(m, 2)}/${y}`, options).ok, real);
      }),
    );
  });
});
