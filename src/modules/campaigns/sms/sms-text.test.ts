import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyseSmsText, foldToGsm7, isGsm7Character, isGsm7Text, prepareSmsText, type SmsEncoding } from './sms-text.js';

const a = (n: number): string => 'a'.repeat(n);
const times = (s: string, n: number): string => s.repeat(n);

describe('the GSM 03.38 alphabet', () => {
  it('has the 127 characters of the default table (ESC aside) and the 10 of the extension table', () => {
    const basic =
      '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    assert.equal([...basic].length, 127);
    for (const char of basic) assert.ok(isGsm7Character(char), `U+${char.codePointAt(0)!.toString(16)}`);
    for (const char of '\f^{}\\[~]|€') assert.ok(isGsm7Character(char), char);
  });

  const cases: [string, string, boolean][] = [
    ['French letters in the alphabet', 'é è à ù ì ò É Ç', true],
    ['Swedish letters', 'Å Ä Ö å ä ö', true],
    ['German and Spanish letters', 'Ü ü ß Ñ ñ ¿ ¡', true],
    ['lower-case ç', 'ç', false],
    ['ê', 'ê', false],
    ['â', 'â', false],
    ['î', 'î', false],
    ['ô', 'ô', false],
    ['û', 'û', false],
    ['ë ï', 'ë', false],
    ['capital À', 'À', false],
    ['capital È', 'È', false],
    ['the French apostrophe', 'l’adresse', false],
    ['guillemets', '«', false],
    ['a no-break space', '\u00a0', false],
    ['a narrow no-break space', '\u202f', false],
    ['a tab', '\t', false],
    ['a backtick', '`', false],
    ['an emoji', '😀', false],
    ['œ', 'œ', false],
  ];
  for (const [name, text, expected] of cases) {
    it(`${expected ? 'accepts' : 'refuses'} ${name}`, () => assert.equal(isGsm7Text(text), expected));
  }
});

describe('analyseSmsText', () => {
  // [name, text, encoding, units, segments]
  const cases: [string, string, SmsEncoding, number, number][] = [
    ['the empty text', '', 'gsm7', 0, 0],
    ['one character', 'a', 'gsm7', 1, 1],
    ['160 GSM-7 characters: one SMS', a(160), 'gsm7', 160, 1],
    ['161 GSM-7 characters: two parts of 153', a(161), 'gsm7', 161, 2],
    ['306 GSM-7 characters: two full parts', a(306), 'gsm7', 306, 2],
    ['307 GSM-7 characters: three parts', a(307), 'gsm7', 307, 3],
    ['extension characters count two septets', '{}[]~|^€\\', 'gsm7', 18, 1],
    ['80 euro signs fill one SMS', times('€', 80), 'gsm7', 160, 1],
    ['81 euro signs need two parts', times('€', 81), 'gsm7', 162, 2],
    ['an escape pair is never split across parts', a(152) + '€' + a(152), 'gsm7', 306, 3],
    ['a Swedish notice', 'Hej! Dina uppgifter har läckt. Byt lösenord på vår sida, så får du veta mer.', 'gsm7', 76, 1],
    ['a French notice with é è à ù', 'Vos données ont été exposées. Changez votre mot de passe, là où vous l’utilisez.', 'ucs2', 80, 2],
    [
      'the same with a straight apostrophe',
      "Vos données ont été exposées. Changez votre mot de passe, là où vous l'utilisez.",
      'gsm7',
      80,
      1,
    ],
    ['70 UCS-2 characters: one SMS', times('ê', 70), 'ucs2', 70, 1],
    ['71 UCS-2 characters: two parts of 67', times('ê', 71), 'ucs2', 71, 2],
    ['134 UCS-2 characters: two full parts', times('ê', 134), 'ucs2', 134, 2],
    ['135 UCS-2 characters: three parts', times('ê', 135), 'ucs2', 135, 3],
    ['an emoji is a surrogate pair: two units', '😀', 'ucs2', 2, 1],
    ['35 emoji fill one SMS', times('😀', 35), 'ucs2', 70, 1],
    ['36 emoji need two parts', times('😀', 36), 'ucs2', 72, 2],
    ['a surrogate pair is never split across parts', times('ê', 66) + '😀' + times('ê', 66), 'ucs2', 134, 3],
    ['one non-GSM character turns the whole text to UCS-2', a(100) + 'ç', 'ucs2', 101, 2],
    ['extension characters count one unit in UCS-2', '€ç', 'ucs2', 2, 1],
    ['a decomposed é (e + U+0301) is not GSM-7', 'e\u0301', 'ucs2', 2, 1],
  ];
  for (const [name, text, encoding, units, segments] of cases) {
    it(name, () => {
      const result = analyseSmsText(text);
      assert.deepEqual([result.encoding, result.units, result.segments], [encoding, units, segments]);
    });
  }

  it('lists the characters that force UCS-2, once each, in order of appearance', () => {
    assert.deepEqual(analyseSmsText('Noël, ça, l’été, ça, 😀').nonGsm7Characters, ['ë', 'ç', '’', '😀']);
    assert.deepEqual(analyseSmsText('Åsa').nonGsm7Characters, []);
  });

  it('says what room is left in the last segment', () => {
    assert.deepEqual(pick(analyseSmsText(a(150))), { unitsPerSegment: 160, remainingInLastSegment: 10 });
    assert.deepEqual(pick(analyseSmsText(a(200))), { unitsPerSegment: 153, remainingInLastSegment: 106 });
    assert.deepEqual(pick(analyseSmsText(times('ê', 68))), { unitsPerSegment: 70, remainingInLastSegment: 2 });
  });

  it('never counts fewer segments than units / capacity, and agrees with an explicit split into parts', () => {
    const alphabet = fc.constantFrom('a', 'é', '€', '{', 'ê', '😀', 'Å', ' ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (chars) => {
        const text = chars.join('');
        const result = analyseSmsText(text);
        assert.equal(result.segments, splitIntoParts(text, result.encoding).length);
        if (result.segments > 1) assert.ok(result.segments >= Math.ceil(result.units / result.unitsPerSegment));
      }),
    );
  });
});

