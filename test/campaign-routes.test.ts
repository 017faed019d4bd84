// Notification campaigns and the public notice over HTTP (issue 7; GDPR Art. 34), on SQLite and the real
// PostgreSQL server, with a breach whose contacts were really kept at ingestion: the JSON API (create,
// check, start refused on an incomplete template, fix, start, pause, resume, cancel; field paths; a stale
// revision), the console pages (field errors that keep the input, the live page, read-only members), every
// campaign and notice route answering 404 to another organisation, and the public notice in three languages.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createCampaignsRuntime, type CampaignsRuntime } from '../src/main/campaigns-runtime.js';
import { defaultTemplates } from '../src/modules/campaigns/index.js';
import { createLogger } from '../src/platform/logger.js';
import { buildApp, registeredRoutes } from '../src/web/app.js';
import { createCampaignWorld, CAMPAIGN_SLUG, type CampaignWorld } from './support/campaign.js';
import { signInToConsole, type ConsoleBrowser } from './support/desk.js';
import { testDatabases } from './support/databases.js';
import { skipOutsideCi } from './support/skip.js';

const PASSWORD = 'a long enough password';
const ROWS = 40;

type Browserish = ConsoleBrowser;

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
  problems?: { channel?: string; locale: string; missing: string[] }[];
}

/** A French e-mail that says what happened but nothing of Art. 34(2)'s contact, consequences or measures. */
const INCOMPLETE = { subject: 'Information', body: 'Bonjour, nous avons détecté un incident. Restez vigilants : {{planLink}}' };

const form = (fields: Record<string, string | readonly string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of typeof v === 'string' ? [v] : v) p.append(k, x);
  return p.toString();
};

