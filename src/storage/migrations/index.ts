import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-catalogue.js';
import * as m0002 from './0002-lookup-index.js';
import * as m0003 from './0003-alerts.js';
import * as m0004 from './0004-organisations.js';
import * as m0005 from './0005-incidents.js';
import * as m0006 from './0006-processor-links.js';
import * as m0007 from './0007-published-breaches.js';
import * as m0008 from './0008-incident-reminders.js';
import * as m0009 from './0009-incident-assessments.js';
import * as m0010 from './0010-campaigns.js';
import * as m0011 from './0011-public-notices.js';
import * as m0012 from './0012-leak-audits.js';
import * as m0013 from './0013-alert-address-keys.js';

/**
 * Every migration, in order. Listed statically (not read from a folder) so that the compiled build and
 * the TypeScript sources migrate identically. Names never change once released.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-catalogue': m0001,
  '0002-lookup-index': m0002,
  '0003-alerts': m0003,
  '0004-organisations': m0004,
  '0005-incidents': m0005,
  '0006-processor-links': m0006,
  '0007-published-breaches': m0007,
  '0008-incident-reminders': m0008,
  '0009-incident-assessments': m0009,
  '0010-campaigns': m0010,
  '0011-public-notices': m0011,
  '0012-leak-audits': m0012,
  '0013-alert-address-keys': m0013,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
