export {
  breachInputSchema,
  breachTitle,
  hibpName,
  nameKey,
  parseBreachInput,
  SLUG_PATTERN,
  type Breach,
  type BreachInput,
} from './breach.js';
export {
  BREACH_SORTS,
  breachQuerySchema,
  parseBreachQuery,
  type BreachQuery,
  type BreachQueryInput,
  type BreachSort,
} from './breach-query.js';
export { createCatalogue, type BreachView, type Catalogue, type CatalogueDeps } from './catalogue.js';
export { createCatalogueStore, type BreachPage, type CatalogueStore, type StoredBreach } from './catalogue.store.js';
export { hibpDataClassName, hibpDataClassNames, toHibpBreach, type HibpBreach } from './hibp.js';
export { renderAtomFeed } from './atom-feed.js';
export { earliestDay, latestDay, parsePartialDate, type PartialDate } from './partial-date.js';
export { SEED_BREACHES } from './seed-breaches.js';
export * from './taxonomy.js';
export * from './vocabulary.js';
export { registerCatalogueRoutes, type CatalogueRoutesOptions } from './catalogue.routes.js';
