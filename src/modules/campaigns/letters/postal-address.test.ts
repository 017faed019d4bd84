import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';

import {
  ADDRESS_FAILURES,
  formatPostalAddress,
  MAX_LINE_LENGTH,
  postalCapitals,
  type AddressFailure,
  type PostalAddressOptions,
} from './postal-address.js';

const FR: PostalAddressOptions = { country: 'FR', senderCountry: 'FR' };
const SE: PostalAddressOptions = { country: 'SE', senderCountry: 'SE' };
const MARIE = ['DUPONT', 'Marie'];
const ANNA = ['Andersson', 'Anna'];

interface Printed {
  readonly name: string;
  readonly person?: readonly string[];
  readonly address: readonly string[];
  readonly options: PostalAddressOptions;
  readonly lines: readonly string[];
  readonly postcode?: string | null;
  readonly abbreviated?: boolean;
}

describe('formatPostalAddress: France (NF Z10-011)', () => {
  const cases: readonly Printed[] = [
    {
      name: 'one field: street, postcode and town in capitals on the last lines',
      address: ['12 rue des Lilas, 69003 Lyon'],
      options: FR,
      lines: ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON'],
      postcode: '69003',
    },
    {
      name: 'fields split, house number on its own, trailing country dropped',
      address: ['12, rue des Lilas', '69003', 'Lyon', 'France'],
      options: FR,
      lines: ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON'],
    },
    {
      name: 'no commas at all',
      address: ['12 rue des Lilas 69003 Lyon'],
      options: FR,
      lines: ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON'],
    },
    {
      name: 'town before the postcode',
      address: ['12 rue des Lilas', 'Lyon 69003'],
      options: FR,
      lines: ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON'],
    },
    {
      name: 'F- prefix before the postcode',
      address: ['12 rue des Lilas, F-69003 Lyon'],
      options: FR,
      lines: ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON'],
    },
    {
      name: 'accents and punctuation dropped from the machine-read lines',
      address: ["3 allée de l'Église, 42100 Saint-Étienne"],
      options: FR,
      lines: ['Marie DUPONT', '3 ALLEE DE L EGLISE', '42100 SAINT ETIENNE'],
    },
    {
      name: 'complements keep their case and move above the street (lines 2–3)',
      address: ['12 rue des Lilas, Bât. B, Appartement 12, 69003 Lyon'],
      options: FR,
      lines: ['Marie DUPONT', 'Bât. B', 'Appartement 12', '12 RUE DES LILAS', '69003 LYON'],
    },
    {
      name: 'CEDEX with its office number',
      address: ['CS 30001, 33506 Libourne Cedex 9'],
      options: FR,
      lines: ['Marie DUPONT', 'CS 30001', '33506 LIBOURNE CEDEX 9'],
    },
    {
      name: 'CEDEX in a field of its own',
      address: ['BP 12', '33506 Libourne', 'cedex'],
      options: FR,
      lines: ['Marie DUPONT', 'BP 12', '33506 LIBOURNE CEDEX'],
    },
    {
      name: 'Paris arrondissement dropped from the town',
      address: ['8 rue Royale, 75008 Paris 8e'],
      options: FR,
      lines: ['Marie DUPONT', '8 RUE ROYALE', '75008 PARIS'],
    },
    {
      name: 'a lieu-dit stays as line 5',
      address: ['Le Bourg', '12345', 'Saint-Martin'],
      options: FR,
      lines: ['Marie DUPONT', 'LE BOURG', '12345 SAINT MARTIN'],
    },
    {
      name: 'overseas department named after the town',
      address: ['1 rue de Paris, 97400 Saint-Denis, Réunion'],
      options: FR,
      lines: ['Marie DUPONT', '1 RUE DE PARIS', '97400 SAINT DENIS'],
    },
    {
      name: 'a street label over 32 characters: street type, then titles abbreviated',
      address: ['147 avenue du Maréchal de Lattre de Tassigny, 69003 Lyon'],
      options: FR,
      lines: ['Marie DUPONT', '147 AV DU MAL DE LATTRE DE TASSIGNY', '69003 LYON'],
      abbreviated: true,
    },
    {
      name: 'a street label of 32 characters or fewer is never abbreviated',
      address: ['147 avenue des Fleurs, 69003 Lyon'],
      options: FR,
      lines: ['Marie DUPONT', '147 AVENUE DES FLEURS', '69003 LYON'],
      abbreviated: false,
    },
    {
      name: 'a usage surname is the one printed',
      person: ['MARTIN', 'DUPONT', 'Marie Claire'],
      address: ['12 rue des Lilas, 69003 Lyon'],
      options: FR,
      lines: ['Marie Claire DUPONT', '12 RUE DES LILAS', '69003 LYON'],
    },
    {
      name: 'a long name keeps its first given name, then its initial',
      person: ['DE LA TOUR D AUVERGNE LAURAGUAIS', 'Marie-Charlotte Anne'],
      address: ['1 rue X, 75017 Paris'],
      options: FR,
      lines: ['M. DE LA TOUR D AUVERGNE LAURAGUAIS', '1 RUE X', '75017 PARIS'],
    },
    {
      name: 'one name part printed as it is',
      person: ['Marie Dupont'],
      address: ['1 rue X, 75017 Paris'],
      options: FR,
      lines: ['Marie Dupont', '1 RUE X', '75017 PARIS'],
    },
    {
      name: 'posted from Sweden: the country in English on a 7th line',
      address: ['12 rue des Lilas, 69003 Lyon'],
      options: { country: 'FR', senderCountry: 'SE' },
      lines: ['Marie DUPONT', '12 RUE DES LILAS', '69003 LYON', 'FRANCE'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = formatPostalAddress({ name: c.person ?? MARIE, address: c.address }, c.options);
      assert.ok(result.ok, `failed: ${result.ok ? '' : result.reason}`);
      assert.deepEqual(result.address.lines, c.lines);
      if (c.postcode !== undefined) assert.equal(result.address.postcode, c.postcode);
      if (c.abbreviated !== undefined) assert.equal(result.address.abbreviated, c.abbreviated);
      assert.equal(result.address.international, c.options.country !== c.options.senderCountry);
    });
  }
});

