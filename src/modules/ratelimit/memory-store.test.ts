import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryRateLimitStore } from './memory-store.js';
import type { RateRule } from './rate-limiter.js';

const SECOND = 1_000_000;
const SHORT: RateRule = { limit: 1, windowSeconds: 1 };
const LONG: RateRule = { limit: 1, windowSeconds: 3600 };

describe('createMemoryRateLimitStore', () => {
  it('never holds more than maxKeys records', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 100 });
    for (let i = 0; i < 5000; i++) {
      await store.consume({ keys: [{ key: `k${i}`, rule: LONG }], cost: 1, nowMicros: i });
      assert.ok(store.size() <= 100);
    }
    assert.equal(store.size(), 100);
  });

  it('evicts expired records before live ones', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 3 });
    const charge = (key: string, rule: RateRule, nowMicros: number) => store.consume({ keys: [{ key, rule }], cost: 1, nowMicros });
    await charge('short', SHORT, 0);
    await charge('live-1', LONG, 0);
    await charge('live-2', LONG, 0);
    await charge('new', LONG, 2 * SECOND);
    assert.equal(store.size(), 3);
    for (const key of ['live-1', 'live-2', 'new']) {
      assert.equal((await charge(key, LONG, 3 * SECOND)).allowed, false, `${key} is still remembered`);
    }
  });

  it('evicts the least recently charged live record when none has expired', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 2 });
    const rule: RateRule = { limit: 2, windowSeconds: 3600 };
    const charge = (key: string) => store.consume({ keys: [{ key, rule }], cost: 1, nowMicros: 0 });
    await charge('a');
    await charge('b');
    await charge('a'); // a is now the most recently charged
    await charge('c'); // evicts b
    assert.equal((await charge('a')).allowed, false, 'a spent both cells and is remembered');
    assert.equal((await charge('b')).allowed, true, 'b was forgotten');
  });

  it('does not count a refused request as a charge', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 10 });
    const refused = await store.consume({
      keys: [
        { key: 'room', rule: { limit: 5, windowSeconds: 3600 } },
        { key: 'none', rule: { limit: 1, windowSeconds: 1 } },
      ],
      cost: 2,
      nowMicros: 0,
    });
    assert.deepEqual(refused, { allowed: false, waitMicros: [0, Infinity] });
    assert.equal(store.size(), 0);
  });

  it('rejects a bad bound and forgets everything on close', async () => {
    assert.throws(() => createMemoryRateLimitStore({ maxKeys: 0 }), RangeError);
    const store = createMemoryRateLimitStore();
    await store.consume({ keys: [{ key: 'k', rule: LONG }], cost: 1, nowMicros: 0 });
    await store.close();
    assert.equal(store.size(), 0);
  });
});
