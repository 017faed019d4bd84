import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseEmail } from './email.js';

describe('parseEmail', () => {
  const valid: [string, string][] = [
    ['jean.dupont@example.fr', 'jean.dupont@example.fr'],
    ['  Jean.Dupont@Example.FR  ', 'jean.dupont@example.fr'],
    ['<jean.dupont@example.fr>', 'jean.dupont@example.fr'],
    ['mailto:jean.dupont@example.fr', 'jean.dupont@example.fr'],
    ['MAILTO:Jean.Dupont@example.fr', 'jean.dupont@example.fr'],
    ['<mailto:jean.dupont@example.fr>', 'jean.dupont@example.fr'],
    ['jean+breaches@example.fr', 'jean+breaches@example.fr'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['anna_svensson@sub.example.se', 'anna_svensson@sub.example.se'],
    ['x@a-b.co', 'x@a-b.co'],
    ['ÅSA.LINDSTRÖM@EXEMPEL.SE', 'åsa.lindström@exempel.se'],
    ['jean＠example．fr', 'jean@example.fr'], // full-width @ and dot, folded by NFKC
    ['ﬁlip@example.se', 'filip@example.se'], // ligature folded by NFKC
    ['user@xn--exmple-cua.fr', 'user@xn--exmple-cua.fr'],
    ['user@exämple.fr', 'user@exämple.fr'],
  ];
  for (const [raw, canonical] of valid) {
    it(`accepts ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(parseEmail(raw), { ok: true, kind: 'email', canonical });
    });
  }

  const invalid: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['<>', 'empty'],
    ['mailto:', 'empty'],
    ['jean.dupont.example.fr', 'bad-format'],
    ['jean@dupont@example.fr', 'bad-format'],
    ['@example.fr', 'bad-format'],
    ['jean@', 'bad-format'],
    ['.jean@example.fr', 'bad-format'],
    ['jean.@example.fr', 'bad-format'],
    ['jean..dupont@example.fr', 'bad-format'],
    ['jean dupont@example.fr', 'bad-characters'],
    ['jean@exam ple.fr', 'bad-characters'],
    ['Jean Dupont <jean@example.fr>', 'bad-characters'],
    ['jean(work)@example.fr', 'bad-characters'],
    ['"jean dupont"@example.fr', 'bad-characters'],
    ['jean@example', 'bad-domain'],
    ['jean@example,fr', 'bad-domain'],
    ['jean@-example.fr', 'bad-domain'],
    ['jean@example-.fr', 'bad-domain'],
    ['jean@example..fr', 'bad-domain'],
    ['jean@example.fr.', 'bad-domain'],
    ['jean@exam_ple.fr', 'bad-domain'],
    ['jean@192.168.0.1', 'bad-domain'],
    [`${'a'.repeat(65)}@example.fr`, 'too-long'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.fr`, 'too-long'],
    [`a@${'b'.repeat(64)}.fr`, 'bad-domain'],
    ['x'.repeat(257), 'too-long'],
  ];
  for (const [raw, reason] of invalid) {
    it(`rejects ${JSON.stringify(raw.slice(0, 40))} as ${reason}`, () => {
      assert.deepEqual(parseEmail(raw), { ok: false, kind: 'email', reason });
    });
  }

  // Addresses with random case and a sprinkling of non-ASCII letters, so NFKC and case folding are exercised.
  const messyAddress = fc
    .tuple(
      fc.emailAddress(),
      fc.array(fc.boolean(), { maxLength: 80 }),
      fc.constantFrom('', 'é', 'Ö', 'ß', 'İ', 'ﬁ', 'Σ', 'ǅ', 'Ａ'),
      fc.constantFrom('', 'mailto:', '<'),
    )
    .map(([address, upper, extra, wrapper]) => {
      const cased = [...address].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
      const withExtra = extra + cased;
      return wrapper === '<' ? `<${withExtra}>` : wrapper + withExtra;
    });

  it('maps the canonical form to itself', () => {
    fc.assert(
      fc.property(fc.oneof(messyAddress, fc.string({ unit: 'grapheme' })), (raw) => {
        const first = parseEmail(raw);
        if (!first.ok) return;
        assert.deepEqual(parseEmail(first.canonical), first);
        assert.equal(first.canonical, first.canonical.trim());
      }),
    );
  });

  it('accepts what fast-check considers an e-mail address, up to case', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        fc.pre(address.length <= 254 && !/^[^@]*@.*\.\d+$/.test(address));
        assert.deepEqual(parseEmail(address.toUpperCase()), { ok: true, kind: 'email', canonical: address.toLowerCase() });
      }),
    );
  });
});
