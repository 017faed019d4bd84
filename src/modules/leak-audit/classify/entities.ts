/**
 * The company behind a host: an optional mapping given by the caller first, then third-party-web (MIT,
 * patrickhulce/third-party-web, ADR 0016). third-party-web's data is bundled JSON loaded with the module
 * (the "nostats" subset: all entities without the HTTP Archive timing figures), so this stays offline and pure.
 */
import thirdPartyWeb from 'third-party-web/nostats-subset.js';

/** A caller's own domain → company mapping, e.g. a local test site's `facebook.test` → Meta. */
export interface ExtraEntity {
  /** The domain; it and every host under it belong to the company. A leading "*." is ignored. */
  readonly domain: string;
  readonly company: string;
  /** A third-party-web category ("ad", "analytics", "social", "tag-manager"…) or the caller's own. */
  readonly category: string;
}

export interface EntityMatch {
  /** The entity's own name ("Google Analytics"), or the company for an extra entity. */
  readonly name: string;
  readonly company: string;
  readonly category: string;
  readonly source: 'extra' | 'third-party-web';
}

/** Lower-case, without brackets, a leading "*." or a trailing dot. */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.startsWith('*.')) h = h.slice(2);
  while (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** True when `host` is `domain` or a host under it. */
export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The entity for a host. Among extra entities the longest matching domain wins; they come before
 * third-party-web so a caller can also correct it.
 */
export function findEntity(host: string, extraEntities: readonly ExtraEntity[] = []): EntityMatch | undefined {
  const h = normaliseHost(host);
  if (h === '') return undefined;
  let best: ExtraEntity | undefined;
  let bestLength = -1;
  for (const extra of extraEntities) {
    const domain = normaliseHost(extra.domain);
    if (domain !== '' && isUnder(h, domain) && domain.length > bestLength) {
      best = extra;
      bestLength = domain.length;
    }
  }
  if (best) return { name: best.company, company: best.company, category: best.category, source: 'extra' };
  // getEntity parses a URL or host with its own regular expressions; a bare, normalised host is what it reads best.
  const entity = thirdPartyWeb.getEntity(h);
  if (!entity) return undefined;
  return { name: entity.name, company: entity.company, category: entity.category, source: 'third-party-web' };
}
