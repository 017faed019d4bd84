import { escapeHtml } from '../../platform/html.js';
import { hibpName, type Breach } from './breach.js';
import { earliestDay } from './partial-date.js';
import { DATA_CLASSES, findDataClass } from './taxonomy.js';

/**
 * Have I Been Pwned API v3 compatibility: the same field names, casing and types as HIBP's Breach model
 * (../shared/reference/anchors-hibp-monitor.md §1.2), so existing HIBP clients read breachdesk unchanged.
 */
export interface HibpBreach {
  Name: string;
  Title: string;
  Domain: string;
  /** Date only, "a guide only" as HIBP says. */
  BreachDate: string;
  AddedDate: string;
  ModifiedDate: string;
  /** HIBP counts email addresses; breachdesk gives the number of people affected, 0 when unknown. */
  PwnCount: number;
  /** HTML, English, as in HIBP. */
  Description: string;
  LogoPath: string;
  Attribution: string | null;
  DataClasses: string[];
  IsVerified: boolean;
  IsFabricated: boolean;
  IsSensitive: boolean;
  IsRetired: boolean;
  IsSpamList: boolean;
  IsMalware: boolean;
  IsSubscriptionFree: boolean;
  IsStealerLog: boolean;
}

/** The HIBP name of a data class, or its English label where HIBP has no equivalent. */
export function hibpDataClassName(code: string): string {
  const dc = findDataClass(code);
  if (!dc) return code;
  return dc.hibpName ?? dc.labels.en;
}

/** One collator for every sort: localeCompare(x, 'en') would build a new one per comparison. */
const english = new Intl.Collator('en');

export function toHibpBreach(breach: Breach, baseUrl: string): HibpBreach {
  const d = breach.dates;
  const anchor = d.occurredFrom ?? d.occurredTo ?? d.publicDisclosure ?? d.awareness;
  return {
    Name: hibpName(breach.slug),
    Title: breach.title,
    Domain: breach.organisation.domain ?? '',
    BreachDate: anchor ? earliestDay(anchor) : breach.addedAt.slice(0, 10),
    AddedDate: breach.addedAt,
    ModifiedDate: breach.modifiedAt,
    PwnCount: breach.peopleAffected.count ?? 0,
    Description: paragraphsToHtml(breach.description.en),
    LogoPath: `${baseUrl}/logos/${breach.slug}.svg`,
    Attribution: null,
    DataClasses: unique(breach.dataClasses.map(hibpDataClassName)).sort(english.compare),
    IsVerified: breach.flags.verified,
    IsFabricated: breach.flags.fabricated,
    IsSensitive: breach.flags.sensitive,
    IsRetired: breach.flags.retired,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
    IsStealerLog: false,
  };
}

/** `GET /api/v3/dataclasses`: every class name a breachdesk breach can carry, HIBP spelling first. */
export function hibpDataClassNames(): string[] {
  return unique(DATA_CLASSES.filter((dc) => dc.deprecatedIn === undefined).map((dc) => dc.hibpName ?? dc.labels.en)).sort((a, b) =>
    a.localeCompare(b, 'en'),
  );
}

function paragraphsToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
