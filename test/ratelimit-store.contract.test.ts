import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import {
  createMemoryRateLimitStore,
  createRateLimiter,
  createRedisRateLimitStore,
  gcraStep,
  type RateLimitStore,
  type RateRule,
} from '../src/modules/ratelimit/index.js';
import { loadConfig } from '../src/platform/config.js';
import { skipOutsideCi } from './support/skip.js';

/**
 * One contract for every RateLimitStore: the memory store and a real Redis (REDIS_URL, default this
 * machine's redis://127.0.0.1:6379), never a mock. Redis tests skip with the reason when it cannot be
 * reached, except in CI, where they fail. Each run works under its own key prefix and deletes it after.
 */
const REDIS_URL = loadConfig().redisUrl ?? 'redis://127.0.0.1:6379';
const PREFIX = `breachdesk:test:ratelimit:${randomBytes(6).toString('hex')}:`;

async function redisUnavailableReason(): Promise<string | null> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return null;
  } catch (error) {
    client.destroy();
    return `Redis not reachable at ${REDIS_URL} (${(error as Error).message}); set REDIS_URL to run these tests`;
  }
}

const redisReason = await redisUnavailableReason();

// Whatever the tests left under this run's prefix goes, even when a test failed half-way.
after(async () => {
  if (redisReason !== null) return;
  const raw = createClient({ url: REDIS_URL, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  raw.on('error', () => undefined);
  await raw.connect();
  const leftovers: string[] = [];
  for await (const batch of raw.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 1000 })) leftovers.push(...batch);
  if (leftovers.length > 0) await raw.del(leftovers);
  await raw.close();
});

type RawRedis = ReturnType<typeof createClient>;

interface Backend {
  readonly name: string;
  readonly skip: string | false;
  /** Two handles on one shared storage, as two server instances would have. */
  open(): Promise<{ first: RateLimitStore; second: RateLimitStore; close(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'memory',
    skip: false,
    open: async () => {
      const store = createMemoryRateLimitStore();
      return { first: store, second: store, close: () => store.close() };
    },
  },
  {
    name: 'redis',
    skip: skipOutsideCi(redisReason),
    open: async () => {
      const first = await createRedisRateLimitStore(REDIS_URL, { prefix: PREFIX });
      const second = await createRedisRateLimitStore(REDIS_URL, { prefix: PREFIX });
      return {
        first,
        second,
        close: async () => {
          await Promise.all([first.close(), second.close()]);
        },
      };
    },
  },
];

const SECOND = 1_000_000;
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0) * 1000;
let keyCounter = 0;
const freshKey = (label: string) => `${label}-${++keyCounter}`;

