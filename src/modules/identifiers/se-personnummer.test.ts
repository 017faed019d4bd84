import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSePersonnummer } from './se-personnummer.js';

const options = { today: '2025-06-15' };
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Independent check digit (gdpr-breach-workflow.md §5): weights 2,1 over 9 digits, C = (10 − (sum of digit sums mod 10)) mod 10.
function checkDigit(nine: string): string {
  let sum = 0;
  [...nine].forEach((digit, index) => {
    const product = Number(digit) * (index % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  });
  return String((10 - (sum % 10)) % 10);
}

const DAY_MS = 86_400_000;
/** A calendar date from a day offset, computed with the platform's Date so it does not share code with the module. */
function dateFromOffset(offset: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(1880, 0, 1) + offset * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
const daysUntil = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1880, 0, 1)) / DAY_MS);

/** A valid 12-digit personnummer or samordningsnummer born on or before `today`. */
function validPersonnummer(today: string) {
  return fc
    .record({
      offset: fc.integer({ min: 0, max: daysUntil(today) }),
      coordination: fc.boolean(),
      serial: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ offset, coordination, serial }) => {
      const { year, month, day } = dateFromOffset(offset);
      const nine = pad(year % 100, 2) + pad(month, 2) + pad(day + (coordination ? 60 : 0), 2) + pad(serial, 3);
      return { year, twelve: String(Math.floor(year / 100)) + nine + checkDigit(nine) };
    });
}

function withSeparators(text: string, separators: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...separators), { minLength: text.length + 1, maxLength: text.length + 1 })
    .map((gaps) => gaps.map((gap, index) => gap + (text[index] ?? '')).join(''));
}

/** YYMMDD-NNNC with the right check digit. */
function withCheck(yymmdd: string, serial: string): string {
  return `${yymmdd}-${serial}${checkDigit(yymmdd + serial)}`;
}

