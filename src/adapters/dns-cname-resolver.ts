/**
 * The leak audit's CnameResolver over DNS (node:dns/promises, ADR 0016): for each host, `resolveCname`
 * level by level, the host's target first, up to `maxDepth` links. Asking for the CNAME record of each name
 * in turn (rather than letting the resolver chase the chain) is what shows every hop, and a recursive
 * resolver answers a CNAME query with the CNAME record itself.
 *
 * One host's failure (no answer in time, NXDOMAIN, SERVFAIL, a loop) is recorded for that host with the
 * part of the chain found, never thrown. The answer depends on the resolver asked and where it is: a
 * tracker's CNAME may be region- or resolver-specific, so an audit should resolve from where its crawl ran.
 */
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { CnameFailure, CnameResolution, CnameResolver } from '../modules/leak-audit/classify/index.js';

export interface DnsCnameResolverOptions {
  /** DNS servers as `dns.setServers` takes them ("127.0.0.1:5353", "[::1]:53"); the system's when absent. */
  readonly servers?: readonly string[];
  /** The most time one host's whole chain may take; also each query's time before it is given up. Default 3000. */
  readonly timeoutMs?: number;
  /** The most CNAME links followed from one host. Default 5. */
  readonly maxDepth?: number;
  /** Hosts resolved at the same time. Default 8. */
  readonly concurrency?: number;
}

interface HostResult {
  readonly chain: readonly string[];
  readonly failure?: CnameFailure;
}

const NO_CNAME = new Set(['ENODATA']);
const NOT_FOUND = new Set(['ENOTFOUND']);
const TIMED_OUT = new Set(['ETIMEOUT']);

function normaliseName(name: string): string {
  let n = name.trim().toLowerCase();
  if (n.startsWith('[') && n.endsWith(']')) n = n.slice(1, -1);
  while (n.endsWith('.')) n = n.slice(0, -1);
  return n;
}

/** Names that never have a CNAME: IP addresses and the loopback names of RFC 6761. */
function hasNoCname(name: string): boolean {
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost');
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

export function createDnsCnameResolver(options: DnsCnameResolverOptions = {}): CnameResolver {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxDepth = options.maxDepth ?? 5;
  const concurrency = Math.max(1, options.concurrency ?? 8);

  return {
    async resolveCnameChains(hosts) {
      const names = [...new Set(hosts.map(normaliseName).filter((h) => h !== ''))];
      // One resolver per call: cancel() at the end drops only this call's stragglers.
      const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
      if (options.servers) resolver.setServers([...options.servers]);

      const results = new Map<string, HostResult>();
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < names.length) {
          const host = names[next++]!;
          results.set(host, await resolveHost(resolver, host, timeoutMs, maxDepth));
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
      } finally {
        resolver.cancel();
      }

      const chains = new Map<string, readonly string[]>();
      const failures = new Map<string, CnameFailure>();
      for (const host of names) {
        const result = results.get(host) ?? { chain: [] };
        chains.set(host, result.chain);
        if (result.failure) failures.set(host, result.failure);
      }
      return { chains, failures } satisfies CnameResolution;
    },
  };
}

async function resolveHost(resolver: Resolver, host: string, timeoutMs: number, maxDepth: number): Promise<HostResult> {
  if (hasNoCname(host)) return { chain: [] };
  const chain: string[] = [];
  const seen = new Set([host]);
  const deadline = Date.now() + timeoutMs;
  let name = host;
  // One query more than maxDepth links: the last one only tells whether the chain ends there.
  for (let level = 0; level <= maxDepth; level++) {
    const answer = await queryCname(resolver, name, deadline - Date.now());
    if (answer.kind === 'failure') return { chain, failure: answer.failure };
    if (answer.kind === 'end') return { chain };
    if (level === maxDepth) return { chain, failure: { code: 'TOO_LONG', name } };
    if (seen.has(answer.target)) return { chain, failure: { code: 'LOOP', name } };
    seen.add(answer.target);
    chain.push(answer.target);
    name = answer.target;
  }
  return { chain };
}

type CnameAnswer =
  | { readonly kind: 'target'; readonly target: string }
  | { readonly kind: 'end' }
  | { readonly kind: 'failure'; readonly failure: CnameFailure };

async function queryCname(resolver: Resolver, name: string, remainingMs: number): Promise<CnameAnswer> {
  if (remainingMs <= 0) return { kind: 'failure', failure: { code: 'TIMEOUT', name } };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), remainingMs);
  });
  try {
    const answer = await Promise.race([resolver.resolveCname(name), timeout]);
    if (answer === 'timeout') return { kind: 'failure', failure: { code: 'TIMEOUT', name } };
    // A name has at most one CNAME record (RFC 1034 §3.6.2); should a server send more, the first is followed.
    const target = answer[0] === undefined ? '' : normaliseName(answer[0]);
    return target === '' ? { kind: 'end' } : { kind: 'target', target };
  } catch (error) {
    const code = errorCode(error);
    if (NO_CNAME.has(code)) return { kind: 'end' };
    if (NOT_FOUND.has(code)) return { kind: 'failure', failure: { code: 'NOT_FOUND', name, dnsCode: code } };
    if (TIMED_OUT.has(code)) return { kind: 'failure', failure: { code: 'TIMEOUT', name, dnsCode: code } };
    return { kind: 'failure', failure: { code: 'DNS_ERROR', name, dnsCode: code } };
  } finally {
    clearTimeout(timer);
  }
}
