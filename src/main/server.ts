import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { buildApp } from '../web/app.js';
import { loadDemoIndex } from './demo-index.js';
import { createIndexing, type Indexing } from './indexing.js';
import { createLookupPublisher, lookupDir, type LookupPublisher } from './lookup-publisher.js';
import { createLookupRateLimiter, rateLimitKeyFrom } from './lookup-rate-limit.js';
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
  let indexing: Indexing;
  let publisher: LookupPublisher;
  let limiter: Awaited<ReturnType<typeof createLookupRateLimiter>>;
  try {
    indexing = await createIndexing(config, services, logger);
    logger.info(
      { epoch: indexing.key.epoch, fingerprint: indexing.key.fingerprint, backend: indexing.backendReport },
      'private look-up index ready',
    );
    if (config.seed) await loadDemoIndex(indexing, config.dataDir, logger);
    publisher = await createLookupPublisher(indexing, {
      dir: lookupDir(config.dataDir),
      logger,
      reload: () => createIndexing(config, services, logger),
    });
    limiter = await createLookupRateLimiter(config, logger, rateLimitKeyFrom(indexing.key.secretKey));
  } catch (error) {
    await services.close();
    throw error;
  }
  const app = await buildApp({
    catalogue: services.catalogue,
    apiKeys: services.apiKeys,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    trustProxy: config.trustProxy,
    lookup: {
      publications: publisher,
      activeKey: () => publisher.activeKey(),
      rateLimit: (request, cost) => limiter.consume(request.ip, cost),
      bucketsBaseUrl: config.lookupBucketsUrl,
    },
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
      publisher.close();
      await limiter.close();
      await services.close();
    })();
    return closing;
  };
  return { app, services, url, close };
}
