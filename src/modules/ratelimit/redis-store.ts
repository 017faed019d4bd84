import { createHash } from 'node:crypto';
import { createClient } from '@redis/client';
import { emissionIntervalMicros, type ConsumeOutcome, type ConsumeRequest, type RateLimitStore } from './rate-limiter.js';

/**
 * GCRA over several keys in one script, so that check-and-charge is atomic across every server instance
 * sharing the Redis. A line-by-line copy of gcraStep (rate-limiter.ts); the contract suite holds both to
 * the same answers. Time comes from ARGV, never from Redis TIME, so that tests control it; in production
 * every instance passes its own clock, which NTP keeps within milliseconds of the others.
 *
 * KEYS: the rate-limit keys. ARGV: nowMicros, cost, then limit and interval (µs) for each key.
 * Reply: { allowed (1/0), wait µs per key (0 = fits now, -1 = cost above the limit, never fits) }.
 * Each admitted key is written with SET … PX (the same expiry as PEXPIRE): it disappears when its TAT
 * passes, which is exactly when it stops holding any state.
 */
export const GCRA_SCRIPT = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local allowed = 1
local waits = {}
local tats = {}
for i = 1, #KEYS do
  local limit = tonumber(ARGV[1 + 2 * i])
  local interval = tonumber(ARGV[2 + 2 * i])
  if cost > limit then
    waits[i] = -1
    allowed = 0
  else
    local tat = tonumber(redis.call('GET', KEYS[i]))
    if tat == nil or tat < now then tat = now end
    local nxt = tat + cost * interval
    tats[i] = nxt
    local wait = nxt - limit * interval - now
    if wait > 0 then
      waits[i] = wait
      allowed = 0
    else
      waits[i] = 0
    end
  end
end
if allowed == 1 then
  for i = 1, #KEYS do
    redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000))
  end
end
local reply = { allowed }
for i = 1, #KEYS do reply[i + 1] = waits[i] end
return reply
`;

const SCRIPT_SHA1 = createHash('sha1').update(GCRA_SCRIPT).digest('hex');

export const DEFAULT_REDIS_PREFIX = 'breachdesk:ratelimit:';

export interface RedisRateLimitStoreOptions {
  /** Prepended to every key; default "breachdesk:ratelimit:". */
  readonly prefix?: string;
  /** Connection and per-request timeout in milliseconds; default 2000. A request that times out rejects. */
  readonly timeoutMs?: number;
  /** Connection errors after start-up (the client reconnects on its own); default: ignored, requests reject meanwhile. */
  readonly onError?: (error: Error) => void;
}

/**
 * A rate-limit store on Redis (node-redis). Resolves once connected; rejects when the first connection
 * fails. Afterwards a lost connection is retried with backoff, and requests made while it is down reject
 * at once (no offline queue) instead of waiting.
 */
export async function createRedisRateLimitStore(url: string, options: RedisRateLimitStoreOptions = {}): Promise<RateLimitStore> {
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const timeoutMs = options.timeoutMs ?? 2000;
  let started = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries, cause) => (started ? Math.min(50 * 2 ** retries, 2000) : cause),
    },
  });
  client.on('error', (error: Error) => {
    if (started) options.onError?.(error);
  });
  try {
    await client.connect();
  } catch (cause) {
    client.destroy();
    throw new Error('could not connect to the rate-limit Redis', { cause });
  }
  started = true;
  let closed = false;

  async function runScript(args: string[]): Promise<unknown> {
    try {
      return await client.sendCommand(['EVALSHA', SCRIPT_SHA1, ...args]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.sendCommand(['EVAL', GCRA_SCRIPT, ...args]);
    }
  }

  return {
    async consume(request: ConsumeRequest): Promise<ConsumeOutcome> {
      const { keys, cost, nowMicros } = request;
      const args = [String(keys.length), ...keys.map((k) => prefix + k.key), String(nowMicros), String(cost)];
      for (const { rule } of keys) args.push(String(rule.limit), String(emissionIntervalMicros(rule)));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`rate-limit Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      let reply: unknown;
      try {
        reply = await Promise.race([runScript(args), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (!Array.isArray(reply) || reply.length !== keys.length + 1 || !reply.every((n) => typeof n === 'number')) {
        throw new Error('rate-limit Redis script returned an unexpected reply');
      }
      const [allowed, ...waits] = reply;
      return { allowed: allowed === 1, waitMicros: waits.map((w) => (w < 0 ? Infinity : w)) };
    },
    async close() {
      if (closed) return;
      closed = true;
      // close() lets commands in flight finish; a client that is reconnecting has none worth waiting for.
      if (client.isReady) await client.close();
      else client.destroy();
    },
  };
}
