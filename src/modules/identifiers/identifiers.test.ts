import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LOOKUP_KINDS } from '../catalogue/index.js';
import * as identifiers from './index.js';
import {
  IDENTIFIER_FORMAT_VERSION,
  IDENTIFIER_KINDS,
  REJECTION_REASON_TEXT,
  REJECTION_REASONS,
  headerRole,
  identifierInput,
  nameDobVariants,
  parseBirthDate,
  parseEmail,
  parseFrNir,
  parseIdentifier,
  parseNameDob,
  parsePhone,
  parseSePersonnummer,
  valueRoles,
  type ParseResult,
} from './index.js';

const options = { today: '2025-06-15' };
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('identifiers public surface', () => {
  it('exports exactly the agreed runtime names', () => {
    assert.deepEqual(Object.keys(identifiers).sort(), [
      'IDENTIFIER_FORMAT_VERSION',
      'IDENTIFIER_KINDS',
      'REJECTION_REASONS',
      'REJECTION_REASON_TEXT',
      'headerRole',
      'identifierInput',
      'nameDobVariants',
      'parseBirthDate',
      'parseEmail',
      'parseFrNir',
      'parseIdentifier',
      'parseNameDob',
      'parsePhone',
      'parseSePersonnummer',
      'valueRoles',
    ]);
  });

  it('covers the catalogue look-up kinds, in the same order', () => {
    assert.deepEqual([...IDENTIFIER_KINDS], [...LOOKUP_KINDS]);
  });

  it('has unique kebab-case reasons, each with one plain sentence', () => {
    assert.equal(new Set(REJECTION_REASONS).size, REJECTION_REASONS.length);
    assert.deepEqual(Object.keys(REJECTION_REASON_TEXT).sort(), [...REJECTION_REASONS].sort());
    for (const reason of REJECTION_REASONS) {
      assert.match(reason, KEBAB_CASE);
      const text = REJECTION_REASON_TEXT[reason];
      assert.match(text, /^[A-Z][^.]*\.$/, `${reason}: one sentence ending with a full stop`);
    }
    assert.ok(Object.isFrozen(REJECTION_REASON_TEXT));
  });
});

describe('identifierInput', () => {
  it('prefixes the canonical with the format version and the kind', () => {
    assert.equal(IDENTIFIER_FORMAT_VERSION, 1);
    assert.equal(identifierInput('fr-nir', '2550814168025'), 'breachdesk/v1|fr-nir|2550814168025');
    assert.equal(identifierInput('name-dob', 'DUPONT|JEAN|1985-03-12'), 'breachdesk/v1|name-dob|DUPONT|JEAN|1985-03-12');
  });

  it('never gives two kinds the same input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IDENTIFIER_KINDS), fc.constantFrom(...IDENTIFIER_KINDS), fc.string(), (a, b, canonical) => {
        fc.pre(a !== b);
        assert.notEqual(identifierInput(a, canonical), identifierInput(b, canonical));
      }),
    );
  });
});

describe('parseIdentifier', () => {
  it('dispatches each single-field kind to its parser', () => {
    assert.deepEqual(parseIdentifier('email', 'Jean@Example.fr', options), parseEmail('Jean@Example.fr'));
    assert.deepEqual(parseIdentifier('phone', '06 12 34 56 78', options), { ok: true, kind: 'phone', canonical: '+33612345678' });
    assert.deepEqual(parseIdentifier('fr-nir', '2 55 08 14 168 025 38', options), { ok: true, kind: 'fr-nir', canonical: '2550814168025' });
    assert.deepEqual(parseIdentifier('se-personnummer', '701063-2391', options), {
      ok: true,
      kind: 'se-personnummer',
      canonical: '197010632391',
    });
  });

  it('throws for a kind it does not handle', () => {
    assert.throws(() => parseIdentifier('name-dob' as 'email', 'x', options), RangeError);
  });
});

