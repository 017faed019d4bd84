import { strict as assert } from 'node:assert';
import type { FastifyInstance } from 'fastify';
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

/** A signed-in browser, as the console's forms need it: the session cookie and its anti-forgery token. */
export interface ConsoleBrowser {
  readonly cookie: string;
  readonly csrf: string;
}

/** Signs in with the console's own form (a real password check) and reads the session's anti-forgery token. */
export async function signInToConsole(
  app: FastifyInstance,
  organisations: Pick<Organisations, 'session'>,
  email: string,
  password: string,
): Promise<ConsoleBrowser> {
  const res = await app.inject({
    method: 'POST',
    url: '/console/sign-in?lang=en',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password }).toString(),
  });
  assert.equal(res.statusCode, 303, res.body);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const session = await organisations.session(cookie.split('=')[1]);
  return { cookie, csrf: session!.csrfToken };
}
