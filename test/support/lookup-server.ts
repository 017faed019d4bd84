import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createIndexing } from '../../src/main/indexing.js';
import { createLookupPublisher, type LookupPublisher } from '../../src/main/lookup-publisher.js';
import { createMemoryRateLimitStore, createRateLimiter, parseRateRule, type RateLimiter } from '../../src/modules/ratelimit/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { buildApp } from '../../src/web/app.js';
import type { IndexingEnv } from './indexing.js';

export interface Served {
  readonly env: IndexingEnv;
  readonly app: FastifyInstance;
  readonly publisher: LookupPublisher;
  readonly url: string;
}

/**
 * The real app with the look-up routes over an indexing environment, listening on a free port of
 * 127.0.0.1, publishing into DATA_DIR/lookup and reloading the key file after a rotation, as the server
 * does. `rateLimit` (e.g. "6/1h") limits each client; null: no limits.
 */
export async function serveLookup(env: IndexingEnv, rateLimit: string | RateLimiter | null = null): Promise<Served> {
  const logger = createLogger({ level: 'silent' });
  const publisher = await createLookupPublisher(env.indexing, {
    dir: join(env.dataDir, 'lookup'),
    logger,
    reload: () => createIndexing(env.config, env.services, logger),
  });
  const limiter =
    typeof rateLimit === 'object'
      ? rateLimit
      : rateLimit
        ? createRateLimiter({
            perClient: parseRateRule(rateLimit),
            global: parseRateRule('100000/1s'),
            store: createMemoryRateLimitStore(),
          })
        : null;
  const app = await buildApp({
    catalogue: env.services.catalogue,
    apiKeys: env.services.apiKeys,
    logger,
    checkDatabase: async () => {
      await sql`select 1`.execute(env.services.database.db);
    },
    lookup: {
      publications: publisher,
      activeKey: () => publisher.activeKey(),
      rateLimit: limiter ? (request, cost) => limiter.consume(request.ip, cost) : null,
    },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { env, app, publisher, url: address };
}
