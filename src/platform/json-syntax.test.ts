import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findJsonSyntaxError } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
  it('accepts everything JSON.stringify produces', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => findJsonSyntaxError(JSON.stringify(v, null, 2)) === null));
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789-.eEtrufalsn \n\\u'.split('')) }), (s) => {
        let parses = true;
        try {
          JSON.parse(s);
        } catch {
          parses = false;
        }
        assert.equal(findJsonSyntaxError(s) === null, parses, JSON.stringify(s));
      }),
      { numRuns: 3000 },
    );
  });

  const table: [string, number, number, RegExp][] = [
    ['{\n  "slug": "x",\n  "title": \n}', 4, 1, /a value/],
    ['{"a": 1,}', 1, 9, /quoted property name/],
    ['[1 2]', 1, 4, /"," or "]"/],
    ['{"a" 1}', 1, 6, /":"/],
    ['{"a": "b', 1, 9, /closing quote/],
    ['{"a": 1} x', 1, 10, /end of the text/],
    ['', 1, 1, /text ended/],
    ['{"a": "\\x"}', 1, 9, /valid escape/],
  ];
  for (const [text, line, column, expected] of table) {
    it(`locates the error in ${JSON.stringify(text)}`, () => {
      const p = findJsonSyntaxError(text);
      assert.ok(p);
      assert.deepEqual([p.line, p.column], [line, column]);
      assert.match(p.expected, expected);
    });
  }
});
