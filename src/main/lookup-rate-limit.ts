import { hkdfSync, randomBytes } from 'node:crypto';
import {
  createMemoryRateLimitStore,
  createRateLimiter,
  createRedisRateLimitStore,
  parseRateRule,
  type RateLimiter,
} from '../modules/ratelimit/index.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';

/**
 * The evaluation endpoint's rate limiter from the configuration: in memory by default, in Redis when
 * REDIS_URL is set so that every instance shares the same budget. Client addresses are pseudonymised
 * with a keyed hash before they reach either store. With Redis every instance must use the same key, so
 * it is derived from the OPRF secret key, which they all hold already (HKDF-SHA256, its own label).
 */
export function rateLimitKeyFrom(oprfSecretKey: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', oprfSecretKey, Buffer.from('breachdesk/ratelimit/v1'), Buffer.alloc(0), 32));
}

export async function createLookupRateLimiter(config: Config, logger: Logger, keySecret?: Uint8Array): Promise<RateLimiter> {
  let perClient;
  let global;
  try {
    perClient = parseRateRule(config.lookupRateClient);
    global = parseRateRule(config.lookupRateGlobal);
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `Invalid rate limit: ${(error as Error).message}`, { cause: error });
  }
  const store = config.redisUrl ? await createRedisRateLimitStore(config.redisUrl) : createMemoryRateLimitStore();
  logger.info(
    { store: config.redisUrl ? 'redis' : 'memory', perClient: config.lookupRateClient, global: config.lookupRateGlobal },
    'look-up rate limits',
  );
  return createRateLimiter({ perClient, global, store, keySecret: keySecret ?? new Uint8Array(randomBytes(32)) });
}