function pick(r: { unitsPerSegment: number; remainingInLastSegment: number }) {
  return { unitsPerSegment: r.unitsPerSegment, remainingInLastSegment: r.remainingInLastSegment };
}

/** A second, deliberately naive implementation: cut the text into parts, then check each part fits. */
function splitIntoParts(text: string, encoding: SmsEncoding): string[] {
  const size = (c: string): number => (encoding === 'ucs2' ? c.length : '^{}\\[~]|€\f'.includes(c) ? 2 : 1);
  const total = [...text].reduce((s, c) => s + size(c), 0);
  if (total === 0) return [];
  const single = encoding === 'gsm7' ? 160 : 70;
  if (total <= single) return [text];
  const capacity = encoding === 'gsm7' ? 153 : 67;
  const parts: string[] = [];
  let part = '';
  let used = 0;
  for (const c of text) {
    if (used + size(c) > capacity) {
      parts.push(part);
      part = '';
      used = 0;
    }
    part += c;
    used += size(c);
  }
  parts.push(part);
  return parts;
}

describe('foldToGsm7', () => {
  // [name, input, output, substitutions as "from>to×count"]
  const cases: [string, string, string, string[]][] = [
    ['keeps a text already in the alphabet', 'Åsa Öberg, vår säkerhet', 'Åsa Öberg, vår säkerhet', []],
    ['keeps é è à ù, folds ê', 'Vous êtes concerné, à vérifier où', 'Vous etes concerné, à vérifier où', ['ê>e×1']],
    ['folds ç but keeps Ç', 'Ça concerne le français', 'Ça concerne le francais', ['ç>c×1']],
    ['folds â î ô û', 'âge, île, hôpital, dû, sûr', 'age, ile, hopital, du, sur', ['â>a×1', 'î>i×1', 'ô>o×1', 'û>u×2']],
    ['folds ë ï ÿ', 'Noël, naïf, L’Haÿ', "Noel, naif, L'Hay", ['ë>e×1', 'ï>i×1', "’>'×1", 'ÿ>y×1']],
    [
      'folds capitals that have no GSM-7 form',
      'À BIENTÔT, ÊTES-VOUS ÎLE ÈRE',
      'A BIENTOT, ETES-VOUS ILE ERE',
      ['À>A×1', 'Ô>O×1', 'Ê>E×1', 'Î>I×1', 'È>E×1'],
    ],
    ['folds œ and Œ into two letters', 'Œuvre, cœur', 'OEuvre, coeur', ['Œ>OE×1', 'œ>oe×1']],
    ['straightens curly quotes', '“Bonjour” ‘ici’', '"Bonjour" \'ici\'', ['“>"×1', '”>"×1', "‘>'×1", "’>'×1"]],
    [
      'turns guillemets and French spaces into plain ones',
      '«\u00a0Urgent\u00a0» : lisez\u202f!',
      '" Urgent " : lisez !',
      ['«>"×1', '\u00a0> ×2', '»>"×1', '\u202f> ×1'],
    ],
    ['folds dashes and the ellipsis', 'Délai – 72 h — voir…', 'Délai - 72 h - voir...', ['–>-×1', '—>-×1', '…>...×1']],
    ['drops invisible characters', 'mot\u00adde\u200bpasse', 'motdepasse', ['\u00ad>×1', '\u200b>×1']],
    ['recomposes a decomposed é instead of folding it', 'e\u0301te\u0301', 'été', []],
    ['folds other Latin accents', 'São Paulo, Łódź, Ångström', 'Sao Paulo, Łodz, Ångström', ['ã>a×1', 'ó>o×1', 'ź>z×1']],
  ];
  for (const [name, input, output, subs] of cases) {
    it(name, () => {
      const result = foldToGsm7(input);
      assert.equal(result.text, output);
      assert.deepEqual(
        result.substitutions.map((s) => `${s.from}>${s.to}×${s.count}`),
        subs,
      );
    });
  }

  it('reports what it cannot fold and leaves it in place', () => {
    const result = foldToGsm7('⚠ Łukasz, ça 😀');
    assert.deepEqual(result.unfoldable, ['⚠', 'Ł', '😀']);
    assert.equal(result.text, '⚠ Łukasz, ca 😀');
  });

  it('returns GSM-7 text whenever nothing was unfoldable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const result = foldToGsm7(text);
        if (result.unfoldable.length === 0) assert.ok(isGsm7Text(result.text));
      }),
    );
  });
});

