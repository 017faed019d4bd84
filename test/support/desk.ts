import type { Kysely } from 'kysely';
import type { Catalogue } from '../../src/modules/catalogue/index.js';
import { createCampaigns, createCampaignsStore } from '../../src/modules/campaigns/index.js';
import { createAssessments, createIncidents, createProcessorLinks, createPublishing } from '../../src/modules/incidents/index.js';
import { createPublicNotices } from '../../src/modules/notices/index.js';
import { createLeakAudits } from '../../src/modules/leak-audit/index.js';
import type { Organisations } from '../../src/modules/organisations/index.js';
import type { Clock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import type { DatabaseSchema } from '../../src/storage/schema.js';

/** The desk's modules wired as src/main/services.ts wires them, for apps built in tests. */
export function deskModules(
  db: Kysely<DatabaseSchema>,
  clock: Clock,
  organisations: Organisations,
  catalogue: Catalogue,
  secureCookies = false,
) {
  const incidents = createIncidents({ db, clock, newId, organisations });
  return {
    organisations,
    incidents,
    processors: createProcessorLinks({ db, clock, newId, organisations }),
    publishing: createPublishing({ db, clock, catalogue, incidents, organisations }),
    assessments: createAssessments({ db, clock, newId, organisations }),
    // No contacts key: campaigns cannot be created here (CAMPAIGN_NO_CONTACTS); test/campaign-routes.test.ts uses a real one.
    campaigns: createCampaigns({
      db,
      store: createCampaignsStore(db, { skipLocked: false }),
      clock,
      newId,
      organisations,
      incidents,
      keys: () => Promise.resolve(undefined),
      planBaseUrl: 'https://breachdesk.test',
    }),
    notices: createPublicNotices({ db, clock, newId, organisations, incidents, catalogue }),
    leakAudits: createLeakAudits({ db, clock, newId, organisations }),
    secureCookies,
  };
}
