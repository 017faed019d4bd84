// Imported from the taxonomy file itself, not the catalogue's index: this module runs in the browser,
// and the index also exports the store and the routes.
import { DATA_CLASSES } from '../catalogue/taxonomy.js';
import { SCENARIOS, SEVERITIES, type ScenarioId, type ScenarioRule, type Severity } from './scenarios.js';

/** One breach the person is in, with the data classes of their own records in it. */
export interface ExposureInput {
  readonly slug: string;
  readonly classes: readonly string[];
}

export interface TriggeredScenario {
  readonly id: ScenarioId;
  readonly severity: Severity;
  /** Which of the person's data classes triggered it, and from which breaches (slug per class). */
  readonly because: readonly { readonly dataClass: string; readonly breaches: readonly string[] }[];
  /** True when the scenario needs data from two or more different breaches (the point of combining). */
  readonly crossBreach: boolean;
}

export interface Exposure {
  /** Union of the person's data classes, in taxonomy order. */
  readonly dataClasses: readonly string[];
  /** Breach slugs (sorted) per data class. */
  readonly breachesByClass: Readonly<Record<string, readonly string[]>>;
  /** Most severe first, then by id. */
  readonly scenarios: readonly TriggeredScenario[];
}

const TAXONOMY_ORDER: ReadonlyMap<string, number> = new Map(DATA_CLASSES.map((c, i) => [c.code, i]));

const byTaxonomy = (a: string, b: string): number => (TAXONOMY_ORDER.get(a) ?? 0) - (TAXONOMY_ORDER.get(b) ?? 0);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The person's combined exposure across their matches. Class codes the taxonomy does not know are
 * ignored (a newer index read by an older client); the same slug given twice is merged.
 */
export function assessExposure(matches: readonly ExposureInput[]): Exposure {
  const slugsByClass = new Map<string, Set<string>>();
  const classesBySlug = new Map<string, Set<string>>();
  for (const match of matches) {
    const own = classesBySlug.get(match.slug) ?? new Set<string>();
    classesBySlug.set(match.slug, own);
    for (const code of match.classes) {
      if (!TAXONOMY_ORDER.has(code)) continue;
      own.add(code);
      const slugs = slugsByClass.get(code) ?? new Set<string>();
      slugs.add(match.slug);
      slugsByClass.set(code, slugs);
    }
  }

  const dataClasses = [...slugsByClass.keys()].sort(byTaxonomy);
  const breachesByClass: Record<string, readonly string[]> = {};
  for (const code of dataClasses) breachesByClass[code] = [...(slugsByClass.get(code) ?? [])].sort(byCodeUnit);

  const union = new Set(dataClasses);
  const scenarios: TriggeredScenario[] = [];
  for (const rule of SCENARIOS) {
    if (!satisfies(rule, union)) continue;
    const triggering = [...new Set(rule.requires.flat().filter((code) => union.has(code)))].sort(byTaxonomy);
    scenarios.push({
      id: rule.id,
      severity: rule.severity,
      because: triggering.map((dataClass) => ({ dataClass, breaches: breachesByClass[dataClass] ?? [] })),
      crossBreach: ![...classesBySlug.values()].some((own) => satisfies(rule, own)),
    });
  }
  scenarios.sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || byCodeUnit(a.id, b.id));
  return { dataClasses, breachesByClass, scenarios };
}

function satisfies(rule: ScenarioRule, classes: ReadonlySet<string>): boolean {
  return rule.requires.every((group) => group.some((code) => classes.has(code)));
}
