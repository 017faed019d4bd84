import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstGivenName, nameDobVariants, normalizeName, parseNameDob } from './name-dob.js';

const options = { today: '2025-06-15' };
const person = (surname: string, givenNames: string, birthDate = '12/03/1985') => ({ surname, givenNames, birthDate });

describe('normalizeName', () => {
  const cases: [string, string][] = [
    ['Müller', 'MULLER'],
    ['Straße', 'STRASSE'],
    ['Lærke', 'LAERKE'],
    ['Søren', 'SOREN'],
    ['Œuvray', 'OEUVRAY'],
    ['Åberg', 'ABERG'],
    ['Łukasz', 'LUKASZ'],
    ['Zoë', 'ZOE'],
    ["d'Artagnan", 'DARTAGNAN'],
    ["N'Diaye", 'NDIAYE'],
    ['O’Connor', 'OCONNOR'],
    ['García-Márquez', 'GARCIA MARQUEZ'],
    ['  de   la  Fontaine ', 'DE LA FONTAINE'],
    ['Dupont (née Martin)', 'DUPONT NEE MARTIN'],
    ['Ｄｕｐｏｎｔ', 'DUPONT'],
    ['Dupont2', 'DUPONT'],
    ['Ν. Παπαδόπουλος', 'Ν ΠΑΠΑΔΟΠΟΥΛΟΣ'],
    ['---', ''],
  ];
  for (const [raw, expected] of cases) {
    it(`normalises ${JSON.stringify(raw)}`, () => assert.equal(normalizeName(raw), expected));
  }

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (raw) => {
        const once = normalizeName(raw);
        assert.equal(normalizeName(once), once);
        assert.match(once, /^(?:\p{L}+(?: \p{L}+)*)?$/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('firstGivenName', () => {
  const cases: [string, string][] = [
    ['Jean-Pierre', 'JEAN PIERRE'],
    ['Jean-Pierre, Marie', 'JEAN PIERRE'],
    ['Jean - Pierre Marie', 'JEAN PIERRE'],
    ['Marie Thérèse', 'MARIE'],
    ['Anna,Karin', 'ANNA'],
    ['  Karl  Johan ', 'KARL'],
    ['- Léa', 'LEA'],
  ];
  for (const [raw, expected] of cases) {
    it(`takes ${JSON.stringify(expected)} from ${JSON.stringify(raw)}`, () => assert.equal(firstGivenName(raw), expected));
  }
});

describe('parseNameDob', () => {
  const valid: [ReturnType<typeof person>, string][] = [
    [person("d'Artagnan", 'Charles'), 'DARTAGNAN|CHARLES|1985-03-12'],
    [person("N'Diaye", 'Awa Marie'), 'NDIAYE|AWA|1985-03-12'],
    [person('Martin-Dupont', 'Jean-Pierre, Louis', '1985-03-12'), 'MARTIN DUPONT|JEAN PIERRE|1985-03-12'],
    [person('LINDSTRÖM', 'åsa', '19850312'), 'LINDSTROM|ASA|1985-03-12'],
    [person('de la Fontaine', 'Jean', '2.3.1985'), 'DE LA FONTAINE|JEAN|1985-03-02'],
  ];
  for (const [input, canonical] of valid) {
    it(`canonicalises ${JSON.stringify(input)}`, () => {
      assert.deepEqual(parseNameDob(input, options), { ok: true, kind: 'name-dob', canonical });
    });
  }

  const invalid: [ReturnType<typeof person>, string, string][] = [
    [person('', '', ''), 'missing-surname', 'surname'],
    [person('  ', 'Jean'), 'missing-surname', 'surname'],
    [person('Dupont', ''), 'missing-given-name', 'givenNames'],
    [person('Dupont', 'Jean', ''), 'missing-birth-date', 'birthDate'],
    [person('---', 'Jean'), 'no-letters', 'surname'],
    [person('Dupont', '1234'), 'no-letters', 'givenNames'],
    [person('D'.repeat(257), 'Jean'), 'too-long', 'surname'],
    [person('Dupont', 'Jean', '12/03/85'), 'bad-format', 'birthDate'],
    [person('Dupont', 'Jean', '31/02/1985'), 'bad-date', 'birthDate'],
    [person('Dupont', 'Jean', '01/01/2030'), 'future-date', 'birthDate'],
  ];
  for (const [input, reason, field] of invalid) {
    it(`rejects ${JSON.stringify(input).slice(0, 60)} as ${reason} on ${field}`, () => {
      assert.deepEqual(parseNameDob(input, options), { ok: false, kind: 'name-dob', reason, field });
    });
  }
});

describe('nameDobVariants', () => {
  const date = '1985-03-12';
  const cases: [Parameters<typeof nameDobVariants>[0], string[]][] = [
    [
      { birthSurname: 'Martin-Dupont', givenNames: 'Jean-Pierre', birthDate: date },
      ['MARTIN DUPONT|JEAN PIERRE', 'MARTIN DUPONT|JEAN', 'MARTIN|JEAN PIERRE', 'DUPONT|JEAN PIERRE', 'MARTIN|JEAN', 'DUPONT|JEAN'],
    ],
    [
      { birthSurname: 'de Gaulle', givenNames: 'Charles André Joseph Marie', birthDate: date },
      ['DE GAULLE|CHARLES', 'GAULLE|CHARLES', 'DE GAULLE|CHARLES ANDRE', 'GAULLE|CHARLES ANDRE'],
    ],
    [{ birthSurname: "d'Artagnan", givenNames: 'Charles', birthDate: date }, ['DARTAGNAN|CHARLES', 'ARTAGNAN|CHARLES']],
    [{ birthSurname: "N'Diaye", givenNames: 'Awa', birthDate: date }, ['NDIAYE|AWA']],
    [{ birthSurname: 'van der Berg', givenNames: 'Anna', birthDate: date }, ['VAN DER BERG|ANNA', 'BERG|ANNA']],
    [{ birthSurname: 'Martin', usageSurname: 'Dupont', givenNames: 'Marie', birthDate: date }, ['MARTIN|MARIE', 'DUPONT|MARIE']],
    [{ usageSurname: 'Dupont', givenNames: 'Marie', birthDate: date }, ['DUPONT|MARIE']],
    [{ birthSurname: 'Lefèvre', usageSurname: 'LEFEVRE', givenNames: 'Marie', birthDate: date }, ['LEFEVRE|MARIE']],
    [{ birthSurname: '-', usageSurname: 'Dupont', givenNames: 'Marie', birthDate: date }, ['DUPONT|MARIE']],
    [{ birthSurname: 'Le', givenNames: 'Van', birthDate: date }, ['LE|VAN']], // a particle alone is a surname
  ];
  for (const [input, expected] of cases) {
    it(`emits the variants of ${JSON.stringify(input)}`, () => {
      assert.deepEqual(nameDobVariants(input, options), { ok: true, canonicals: expected.map((e) => `${e}|${date}`) });
    });
  }

  const invalid: [Parameters<typeof nameDobVariants>[0], string, string][] = [
    [{ givenNames: 'Marie', birthDate: date }, 'missing-surname', 'surname'],
    [{ birthSurname: ' ', usageSurname: '', givenNames: 'Marie', birthDate: date }, 'missing-surname', 'surname'],
    [{ birthSurname: '-', usageSurname: '?', givenNames: 'Marie', birthDate: date }, 'no-letters', 'surname'],
    [{ birthSurname: 'Dupont', givenNames: '', birthDate: date }, 'missing-given-name', 'givenNames'],
    [{ birthSurname: 'Dupont', givenNames: 'Marie', birthDate: '' }, 'missing-birth-date', 'birthDate'],
    [{ birthSurname: 'Dupont', givenNames: 'Marie', birthDate: '1985-02-30' }, 'bad-date', 'birthDate'],
  ];
  for (const [input, reason, field] of invalid) {
    it(`rejects ${JSON.stringify(input)} as ${reason}`, () => {
      assert.deepEqual(nameDobVariants(input, options), { ok: false, reason, field });
    });
  }

  it('caps the variants at 12, most likely first', () => {
    const result = nameDobVariants(
      { birthSurname: 'de la Fontaine-Martin', usageSurname: 'van der Berg-Smit', givenNames: 'Jean-Pierre', birthDate: date },
      options,
    );
    assert.ok(result.ok);
    assert.equal(result.canonicals.length, 12);
    assert.deepEqual(result.canonicals.slice(0, 2), [`DE LA FONTAINE MARTIN|JEAN PIERRE|${date}`, `VAN DER BERG SMIT|JEAN PIERRE|${date}`]);
  });

  it('matches what the person types: whole name, name without particle, one part of a double name', () => {
    const built = nameDobVariants({ birthSurname: 'de la Fontaine-Martin', givenNames: 'Marie-Thérèse Anne', birthDate: date }, options);
    assert.ok(built.ok);
    for (const typed of [
      person('De La Fontaine Martin', 'Marie-Therese', '12/03/1985'),
      person('Fontaine-Martin', 'marie thérèse', '12.03.1985'),
      person('Fontaine', 'Marie', '1985-03-12'),
      person('MARTIN', 'Marie-Thérèse', '19850312'),
    ]) {
      const looked = parseNameDob(typed, options);
      assert.ok(looked.ok, JSON.stringify(typed));
      assert.ok(built.canonicals.includes(looked.canonical), `${looked.canonical} among the variants`);
    }
  });
});

// Names rendered the many ways people type them: random case, accents as precomposed or combining marks, and any of
// several hyphen and space layouts between the words.
const word = fc.stringMatching(/^[a-z]{2,8}$/);
const renderedWord = (w: string) =>
  fc
    .array(fc.constantFrom('plain', 'upper', 'acute', 'diaeresis', 'grave-nfc'), { minLength: w.length, maxLength: w.length })
    .map((styles) =>
      [...w]
        .map((c, i) => {
          switch (styles[i] ?? 'plain') {
            case 'upper':
              return c.toUpperCase();
            case 'acute':
              return `${c}\u0301`;
            case 'diaeresis':
              return `${c}\u0308`.normalize('NFC');
            case 'grave-nfc':
              return `${c.toUpperCase()}\u0300`.normalize('NFC');
            case 'plain':
              return c;
          }
        })
        .join(''),
    );
const joinedWith = (separators: string[]) => (words: string[]) =>
  fc
    .tuple(...words.map(renderedWord), fc.array(fc.constantFrom(...separators), { minLength: words.length, maxLength: words.length }))
    .map((parts) => {
      const rendered = parts.slice(0, words.length) as string[];
      const gaps = parts[words.length] as string[];
      return rendered.map((r, i) => (i === 0 ? r : (gaps[i] ?? ' ') + r)).join('');
    });

const surnameArbitrary = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .chain((words) => fc.tuple(fc.constant(words.join(' ').toUpperCase()), joinedWith(['-', ' ', '  ', ' - ', '_', '\u2010'])(words)));
const givenArbitrary = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 2 }), fc.array(word, { maxLength: 2 }))
  .chain(([first, others]) =>
    fc.tuple(
      fc.constant(first.join(' ').toUpperCase()),
      joinedWith(['-', ' - ', '\u2010'])(first),
      fc.constantFrom(' ', ', ', ','),
      fc.constant(others.join(' ')),
    ),
  )
  .map(([expected, first, separator, others]) => [expected, others === '' ? first : first + separator + others] as const);

describe('name-dob properties', () => {
  it('gives the same canonical for case, accent and hyphen variants', () => {
    fc.assert(
      fc.property(surnameArbitrary, givenArbitrary, ([surname, typedSurname], [given, typedGiven]) => {
        assert.deepEqual(parseNameDob(person(typedSurname, typedGiven), options), {
          ok: true,
          kind: 'name-dob',
          canonical: `${surname}|${given}|1985-03-12`,
        });
      }),
    );
  });

  it('maps the canonical fields back to the same canonical (given-name spaces written as the hyphens they stand for)', () => {
    fc.assert(
      fc.property(surnameArbitrary, givenArbitrary, ([, typedSurname], [, typedGiven]) => {
        const first = parseNameDob(person(typedSurname, typedGiven), options);
        assert.ok(first.ok);
        const [surname = '', given = '', birthDate = ''] = first.canonical.split('|');
        assert.deepEqual(parseNameDob(person(surname, given.replaceAll(' ', '-'), birthDate), options), first);
      }),
    );
  });

  it('puts the look-up canonical of the birth (else usage) surname first among the variants', () => {
    fc.assert(
      fc.property(
        fc.option(surnameArbitrary, { nil: undefined }),
        fc.option(surnameArbitrary, { nil: undefined }),
        givenArbitrary,
        (birth, usage, [, typedGiven]) => {
          fc.pre(birth !== undefined || usage !== undefined);
          const built = nameDobVariants(
            { birthSurname: birth?.[1], usageSurname: usage?.[1], givenNames: typedGiven, birthDate: '12/03/1985' },
            options,
          );
          assert.ok(built.ok);
          const looked = parseNameDob(person((birth ?? usage)?.[1] ?? '', typedGiven), options);
          assert.ok(looked.ok);
          assert.equal(built.canonicals[0], looked.canonical);
          assert.ok(built.canonicals.length <= 12);
          assert.equal(new Set(built.canonicals).size, built.canonicals.length);
          for (const canonical of built.canonicals) {
            const [surname = '', given = '', day = ''] = canonical.split('|');
            assert.equal(normalizeName(surname), surname);
            assert.equal(normalizeName(given), given);
            assert.equal(day, '1985-03-12');
          }
          if (usage !== undefined) {
            const byUsage = parseNameDob(person(usage[1], typedGiven), options);
            assert.ok(byUsage.ok && built.canonicals.includes(byUsage.canonical));
          }
        },
      ),
    );
  });
});
