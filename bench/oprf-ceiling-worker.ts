// Bare OPRF evaluation in a worker thread: the crypto ceiling the ingest pipeline is compared with.
import { parentPort, workerData } from 'node:worker_threads';
import { createOprfEvaluator, createOprfKey, type OprfBackendPreference } from '../src/modules/oprf/index.js';

const data = workerData as { secretKey: Uint8Array; backend: OprfBackendPreference; durationMs: number; batch: number };
const evaluator = await createOprfEvaluator(createOprfKey(1, data.secretKey), data.backend);
const encoder = new TextEncoder();
let n = 0;
const inputs = () =>
  Array.from({ length: data.batch }, () => encoder.encode(`breachdesk/v1|se-personnummer|19${String(500000000 + n++).padStart(10, '0')}`));
evaluator.evaluateBatch(inputs());
const start = performance.now();
let done = 0;
while (performance.now() - start < data.durationMs) {
  evaluator.evaluateBatch(inputs());
  done += data.batch;
}
parentPort?.postMessage({ done, seconds: (performance.now() - start) / 1000, backend: evaluator.backend });