for (const backend of backends) {
  describe(`rate-limit store contract on ${backend.name}`, { skip: backend.skip }, () => {
    let stores: Awaited<ReturnType<Backend['open']>>;
    before(async () => {
      stores = await backend.open();
    });
    after(async () => stores?.close());

    const consume = (key: string, rule: RateRule, cost: number, nowMicros: number, store = stores.first) =>
      store.consume({ keys: [{ key, rule }], cost, nowMicros });

    it('admits a burst of exactly the limit, then says when the next cell comes', async () => {
      const key = freshKey('burst');
      const rule = { limit: 3, windowSeconds: 3 };
      for (let i = 0; i < 3; i++) assert.deepEqual(await consume(key, rule, 1, T0), { allowed: true, waitMicros: [0] });
      assert.deepEqual(await consume(key, rule, 1, T0), { allowed: false, waitMicros: [SECOND] });
      assert.deepEqual(await consume(key, rule, 2, T0 + SECOND / 2), { allowed: false, waitMicros: [SECOND + SECOND / 2] });
      assert.deepEqual(await consume(key, rule, 1, T0 + SECOND), { allowed: true, waitMicros: [0] });
    });

    it('charges all keys or none', async () => {
      const full = freshKey('full');
      const roomy = freshKey('roomy');
      const rule = { limit: 2, windowSeconds: 60 };
      await consume(full, rule, 2, T0);
      const both = [
        { key: roomy, rule },
        { key: full, rule },
      ];
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await stores.first.consume({ keys: both, cost: 1, nowMicros: T0 }), {
          allowed: false,
          waitMicros: [0, 30 * SECOND],
        });
      }
      assert.equal((await consume(roomy, rule, 2, T0)).allowed, true, 'the refused requests took nothing from the key that had room');
    });

    it('refuses a cost above the limit as never fitting, and charges nothing', async () => {
      const key = freshKey('big');
      const rule = { limit: 5, windowSeconds: 600 };
      assert.deepEqual(await consume(key, rule, 6, T0), { allowed: false, waitMicros: [Infinity] });
      assert.equal((await consume(key, rule, 5, T0)).allowed, true);
    });

    it('holds no state once a key has expired', async () => {
      const key = freshKey('expiry');
      const rule = { limit: 4, windowSeconds: 3600 };
      await consume(key, rule, 4, T0);
      assert.deepEqual(await consume(key, rule, 4, T0 + 3599 * SECOND), { allowed: false, waitMicros: [SECOND] });
      assert.deepEqual(await consume(key, rule, 4, T0 + 3600 * SECOND), { allowed: true, waitMicros: [0] });
    });

    it('gives the same answers as the reference GCRA on a long random sequence', async () => {
      const rules: RateRule[] = [
        { limit: 7, windowSeconds: 1 },
        { limit: 50, windowSeconds: 60 },
        { limit: 1000, windowSeconds: 1 },
        { limit: 3, windowSeconds: 10 },
      ];
      const keys = rules.map((rule, i) => ({ key: freshKey(`model-${i}`), rule }));
      const model = new Map<string, number>();
      let seed = 12345;
      const random = (n: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return (seed >>> 8) % n;
      };
      let now = T0;
      const seen = { allowed: 0, refused: 0 };
      for (let step = 0; step < 300; step++) {
        now += random(3) === 0 ? random(2 * SECOND) : 0;
        const picked = keys.filter(() => random(2) === 0);
        const request = picked.length > 0 ? picked : keys.slice(0, 1);
        const cost = 1 + random(random(10) === 0 ? 40 : 4);
        const expected = request.map(({ key, rule }) => gcraStep(model.get(key), now, cost, rule));
        const allowed = expected.every((e) => e.waitMicros === 0);
        seen[allowed ? 'allowed' : 'refused']++;
        if (allowed) request.forEach(({ key }, i) => model.set(key, expected[i]!.tatMicros));
        const store = step % 2 === 0 ? stores.first : stores.second;
        assert.deepEqual(
          await store.consume({ keys: request, cost, nowMicros: now }),
          { allowed, waitMicros: expected.map((e) => e.waitMicros) },
          `step ${step}`,
        );
      }
      assert.ok(seen.allowed > 50 && seen.refused > 50, JSON.stringify(seen));
    });

    it('shares limits between two limiter instances, and stays exact under concurrent requests', async () => {
      const options = {
        perClient: { limit: 10, windowSeconds: 3600 },
        global: { limit: 1000, windowSeconds: 1 },
        keySecret: 'shared secret of the deployment',
        now: () => T0 / 1000,
      };
      const one = createRateLimiter({ ...options, store: stores.first });
      const two = createRateLimiter({ ...options, store: stores.second });
      assert.equal((await one.consume('192.0.2.10', 4)).allowed, true);
      assert.equal((await two.consume('192.0.2.10', 6)).allowed, true);
      assert.deepEqual(await one.consume('192.0.2.10', 1), { allowed: false, retryAfterSeconds: 360, scope: 'client' });
      assert.deepEqual(await two.consume('192.0.2.10', 1), { allowed: false, retryAfterSeconds: 360, scope: 'client' });

      const decisions = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two).consume('2001:db8:77::1', 1)));
      assert.equal(decisions.filter((d) => d.allowed).length, 10);
    });

    it('shares the global limit even between instances with different key secrets', async () => {
      const global = { limit: 5, windowSeconds: 3600 };
      const base = { perClient: { limit: 100, windowSeconds: 1 }, global, now: () => T0 / 1000 + 10 * 86_400_000 };
      const one = createRateLimiter({ ...base, store: stores.first, keySecret: 'secret of instance number one' });
      const two = createRateLimiter({ ...base, store: stores.second, keySecret: 'secret of instance number two' });
      assert.equal((await one.consume('192.0.2.20', 3)).allowed, true);
      assert.equal((await two.consume('192.0.2.21', 2)).allowed, true);
      assert.deepEqual(await one.consume('192.0.2.22', 1), { allowed: false, retryAfterSeconds: 720, scope: 'global' });
    });
  });
}

