import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry`. The compiled build runs the .js file directly. Under tsx (tests,
 * benchmarks, `npm run` in development) a TypeScript entry is loaded through tsx's loader, registered in
 * the worker first: Node 20 does not carry the parent's --import hooks into worker threads.
 */
export function spawnWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
