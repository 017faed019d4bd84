import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isAppError } from '../../platform/errors.js';
import { blind, finalize } from './client.js';
import { RFC9497_A11 } from './known-answer.js';

const here = dirname(fileURLToPath(import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Every file client.ts reaches through relative imports, with its import specifiers. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    );
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('OPRF client (browser side)', () => {
  it('imports no node: module, directly or through its relative imports', () => {
    const graph = importGraph(join(here, 'client.ts'));
    assert.ok(graph.size >= 3);
    for (const [file, specifiers] of graph) {
      for (const s of specifiers) {
        assert.ok(!s.startsWith('node:') && !['crypto', 'fs', 'path', 'buffer'].includes(s), `${file} imports ${s}`);
        if (!s.startsWith('.')) assert.match(s, /^@noble\//, `${file} imports ${s}`);
      }
    }
  });

  it('blinds with a fresh random scalar each time', () => {
    const input = utf8('breachdesk/v1|fr-nir|1850512345678');
    const a = blind(input);
    const b = blind(input);
    assert.notDeepEqual(a.blind, b.blind);
    assert.notDeepEqual(a.blindedElement, b.blindedElement);
    assert.equal(a.blindedElement.length, 32);
  });

  it('refuses a bad blind and a bad evaluated element', () => {
    const v = RFC9497_A11.vectors[0];
    const code = (expected: string) => (error: unknown) => isAppError(error) && error.code === expected;
    assert.throws(() => blind(v.input, new Uint8Array(32)), code('VALIDATION_FAILED'));
    assert.throws(() => blind(v.input, new Uint8Array(31).fill(1)), code('VALIDATION_FAILED'));
    assert.throws(() => finalize(v.input, v.blind, new Uint8Array(32)), code('OPRF_INVALID_ELEMENT'));
    assert.throws(() => finalize(v.input, v.blind, new Uint8Array(32).fill(0xff)), code('OPRF_INVALID_ELEMENT'));
    assert.throws(() => finalize(v.input, v.blind, v.evaluationElement.subarray(0, 31)), code('OPRF_INVALID_ELEMENT'));
    assert.throws(() => blind(new Uint8Array(65536)), code('VALIDATION_FAILED'));
  });
});
