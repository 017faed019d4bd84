import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parsePhone } from './phone.js';

const fr = { today: '2025-06-15' };
const se = { today: '2025-06-15', defaultRegion: 'SE' };

describe('parsePhone', () => {
  const valid: [string, string, typeof fr, string][] = [
    ['national with spaces', '06 12 34 56 78', fr, '+33612345678'],
    ['national with dots', '06.12.34.56.78', fr, '+33612345678'],
    ['national with dashes', '06-12-34-56-78', fr, '+33612345678'],
    ['national without separators', '0612345678', fr, '+33612345678'],
    ['E.164', '+33612345678', fr, '+33612345678'],
    ['+33 with spaces', '+33 6 12 34 56 78', fr, '+33612345678'],
    ['+33 (0)6 form', '+33 (0)6 12 34 56 78', fr, '+33612345678'],
    ['00 prefix', '0033 6 12 34 56 78', fr, '+33612345678'],
    ['00 prefix, Swedish default', '0033612345678', se, '+33612345678'],
    ['parenthesised area', '(01) 23 45 67 89', fr, '+33123456789'],
    ['07 mobile', '07 81 23 45 67', fr, '+33781234567'],
    ['non-breaking spaces', '06\u00a012\u00a034\u00a056\u00a078', fr, '+33612345678'],
    ['full-width digits', '０６１２３４５６７８', fr, '+33612345678'],
    ['Réunion typed in France', '0692 12 34 56', fr, '+262692123456'],
    ['Mayotte typed in France', '0639 01 23 45', fr, '+262639012345'],
    ['Guadeloupe typed in France', '0690 00 12 34', fr, '+590690001234'],
    ['Guyane typed in France', '0694 20 12 34', fr, '+594694201234'],
    ['Martinique typed in France', '0696 20 12 34', fr, '+596696201234'],
    ['Réunion E.164', '+262 692 12 34 56', fr, '+262692123456'],
    ['Saint-Pierre-et-Miquelon E.164', '+508 55 12 34', fr, '+508551234'],
    ['Swedish national', '070-123 45 67', se, '+46701234567'],
    ['Swedish national, no separators', '0701234567', se, '+46701234567'],
    ['Swedish E.164 read with a French default', '+46 70 123 45 67', fr, '+46701234567'],
    ['Swedish +46 (0) form', '+46 (0)70-123 45 67', fr, '+46701234567'],
    ['lower-case region', '070-123 45 67', { today: '2025-06-15', defaultRegion: 'se' }, '+46701234567'],
  ];
  for (const [name, raw, options, canonical] of valid) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(parsePhone(raw, options), { ok: true, kind: 'phone', canonical });
    });
  }

  const invalid: [string, string, typeof fr, string][] = [
    ['empty', '', fr, 'empty'],
    ['blank', ' \t ', fr, 'empty'],
    ['an extension', '06 12 34 56 78 ext 12', fr, 'bad-characters'],
    ['keypad letters', '1-800-FLOWERS', fr, 'bad-characters'],
    ['letter O for zero', 'O6 12 34 56 78', fr, 'bad-characters'],
    ['a plus in the middle', '06+12345678', fr, 'bad-format'],
    ['two pluses', '++33612345678', fr, 'bad-format'],
    ['too short', '06 12 34', fr, 'invalid-phone-number'],
    ['too long', '06 12 34 56 78 9', fr, 'invalid-phone-number'],
    ['an unassigned French range', '08 99 99 99 99 99', fr, 'invalid-phone-number'],
    ['French 070 (not a mobile range)', '07 01 23 45 67', fr, 'invalid-phone-number'],
    ['punctuation only', '(-.-)', fr, 'not-a-phone-number'],
    ['a lone plus', '+', fr, 'not-a-phone-number'],
    ['too long to look at', '0'.repeat(257), fr, 'too-long'],
  ];
  for (const [name, raw, options, reason] of invalid) {
    it(`rejects ${name} as ${reason}`, () => {
      assert.deepEqual(parsePhone(raw, options), { ok: false, kind: 'phone', reason });
    });
  }

  it('throws on an unknown default region', () => {
    assert.throws(() => parsePhone('0612345678', { today: '2025-06-15', defaultRegion: 'XX' }), RangeError);
  });

  // Valid national significant numbers: French mobiles 6x and 73–79, geographic 1–5 and 9; Swedish mobiles 70/72/73/76/79.
  const nationalNumber = fc
    .oneof(
      fc.tuple(
        fc.constant({ region: 'FR', code: '33' }),
        fc.oneof(fc.constantFrom('6', '73', '74', '75', '76', '77', '78', '79', '1', '2', '3', '4', '5', '9')),
      ),
      fc.tuple(fc.constant({ region: 'SE', code: '46' }), fc.constantFrom('70', '72', '73', '76', '79')),
    )
    .chain(([country, prefix]) =>
      fc
        .stringMatching(/^\d+$/, { size: 'large' })
        .filter((s) => s.length >= 9)
        .map((tail) => ({ ...country, nsn: (prefix + tail).slice(0, 9) })),
    )
    .filter(({ region, nsn }) => parsePhoneNumberFromString(`0${nsn}`, region === 'FR' ? 'FR' : 'SE')?.isValid() === true);

  it('gives the same E.164 for the national, +CC and 00CC forms', () => {
    fc.assert(
      fc.property(nationalNumber, ({ region, code, nsn }) => {
        const expected = { ok: true, kind: 'phone', canonical: `+${code}${nsn}` };
        const options = { today: '2025-06-15', defaultRegion: region };
        assert.deepEqual(parsePhone(`0${nsn}`, options), expected);
        assert.deepEqual(parsePhone(`+${code}${nsn}`, options), expected);
        assert.deepEqual(parsePhone(`+${code}${nsn}`, fr), expected);
        assert.deepEqual(parsePhone(`00${code}${nsn}`, se), expected);
        assert.deepEqual(parsePhone(`+${code} (0)${nsn}`, fr), expected);
      }),
    );
  });

  it('maps the canonical form to itself whatever the default region', () => {
    fc.assert(
      fc.property(nationalNumber, fc.constantFrom('FR', 'SE', 'RE', 'DE', 'US'), ({ region, nsn }, other) => {
        const first = parsePhone(`0${nsn}`, { today: '2025-06-15', defaultRegion: region });
        assert.ok(first.ok);
        assert.deepEqual(parsePhone(first.canonical, { today: '2025-06-15', defaultRegion: other }), first);
      }),
    );
  });

  it('ignores spaces, dots and dashes between the digits', () => {
    fc.assert(
      fc.property(
        nationalNumber.chain(({ region, code, nsn }) => {
          const digits = `0${nsn}`;
          return fc
            .array(fc.constantFrom('', '', ' ', '.', '-'), { minLength: digits.length - 1, maxLength: digits.length - 1 })
            .map((gaps) => ({ region, expected: `+${code}${nsn}`, typed: [...digits].map((d, i) => (gaps[i - 1] ?? '') + d).join('') }));
        }),
        ({ region, expected, typed }) => {
          assert.deepEqual(parsePhone(typed, { today: '2025-06-15', defaultRegion: region }), {
            ok: true,
            kind: 'phone',
            canonical: expected,
          });
        },
      ),
    );
  });
});
