/**
 * Who received a request (issue 8, reference §3.2): the registrable domain by the Public Suffix List
 * (tldts), first or third party against the audited organisation's domains, the company behind the domain
 * (an extra mapping, then third-party-web), and first-party hosts that are really a tracker's collector.
 * Pure: CNAME chains come in resolved (see CnameResolver). ADR 0016.
 */
import { parse as parseDomain } from 'tldts';
import { validationError } from '../../../platform/errors.js';
import type { Recipient } from '../model.js';
import {
  CNAME_CLOAKING_TARGETS,
  CNAME_INFRASTRUCTURE_SUFFIXES,
  COLLECTOR_PATHS,
  isTrackingCategory,
  type UrlParts,
} from './collector-signatures.js';
import { findEntity, isUnder, normaliseHost, type EntityMatch, type ExtraEntity } from './entities.js';

export interface ClassifyContext {
  /**
   * The audited organisation's domains. Each entry counts by its registrable domain: "www.folksam.se" and
   * "folksam.se" both make every host under folksam.se first party. An IP address or a single-label host
   * ("localhost") counts only for itself.
   */
  readonly firstPartyDomains: readonly string[];
  /** Host → CNAME chain, target first (CnameResolution.chains). A host absent here was not resolved. */
  readonly cnames?: ReadonlyMap<string, readonly string[]>;
  /** Looked up before third-party-web; the way to name the company behind a test domain. */
  readonly extraEntities?: readonly ExtraEntity[];
}

// allowPrivateDomains: the private section of the list (github.io, herokuapp.com…) separates sites as
// browsers do, so a.github.io and b.github.io are different parties.
const TLDTS_OPTIONS = { allowPrivateDomains: true } as const;

/** eTLD+1, or the host itself when it has none (an IP address, "localhost", a bare suffix). */
export function registrableDomainOf(host: string): string {
  const h = normaliseHost(host);
  const parsed = parseDomain(h, TLDTS_OPTIONS);
  return parsed.isIp === true ? h : (parsed.domain ?? h);
}

/**
 * Classify the recipient of one request.
 * @throws AppError VALIDATION_FAILED when `url` is not an absolute URL with a host (data:, blob:, about:…);
 *   the message never quotes the URL, which may carry a canary value.
 */
export function classifyRecipient(url: string, context: ClassifyContext): Recipient {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw validationError([{ path: 'url', message: 'is not an absolute URL' }], 'request URL');
  }
  const host = normaliseHost(parsed.hostname);
  if (host === '') throw validationError([{ path: 'url', message: 'has no host' }], 'request URL');

  const firstParty = new Set(context.firstPartyDomains.map(registrableDomainOf).filter((d) => d !== ''));
  const registrableDomain = registrableDomainOf(host);
  const entity = findEntity(host, context.extraEntities);
  const base: Recipient = {
    host,
    registrableDomain,
    party: firstParty.has(registrableDomain) ? 'first' : 'third',
    ...(entity ? { company: entity.company, category: entity.category } : {}),
  };
  if (base.party === 'third') return base;

  const disguised =
    cnameCloaking(host, context.cnames?.get(host) ?? [], firstParty, context.extraEntities) ??
    collectorPath({ path: parsed.pathname.toLowerCase(), query: parsed.searchParams }, context.extraEntities);
  if (!disguised) return base;
  return {
    host,
    registrableDomain,
    party: 'third',
    ...(disguised.company !== undefined ? { company: disguised.company } : {}),
    ...(disguised.category !== undefined ? { category: disguised.category } : {}),
    disguisedCollector: {
      reason: disguised.reason,
      ...(disguised.company !== undefined ? { company: disguised.company } : {}),
    },
  };
}

interface Disguise {
  readonly reason: string;
  readonly company?: string;
  readonly category?: string;
}

/** The first link of the chain, outside the first party, that is a tracker's collector. */
function cnameCloaking(
  host: string,
  chain: readonly string[],
  firstParty: ReadonlySet<string>,
  extraEntities: readonly ExtraEntity[] | undefined,
): Disguise | undefined {
  const links = chain.map(normaliseHost).filter((l) => l !== '');
  const shown = [host, ...links].join(' → ');
  for (const link of links) {
    if (firstParty.has(registrableDomainOf(link))) continue;
    const known = CNAME_CLOAKING_TARGETS.find((t) => isUnder(link, t.suffix));
    if (known) {
      return {
        reason: `CNAME cloaking: ${shown}, ${known.product} (known cloaking target *.${known.suffix})`,
        company: known.company,
        category: known.category,
      };
    }
    if (CNAME_INFRASTRUCTURE_SUFFIXES.some((s) => isUnder(link, s.suffix))) continue;
    const entity = findEntity(link, extraEntities);
    if (entity && isTrackingCategory(entity.category)) {
      return {
        reason: `CNAME cloaking: ${shown}, ${describe(entity)}`,
        company: entity.company,
        category: entity.category,
      };
    }
  }
  return undefined;
}

function collectorPath(url: UrlParts, extraEntities: readonly ExtraEntity[] | undefined): Disguise | undefined {
  const signature = COLLECTOR_PATHS.find((s) => s.matches(url));
  if (!signature) return undefined;
  const vendor = findEntity(signature.vendorHost, extraEntities);
  return {
    reason: `Collector path on a first-party host: ${signature.pattern} is ${signature.product} (signature ${signature.id})`,
    ...(vendor ? { company: vendor.company, category: vendor.category } : {}),
  };
}

function describe(entity: EntityMatch): string {
  const from = entity.source === 'extra' ? 'the extra entities' : 'third-party-web';
  return `${entity.name} (${entity.category}, per ${from})`;
}