describe('formatPostalAddress: Sweden (PostNord)', () => {
  const cases: readonly Printed[] = [
    {
      name: 'postcode written 3 + 2, post town in capitals',
      address: ['Storgatan 1, 11455 Stockholm'],
      options: SE,
      lines: ['Anna Andersson', 'Storgatan 1', '114 55 STOCKHOLM'],
      postcode: '114 55',
    },
    {
      name: 'already spaced, SE- prefix',
      address: ['Storgatan 1, SE-114 55 Stockholm'],
      options: SE,
      lines: ['Anna Andersson', 'Storgatan 1', '114 55 STOCKHOLM'],
    },
    {
      name: 'fields split, country dropped, å ä ö kept in capitals',
      address: ['Storgatan 1', '211 20', 'Malmö', 'Sverige'],
      options: SE,
      lines: ['Anna Andersson', 'Storgatan 1', '211 20 MALMÖ'],
    },
    {
      name: 'apartment number joins the street line, c/o comes first',
      address: ['Storgatan 1, lgh 1101, c/o Berg, 114 55 Stockholm'],
      options: SE,
      lines: ['Anna Andersson', 'c/o Berg', 'Storgatan 1 lgh 1101', '114 55 STOCKHOLM'],
    },
    {
      name: 'a street over 38 characters: "gatan" shortened to "g"',
      address: ['Drottning Kristinas Esplanadgatan 123 B, 114 55 Stockholm'],
      options: SE,
      lines: ['Anna Andersson', 'Drottning Kristinas Esplanadg 123 B', '114 55 STOCKHOLM'],
      abbreviated: true,
    },
    {
      name: 'posted from France: the country in French, without accents',
      address: ['Storgatan 1, 114 55 Stockholm'],
      options: { country: 'SE', senderCountry: 'FR' },
      lines: ['Anna Andersson', 'Storgatan 1', '114 55 STOCKHOLM', 'SUEDE'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = formatPostalAddress({ name: c.person ?? ANNA, address: c.address }, c.options);
      assert.ok(result.ok, `failed: ${result.ok ? '' : result.reason}`);
      assert.deepEqual(result.address.lines, c.lines);
      if (c.postcode !== undefined) assert.equal(result.address.postcode, c.postcode);
      if (c.abbreviated !== undefined) assert.equal(result.address.abbreviated, c.abbreviated);
    });
  }
});

describe('formatPostalAddress: other destinations', () => {
  const cases: readonly Printed[] = [
    {
      name: 'from France: lines as given, the country in French capitals',
      person: ['Müller', 'Hans'],
      address: ['Goethestr. 13', '22767 Hamburg', 'Deutschland'],
      options: { country: 'DE', senderCountry: 'FR' },
      lines: ['Hans MÜLLER', 'Goethestr. 13', '22767 Hamburg', 'ALLEMAGNE'],
      postcode: null,
    },
    {
      name: 'from Sweden: the country in English',
      person: ['Müller', 'Hans'],
      address: ['Goethestr. 13, 22767 Hamburg'],
      options: { country: 'de', senderCountry: 'se' },
      lines: ['Hans MÜLLER', 'Goethestr. 13', '22767 Hamburg', 'GERMANY'],
    },
    {
      name: 'a country name with accents',
      person: ['Smith', 'John'],
      address: ['1 Main Street, Springfield, IL 62701'],
      options: { country: 'US', senderCountry: 'FR' },
      lines: ['John SMITH', '1 Main Street', 'Springfield', 'IL 62701', 'ETATS-UNIS'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = formatPostalAddress({ name: c.person ?? MARIE, address: c.address }, c.options);
      assert.ok(result.ok, `failed: ${result.ok ? '' : result.reason}`);
      assert.deepEqual(result.address.lines, c.lines);
      if (c.postcode !== undefined) assert.equal(result.address.postcode, c.postcode);
      assert.equal(result.address.international, true);
    });
  }
});