// Every parser, fed arbitrary text in any field.
const parsers: [string, (raw: string) => ParseResult | { ok: boolean; reason?: string }][] = [
  ['parseEmail', (raw) => parseEmail(raw)],
  ['parsePhone FR', (raw) => parsePhone(raw, options)],
  ['parsePhone SE', (raw) => parsePhone(raw, { ...options, defaultRegion: 'SE' })],
  ['parseFrNir', (raw) => parseFrNir(raw)],
  ['parseSePersonnummer', (raw) => parseSePersonnummer(raw, options)],
  ['parseBirthDate', (raw) => parseBirthDate(raw, options)],
  ['parseNameDob surname', (raw) => parseNameDob({ surname: raw, givenNames: 'Jean', birthDate: '1985-03-12' }, options)],
  ['parseNameDob given names', (raw) => parseNameDob({ surname: 'Dupont', givenNames: raw, birthDate: '1985-03-12' }, options)],
  ['parseNameDob birth date', (raw) => parseNameDob({ surname: 'Dupont', givenNames: 'Jean', birthDate: raw }, options)],
];

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) });
const nearMisses = fc.string({
  unit: fc.constantFrom('0', '1', '2', '9', 'A', 'B', '+', '-', ' ', '.', '@', '/', 'é', '\u0301', "'", '\u200b'),
});
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), loneSurrogates, nearMisses);
const STATIC_TEXT = Object.values(REJECTION_REASON_TEXT).join('\n') + REJECTION_REASONS.join('\n');

describe('robustness and privacy of results', () => {
  for (const [name, parse] of parsers) {
    it(`${name} never throws and never echoes the input in a rejection`, () => {
      fc.assert(
        fc.property(anyText, (raw) => {
          const result = parse(raw);
          if (result.ok) return;
          assert.ok(result.reason !== undefined && (REJECTION_REASONS as readonly string[]).includes(result.reason));
          // A rejection carries only these fields, each drawn from a fixed vocabulary, so it cannot carry the value.
          for (const key of Object.keys(result)) assert.ok(['ok', 'kind', 'reason', 'field'].includes(key), key);
          if ('kind' in result) assert.ok((IDENTIFIER_KINDS as readonly string[]).includes(result.kind));
          if ('field' in result) assert.ok(['surname', 'givenNames', 'birthDate'].includes(result.field ?? ''));
          const text = REJECTION_REASON_TEXT[result.reason as keyof typeof REJECTION_REASON_TEXT];
          if (raw.trim().length >= 3 && !STATIC_TEXT.includes(raw)) assert.ok(!text.includes(raw));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('nameDobVariants, headerRole and valueRoles never throw', () => {
    fc.assert(
      fc.property(
        fc.option(anyText, { nil: undefined }),
        fc.option(anyText, { nil: undefined }),
        anyText,
        anyText,
        (birth, usage, given, date) => {
          const result = nameDobVariants({ birthSurname: birth, usageSurname: usage, givenNames: given, birthDate: date }, options);
          if (result.ok) assert.ok(result.canonicals.length >= 1 && result.canonicals.length <= 12);
          else assert.deepEqual(Object.keys(result).sort(), ['field', 'ok', 'reason']);
          headerRole(given);
          valueRoles(given, options);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects anything over 256 characters before looking at it', () => {
    const long = `${'0'.repeat(250)} 06 12 34 56 78`;
    for (const [, parse] of parsers) assert.equal((parse(long) as { reason?: string }).reason, 'too-long');
  });

  it('throws on bad options without echoing them', () => {
    for (const call of [
      () => parseBirthDate('12/03/1985', { today: 'secret-today' }),
      () => parsePhone('0612345678', { today: '2025-06-15', defaultRegion: 'secret-region' }),
    ]) {
      assert.throws(call, (error: unknown) => error instanceof RangeError && !error.message.includes('secret'));
    }
  });
});

describe('isomorphic source', () => {
  const directory = new URL('.', import.meta.url);
  const sources = readdirSync(directory)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ name, text: readFileSync(new URL(name, directory), 'utf8') }));

  it('reads the module sources', () => {
    assert.ok(sources.some((s) => s.name === 'index.ts'));
    assert.ok(sources.length >= 10);
  });

  for (const { name, text } of sources) {
    it(`${name} imports only relative modules and libphonenumber-js, and uses no Node or clock globals`, () => {
      const specifiers = [
        ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/g),
      ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
      for (const specifier of specifiers) {
        assert.ok(/^\.\/[a-z-]+\.js$/.test(specifier) || specifier === 'libphonenumber-js/max', `${name} imports ${specifier}`);
      }
      assert.doesNotMatch(text, /['"]node:/);
      assert.doesNotMatch(text, /\b(?:process|Buffer|require|__dirname|__filename|globalThis)\b/);
      assert.doesNotMatch(text, /\bDate\.now\b|\bnew Date\b|\bperformance\b|\bMath\.random\b/);
    });
  }
});
