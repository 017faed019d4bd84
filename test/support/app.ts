import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createApiKeys, type ApiKeys } from '../../src/modules/access/index.js';
import { createCatalogue, createCatalogueStore, SEED_BREACHES, type Catalogue } from '../../src/modules/catalogue/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import { createOprfEvaluator, createOprfKey, randomSecretKey } from '../../src/modules/oprf/index.js';
import { buildApp } from '../../src/web/app.js';
import { createAlertCrypto } from '../../src/adapters/alert-crypto.js';
import { createArgon2PasswordHasher } from '../../src/adapters/argon2-password-hasher.js';
import { createOrganisations } from '../../src/modules/organisations/index.js';
import { deskModules } from './desk.js';
import { createAlerts, createAlertsStore } from '../../src/modules/alerts/index.js';
import { createSqliteTestDatabase, type TestDatabase } from './databases.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly catalogue: Catalogue;
  readonly apiKeys: ApiKeys;
  readonly db: TestDatabase;
  /** A valid write key. */
  readonly key: string;
  /** Everything the app logged, as text: searched for secrets and identifiers. */
  logs(): string;
  close(): Promise<void>;
}

/** The real app on a fresh seeded SQLite database, driven in memory with `app.inject`. */
export async function createTestApp(options: { database?: () => Promise<TestDatabase> } = {}): Promise<TestApp> {
  const db = await (options.database ?? createSqliteTestDatabase)();
  // Each reading moves the clock one second on, so every write has its own instant, as in real use.
  const base = fixedClock('2026-02-01T08:00:00Z');
  const clock = {
    now: () => {
      base.advance(1000);
      return base.now();
    },
  };
  const catalogue = createCatalogue({ store: createCatalogueStore(db.handle), clock, newId });
  await catalogue.seedOnce('test-seed', SEED_BREACHES);
  const apiKeys = createApiKeys({ db: db.handle.db, clock, newId, randomBytes });
  const { key } = await apiKeys.create('test writer', 'test');
  const stream = new PassThrough();
  let logText = '';
  stream.on('data', (chunk: Buffer) => {
    logText += chunk.toString('utf8');
  });
  // The look-up routes with a real key and evaluator, before any publication (the manifest answers 503).
  const evaluator = await createOprfEvaluator(
    createOprfKey(
      1,
      randomSecretKey((n) => new Uint8Array(randomBytes(n))),
    ),
    'auto',
  );
  const app = await buildApp({
    catalogue,
    apiKeys,
    lookup: { publications: { current: () => null }, activeKey: () => ({ evaluator, epoch: 1 }), rateLimit: null },
    desk: deskModules(
      db.handle.db,
      clock,
      createOrganisations({ db: db.handle.db, clock, newId, randomBytes, passwords: createArgon2PasswordHasher() }),
      catalogue,
    ),
    // Alerts on the real store; this app sends no mail (test/alerts.test.ts does, through a real SMTP server).
    alerts: {
      alerts: createAlerts({
        store: createAlertsStore(db.handle.db),
        ...createAlertCrypto(new Uint8Array(randomBytes(32)), 'test-alerts-key'),
        mailer: {
          send: () => Promise.reject(new Error('the in-memory test app sends no mail')),
        },
        links: {
          confirm: (t) => `http://test/alerts/confirm?token=${t}`,
          unsubscribe: (t) => `http://test/alerts/unsubscribe?token=${t}`,
          unsubscribeOneClick: (t) => `http://test/alerts/unsubscribe?token=${t}`,
          check: () => 'http://test/check',
        },
        clock,
        newId: () => newId(clock.now()),
        logger: createLogger({ level: 'silent' }),
        activeEpoch: () => 1,
      }),
      rateLimit: null,
    },
    logger: createLogger({ level: 'debug', destination: stream }),
    checkDatabase: async () => {
      await sql`select 1`.execute(db.handle.db);
    },
  });
  return {
    app,
    catalogue,
    apiKeys,
    db,
    key,
    logs: () => logText,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}
