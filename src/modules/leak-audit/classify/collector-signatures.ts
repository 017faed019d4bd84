/**
 * What makes a first-party host a disguised collector: the tables, each entry with the fact it rests on.
 * "reference" is ../shared/reference/tracker-leak-audit.md. A signature goes in only when a source supports
 * it; ADR 0016 lists the ones left out and why.
 */

/**
 * third-party-web categories (its `category` field) whose entities collect data about visitors. A CNAME to
 * a domain of any other category (cdn, hosting, utility, video, content, consent-provider, customer-success,
 * other) is ordinary hosting, not cloaking.
 */
export const TRACKING_CATEGORIES = ['ad', 'analytics', 'social', 'tag-manager', 'marketing'] as const;
export type TrackingCategory = (typeof TRACKING_CATEGORIES)[number];

export function isTrackingCategory(category: string): category is TrackingCategory {
  return (TRACKING_CATEGORIES as readonly string[]).includes(category);
}

/** A CNAME target that is a tracker's collector whatever any entity list says. */
export interface CnameCloakingTarget {
  /** The target host or any host under it. */
  readonly suffix: string;
  readonly company: string;
  readonly product: string;
  readonly category: TrackingCategory;
  readonly source: string;
}

export const CNAME_CLOAKING_TARGETS: readonly CnameCloakingTarget[] = [
  {
    suffix: 'sc.omtrdc.net',
    company: 'Adobe',
    product: 'Adobe Analytics',
    category: 'analytics',
    source:
      'reference §2 (Adobe Analytics: *.sc.omtrdc.net behind a first-party CNAME such as smetrics.<site>; host patterns marked unverified there), §1 (blind spots); third-party-web lists *.omtrdc.net as Adobe Experience Cloud',
  },
  {
    suffix: '2o7.net',
    company: 'Adobe',
    product: 'Adobe Analytics',
    category: 'analytics',
    source:
      'reference §2 (Adobe Analytics: *.2o7.net; host patterns marked unverified there); third-party-web lists *.2o7.net as Adobe Experience Cloud',
  },
];

/**
 * Domains that third-party-web files under a tracking entity but that are shared infrastructure (a CDN, a
 * cloud, a hosted-pages service): a first-party host CNAMEd there is hosted, not cloaked.
 */
export const CNAME_INFRASTRUCTURE_SUFFIXES: readonly { readonly suffix: string; readonly why: string }[] = [
  { suffix: 'microsoft.com', why: 'third-party-web: *.microsoft.com under Bing Ads' },
  { suffix: 'msecnd.net', why: 'Azure CDN; third-party-web: *.msecnd.net under Bing Ads' },
  { suffix: 'llnwd.net', why: 'Limelight CDN; third-party-web: *.llnwd.net under Tealium' },
  { suffix: 'limelight.com', why: 'Limelight CDN; third-party-web: *.limelight.com under Tealium' },
  { suffix: 'hubspot.net', why: 'HubSpot-hosted pages; third-party-web: *.hubspot.net under Hubspot (marketing)' },
];

/** The parts of a request URL a collector-path signature looks at. */
export interface UrlParts {
  /** The path as on the wire (percent-encoded), lower-cased. */
  readonly path: string;
  readonly query: URLSearchParams;
}

/** A path (and query) that only a tracker's collector answers, seen on a first-party host. */
export interface CollectorPath {
  readonly id: string;
  /** Human-readable form of the pattern, used in the reason. */
  readonly pattern: string;
  readonly product: string;
  /** A host of the vendor itself: the company and category come from the same lookup as any recipient. */
  readonly vendorHost: string;
  readonly matches: (url: UrlParts) => boolean;
  readonly source: string;
}

export const COLLECTOR_PATHS: readonly CollectorPath[] = [
  {
    id: 'ga4-collect',
    pattern: '…/g/collect',
    product: 'Google Analytics 4 (server-side Google Tag Manager when on a first-party host)',
    vendorHost: 'www.google-analytics.com',
    matches: ({ path }) => path.endsWith('/g/collect'),
    source:
      'reference §2 (Google Analytics 4: *.google-analytics.com/g/collect; server-side GTM: the same /g/collect path on a first-party host), §3.2',
  },
  {
    id: 'adobe-appmeasurement',
    pattern: '…/b/ss/…',
    product: 'Adobe Analytics AppMeasurement',
    vendorHost: 'sc.omtrdc.net',
    matches: ({ path }) => path.includes('/b/ss/'),
    source: 'reference §2 (Adobe Analytics: image requests …/b/ss/<rsid>/…, also on a first-party CNAME), §3.2',
  },
  {
    id: 'meta-pixel-tr',
    pattern: '/tr or /tr/ with query parameters id and ev',
    product: 'Meta Pixel',
    vendorHost: 'www.facebook.com',
    // "/tr/" alone is also a Turkish-language section of many sites: the pixel's id and ev parameters make it a hit.
    matches: ({ path, query }) => (path === '/tr' || path === '/tr/') && query.has('id') && query.has('ev'),
    source:
      'reference §2 (Meta Pixel: hits to www.facebook.com/tr/ with id and ev), §3.2 (/tr), §1 (Blacklight counts a facebook URL with an ev parameter as a pixel event)',
  },
];
