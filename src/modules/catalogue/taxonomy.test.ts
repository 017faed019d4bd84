import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';

import { LOCALES } from '../../platform/locale.js';
import { HIBP_DATA_CLASS_NAMES } from './hibp-data-classes.js';
import {
  DATA_CLASSES,
  EDPB_DATA_TYPES,
  ENISA_CATEGORIES,
  HIBP_NAMES,
  LOOKUP_KINDS,
  TAXONOMY_VERSION,
  findDataClass,
  isAssignableDataClass,
} from './taxonomy.js';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function mustFind(code: string) {
  const dataClass = findDataClass(code);
  assert.ok(dataClass, `class ${code} exists`);
  return dataClass;
}

describe('data-class taxonomy', () => {
  it('has unique kebab-case codes', () => {
    const codes = DATA_CLASSES.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length, 'codes are unique');
    for (const code of codes) assert.match(code, KEBAB_CASE);
  });

  it('labels every class in every locale', () => {
    for (const dataClass of DATA_CLASSES) {
      for (const locale of LOCALES) {
        const label = dataClass.labels[locale];
        assert.equal(typeof label, 'string', `${dataClass.code} has a ${locale} label`);
        assert.ok(label.trim().length > 0, `${dataClass.code} ${locale} label is not blank`);
        assert.equal(label, label.trim(), `${dataClass.code} ${locale} label has no stray spaces`);
      }
    }
  });

  it('translates most labels rather than copying the English', () => {
    for (const locale of ['fr', 'sv'] as const) {
      const translated = DATA_CLASSES.filter((c) => c.labels[locale] !== c.labels.en).length;
      assert.ok(translated >= 0.8 * DATA_CLASSES.length, `${locale}: only ${translated}/${DATA_CLASSES.length} labels differ from English`);
    }
  });

  it('uses only real HIBP data-class names', () => {
    for (const dataClass of DATA_CLASSES) {
      if (dataClass.hibpName === null) continue;
      assert.ok(HIBP_NAMES.has(dataClass.hibpName), `${dataClass.code}: "${dataClass.hibpName}" is not an HIBP data class`);
    }
  });

  it('uses only known ENISA categories and EDPB data types', () => {
    for (const dataClass of DATA_CLASSES) {
      assert.ok(ENISA_CATEGORIES.includes(dataClass.enisa), `${dataClass.code} ENISA category`);
      assert.ok(EDPB_DATA_TYPES.includes(dataClass.edpbType), `${dataClass.code} EDPB type`);
    }
  });

  it('covers every look-up kind', () => {
    for (const kind of LOOKUP_KINDS) {
      assert.ok(
        DATA_CLASSES.some((c) => c.lookupKinds.includes(kind)),
        `some class is searchable by ${kind}`,
      );
    }
    for (const dataClass of DATA_CLASSES) {
      for (const kind of dataClass.lookupKinds) {
        assert.ok(LOOKUP_KINDS.includes(kind), `${dataClass.code}: unknown look-up kind ${kind}`);
      }
    }
  });

  it('maps the look-up identifiers to their kinds', () => {
    assert.deepEqual(mustFind('email-address').lookupKinds, ['email']);
    assert.deepEqual(mustFind('phone-number').lookupKinds, ['phone']);
    assert.deepEqual(mustFind('fr-nir').lookupKinds, ['fr-nir']);
    assert.deepEqual(mustFind('se-personnummer').lookupKinds, ['se-personnummer']);
    assert.deepEqual(mustFind('name').lookupKinds, ['name-dob']);
    assert.deepEqual(mustFind('date-of-birth').lookupKinds, ['name-dob']);
  });

  it('rates every special category as sensitive', () => {
    const special = DATA_CLASSES.filter((c) => c.specialCategory);
    assert.ok(special.length > 0);
    for (const dataClass of special) assert.equal(dataClass.enisa, 'sensitive', dataClass.code);
  });

  it('marks the GDPR special categories', () => {
    for (const code of [
      'health-data',
      'biometric-data',
      'genetic-data',
      'criminal-records',
      'political-opinions',
      'religion',
      'ethnic-origin',
      'sexual-orientation',
      'trade-union-membership',
    ]) {
      assert.equal(mustFind(code).specialCategory, true, code);
    }
    assert.equal(mustFind('fr-nir').specialCategory, false);
    assert.equal(mustFind('fr-nir').enisa, 'simple');
  });

  it('has a class for unspecified personal data', () => {
    const unspecified = mustFind('unspecified-personal-data');
    assert.equal(unspecified.labels.en, 'Personal data (not specified)');
    assert.equal(unspecified.edpbType, 'not-known');
  });

  it('introduces every class in a released taxonomy version', () => {
    for (const dataClass of DATA_CLASSES) {
      assert.ok(Number.isInteger(dataClass.since), dataClass.code);
      assert.ok(dataClass.since >= 1 && dataClass.since <= TAXONOMY_VERSION, dataClass.code);
      if (dataClass.deprecatedIn !== undefined) {
        assert.ok(dataClass.deprecatedIn > dataClass.since, dataClass.code);
        assert.ok(dataClass.deprecatedIn <= TAXONOMY_VERSION, dataClass.code);
      }
    }
  });
});

describe('findDataClass', () => {
  it('finds every class by its code', () => {
    for (const dataClass of DATA_CLASSES) assert.equal(findDataClass(dataClass.code), dataClass);
  });

  it('returns undefined for unknown codes', () => {
    assert.equal(findDataClass('no-such-class'), undefined);
    assert.equal(findDataClass(''), undefined);
    assert.equal(findDataClass('Email-Address'), undefined);
    assert.equal(findDataClass('toString'), undefined);
  });
});

describe('isAssignableDataClass', () => {
  it('accepts current classes and rejects unknown codes', () => {
    assert.equal(isAssignableDataClass('email-address'), true);
    assert.equal(isAssignableDataClass('no-such-class'), false);
  });

  it('agrees with deprecatedIn', () => {
    for (const dataClass of DATA_CLASSES) {
      assert.equal(isAssignableDataClass(dataClass.code), dataClass.deprecatedIn === undefined, dataClass.code);
    }
  });
});

describe('HIBP data-class names', () => {
  it('lists 168 unique names', () => {
    assert.equal(HIBP_DATA_CLASS_NAMES.length, 168);
    assert.equal(new Set(HIBP_DATA_CLASS_NAMES).size, 168);
    assert.equal(HIBP_NAMES.size, 168);
  });

  it('has no blank or padded names', () => {
    for (const name of HIBP_DATA_CLASS_NAMES) {
      assert.ok(name.length > 0);
      assert.equal(name, name.trim());
    }
  });
});
