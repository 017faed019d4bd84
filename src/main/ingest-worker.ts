/**
 * The ingest worker thread: wires the OPRF evaluator (native or WASM libsodium), the index crypto and the
 * contact sealer to `processRows`, then answers batches from the pool until it is terminated. The secret
 * key arrives in workerData (memory shared within this process only) and is never logged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContactSealer } from '../adapters/contact-sealer.js';
import { entryBuilderFor } from '../adapters/entry-builder.js';
import { processRows, type RowInput, type WorkerPlan } from '../modules/ingestion/index.js';
import { createOprfEvaluator, createOprfKey, type OprfBackendPreference } from '../modules/oprf/index.js';

export interface IngestWorkerData {
  readonly epoch: number;
  readonly secretKey: Uint8Array;
  readonly backend: OprfBackendPreference;
  readonly contactsKey: Uint8Array | null;
}

export type WorkerRequest = { readonly id: number; readonly plan: WorkerPlan; readonly rows: readonly RowInput[] };
export type WorkerReply =
  | { readonly type: 'ready'; readonly backend: string }
  | { readonly type: 'result'; readonly id: number; readonly result: ReturnType<typeof processRows> }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'fatal'; readonly message: string };

const port = parentPort;
if (port) {
  const data = workerData as IngestWorkerData;
  try {
    const evaluator = await createOprfEvaluator(createOprfKey(data.epoch, data.secretKey), data.backend);
    const deps = { entries: entryBuilderFor(evaluator), contacts: data.contactsKey ? createContactSealer(data.contactsKey) : null };
    port.on('message', (request: WorkerRequest) => {
      try {
        const result = processRows(request.plan, request.rows, deps);
        const reply: WorkerReply = { type: 'result', id: request.id, result };
        port.postMessage(reply, [result.entries.buffer as ArrayBuffer]);
      } catch (error) {
        // Messages from our own code name fields and reasons, never values.
        const reply: WorkerReply = { type: 'error', id: request.id, message: (error as Error).message };
        port.postMessage(reply);
      }
    });
    const ready: WorkerReply = { type: 'ready', backend: evaluator.backend };
    port.postMessage(ready);
  } catch (error) {
    const fatal: WorkerReply = { type: 'fatal', message: (error as Error).message };
    port.postMessage(fatal);
  }
}
