export * from './index-format.js';
export * from './bucket-layout.js';
export * from './entry-builder.js';
export {
  createLookupIndexStore,
  type EpochRecord,
  type IndexBreach,
  type IndexStats,
  type LookupIndexStore,
} from './lookup-index.store.js';
