import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryRateLimitStore } from './memory-store.js';
import { clientKeyOf, createRateLimiter, emissionIntervalMicros, gcraStep, parseRateRule, type RateRule } from './rate-limiter.js';

describe('parseRateRule', () => {
  const valid: [string, RateRule][] = [
    ['30/1h', { limit: 30, windowSeconds: 3600 }],
    ['30/3600s', { limit: 30, windowSeconds: 3600 }],
    ['1000/1s', { limit: 1000, windowSeconds: 1 }],
    ['200/1d', { limit: 200, windowSeconds: 86_400 }],
    ['5/10m', { limit: 5, windowSeconds: 600 }],
    [' 10 / 2h ', { limit: 10, windowSeconds: 7200 }],
    ['1000000/1s', { limit: 1_000_000, windowSeconds: 1 }],
    ['1/366d', { limit: 1, windowSeconds: 366 * 86_400 }],
  ];
  for (const [text, rule] of valid) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseRateRule(text), rule));
  }

  const invalid: [string, RegExp][] = [
    ['', /not in the form/],
    ['30', /not in the form/],
    ['30/h', /not in the form/],
    ['30/1x', /not in the form/],
    ['30/1H', /not in the form/],
    ['30 per hour', /not in the form/],
    ['-1/1h', /not in the form/],
    ['1.5/1h', /not in the form/],
    ['30/1h5m', /not in the form/],
    ['0/1h', /limit must be a whole number of at least 1/],
    ['30/0s', /window must be a whole number of seconds/],
    ['1/367d', /at most 366 days/],
    ['1000001/1s', /above one per microsecond/],
    ['99999999999999999999/1s', /limit must be a whole number/],
  ];
  for (const [text, reason] of invalid) {
    it(`refuses ${JSON.stringify(text)} with a RangeError naming it`, () => {
      assert.throws(
        () => parseRateRule(text),
        (error: unknown) => {
          assert.ok(error instanceof RangeError);
          assert.ok(error.message.includes(JSON.stringify(text)), error.message);
          assert.match(error.message, reason);
          assert.match(error.message, /e\.g\. "30\/1h"/);
          return true;
        },
      );
    });
  }
});

describe('clientKeyOf', () => {
  const cases: [string, string][] = [
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8::/64'],
    ['2001:db8:0:0:1::', '2001:db8::/64'],
    ['2001:0:0:1::5', '2001:0:0:1::/64'],
    ['fe80::1%eth0', 'fe80::/64'],
    ['::1', '::/64'],
    ['::ffff:198.51.100.9', '198.51.100.9'],
    ['::FFFF:C633:6409', '198.51.100.9'],
    ['0:0:0:0:0:ffff:c633:6409', '198.51.100.9'],
    ['2001:db8:1:2::198.51.100.9', '2001:db8:1:2::/64'],
  ];
  for (const [address, key] of cases) {
    it(`${address} → ${key}`, () => assert.equal(clientKeyOf(address), key));
  }

  it('groups a whole /64 together and keeps neighbouring /64s apart', () => {
    const keys = new Set(['2001:db8:a:b::1', '2001:db8:a:b:ffff::9', '2001:db8:a:b:1:2:3:4'].map(clientKeyOf));
    assert.equal(keys.size, 1);
    assert.notEqual(clientKeyOf('2001:db8:a:b::1'), clientKeyOf('2001:db8:a:c::1'));
  });

  for (const bad of ['', 'localhost', '1.2.3', '999.1.1.1', '2001:db8::g', 'unix:/tmp/sock']) {
    it(`refuses ${JSON.stringify(bad)} without echoing it`, () => {
      assert.throws(
        () => clientKeyOf(bad),
        (error: unknown) => error instanceof RangeError && (bad === '' || !error.message.includes(bad)),
      );
    });
  }
});

