import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Rate limits for the OPRF evaluation endpoint (../shared/reference/private-lookup.md §2.6, ADR 0008).
 *
 * The algorithm is GCRA, the generic cell rate algorithm: one number per key, the theoretical arrival
 * time (TAT) of the next cell. A rule of `limit` per `windowSeconds` emits one cell every
 * T = ⌈window / limit⌉ µs and lets a client burst up to `limit` cells at once; after that it earns one
 * cell back every T. Over a long run no key gets more than `limit` per window, and "30/1h" after a full
 * burst means one evaluation every two minutes. All arithmetic is on integer microseconds, so the memory
 * store and the Redis script compute bit-identical results.
 */

export interface RateRule {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** The longest window a rule may have: keeps every microsecond timestamp well inside 2^53. */
export const MAX_WINDOW_SECONDS = 366 * 86_400;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const RULE_PATTERN = /^(\d+)\s*\/\s*(\d+)\s*([smhd])$/;

/** "30/1h", "30/3600s", "1000/1s", "200/1d", "5/10m": a limit, a slash, a count and a unit (s, m, h, d). */
export function parseRateRule(text: string): RateRule {
  const match = RULE_PATTERN.exec(text.trim());
  const problem = (why: string) =>
    new RangeError(`invalid rate rule ${JSON.stringify(text)}: ${why} (expected <limit>/<count><unit>, unit s, m, h or d, e.g. "30/1h")`);
  if (!match) throw problem('not in the form limit/window');
  const [, limitText = '', countText = '', unit = ''] = match;
  const rule = { limit: Number(limitText), windowSeconds: Number(countText) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS] };
  const why = ruleProblem(rule);
  if (why) throw problem(why);
  return rule;
}

function ruleProblem(rule: RateRule): string | null {
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 1) return 'the limit must be a whole number of at least 1';
  if (!Number.isSafeInteger(rule.windowSeconds) || rule.windowSeconds < 1)
    return 'the window must be a whole number of seconds, at least 1';
  if (rule.windowSeconds > MAX_WINDOW_SECONDS) return `the window must be at most ${MAX_WINDOW_SECONDS / 86_400} days`;
  if (rule.limit > rule.windowSeconds * 1_000_000) return 'the rate is above one per microsecond';
  return null;
}

function assertRule(rule: RateRule, name: string): void {
  const why = ruleProblem(rule);
  if (why) throw new RangeError(`invalid ${name} rate rule ${rule.limit}/${rule.windowSeconds}s: ${why}`);
}

/** GCRA's emission interval T in whole microseconds, rounded up so that a rule never admits more than it says. */
export function emissionIntervalMicros(rule: RateRule): number {
  return Math.ceil((rule.windowSeconds * 1_000_000) / rule.limit);
}

export interface GcraStep {
  /** The TAT to store if the request is admitted. */
  readonly tatMicros: number;
  /** Microseconds until `cost` would fit under this rule alone: 0 = fits now, Infinity = cost > limit, never fits. */
  readonly waitMicros: number;
}

/**
 * One GCRA decision, pure. `tatMicros` is the stored TAT, or undefined for a key with no record (an
 * expired record is the same as none). The Redis script in redis-store.ts is a line-by-line copy.
 */
export function gcraStep(tatMicros: number | undefined, nowMicros: number, cost: number, rule: RateRule): GcraStep {
  if (cost > rule.limit) return { tatMicros: tatMicros ?? nowMicros, waitMicros: Infinity };
  const interval = emissionIntervalMicros(rule);
  const base = tatMicros === undefined || tatMicros < nowMicros ? nowMicros : tatMicros;
  const next = base + cost * interval;
  return { tatMicros: next, waitMicros: Math.max(0, next - rule.limit * interval - nowMicros) };
}

/** One key to check and charge, under its rule. */
export interface RateLimitKey {
  /** Already pseudonymised by the limiter (`c:<hmac>` or `g`); a store may prefix it but never sees an address. */
  readonly key: string;
  readonly rule: RateRule;
}

export interface ConsumeRequest {
  readonly keys: readonly RateLimitKey[];
  /** A whole number ≥ 1. */
  readonly cost: number;
  /** The caller's clock, in whole microseconds. Stores never read a clock of their own (not even Redis TIME). */
  readonly nowMicros: number;
}

export interface ConsumeOutcome {
  /** True when `cost` fit under every key's rule, and was then charged to every key. */
  readonly allowed: boolean;
  /** Per key, in request order: microseconds until `cost` fits under that key alone (0 = now, Infinity = never). */
  readonly waitMicros: readonly number[];
}

