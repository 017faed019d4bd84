import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { buildApp } from '../web/app.js';
import { loadDemoIndex } from './demo-index.js';
import { createIndexing } from './indexing.js';
import { createServices, type Services } from './services.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  /** The address a person can open, e.g. http://localhost:8080. */
  readonly url: string;
  close(): Promise<void>;
}

/** Migrates, seeds on first start, serves, and drains on SIGTERM/SIGINT. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const services = await createServices(config, logger);
  try {
    const indexing = await createIndexing(config, services, logger);
    logger.info(
      { epoch: indexing.key.epoch, fingerprint: indexing.key.fingerprint, backend: indexing.backendReport },
      'private look-up index ready',
    );
    if (config.seed) await loadDemoIndex(indexing, config.dataDir, logger);
  } catch (error) {
    await services.close();
    throw error;
  }
  const app = await buildApp({
    catalogue: services.catalogue,
    apiKeys: services.apiKeys,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    checkDatabase: async () => {
      await sql`select 1`.execute(services.database.db);
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await services.close();
    })();
    return closing;
  };
  return { app, services, url, close };
}