describe('parseSePersonnummer', () => {
  const valid: [string, string][] = [
    ['701063-2391', '197010632391'], // samordningsnummer, gdpr-breach-workflow.md §5
    ['7010632391', '197010632391'],
    ['19701063-2391', '197010632391'],
    ['197010632391', '197010632391'],
    ['701063 2391', '197010632391'],
    [' 19 70 10 63 - 2391 ', '197010632391'],
    ['811218-9876', '198112189876'],
    ['121212-1212', '201212121212'], // Skatteverket's test number: YY 12 resolves to 2012 in 2025
    ['121212+1212', '191212121212'], // '+': 100 years more
    ['20121212-1212', '201212121212'],
    ['000229-0005', '200002290005'], // 29 February 2000, a leap year
  ];
  for (const [raw, canonical] of valid) {
    it(`accepts ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(parseSePersonnummer(raw, options), { ok: true, kind: 'se-personnummer', canonical });
    });
  }

  const invalid: [string, string][] = [
    ['', 'empty'],
    ['701063-2392', 'bad-check-digit'],
    ['701036-2391', 'bad-check-digit'], // transposed day digits
    ['7010632', 'bad-length'],
    ['19701063239', 'bad-length'],
    ['701063-239l', 'bad-characters'],
    ['701063/2391', 'bad-characters'],
    ['70106+32391', 'bad-format'], // '+' in the wrong place
    ['701063++2391', 'bad-format'],
    ['19701063+2391', 'bad-format'], // '+' only in the 10-digit form
    [withCheck('701363', '238'), 'bad-month'],
    [withCheck('700231', '239'), 'bad-date'], // 31 February
    [withCheck('010229', '239'), 'bad-date'], // 29 February 2001
    [withCheck('700192', '239'), 'bad-date'], // samordningsnummer for 32 January
    [`20${withCheck('300101', '000').replace('-', '')}`, 'future-date'],
    [`18${withCheck('700101', '000').replace('-', '')}`, 'date-too-early'],
    [withCheck('250701', '000'), 'future-date'], // resolves to 2025-07-01, after today: such a person is not born yet
  ];
  for (const [raw, reason] of invalid) {
    it(`rejects ${JSON.stringify(raw)} as ${reason}`, () => {
      assert.deepEqual(parseSePersonnummer(raw, options), { ok: false, kind: 'se-personnummer', reason });
    });
  }

  it('uses the year the person turns 100, not the birthday, for the "+" sign', () => {
    // Born 1925-12-24: in 2025 the number is written with '+' all year (Skatteverket), even before the birthday.
    const nine = '251224123';
    const ten = nine + checkDigit(nine);
    assert.deepEqual(parseSePersonnummer(`${ten.slice(0, 6)}+${ten.slice(6)}`, options), {
      ok: true,
      kind: 'se-personnummer',
      canonical: `19${ten}`,
    });
  });

  it('throws on a malformed today without echoing it', () => {
    assert.throws(
      () => parseSePersonnummer('701063-2391', { today: '15/06/2025' }),
      (error: unknown) => error instanceof RangeError && !error.message.includes('15/06/2025'),
    );
  });

  it('maps the canonical form to itself', () => {
    fc.assert(
      fc.property(validPersonnummer(options.today), ({ twelve }) => {
        assert.deepEqual(parseSePersonnummer(twelve, options), { ok: true, kind: 'se-personnummer', canonical: twelve });
      }),
    );
  });

  it('resolves the century of the 10-digit form, "+" from the year the person turns 100', () => {
    const todayArbitrary = fc.integer({ min: daysUntil('1990-01-01'), max: daysUntil('2090-12-31') }).map(dateFromOffset);
    fc.assert(
      fc.property(
        todayArbitrary.chain((t) => {
          const today = `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}`;
          return fc.tuple(fc.constant({ today, year: t.year }), validPersonnummer(today));
        }),
        ([today, { year, twelve }]) => {
          fc.pre(today.year - year < 200);
          const ten = twelve.slice(2);
          const sign = today.year - year >= 100 ? '+' : '-';
          const typed = `${ten.slice(0, 6)}${sign}${ten.slice(6)}`;
          assert.deepEqual(parseSePersonnummer(typed, { today: today.today }), { ok: true, kind: 'se-personnummer', canonical: twelve });
        },
      ),
    );
  });

  it('ignores spaces, dots and dashes anywhere', () => {
    fc.assert(
      fc.property(
        validPersonnummer(options.today).chain(({ twelve }) =>
          fc.tuple(fc.constant(twelve), withSeparators(twelve, ['', '', ' ', '.', '-'])),
        ),
        ([twelve, typed]) => {
          assert.deepEqual(parseSePersonnummer(typed, options), { ok: true, kind: 'se-personnummer', canonical: twelve });
        },
      ),
    );
  });

  it('rejects every single-digit substitution among the 10 checked digits as a check-digit error', () => {
    fc.assert(
      fc.property(validPersonnummer(options.today), fc.boolean(), ({ twelve }, short) => {
        const typed = short ? twelve.slice(2) : twelve;
        const first = typed.length - 10;
        for (let index = first; index < typed.length; index += 1) {
          for (const digit of '0123456789') {
            if (typed[index] === digit) continue;
            const typo = typed.slice(0, index) + digit + typed.slice(index + 1);
            assert.deepEqual(
              parseSePersonnummer(typo, options),
              { ok: false, kind: 'se-personnummer', reason: 'bad-check-digit' },
              `position ${index}`,
            );
          }
        }
      }),
    );
  });

  it('never maps a century-digit substitution of the 12-digit form to the same canonical', () => {
    // The century is not covered by the check digit; only the date rules can catch it, so it may yield another person.
    fc.assert(
      fc.property(validPersonnummer(options.today), ({ twelve }) => {
        for (const index of [0, 1]) {
          for (const digit of '0123456789') {
            if (twelve[index] === digit) continue;
            const result = parseSePersonnummer(twelve.slice(0, index) + digit + twelve.slice(index + 1), options);
            assert.ok(!result.ok || result.canonical !== twelve);
          }
        }
      }),
    );
  });
});