/**
 * The storage port: "consume `cost` from every key at `nowMicros`, all or nothing". An implementation
 * must make the check and the charge of all keys of one request atomic, and a refused request must
 * change nothing. Records may be dropped once their TAT is past: they then hold no state.
 */
export interface RateLimitStore {
  consume(request: ConsumeRequest): Promise<ConsumeOutcome>;
  close(): Promise<void>;
}

export const RATE_SCOPES = ['client', 'global'] as const;
export type RateScope = (typeof RATE_SCOPES)[number];

export interface RateDecision {
  readonly allowed: boolean;
  /** 0 when allowed; otherwise whole seconds ≥ 1 until a request of the same cost would fit (if nobody else spends meanwhile). */
  readonly retryAfterSeconds: number;
  /** Which rule refused: the one that frees up last when both do. null when allowed. */
  readonly scope: RateScope | null;
}

export interface RateLimiter {
  /** `cost` = evaluations in the request, a whole number ≥ 1. Rejects when the store fails (the caller decides: fail closed). */
  consume(clientAddress: string, cost: number): Promise<RateDecision>;
  /** Closes the store. */
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  readonly perClient: RateRule;
  readonly global: RateRule;
  readonly store: RateLimitStore;
  /** Milliseconds since the epoch; default Date.now. */
  readonly now?: () => number;
  /**
   * The HMAC key that turns a client's address into its store key. Default: 32 random bytes per process,
   * which is right for the memory store. Instances sharing a Redis must share this secret (≥ 16 bytes),
   * or each counts a client separately (the global key is shared either way).
   */
  readonly keySecret?: string | Uint8Array;
}

const MIN_SECRET_BYTES = 16;
const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0, scope: null });

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  assertRule(options.perClient, 'per-client');
  assertRule(options.global, 'global');
  const { perClient, global, store } = options;
  const now = options.now ?? Date.now;
  const secret = options.keySecret === undefined ? randomBytes(32) : Buffer.from(options.keySecret);
  if (secret.length < MIN_SECRET_BYTES) throw new RangeError(`rate-limit keySecret must be at least ${MIN_SECRET_BYTES} bytes`);

  return {
    async consume(clientAddress, cost) {
      if (!Number.isSafeInteger(cost) || cost < 1) throw new RangeError(`rate-limit cost must be a whole number ≥ 1, got ${String(cost)}`);
      const clientKey = createHmac('sha256', secret)
        .update(`client\0${clientKeyOf(clientAddress)}`)
        .digest('hex')
        .slice(0, 32);
      const checks = [
        { scope: 'client', key: `c:${clientKey}`, rule: perClient },
        { scope: 'global', key: 'g', rule: global },
      ] as const;
      const outcome = await store.consume({ keys: checks, cost, nowMicros: Math.floor(now() * 1000) });
      if (outcome.allowed) return ALLOWED;
      let refused: RateDecision | null = null;
      for (const [index, { scope, rule }] of checks.entries()) {
        const wait = outcome.waitMicros[index] ?? 0;
        if (wait <= 0) continue;
        // A cost above the rule's limit never fits: say "one window", the honest order of magnitude.
        const seconds = Number.isFinite(wait) ? Math.max(1, Math.ceil(wait / 1_000_000)) : rule.windowSeconds;
        if (refused === null || seconds > refused.retryAfterSeconds) refused = { allowed: false, retryAfterSeconds: seconds, scope };
      }
      if (refused === null) throw new Error('rate-limit store refused a request without saying which key was full');
      return refused;
    },
    close: () => store.close(),
  };
}

/**
 * The unit a per-client quota counts: an IPv4 address as is; an IPv6 address by its /64, because one host
 * usually holds a whole /64 and could rotate through it; an IPv4-mapped IPv6 address (::ffff:1.2.3.4, as
 * a dual-stack socket reports IPv4 peers) as its IPv4 address. Throws a RangeError, without echoing the
 * input (an address is personal data), when the text is not an IP address.
 */
export function clientKeyOf(address: string): string {
  const text = address.trim();
  if (isIPv4(text)) return text;
  const zoneless = text.replace(/%.*$/, '');
  if (!isIPv6(zoneless)) throw new RangeError('client address is not an IPv4 or IPv6 address');
  const groups = ipv6Groups(zoneless.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (net.isIPv6 already said yes), embedded IPv4 tail included. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  if (rest === undefined) return parse(head);
  const left = parse(head);
  const right = parse(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** RFC 5952 text: lower-case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