describe('prepareSmsText', () => {
  const french =
    'Votre adresse et votre numéro de téléphone ont été exposés lors d’une fuite chez Exemple. Êtes-vous concerné ? Vérifiez sur exemple.fr/fuite';

  it('without folding, normalises to NFC and counts as is', () => {
    const prepared = prepareSmsText('e\u0301te\u0301');
    assert.equal(prepared.text, 'été');
    assert.equal(prepared.analysis.encoding, 'gsm7');
    assert.equal(prepared.folding, undefined);
  });

  it('with folding, brings a French notice from UCS-2 in 3 parts back to one GSM-7 SMS, and says what changed', () => {
    assert.equal(prepareSmsText(french).analysis.segments, 3);
    const prepared = prepareSmsText(french, { foldToGsm7: true });
    assert.deepEqual([prepared.analysis.encoding, prepared.analysis.segments], ['gsm7', 1]);
    assert.ok(prepared.text.includes("lors d'une fuite") && prepared.text.includes('Etes-vous concerné'), prepared.text);
    assert.deepEqual(prepared.folding, {
      applied: true,
      substitutions: [
        { from: '’', to: "'", count: 1 },
        { from: 'Ê', to: 'E', count: 1 },
      ],
      unfoldable: [],
    });
  });

  it('does not fold when an unfoldable character keeps the text in UCS-2 anyway', () => {
    const prepared = prepareSmsText(`⚠ ${french}`, { foldToGsm7: true });
    assert.equal(prepared.text, `⚠ ${french}`);
    assert.equal(prepared.analysis.encoding, 'ucs2');
    assert.equal(prepared.folding?.applied, false);
    assert.deepEqual(prepared.folding?.unfoldable, ['⚠']);
    assert.equal(prepared.folding?.substitutions.length, 2);
  });

  it('changes nothing in a text that is GSM-7 already', () => {
    const prepared = prepareSmsText('Hej Åsa, byt lösenord på vår sida.', { foldToGsm7: true });
    assert.equal(prepared.text, 'Hej Åsa, byt lösenord på vår sida.');
    assert.deepEqual(prepared.folding, { applied: false, substitutions: [], unfoldable: [] });
  });
});
