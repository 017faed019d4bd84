import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { newId } from './ids.js';

describe('newId', () => {
  it('is 26 Crockford base32 characters', () => {
    assert.match(newId(new Date()), /^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts in creation order, even within one millisecond and when the clock steps back', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const ids = Array.from({ length: 1000 }, () => newId(at));
    ids.push(newId(new Date('2025-12-31T23:59:59Z')));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('encodes the time in the first ten characters', () => {
    const a = newId(new Date('2030-01-01T00:00:00Z'));
    const b = newId(new Date('2031-01-01T00:00:00Z'));
    assert.ok(a.slice(0, 10) < b.slice(0, 10));
  });
});
