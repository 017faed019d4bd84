export * from './index-format.js';
export * from './bucket-layout.js';
export * from './entry-builder.js';
export * from './merkle.js';
export * from './publication.js';
export {
  createLookupIndexStore,
  type EpochRecord,
  type IndexBreach,
  type IndexStats,
  type LookupIndexStore,
} from './lookup-index.store.js';
export * from './client.js';
export { registerLookupRoutes, type LookupRoutesOptions, type PublicationSource, type RateLimitDecision } from './lookup.routes.js';
