import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createDelimitedFormatter, encodeWindows1252, isWindows1252Encodable, jsonlRecord } from './index.js';
import { createPrng, weighted } from './prng.js';

// Bytes 0x80–0x9F of the WHATWG windows-1252 index, typed out here because Node 20's TextDecoder
// decodes 'windows-1252' as ISO-8859-1.
const HIGH_ROW = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? HIGH_ROW.charAt(b - 0x80) : String.fromCharCode(b);
  return out;
}

describe('synth: Windows-1252 encoder', () => {
  it('round-trips every Windows-1252 character', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    assert.equal(text.length, 256);
    assert.deepEqual(encodeWindows1252(text), all);
    assert.ok(isWindows1252Encodable(text));
  });

  it('writes accented Latin letters as single bytes and the rest as ?', () => {
    assert.deepEqual([...encodeWindows1252('Hélène Œ€')], [0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65, 0x20, 0x8c, 0x80]);
    assert.equal(Buffer.from(encodeWindows1252('Łódź 😀 ok')).toString('latin1'), '?ód? ? ok');
    assert.equal(isWindows1252Encodable('Łódź'), false);
  });
});

describe('synth: records', () => {
  it('quotes CSV fields only when RFC 4180 requires it', () => {
    const csv = createDelimitedFormatter(',');
    assert.equal(
      csv(['a', "N'Diaye", 'Bât. B, 4 rue', 'Résidence "Le Parc"', 'x\ny', '']),
      `a,N'Diaye,"Bât. B, 4 rue","Résidence ""Le Parc""","x\ny",`,
    );
    assert.equal(createDelimitedFormatter(';')(['a,b', 'c;d']), 'a,b;"c;d"');
    assert.equal(createDelimitedFormatter('\t')(['a,b', 'c\td']), 'a,b\t"c\td"');
    assert.equal(createDelimitedFormatter('|')(['a|b', 'c']), '"a|b"|c');
    assert.throws(() => createDelimitedFormatter('"'));
  });

  it('writes JSON lines keyed by column, and a short row as a truncated line', () => {
    assert.equal(jsonlRecord(['a', 'b', 'c'], ['1', '"2"', '']), '{"a":"1","b":"\\"2\\"","c":""}');
    assert.equal(jsonlRecord(['a', 'b', 'c'], ['1']), '{"a":"1"');
    assert.throws(() => JSON.parse(jsonlRecord(['a', 'b', 'c'], ['1'])), SyntaxError);
  });
});

describe('synth: PRNG', () => {
  it('gives the same stream for the same seed and a different one otherwise', () => {
    const draw = (seed: string) => {
      const rng = createPrng(seed);
      return Array.from({ length: 8 }, () => rng.u32());
    };
    assert.deepEqual(draw('a'), draw('a'));
    assert.notDeepEqual(draw('a'), draw('b'));
    // Pinned: the stream must not change across machines or Node versions.
    assert.deepEqual(draw('breachdesk').slice(0, 3), [1236420797, 2365020997, 1467173733]);
  });

  it('draws uniformly and by weight', () => {
    const rng = createPrng('uniform');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[rng.int(4)]!++;
    for (const c of counts) assert.ok(Math.abs(c - 10000) < 500, String(counts));
    const w = weighted([
      ['x', 1],
      ['y', 3],
    ] as const);
    let y = 0;
    for (let i = 0; i < 40000; i++) if (w.pick(rng) === 'y') y++;
    assert.ok(Math.abs(y - 30000) < 600, String(y));
  });
});
