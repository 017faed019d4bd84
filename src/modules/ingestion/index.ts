export {
  runIngest,
  describeColumns,
  type ByteSource,
  type IngestDeps,
  type IngestOptions,
  type IngestOutcome,
  type IngestProgress,
  type IngestSummary,
  type RowProcessorPool,
} from './ingest.js';
export {
  createIngestRunStore,
  createKyselyBatchWriter,
  progressColumns,
  sortByIndexKey,
  ZERO_COUNTS,
  type BatchTail,
  type BatchWriter,
  type ContactRow,
  type EntryBatch,
  type EntryRow,
  type IngestRun,
  type IngestRunStore,
  type RejectRow,
  type RunCounts,
} from './ingestion.store.js';
export {
  processRows,
  ROW_REJECT_REASONS,
  type ContactSealer,
  type ProcessedBatch,
  type RowInput,
  type RowProcessorDeps,
  type WorkerPlan,
} from './row-processor.js';
export { COLUMN_ROLES, ROLE_DATA_CLASS, type ColumnUse, type IngestPlan, type PlannedColumn } from './column-plan.js';
export { SOURCE_ENCODINGS, SOURCE_FORMATS, type SourceEncoding, type SourceFormat } from './source-format.js';
export { RECORD_ERRORS } from './record-reader.js';