describe('formatPostalAddress: typed failures, never a guess', () => {
  const cases: readonly {
    name: string;
    person?: readonly string[];
    address: readonly string[];
    options?: PostalAddressOptions;
    reason: AddressFailure;
  }[] = [
    { name: 'no name', person: [' ', ''], address: ['12 rue des Lilas, 69003 Lyon'], reason: 'address-name-missing' },
    {
      name: 'a name too long even as an initial',
      person: ['X'.repeat(40), 'Marie'],
      address: ['1 rue X, 75017 Paris'],
      reason: 'address-name-too-long',
    },
    { name: 'no address', address: [' ', ''], reason: 'address-empty' },
    { name: 'no postcode', address: ['12 rue des Lilas, Lyon'], reason: 'address-postcode-missing' },
    { name: 'a Swedish address sent as French', address: ['Storgatan 1, 114 55 Stockholm'], reason: 'address-postcode-missing' },
    { name: 'no French postcode starts with 00', address: ['12 rue X, 00123 Lyon'], reason: 'address-postcode-invalid' },
    {
      name: 'no Swedish postcode starts with 0',
      address: ['Storgatan 1, 014 55 Stockholm'],
      options: SE,
      reason: 'address-postcode-invalid',
    },
    { name: 'a postcode without a town', address: ['12 rue des Lilas, 69003'], reason: 'address-town-missing' },
    { name: 'text after the town', address: ['12 rue des Lilas, 69003 Lyon, Bâtiment B'], reason: 'address-trailing-text' },
    { name: 'another country at the end', address: ['12 rue des Lilas, 69003 Lyon, Sverige'], reason: 'address-country-mismatch' },
    {
      name: 'an unknown destination code',
      address: ['12 rue des Lilas, 69003 Lyon'],
      options: { country: 'XX', senderCountry: 'FR' },
      reason: 'address-country-unknown',
    },
    {
      name: 'more than 6 lines',
      address: ['Bât. A', 'Escalier 2', 'Étage 3', 'Porte 4', '1 rue X', '69003 Lyon'],
      reason: 'address-too-many-lines',
    },
    {
      name: 'a street too long even abbreviated',
      address: ['12 boulevard de la Grande Armée et des Anciens Combattants Réunis, 75017 Paris'],
      reason: 'address-too-long',
    },
    { name: 'another script on a machine-read line', address: ['12 улица Ленина, 69003 Lyon'], reason: 'address-unsupported-characters' },
    {
      name: 'a line too long abroad',
      person: ['Smith', 'John'],
      address: ['1 Main Street and a very long building name, 62701'],
      options: { country: 'US', senderCountry: 'FR' },
      reason: 'address-too-long',
    },
  ];
  for (const c of cases) {
    it(`${c.reason}: ${c.name}`, () => {
      assert.deepEqual(formatPostalAddress({ name: c.person ?? MARIE, address: c.address }, c.options ?? FR), {
        ok: false,
        reason: c.reason,
      });
    });
  }

  it('covers every failure code', () => {
    assert.deepEqual(new Set(cases.map((c) => c.reason)), new Set(ADDRESS_FAILURES));
  });

  it('a wrong sender country is a programming error', () => {
    assert.throws(
      () => formatPostalAddress({ name: MARIE, address: ['1 rue X, 75017 Paris'] }, { country: 'FR', senderCountry: 'France' }),
      RangeError,
    );
  });
});

describe('postal lines', () => {
  it('never exceed the line length, and French machine-read lines hold only capitals, digits and spaces', () => {
    const streets = [
      '12 rue des Lilas',
      "3 allée de l'Église",
      '147 avenue du Maréchal de Lattre de Tassigny',
      'Le Bourg',
      'CS 30001',
      '9 bis chemin du Moulin',
    ];
    const towns = ['69003 Lyon', '42100 Saint-Étienne', '33506 Libourne Cedex 9', '97400 Saint-Denis', '12345 Œuilly'];
    for (const street of streets) {
      for (const town of towns) {
        const result = formatPostalAddress({ name: MARIE, address: [`${street}, ${town}`] }, FR);
        assert.ok(result.ok, `${street}, ${town}`);
        for (const line of result.address.lines) assert.ok(line.length <= MAX_LINE_LENGTH, line);
        for (const line of result.address.lines.slice(1)) assert.match(line, /^[A-Z0-9 ]+$/u);
      }
    }
  });

  it('postalCapitals folds letters without a decomposition and refuses other scripts', () => {
    assert.equal(postalCapitals('Łódź-Żółć, œuvre'), 'LODZ ZOLC OEUVRE');
    assert.equal(postalCapitals('Ακρόπολη'), null);
  });
});
