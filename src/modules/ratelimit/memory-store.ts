import { gcraStep, type ConsumeOutcome, type ConsumeRequest, type RateLimitStore } from './rate-limiter.js';

export interface MemoryRateLimitStoreOptions {
  /** Records kept at most; beyond it expired records go first, then the least recently charged. Default 100,000. */
  readonly maxKeys?: number;
}

export interface MemoryRateLimitStore extends RateLimitStore {
  /** Records currently held (expired ones included until a sweep drops them): for tests and metrics. */
  size(): number;
}

export const DEFAULT_MAX_KEYS = 100_000;

/**
 * A rate-limit store for one process: a Map of key → TAT in microseconds, ordered by last charge.
 * Check-and-charge is atomic because it runs synchronously. Memory is bounded: above `maxKeys`, a sweep
 * drops every expired record (at most once per maxKeys/8 insertions, so a flood of new keys costs O(1)
 * amortised), then the least recently charged records go. Evicting a live record forgets that client's
 * spending, so size maxKeys above the number of clients expected within one per-client window.
 */
export function createMemoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): MemoryRateLimitStore {
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new RangeError(`maxKeys must be a whole number ≥ 1, got ${String(maxKeys)}`);
  const sweepEvery = Math.max(1, Math.ceil(maxKeys / 8));
  const tats = new Map<string, number>();
  let insertsSinceSweep = sweepEvery;

  function evict(nowMicros: number): void {
    if (tats.size <= maxKeys) return;
    if (insertsSinceSweep >= sweepEvery) {
      insertsSinceSweep = 0;
      for (const [key, tat] of tats) if (tat <= nowMicros) tats.delete(key);
    }
    // Map iteration order is insertion order, and every charge re-inserts its key: the first is the stalest.
    for (const key of tats.keys()) {
      if (tats.size <= maxKeys) break;
      tats.delete(key);
    }
  }

  return {
    async consume(request: ConsumeRequest): Promise<ConsumeOutcome> {
      const { keys, cost, nowMicros } = request;
      const steps = keys.map(({ key, rule }) => ({ key, ...gcraStep(tats.get(key), nowMicros, cost, rule) }));
      const allowed = steps.every((s) => s.waitMicros === 0);
      if (allowed) {
        for (const { key, tatMicros } of steps) {
          if (!tats.delete(key)) insertsSinceSweep++;
          tats.set(key, tatMicros);
        }
        evict(nowMicros);
      }
      return { allowed, waitMicros: steps.map((s) => s.waitMicros) };
    },
    size: () => tats.size,
    close: async () => {
      tats.clear();
    },
  };
}
