import { randomBytes } from 'node:crypto';
import { createApiKeys, type ApiKeys } from '../modules/access/index.js';
import { createArgon2PasswordHasher } from '../adapters/argon2-password-hasher.js';
import {
  createAssessments,
  createIncidents,
  createProcessorLinks,
  createPublishing,
  type Assessments,
  type Incidents,
  type ProcessorLinks,
  type Publishing,
} from '../modules/incidents/index.js';
import { createOrganisations, type Organisations } from '../modules/organisations/index.js';
import { createPublicNotices, type PublicNotices } from '../modules/notices/index.js';
import { createLeakAudits, type LeakAudits } from '../modules/leak-audit/index.js';
import { createCatalogue, createCatalogueStore, SEED_BREACHES, type Catalogue } from '../modules/catalogue/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { newId } from '../platform/ids.js';
import type { Logger } from '../platform/logger.js';
import { assertReachable, migrateToLatest, openDatabase, type DatabaseHandle, type DatabaseOptions } from '../storage/database.js';

/** Name under which the seed catalogue is recorded as applied: change it only to ship a new seed set. */
export const SEED_NAME = 'catalogue-seed-v1';

export interface Services {
  readonly database: DatabaseHandle;
  readonly catalogue: Catalogue;
  readonly apiKeys: ApiKeys;
  readonly organisations: Organisations;
  readonly incidents: Incidents;
  readonly processors: ProcessorLinks;
  readonly publishing: Publishing;
  readonly assessments: Assessments;
  readonly notices: PublicNotices;
  readonly leakAudits: LeakAudits;
  close(): Promise<void>;
}

export function databaseOptions(config: Config): DatabaseOptions {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', path: config.sqlitePath };
}

/** The composition root shared by the server and the CLI: opens the database and wires the modules. */
export async function createServices(
  config: Config,
  logger: Logger,
  options: { migrate?: boolean; seed?: boolean; clock?: Clock; database?: DatabaseOptions } = {},
): Promise<Services> {
  const database = openDatabase(options.database ?? databaseOptions(config));
  try {
    await assertReachable(database);
    if (options.migrate ?? true) {
      const applied = await migrateToLatest(database);
      if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    }
    const clock = options.clock ?? systemClock;
    const catalogue = createCatalogue({ store: createCatalogueStore(database), clock, newId });
    const apiKeys = createApiKeys({ db: database.db, clock, newId, randomBytes });
    const organisations = createOrganisations({ db: database.db, clock, newId, randomBytes, passwords: createArgon2PasswordHasher() });
    const incidents = createIncidents({ db: database.db, clock, newId, organisations });
    const processors = createProcessorLinks({ db: database.db, clock, newId, organisations });
    const publishing = createPublishing({ db: database.db, clock, catalogue, incidents, organisations });
    const assessments = createAssessments({ db: database.db, clock, newId, organisations });
    const notices = createPublicNotices({ db: database.db, clock, newId, organisations, incidents, catalogue });
    if (options.seed ?? config.seed) {
      const added = await catalogue.seedOnce(SEED_NAME, SEED_BREACHES);
      if (added > 0) logger.info({ added }, 'seed catalogue loaded');
    }
    return {
      database,
      catalogue,
      apiKeys,
      organisations,
      incidents,
      processors,
      publishing,
      assessments,
      notices,
      leakAudits: createLeakAudits({ db: database.db, clock, newId, organisations }),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
