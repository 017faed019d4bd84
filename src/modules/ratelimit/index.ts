/**
 * Rate limits for the OPRF evaluation endpoint (ADR 0008): GCRA per client (an IPv4 address or an IPv6
 * /64) and globally, checked and charged together, on a memory store (one process) or Redis (several).
 * Client keys are HMAC-pseudonymised before they reach any store: no address is ever stored in clear.
 */
export {
  clientKeyOf,
  createRateLimiter,
  emissionIntervalMicros,
  gcraStep,
  parseRateRule,
  MAX_WINDOW_SECONDS,
  RATE_SCOPES,
  type ConsumeOutcome,
  type ConsumeRequest,
  type GcraStep,
  type RateDecision,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitKey,
  type RateLimitStore,
  type RateRule,
  type RateScope,
} from './rate-limiter.js';
export {
  createMemoryRateLimitStore,
  DEFAULT_MAX_KEYS,
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
} from './memory-store.js';
export { createRedisRateLimitStore, DEFAULT_REDIS_PREFIX, type RedisRateLimitStoreOptions } from './redis-store.js';