describe('Redis rate-limit store specifics', { skip: backends[1]!.skip }, () => {
  let raw: RawRedis;
  let store: RateLimitStore;
  before(async () => {
    raw = createClient({ url: REDIS_URL, socket: { connectTimeout: 1500, reconnectStrategy: false } });
    raw.on('error', () => undefined);
    await raw.connect();
    store = await createRedisRateLimitStore(REDIS_URL, { prefix: PREFIX });
  });
  after(async () => {
    await store?.close();
    await raw?.close();
  });

  it('sets every key to expire on its own, when its state runs out', async () => {
    await store.consume({ keys: [{ key: 'ttl', rule: { limit: 30, windowSeconds: 3600 } }], cost: 3, nowMicros: T0 });
    const ttl = await raw.pTTL(`${PREFIX}ttl`);
    assert.ok(ttl > 359_000 && ttl <= 360_000, `PTTL ${ttl}`);
    await store.consume({ keys: [{ key: 'brief', rule: { limit: 1000, windowSeconds: 1 } }], cost: 40, nowMicros: T0 });
    assert.equal(await raw.exists(`${PREFIX}brief`), 1);
    const deadline = Date.now() + 500;
    while ((await raw.exists(`${PREFIX}brief`)) === 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(await raw.exists(`${PREFIX}brief`), 0, 'a 40 ms record is gone without anyone touching it');
  });

  it('never writes a client address in clear', async () => {
    const limiter = createRateLimiter({
      perClient: { limit: 5, windowSeconds: 60 },
      global: { limit: 1000, windowSeconds: 1 },
      store: await createRedisRateLimitStore(REDIS_URL, { prefix: PREFIX }),
      keySecret: 'shared secret of the deployment',
      now: () => T0 / 1000 + 30 * 86_400_000,
    });
    const addresses = ['198.51.100.77', '2001:db8:feed:beef::42'];
    try {
      for (const address of addresses) assert.equal((await limiter.consume(address, 1)).allowed, true);
    } finally {
      await limiter.close();
    }
    const keys = [];
    for await (const batch of raw.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 1000 })) keys.push(...batch);
    assert.ok(
      keys.some((k) => /^.*:c:[0-9a-f]{32}$/.test(k)),
      'client keys are HMAC hex',
    );
    const values = await raw.mGet(keys);
    const dump = [...keys, ...values].join('\n');
    for (const text of ['198.51.100.77', '198.51.100', '2001:db8:feed:beef', 'feed:beef']) assert.ok(!dump.includes(text), `found ${text}`);
    // A key can expire between the scan and the read (the global window is one second): null, not a value.
    for (const value of values) if (value !== null) assert.match(value, /^\d+$/);
  });

  it('loads its script again after SCRIPT FLUSH', async () => {
    await raw.scriptFlush();
    const outcome = await store.consume({ keys: [{ key: 'flushed', rule: { limit: 1, windowSeconds: 60 } }], cost: 1, nowMicros: T0 });
    assert.deepEqual(outcome, { allowed: true, waitMicros: [0] });
  });

  it('rejects instead of hanging when Redis cannot be reached', async () => {
    await assert.rejects(createRedisRateLimitStore('redis://127.0.0.1:1', { timeoutMs: 500 }), /could not connect to the rate-limit Redis/);
  });
});