for (const database of await testDatabases()) {
  describe(
    `campaigns and public notices over HTTP (${database.name})`,
    { skip: skipOutsideCi(database.skip || null), timeout: 180_000 },
    () => {
      let world: CampaignWorld;
      let runtime: CampaignsRuntime;
      let app: FastifyInstance;
      let owner: Browserish;
      let reader: Browserish;
      let outsider: Browserish;
      let token: string;
      let outsiderToken: string;
      /** The incident's own complete French e-mail, as the service would start it. */
      let complete: { subject?: string; body: string };

      const signIn = (email: string): Promise<Browserish> => signInToConsole(app, world.services.organisations, email, PASSWORD);
      const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
        app.inject({
          method,
          url,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
        });
      const page = (who: Browserish, url: string) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
      const post = (who: Browserish, url: string, fields: Record<string, string | readonly string[]>) =>
        app.inject({
          method: 'POST',
          url,
          headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: form({ ...fields, _csrf: who.csrf }),
        });
      const problem = (res: LightMyRequestResponse) => res.json<Problem>();
      const createDraft = async (name: string, config: Record<string, unknown> = { channels: ['email'] }) => {
        const res = await api('POST', '/api/v1/orgs/colis/campaigns', {
          incidentId: world.incidentId,
          breachSlug: CAMPAIGN_SLUG,
          name,
          config,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json<{ campaign: { id: string; revision: number; state: string; recipients: number } }>().campaign;
      };

      before(async () => {
        world = await createCampaignWorld(database.name, ROWS);
        runtime = await createCampaignsRuntime(world.config, world.services, createLogger({ level: 'silent' }), { senders: [] });
        const s = world.services;
        app = await buildApp({
          catalogue: s.catalogue,
          apiKeys: s.apiKeys,
          logger: createLogger({ level: 'silent' }),
          checkDatabase: async () => {
            await sql`select 1`.execute(s.database.db);
          },
          desk: {
            organisations: s.organisations,
            incidents: s.incidents,
            processors: s.processors,
            publishing: s.publishing,
            assessments: s.assessments,
            campaigns: runtime.campaigns,
            notices: s.notices,
            secureCookies: false,
          },
        });
        await s.organisations.addMember(world.ctx, {
          email: 'lecture@colis.example',
          displayName: 'Lecture',
          role: 'read-only',
          password: PASSWORD,
        });
        await s.organisations.createOrganisation(
          { slug: 'autre', name: 'Autre', country: 'FR' },
          { email: 'dpo@autre.example', displayName: 'DPO Autre', password: PASSWORD },
          'cli:test',
        );
        owner = await signIn('dpo@colis.example');
        reader = await signIn('lecture@colis.example');
        outsider = await signIn('dpo@autre.example');
        const tokenFor = async (who: Browserish, org: string) => {
          const res = await app.inject({
            method: 'POST',
            url: `/api/v1/orgs/${org}/tokens`,
            headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
            payload: { name: 'campaigns' },
          });
          assert.equal(res.statusCode, 201, res.body);
          return res.json<{ token: string }>().token;
        };
        token = await tokenFor(owner, 'colis');
        outsiderToken = await tokenFor(outsider, 'autre');
        const { incident } = await s.incidents.get(world.ctx, world.incidentId);
        const facts = {
          nature: incident.description ?? incident.title,
          consequences: incident.consequences?.description ?? '',
          measures: incident.measures?.taken ?? '',
        };
        complete = defaultTemplates(['email'], ['fr'], { en: facts, fr: facts, sv: facts }).email!.fr!;
      });

      after(async () => {
        await app?.close();
        await runtime?.close();
        await world?.close();
      });

      it('API: create, check, start refused on an incomplete template, fix, then start, pause, resume, cancel', async () => {
        const created = await api('POST', '/api/v1/orgs/colis/campaigns', {
          incidentId: world.incidentId,
          breachSlug: CAMPAIGN_SLUG,
          name: 'Information des clients',
          config: { channels: ['email'], templates: { email: { fr: INCOMPLETE } } },
        });
        assert.equal(created.statusCode, 201, created.body);
        const { campaign, unreadable } = created.json<{
          campaign: { id: string; state: string; recipients: number };
          unreadable: number;
        }>();
        assert.equal(campaign.state, 'draft');
        assert.equal(unreadable, 0);
        assert.ok(campaign.recipients > 0 && campaign.recipients <= ROWS);
        assert.equal(created.headers.location, `/api/v1/orgs/colis/campaigns/${campaign.id}`);
        assert.equal(created.headers.etag, '"1"');
        const url = `/api/v1/orgs/colis/campaigns/${campaign.id}`;

        const check = await api('GET', `${url}/check`);
        assert.equal(check.statusCode, 200);
        const report = check.json<{ complete: boolean; problems: { channel: string; locale: string; missing: string[] }[] }>();
        assert.equal(report.complete, false);
        assert.deepEqual([report.problems[0]?.channel, report.problems[0]?.locale], ['email', 'fr']);
        for (const element of ['contact-point', 'consequences', 'measures'])
          assert.ok(report.problems[0]?.missing.includes(element), element);

        const refused = await api('POST', `${url}/actions/start`);
        assert.equal(refused.statusCode, 422);
        assert.equal(problem(refused).code, 'CAMPAIGN_TEMPLATE_INCOMPLETE');
        assert.ok(problem(refused).problems?.[0]?.missing.includes('contact-point'), 'the problem document says what is missing');
        assert.equal((await api('GET', url)).json<{ campaign: { state: string } }>().campaign.state, 'draft');

        const noRevision = await api('PATCH', url, { templates: { email: { fr: complete } } });
        assert.equal(noRevision.statusCode, 400);
        assert.deepEqual(
          problem(noRevision).errors?.map((e) => e.path),
          ['If-Match'],
        );
        const fixed = await api('PATCH', url, { templates: { email: { fr: complete } } }, { 'if-match': '"1"' });
        assert.equal(fixed.statusCode, 200, fixed.body);
        assert.equal(fixed.headers.etag, '"2"');
        assert.deepEqual((await api('GET', `${url}/check`)).json(), { complete: true, problems: [] });

        const stale = await api('PATCH', url, { rates: { email: 5 } }, { 'if-match': '"1"' });
        assert.equal(stale.statusCode, 409);
        assert.equal(problem(stale).code, 'CAMPAIGN_CONFLICT');

        for (const [action, state] of [
          ['start', 'running'],
          ['pause', 'paused'],
          ['resume', 'running'],
          ['cancel', 'cancelled'],
        ] as const) {
          const res = await api('POST', `${url}/actions/${action}`);
          assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
          assert.equal(res.json<{ campaign: { state: string } }>().campaign.state, state);
        }
        const again = await api('POST', `${url}/actions/resume`);
        assert.equal(again.statusCode, 409);
        assert.equal(problem(again).code, 'CAMPAIGN_STATE_INVALID');

        const read = await api('GET', url);
        assert.equal(read.statusCode, 200);
        const { stats } = read.json<{
          stats: { messages: { email: { cancelled: number; sent: number } }; recipients: Record<string, number> };
        }>();
        assert.equal(stats.messages.email.sent, 0, 'nothing was sent: no worker ran');
        assert.ok(stats.messages.email.cancelled > 0, 'what was queued is cancelled');
        const listed = await api('GET', '/api/v1/orgs/colis/campaigns');
        assert.ok(listed.json<{ campaigns: { id: string }[] }>().campaigns.some((c) => c.id === campaign.id));
        // A running or cancelled campaign's templates are no longer open to change.
        const late = await api(
          'PATCH',
          url,
          { templates: { email: { fr: complete } } },
          { 'if-match': `"${read.json<{ campaign: { revision: number } }>().campaign.revision}"` },
        );
        assert.equal(late.statusCode, 400);
        assert.deepEqual(
          problem(late).errors?.map((e) => e.path),
          ['templates'],
        );
      });

      it('API: says what is wrong with each field, with paths in the request body', async () => {
        const bad = await api('POST', '/api/v1/orgs/colis/campaigns', {
          incidentId: 'not-an-id',
          breachSlug: '',
          name: ' ',
          config: { channels: ['fax', 'email'], locales: ['de'] },
        });
        assert.equal(bad.statusCode, 400);
        const paths = problem(bad).errors?.map((e) => e.path) ?? [];
        for (const p of ['incidentId', 'breachSlug', 'name', 'config.channels.0', 'config.locales.0'])
          assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);

        // The service's own checks of the configuration, under `config.`.
        const service = await api('POST', '/api/v1/orgs/colis/campaigns', {
          incidentId: world.incidentId,
          breachSlug: CAMPAIGN_SLUG,
          name: 'Lettres',
          config: { channels: ['letter'], retentionDays: 999, templates: { letter: { fr: { subject: 'x', body: '{{nir}}' } } } },
        });
        assert.equal(service.statusCode, 400, service.body);
        const servicePaths = problem(service).errors?.map((e) => e.path) ?? [];
        for (const p of ['config.letterSender', 'config.retentionDays', 'config.templates.letter.fr.body']) {
          assert.ok(servicePaths.includes(p), `${p} in ${servicePaths.join(', ')}`);
        }
        const notOurs = await api('POST', '/api/v1/orgs/colis/campaigns', {
          incidentId: world.incidentId,
          breachSlug: 'someone-elses-breach',
          name: 'Pas à nous',
        });
        assert.equal(notOurs.statusCode, 404);
        assert.equal(problem(notOurs).code, 'BREACH_NOT_FOUND');

        const draft = await createDraft('Champs invalides');
        const url = `/api/v1/orgs/colis/campaigns/${draft.id}`;
        const patch = await api(
          'PATCH',
          url,
          { templates: { email: { fr: { body: 'Bonjour {{nir}}' } } }, rates: { email: -1 }, channels: ['sms'] },
          {
            'if-match': '"1"',
          },
        );
        assert.equal(patch.statusCode, 400);
        assert.deepEqual(
          problem(patch).errors?.map((e) => e.path),
          [''],
          'an unknown field is refused before anything else',
        );
        const patch2 = await api(
          'PATCH',
          url,
          { templates: { email: { fr: { body: 'Bonjour {{nir}}' } } }, rates: { email: -1 } },
          { 'if-match': '"1"' },
        );
        assert.equal(patch2.statusCode, 400);
        const patchPaths = problem(patch2).errors?.map((e) => e.path) ?? [];
        for (const p of ['templates.email.fr.body', 'templates.email.fr.subject', 'rates.email'])
          assert.ok(patchPaths.includes(p), `${p} in ${patchPaths.join(', ')}`);
        const action = await api('POST', `${url}/actions/explode`);
        assert.equal(action.statusCode, 400);
        assert.deepEqual(
          problem(action).errors?.map((e) => e.path),
          ['action'],
        );
      });

      it('a read-only member sees campaigns but cannot create, change or act on them', async () => {
        const draft = await createDraft('Lecture seule');
        const pageRes = await page(reader, `/console/colis/campaigns/${draft.id}?lang=en`);
        assert.equal(pageRes.statusCode, 200);
        assert.match(pageRes.body, /Your role lets you follow this campaign, not act on it/);
        assert.doesNotMatch(pageRes.body, /data-action=/);
        assert.doesNotMatch(pageRes.body, /<textarea/);
        const inform = await page(reader, `/console/colis/incidents/${world.incidentId}/campaigns?lang=en`);
        assert.equal(inform.statusCode, 200);
        assert.doesNotMatch(inform.body, /Create the draft/);
        assert.doesNotMatch(inform.body, /name="intent"/, 'no notice form');
        for (const [url, fields] of [
          [`/console/colis/campaigns/${draft.id}/actions/cancel`, {}],
          [`/console/colis/campaigns/${draft.id}/templates`, { revision: '1', 'email.fr.subject': 'x', 'email.fr.body': 'y {{planLink}}' }],
          [`/console/colis/campaigns/${draft.id}/settings`, { revision: '1', 'rate.email': '1', retentionDays: '1', retryHours: '1' }],
          [`/console/colis/incidents/${world.incidentId}/campaigns`, { name: 'x', breachSlug: CAMPAIGN_SLUG, channel1: 'email' }],
          [`/console/colis/incidents/${world.incidentId}/notice`, { slug: CAMPAIGN_SLUG, intent: 'publish' }],
        ] as const) {
          const res = await post(reader, url, fields);
          assert.equal(res.statusCode, 403, `${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
        const viaApi = await app.inject({
          method: 'POST',
          url: `/api/v1/orgs/colis/campaigns/${draft.id}/actions/cancel`,
          headers: { cookie: reader.cookie, 'x-csrf-token': reader.csrf },
        });
        assert.equal(viaApi.statusCode, 403);
        assert.equal(problem(viaApi).code, 'FORBIDDEN');
        assert.equal(
          (await api('GET', `/api/v1/orgs/colis/campaigns/${draft.id}`)).json<{ campaign: { state: string } }>().campaign.state,
          'draft',
        );
      });

      it('another organisation gets 404 on every campaign and notice route, and nothing changes', async () => {
        const draft = await createDraft('Isolation');
        const routes = registeredRoutes(app).filter((r) => /\/campaigns|\/notice/.test(r) && / \/(console|api\/v1\/orgs)\/:org/.test(r));
        assert.ok(routes.length >= 15, `campaign and notice routes: ${routes.join(', ')}`);
        const snapshot = async () => {
          const db = world.services.database.db;
          return JSON.stringify({
            campaigns: await db.selectFrom('campaigns').select(['id', 'state', 'revision', 'config']).orderBy('id').execute(),
            notices: await db.selectFrom('public_notices').selectAll().orderBy('slug').execute(),
            messages: (
              await db
                .selectFrom('campaign_messages')
                .select(sql<number>`count(*)`.as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          });
        };
        const before = await snapshot();
        for (const route of routes) {
          const [method, pattern] = route.split(' ') as [string, string];
          const url = pattern
            .replace(':org', 'colis')
            .replace('/incidents/:id', `/incidents/${world.incidentId}`)
            .replace('/campaigns/:id', `/campaigns/${draft.id}`)
            .replace(':action', 'cancel');
          const fields = { name: 'x', breachSlug: CAMPAIGN_SLUG, channel1: 'email', slug: CAMPAIGN_SLUG, intent: 'publish', revision: '1' };
          const asSession = await app.inject({
            method: method as 'GET',
            url,
            headers: {
              cookie: outsider.cookie,
              'x-csrf-token': outsider.csrf,
              'if-match': '"1"',
              'content-type': url.startsWith('/api/') ? 'application/json' : 'application/x-www-form-urlencoded',
            },
            payload: url.startsWith('/api/') ? JSON.stringify({ rates: { email: 1 } }) : form({ ...fields, _csrf: outsider.csrf }),
          });
          assert.equal(asSession.statusCode, 404, `${route} as another organisation's owner: ${asSession.body.slice(0, 200)}`);
          assert.doesNotMatch(asSession.body, /Isolation|colis-express/, `${route} shows nothing of the other organisation`);
          if (url.startsWith('/api/')) {
            const asToken = await app.inject({
              method: method as 'GET',
              url,
              headers: { authorization: `Bearer ${outsiderToken}`, 'content-type': 'application/json', 'if-match': '"1"' },
              payload: JSON.stringify({ rates: { email: 1 } }),
            });
            assert.equal(asToken.statusCode, 404, `${route} with another organisation's token`);
          }
        }
        // In its own organisation, the outsider does not find the campaign either.
        const own = await app.inject({
          method: 'GET',
          url: `/api/v1/orgs/autre/campaigns/${draft.id}`,
          headers: { authorization: `Bearer ${outsiderToken}` },
        });
        assert.equal(own.statusCode, 404);
        assert.equal(problem(own).code, 'CAMPAIGN_NOT_FOUND');
        assert.equal(await snapshot(), before, 'nothing changed');
      });

      it('console: the incident links to informing the people; the form keeps the input and says what is wrong', async () => {
        const incident = await page(owner, `/console/colis/incidents/${world.incidentId}?lang=en`);
        assert.match(
          incident.body,
          new RegExp(`href="/console/colis/incidents/${world.incidentId}/campaigns\\?lang=en">Inform the people<`),
        );
        const inform = await page(owner, `/console/colis/incidents/${world.incidentId}/campaigns?lang=fr`);
        assert.equal(inform.statusCode, 200);
        assert.match(inform.body, /<h1>Informer les personnes<\/h1>/);
        assert.match(inform.body, new RegExp(`<option value="${CAMPAIGN_SLUG}" selected`));
        for (const id of [
          'campaign-name',
          'campaign-entry',
          'campaign-channel-1',
          'campaign-locale-en',
          'campaign-letter-name',
          'campaign-letter-lines',
        ]) {
          assert.match(inform.body, new RegExp(`<label for="${id}">`), `a label for ${id}`);
        }

        const refused = await post(owner, `/console/colis/incidents/${world.incidentId}/campaigns?lang=en`, {
          name: 'Courriers',
          breachSlug: CAMPAIGN_SLUG,
          channel1: 'letter',
          channel2: 'letter',
          channel3: '',
          letterName: 'Colis Express — Service clients',
          letterLines: '',
        });
        assert.equal(refused.statusCode, 400, refused.body.slice(0, 300));
        assert.match(refused.body, /Not saved. Fix these fields:/);
        assert.match(refused.body, /<li data-path="channels">\s*<a href="#campaign-channel-1">/);
        assert.match(refused.body, /<p class="field-error" id="campaign-channel-1-error">must not name a channel twice<\/p>/);
        assert.match(refused.body, /id="campaign-channel-1"[^>]*aria-invalid="true"/);
        assert.match(refused.body, /value="Colis Express — Service clients"/, 'the input is kept');
        assert.match(refused.body, /<option value="letter" selected>Letter<\/option>/);

        const noContacts = await post(owner, `/console/colis/incidents/${world.incidentId}/campaigns?lang=en`, {
          name: 'Ailleurs',
          breachSlug: 'not-published-here',
          channel1: 'email',
        });
        assert.equal(noContacts.statusCode, 404);
        assert.match(noContacts.body, /id="campaign-entry-error"/);

        const created = await post(owner, `/console/colis/incidents/${world.incidentId}/campaigns?lang=en`, {
          name: 'Par la console',
          breachSlug: CAMPAIGN_SLUG,
          channel1: 'email',
          channel2: 'sms',
          channel3: '',
          locales: 'en',
        });
        assert.equal(created.statusCode, 303, created.body.slice(0, 300));
        assert.match(String(created.headers.location), /^\/console\/colis\/campaigns\/[0-9A-Z]{26}\?lang=en$/);
        const campaignUrl = String(created.headers.location).split('?')[0]!;
        const view = await page(owner, `${campaignUrl}?lang=en`);
        assert.equal(view.statusCode, 200);
        assert.match(view.body, /data-state="draft">Draft</);
        assert.match(view.body, /data-action="start"/);
        assert.match(view.body, /<label for="tpl-email-fr-body">Text<\/label>/);
        assert.match(view.body, /<label for="tpl-sms-en-body">Text<\/label>/);
        assert.doesNotMatch(view.body, /http-equiv="refresh"/, 'a draft does not reload itself');
        assert.match(
          view.body,
          /data-template="email.fr"[\s\S]*?<section class="report"[^>]*data-complete="true"/,
          'the French e-mail passes',
        );
        assert.match(
          view.body,
          /data-template="email.en"[\s\S]*?<section class="report"[^>]*data-complete="false"/,
          'the English e-mail, with the incident’s French words, does not',
        );
        assert.match(view.body, /<li data-problem="email.en">/, 'and it stops the campaign from starting');
        for (const person of world.people.slice(0, 10)) {
          if (person.email) assert.ok(!view.body.includes(person.email), 'no address on the page');
        }
      });

      it('console: messages saved field by field, a stale form refused, and the live page while running', async () => {
        const draft = await createDraft('Console en direct');
        const base = `/console/colis/campaigns/${draft.id}`;
        const wrong = await post(owner, `${base}/templates?lang=en`, {
          revision: '1',
          'email.fr.subject': '',
          'email.fr.body': 'Bonjour {{nir}}, voici votre plan : {{planLink}}',
          'email.en.subject': 'Hello',
          'email.en.body': '',
        });
        assert.equal(wrong.statusCode, 400);
        assert.match(wrong.body, /id="tpl-email-fr-subject"[^>]*aria-invalid="true"/);
        assert.match(wrong.body, /<p class="field-error" id="tpl-email-fr-body-error">uses \{\{nir\}\}/);
        assert.match(wrong.body, /Bonjour \{\{nir\}\}, voici votre plan/, 'the text typed is kept');
        assert.match(wrong.body, /<a href="#tpl-email-en-body">/, 'the English text left empty with a subject is named');

        const stale = await post(owner, `${base}/templates?lang=en`, {
          revision: '0',
          'email.fr.subject': complete.subject ?? '',
          'email.fr.body': complete.body,
        });
        assert.equal(stale.statusCode, 409);
        assert.match(stale.body, /Someone else changed this campaign meanwhile/);

        const incomplete = await post(owner, `${base}/templates?lang=en`, {
          revision: '1',
          'email.fr.subject': INCOMPLETE.subject,
          'email.fr.body': INCOMPLETE.body,
        });
        assert.equal(incomplete.statusCode, 303);
        const refused = await post(owner, `${base}/actions/start?lang=en`, {});
        assert.equal(refused.statusCode, 422);
        assert.match(refused.body, /data-problem="refused"/);
        assert.match(refused.body, /The campaign cannot start until these messages are complete/);
        assert.match(refused.body, /data-problem="email.fr"/);
        assert.match(refused.body, /data-element="contact-point" data-present="false"/);

        const fixed = await post(owner, `${base}/templates?lang=en`, {
          revision: '2',
          'email.fr.subject': complete.subject ?? '',
          'email.fr.body': complete.body,
        });
        assert.equal(fixed.statusCode, 303);
        const settings = await post(owner, `${base}/settings?lang=en`, {
          revision: '3',
          'rate.email': 'fast',
          retentionDays: '400',
          retryHours: '12',
        });
        assert.equal(settings.statusCode, 400);
        assert.match(settings.body, /id="settings-rate-email-error">must be a number/);
        assert.match(settings.body, /value="fast"/);
        const settingsOk = await post(owner, `${base}/settings?lang=en`, {
          revision: '3',
          'rate.email': '20',
          retentionDays: '400',
          retryHours: '12',
        });
        assert.equal(settingsOk.statusCode, 400, 'retention above 365 days is refused by the service');
        assert.match(settingsOk.body, /id="settings-retention-error"/);
        const saved = await post(owner, `${base}/settings?lang=en`, {
          revision: '3',
          'rate.email': '20',
          retentionDays: '30',
          retryHours: '12',
        });
        assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));

        assert.equal((await post(owner, `${base}/actions/start?lang=en`, {})).statusCode, 303);
        const running = await page(owner, `${base}?lang=sv`);
        assert.match(running.body, /<meta http-equiv="refresh" content="5" \/>/);
        assert.match(running.body, /data-state="running">Pågår</);
        assert.match(running.body, /<a href="[^"]*live=off[^"]*">Sluta uppdatera automatiskt<\/a>/);
        assert.match(running.body, /<tr data-channel="email">/);
        assert.match(running.body, /data-label="I kö" data-state="queued">\d+</);
        assert.match(running.body, /data-action="pause"/);
        assert.doesNotMatch(running.body, /<textarea/, 'no editing once started');
        const still = await page(owner, `${base}?lang=en&live=off`);
        assert.doesNotMatch(still.body, /http-equiv="refresh"/);
        assert.match(still.body, /Automatic updates are off/);
        assert.equal((await post(owner, `${base}/actions/pause?lang=en`, {})).statusCode, 303);
        const twice = await post(owner, `${base}/actions/pause?lang=en`, {});
        assert.equal(twice.statusCode, 409);
        assert.match(twice.body, /A paused campaign cannot pause/);
        assert.equal((await post(owner, `${base}/actions/resume?lang=en`, {})).statusCode, 303);
        assert.equal((await post(owner, `${base}/actions/cancel?lang=en`, {})).statusCode, 303);
        const cancelled = await page(owner, `${base}?lang=fr`);
        assert.match(cancelled.body, /data-state="cancelled">Annulée</);
        assert.match(cancelled.body, /data-action="close"/);
      });

      it('the public notice: refused until it passes the Art. 34(2) check in each language, then public in three', async () => {
        const url = `/notices/${CAMPAIGN_SLUG}`;
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404);
        const inform = await page(owner, `/console/colis/incidents/${world.incidentId}/campaigns?lang=en`);
        assert.match(inform.body, /No notice published yet/);
        // The form starts from the incident's French words in every language.
        assert.match(inform.body, /<textarea id="notice-consequences-sv"[^>]*>\s*des tentatives d’hameçonnage/);

        const french = {
          consequences: 'des tentatives d’hameçonnage par SMS ou par e-mail, par exemple de faux avis de livraison.',
          measures: 'nous avons fermé le serveur, changé tous les accès et porté plainte.',
        };
        const untranslated = await post(owner, `/console/colis/incidents/${world.incidentId}/notice?lang=en`, {
          slug: CAMPAIGN_SLUG,
          intent: 'publish',
          'consequences.en': french.consequences,
          'consequences.fr': french.consequences,
          'consequences.sv': french.consequences,
          'measures.en': '',
          'measures.fr': french.measures,
          'measures.sv': french.measures,
        });
        assert.equal(untranslated.statusCode, 422, untranslated.body.slice(0, 300));
        assert.match(untranslated.body, /Not published: the notice lacks what Art. 34\(2\) requires in:/);
        assert.match(untranslated.body, /<li data-problem="en">English: [^<]*measures/);
        assert.doesNotMatch(untranslated.body, /data-problem="fr"/, 'the French notice passes');
        assert.match(untranslated.body, /<textarea id="notice-measures-en"[^>]*>\s*<\/textarea/, 'the input is kept, empty where it was');
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, 'nothing was published');

        const texts = {
          'consequences.en': 'Your data could be used for phishing by text message or e-mail, for example fake delivery notices.',
          'consequences.fr': french.consequences,
          'consequences.sv':
            'Dina uppgifter kan användas för bedrägeriförsök via sms eller e-post, till exempel falska leveransaviseringar.',
          'measures.en': 'We have closed the server, changed every access and filed a complaint with the police.',
          'measures.fr': french.measures,
          'measures.sv': 'Vi har stängt servern, bytt alla behörigheter och polisanmält incidenten.',
        };
        const checked = await post(owner, `/console/colis/incidents/${world.incidentId}/notice?lang=en`, {
          slug: CAMPAIGN_SLUG,
          intent: 'check',
          ...texts,
        });
        assert.equal(checked.statusCode, 200);
        assert.match(checked.body, /The notice has what Art. 34\(2\) requires in every language/);
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, 'checking publishes nothing');
        const published = await post(owner, `/console/colis/incidents/${world.incidentId}/notice?lang=en`, {
          slug: CAMPAIGN_SLUG,
          intent: 'publish',
          ...texts,
        });
        assert.equal(published.statusCode, 303, published.body.slice(0, 300));

        const expected = {
          en: [
            'Colis Express: a personal data breach',
            'What happened',
            'Who to contact',
            'Likely consequences',
            'What we have done',
            'What you should do',
            texts['measures.en'],
          ],
          fr: [
            'Colis Express : une violation de données personnelles',
            'Ce qui s’est passé',
            'Qui contacter',
            'Conséquences possibles',
            'Ce que nous avons fait',
            'Ce que nous vous recommandons',
            french.measures,
          ],
          sv: [
            'Colis Express: en personuppgiftsincident',
            'Vad som hände',
            'Vem du kan kontakta',
            'Troliga konsekvenser',
            'Vad vi har gjort',
            'Vad du bör göra',
            texts['measures.sv'],
          ],
        };
        for (const [lang, words] of Object.entries(expected)) {
          const res = await app.inject({ method: 'GET', url: `${url}?lang=${lang}` });
          assert.equal(res.statusCode, 200, `${lang}: ${res.body.slice(0, 200)}`);
          assert.match(res.body, new RegExp(`<html lang="${lang}">`));
          for (const w of words) assert.ok(res.body.includes(w.replace(/’/g, '’')), `${lang}: ${w}`);
          assert.match(res.body, /dpo@colis\.example/);
          assert.match(
            res.body,
            new RegExp(`<a href="/check\\?lang=${lang}#plan=${CAMPAIGN_SLUG}:name,postal-address,phone-number,email-address">`),
          );
          assert.match(res.body, new RegExp(`href="/breaches/${CAMPAIGN_SLUG}\\?lang=${lang}"`));
          for (const person of world.people.slice(0, 10)) if (person.email) assert.ok(!res.body.includes(person.email));
        }
        const status = await page(owner, `/console/colis/incidents/${world.incidentId}/campaigns?lang=en`);
        assert.match(status.body, new RegExp(`<li data-notice="${CAMPAIGN_SLUG}" data-withdrawn="false">`));
        assert.match(
          status.body,
          /<textarea id="notice-measures-en"[^>]*>\s*We have closed the server/,
          'the form starts from the published text',
        );

        const entry = await app.inject({ method: 'GET', url: `/breaches/${CAMPAIGN_SLUG}?lang=en` });
        assert.match(
          entry.body,
          new RegExp(`<p class="notice"><a href="/notices/${CAMPAIGN_SLUG}\\?lang=en">Read the organisation’s public notice`),
        );

        const withdrawn = await post(owner, `/console/colis/incidents/${world.incidentId}/notice/withdraw?lang=en`, {
          slug: CAMPAIGN_SLUG,
        });
        assert.equal(withdrawn.statusCode, 303);
        const gone = await app.inject({ method: 'GET', url: `${url}?lang=fr` });
        assert.equal(gone.statusCode, 404);
        assert.match(gone.body, /Aucun avis public ici/);
        const unlinked = await app.inject({ method: 'GET', url: `/breaches/${CAMPAIGN_SLUG}?lang=en` });
        assert.equal(unlinked.statusCode, 200);
        assert.doesNotMatch(unlinked.body, /\/notices\//, 'the catalogue page no longer links to it');
        const audit = await world.services.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('subject_type', '=', 'public-notice')
          .orderBy('occurred_at')
          .execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          ['notice.publish', 'notice.withdraw'],
        );
      });
    },
  );
}
