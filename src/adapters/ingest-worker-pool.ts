import type { Worker } from 'node:worker_threads';
import type { ProcessedBatch, RowInput, RowProcessorPool, WorkerPlan } from '../modules/ingestion/index.js';
import { AppError } from '../platform/errors.js';
import { spawnWorker } from './spawn-worker.js';

interface Reply {
  readonly type: 'ready' | 'result' | 'error' | 'fatal';
  readonly id?: number;
  readonly backend?: string;
  readonly message?: string;
  readonly result?: ProcessedBatch;
}

interface Slot {
  readonly worker: Worker;
  pending: number;
}

export interface WorkerPoolOptions {
  readonly workers: number;
  /** The compiled or TypeScript worker entry (main/ingest-worker). */
  readonly entry: URL;
  readonly workerData: unknown;
}

/**
 * A fixed pool of ingest worker threads. Each batch goes to the worker with the fewest batches queued;
 * replies are matched by id, so the caller may have several batches in flight and commit them in order.
 * A worker that dies fails every batch it held: the ingest stops and can be resumed.
 */
export async function createIngestWorkerPool(options: WorkerPoolOptions): Promise<RowProcessorPool & { close(): Promise<void> }> {
  const waiting = new Map<number, { resolve: (b: ProcessedBatch) => void; reject: (e: Error) => void; slot: Slot }>();
  let nextId = 1;
  let failure: Error | null = null;
  const slots: Slot[] = [];
  const backends = await Promise.all(
    Array.from({ length: Math.max(1, options.workers) }, () => {
      const worker = spawnWorker(options.entry, options.workerData);
      const slot: Slot = { worker, pending: 0 };
      slots.push(slot);
      return new Promise<string>((resolve, reject) => {
        const failAll = (error: Error) => {
          failure ??= error;
          reject(error);
          for (const [id, w] of waiting) {
            if (w.slot === slot) {
              waiting.delete(id);
              w.reject(error);
            }
          }
        };
        worker.on('message', (reply: Reply) => {
          if (reply.type === 'ready') return resolve(reply.backend ?? 'unknown');
          if (reply.type === 'fatal')
            return failAll(new AppError('OPRF_BACKEND_UNAVAILABLE', `An ingest worker could not start: ${reply.message ?? ''}`));
          const w = waiting.get(reply.id ?? -1);
          if (!w) return;
          waiting.delete(reply.id!);
          w.slot.pending--;
          if (reply.type === 'result' && reply.result) w.resolve(reply.result);
          else w.reject(new Error(`ingest worker failed: ${reply.message ?? 'unknown error'}`));
        });
        worker.on('error', (error) => failAll(error));
        worker.on('exit', (code) => {
          if (code !== 0) failAll(new Error(`an ingest worker exited with code ${code}`));
        });
      });
    }),
  ).catch(async (error: unknown) => {
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw error;
  });
  return {
    workers: slots.length,
    backend: backends[0] ?? 'unknown',
    process(plan: WorkerPlan, rows: readonly RowInput[]) {
      if (failure) return Promise.reject(failure);
      const slot = slots.reduce((a, b) => (b.pending < a.pending ? b : a));
      const id = nextId++;
      slot.pending++;
      return new Promise<ProcessedBatch>((resolve, reject) => {
        waiting.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ id, plan, rows });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