describe('gcraStep', () => {
  it('uses a whole-microsecond interval, rounded up', () => {
    assert.equal(emissionIntervalMicros({ limit: 30, windowSeconds: 3600 }), 120_000_000);
    assert.equal(emissionIntervalMicros({ limit: 7, windowSeconds: 1 }), 142_858);
  });

  it('admits a burst of exactly the limit even when the interval is rounded', () => {
    const rule = { limit: 7, windowSeconds: 1 };
    let tat: number | undefined;
    for (let i = 0; i < 7; i++) {
      const step = gcraStep(tat, 0, 1, rule);
      assert.equal(step.waitMicros, 0);
      tat = step.tatMicros;
    }
    assert.equal(gcraStep(tat, 0, 1, rule).waitMicros, 142_858);
  });
});

const START = Date.UTC(2026, 10, 23, 8, 0, 0);

function setup(perClient: string, global: string, maxKeys?: number) {
  let t = START;
  const store = createMemoryRateLimitStore(maxKeys === undefined ? {} : { maxKeys });
  const limiter = createRateLimiter({ perClient: parseRateRule(perClient), global: parseRateRule(global), store, now: () => t });
  return {
    store,
    limiter,
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

const A = '203.0.113.1';
const B = '203.0.113.2';
const C = '2001:db8:c::1';

describe('createRateLimiter over the memory store', () => {
  it('allows a burst up to the per-client limit, then refuses with the time to the next cell', async () => {
    const { limiter } = setup('30/1h', '1000/1s');
    for (let i = 0; i < 30; i++) assert.deepEqual(await limiter.consume(A, 1), { allowed: true, retryAfterSeconds: 0, scope: null });
    assert.deepEqual(await limiter.consume(A, 1), { allowed: false, retryAfterSeconds: 120, scope: 'client' });
    assert.deepEqual(await limiter.consume(A, 5), { allowed: false, retryAfterSeconds: 600, scope: 'client' });
    assert.equal((await limiter.consume(B, 1)).allowed, true, 'another client is not affected');
  });

  it('counts down retry-after and admits exactly when it says', async () => {
    const { limiter, advance } = setup('30/1h', '1000/1s');
    assert.equal((await limiter.consume(A, 30)).allowed, true);
    advance(119);
    assert.deepEqual(await limiter.consume(A, 1), { allowed: false, retryAfterSeconds: 1, scope: 'client' });
    advance(0.5);
    assert.deepEqual(await limiter.consume(A, 1), { allowed: false, retryAfterSeconds: 1, scope: 'client' }, 'rounded up, never 0');
    advance(0.5);
    assert.equal((await limiter.consume(A, 1)).allowed, true);
    assert.deepEqual(await limiter.consume(A, 1), { allowed: false, retryAfterSeconds: 120, scope: 'client' });
    advance(3 * 120);
    assert.equal((await limiter.consume(A, 3)).allowed, true, 'three cells earned back in six minutes');
    assert.equal((await limiter.consume(A, 1)).allowed, false);
    advance(3600);
    assert.equal((await limiter.consume(A, 30)).allowed, true, 'a full window later the whole burst is back');
  });

  it('refuses a cost above the limit with one window, and charges nothing', async () => {
    const { limiter } = setup('5/10m', '1000/1s');
    assert.deepEqual(await limiter.consume(A, 6), { allowed: false, retryAfterSeconds: 600, scope: 'client' });
    assert.equal((await limiter.consume(A, 5)).allowed, true);
    const { limiter: g } = setup('50/1h', '10/1m');
    assert.deepEqual(await g.consume(A, 11), { allowed: false, retryAfterSeconds: 60, scope: 'global' });
  });

  it('refuses on the global rule when other clients used it up, without charging the client', async () => {
    const { limiter, advance } = setup('5/1h', '3/3s');
    assert.equal((await limiter.consume(A, 3)).allowed, true);
    for (let i = 0; i < 10; i++) assert.deepEqual(await limiter.consume(B, 1), { allowed: false, retryAfterSeconds: 1, scope: 'global' });
    advance(3);
    assert.equal((await limiter.consume(B, 3)).allowed, true, "B's ten refusals cost it nothing");
    advance(3);
    assert.equal((await limiter.consume(B, 2)).allowed, true);
    advance(3);
    // B has spent its 5; its next cell is 720 s after the first three, 9 s ago less 6 s of the last two.
    assert.deepEqual(await limiter.consume(B, 1), { allowed: false, retryAfterSeconds: 714, scope: 'client' });
  });

  it('refuses on the client rule without charging the global one', async () => {
    const { limiter } = setup('2/1h', '3/1h');
    assert.equal((await limiter.consume(A, 2)).allowed, true);
    for (let i = 0; i < 5; i++) assert.equal((await limiter.consume(A, 1)).scope, 'client');
    assert.equal((await limiter.consume(B, 1)).allowed, true, "A's refusals left the global rule its third cell");
    assert.deepEqual(await limiter.consume(C, 1), { allowed: false, retryAfterSeconds: 1200, scope: 'global' });
  });

  it('names the rule that frees up last when both refuse', async () => {
    const { limiter } = setup('2/1m', '4/1h');
    assert.equal((await limiter.consume(A, 2)).allowed, true);
    assert.equal((await limiter.consume(B, 2)).allowed, true);
    // A's next cell comes in 30 s, the global one in 15 min.
    assert.deepEqual(await limiter.consume(A, 1), { allowed: false, retryAfterSeconds: 900, scope: 'global' });
    const { limiter: other } = setup('1/1h', '2/1m');
    assert.equal((await other.consume(A, 1)).allowed, true);
    assert.equal((await other.consume(B, 1)).allowed, true);
    assert.deepEqual(await other.consume(A, 1), { allowed: false, retryAfterSeconds: 3600, scope: 'client' });
  });

  it('counts every address of one IPv6 /64 as one client, and an IPv4-mapped address as its IPv4', async () => {
    const { limiter } = setup('3/1h', '1000/1s');
    assert.equal((await limiter.consume('2001:db8:5:6::1', 1)).allowed, true);
    assert.equal((await limiter.consume('2001:db8:5:6::2', 1)).allowed, true);
    assert.equal((await limiter.consume('2001:db8:5:6:abcd:ef01:2345:6789', 1)).allowed, true);
    assert.equal((await limiter.consume('2001:db8:5:6::3', 1)).scope, 'client');
    assert.equal((await limiter.consume('2001:db8:5:7::1', 1)).allowed, true, 'the next /64 is another client');
    assert.equal((await limiter.consume('198.51.100.4', 3)).allowed, true);
    assert.equal((await limiter.consume('::ffff:198.51.100.4', 1)).scope, 'client');
  });

  it('keeps memory bounded under a flood of clients', async () => {
    const { limiter, store } = setup('30/1h', '1000000/1s', 50);
    for (let i = 0; i < 1000; i++) assert.equal((await limiter.consume(`10.0.${i >> 8}.${i & 255}`, 1)).allowed, true);
    assert.ok(store.size() <= 50, `held ${store.size()} records`);
  });

  it('validates its inputs', async () => {
    const store = createMemoryRateLimitStore();
    const rule = { limit: 1, windowSeconds: 1 };
    assert.throws(() => createRateLimiter({ perClient: { limit: 0, windowSeconds: 1 }, global: rule, store }), /per-client rate rule/);
    assert.throws(() => createRateLimiter({ perClient: rule, global: { limit: 1, windowSeconds: 0.5 }, store }), /global rate rule/);
    assert.throws(() => createRateLimiter({ perClient: rule, global: rule, store, keySecret: 'short' }), /at least 16 bytes/);
    const limiter = createRateLimiter({ perClient: rule, global: rule, store, keySecret: 'a shared secret of enough length' });
    for (const cost of [0, -1, 1.5, Number.NaN, Infinity]) await assert.rejects(limiter.consume(A, cost), RangeError);
    await assert.rejects(limiter.consume('not an address', 1), RangeError);
    await limiter.close();
  });
});
