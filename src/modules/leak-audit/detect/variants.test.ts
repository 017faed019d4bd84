import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { PersonaField } from '../model.js';
import { variantsOf } from './variants.js';

describe('variantsOf', () => {
  // [field, value, region, form expected among the variants, the steps that name it]
  const cases: [PersonaField, string, string | undefined, string, string[]][] = [
    ['email', ' Audit+7f3k9q@Example.se ', undefined, 'Audit+7f3k9q@Example.se', ['trim']],
    ['email', 'Audit+7f3k9q@Example.se', undefined, 'audit+7f3k9q@example.se', ['lower-case']],
    ['email', 'Audit+7f3k9q@Example.se', undefined, 'audit@example.se', ['lower-case', 'plus-tag-removed']],
    ['email', 'canary.bravo@gmail.com', undefined, 'canarybravo@gmail.com', ['gmail-dots-removed']],
    ['phone', '070-123 45 67', 'SE', '+46701234567', ['e164']],
    ['phone', '070-123 45 67', 'SE', '46701234567', ['e164-digits']],
    ['phone', '070-123 45 67', 'SE', '0046701234567', ['e164-00']],
    ['phone', '070-123 45 67', 'SE', '+46 70 123 45 67', ['international-spaced']],
    ['phone', '070-123 45 67', 'SE', '0701234567', ['national']],
    ['phone', '070-123 45 67', 'SE', '070 123 45 67', ['national-spaced']],
    ['phone', '070-123 45 67', 'SE', '701234567', ['national-significant']],
    ['phone', '06 12 34 56 78', 'FR', '+33612345678', ['e164']],
    ['phone', '+46 70 123 45 67', undefined, '0701234567', ['national']],
    ['se-personnummer', '19850312-9876', undefined, '198503129876', ['pnr-12']],
    ['se-personnummer', '198503129876', undefined, '19850312-9876', ['pnr-12-dash']],
    ['se-personnummer', '19850312-9876', undefined, '8503129876', ['pnr-10']],
    ['se-personnummer', '19850312-9876', undefined, '850312-9876', ['pnr-10-dash']],
    ['se-personnummer', '19850312-9876', undefined, '850312+9876', ['pnr-10-plus']],
    ['se-personnummer', '850312-9876', undefined, '198503129876', ['pnr-12']],
    ['se-personnummer', '850312-9876', undefined, '208503129876', ['pnr-12']],
    ['fr-nir', '2 55 08 14 168 025 38', undefined, '255081416802538', ['nir-15']],
    ['fr-nir', '2 55 08 14 168 025 38', undefined, '2550814168025', ['nir-13']],
    ['fr-nir', '2550814168025', undefined, '2 55 08 14 168 025 38', ['nir-spaced']],
    ['first-name', 'Idaaaa', undefined, 'idaaaa', ['lower-case']],
    ['last-name', 'Åkesson-Öberg', undefined, 'åkessonöberg', ['meta-name']],
    ['last-name', 'Åkesson-Öberg', undefined, 'akessonoberg', ['meta-name', 'strip-accents']],
    ['city', 'Upplands Väsby', undefined, 'upplandsväsby', ['meta-city']],
    ['postcode', '114 55', undefined, '11455', ['no-spaces']],
    ['postcode', '11455', undefined, '114 55', ['postcode-spaced']],
    ['postcode', 'SW1A-1AA', undefined, 'sw1a', ['meta-zip']],
    ['birth-date', '1985-03-12', undefined, '19850312', ['yyyymmdd']],
    ['birth-date', '12/03/1985', undefined, '1985-03-12', ['iso-date']],
    ['birth-date', '1985-03-12', undefined, '12.03.1985', ['dd.mm.yyyy']],
    ['policy-number', 'P 7731 0042', undefined, 'P77310042', ['no-separators']],
    ['sensitive-term', 'Gravidförsäkring', undefined, 'gravidforsakring', ['lower-case', 'strip-accents']],
    ['sensitive-term', 'pregnancy insurance', undefined, 'pregnancy-insurance', ['slug']],
    ['sensitive-term', 'pregnancy insurance', undefined, 'pregnancy_insurance', ['slug-underscore']],
  ];
  for (const [field, value, region, form, steps] of cases) {
    it(`${field} "${value}" → "${form}"`, () => {
      const variant = variantsOf(field, value, region).find((v) => v.text === form);
      assert.deepEqual(variant?.steps, steps, JSON.stringify(variantsOf(field, value, region)));
    });
  }

  it('gives nothing for a blank value, and never an empty form', () => {
    assert.deepEqual(variantsOf('email', '   '), []);
    for (const [field, value, region] of cases) assert.ok(variantsOf(field, value, region).every((v) => v.text !== ''));
  });
});
