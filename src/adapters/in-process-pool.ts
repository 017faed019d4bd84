import { processRows, type ContactSealer, type RowProcessorPool } from '../modules/ingestion/index.js';
import type { OprfEvaluator } from '../modules/oprf/index.js';
import { entryBuilderFor } from './entry-builder.js';

/** Rows processed on the calling thread: for small loads (the demo index) and tests of the pipeline alone. */
export function createInProcessPool(evaluator: OprfEvaluator, contacts: ContactSealer | null): RowProcessorPool {
  const deps = { entries: entryBuilderFor(evaluator), contacts };
  return {
    workers: 1,
    backend: evaluator.backend,
    process: (plan, rows) => Promise.resolve(processRows(plan, rows, deps)),
  };
}
