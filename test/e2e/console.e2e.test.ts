// The organisation console in real Chromium against the real server and the real database (SQLite; the
// PostgreSQL server) (issue 6): an owner made with `breachdesk org create` signs in, adds an analyst, makes
// a token, records an incident and completes it section by section through the EDPB template's forms (a
// refused field comes back with its path and the input kept), reads the audit log, signs out; the pages
// work without JavaScript (there is none), fit a 375px phone and label every control.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../../src/main/cli.js';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext } from '../support/browser.js';
import { createPostgresSchemaUrl, postgresUnavailableReason } from '../support/databases.js';
import { skipOutsideCi } from '../support/skip.js';

const chromiumSkip = await chromiumSkipReason();
const pgSkip = skipOutsideCi(await postgresUnavailableReason());

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = chromiumSkip || (kind === 'postgres' ? pgSkip : false);

  describe(`the organisation console in Chromium (${kind})`, { skip, timeout: 180_000 }, () => {
    let dataDir: string;
    let server: RunningServer;
    let browser: Browser;
    let origin: string;
    let password: string;
    let env: Record<string, string>;
    let dropSchema: (() => Promise<void>) | undefined;

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-console-'));
      env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
      if (kind === 'postgres') {
        const schema = await createPostgresSchemaUrl();
        env['DATABASE_URL'] = schema.url;
        dropSchema = () => schema.drop();
      }
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
      const args = ['org', 'create', '--slug', 'viamedis', '--name', 'Viamedis', '--country', 'FR'];
      assert.equal(
        await runCli([...args, '--owner-email', 'dpo@viamedis.example', '--owner-name', 'Claire Martin'], io, env),
        0,
        lines.join('\n'),
      );
      password = /initial password for dpo@viamedis\.example[^:]*: (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
      assert.ok(password.length >= 12, 'a random initial password was printed');
      server = await startServer(loadConfig(env), createLogger({ level: 'silent' }));
      origin = new URL(server.url).origin;
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await dropSchema?.();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    const fits = async (page: Page, where: string) => {
      // After a form post the new page may still be loading its stylesheet: measure the finished page.
      await page.waitForLoadState('load');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px on ${where}`);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input:not([type="hidden"]), select')]
          .filter((e) => !(e as HTMLInputElement).labels?.length)
          .map((e) => e.id),
      );
      assert.deepEqual(unlabelled, [], `unlabelled controls on ${where}`);
    };

    it('signs in, manages members and tokens, shows the audit log, and signs out (French, on a phone)', async () => {
      const guard = await newGuardedContext(browser, { locale: 'fr-FR', viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
      try {
        const page = await guard.newPage();
        await page.goto(`${origin}/console/sign-in?lang=fr`);
        await fits(page, 'sign-in');
        await page.getByLabel('Adresse e-mail').fill('dpo@viamedis.example');
        await page.getByLabel('Mot de passe').fill('wrong password, surely');
        await page.getByRole('button', { name: 'Se connecter' }).click();
        assert.match((await page.getByRole('alert').textContent()) ?? '', /incorrect/);
        // The refused sign-in answers 401, which Chromium reports on its console: expected here, and only here.
        const refused = guard.errors.findIndex((e) => /status of 401/.test(e));
        assert.ok(refused >= 0, 'the wrong password was answered with 401');
        guard.errors.splice(refused, 1);

        await page.getByLabel('Adresse e-mail').fill('dpo@viamedis.example');
        await page.getByLabel('Mot de passe').fill(password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByRole('link', { name: 'Viamedis' }).click();
        assert.equal(await page.locator('[data-role]').getAttribute('data-role'), 'owner');
        await fits(page, 'organisation');

        await page.locator('#new-email').fill('analyste@viamedis.example');
        await page.locator('#new-name').fill('Ana Lyste');
        await page.locator('#new-role').selectOption('analyst');
        await page.locator('#new-password').fill('un mot de passe assez long');
        await page.getByRole('button', { name: 'Ajouter' }).click();
        const row = page.locator('tr', { hasText: 'analyste@viamedis.example' });
        assert.match((await row.textContent()) ?? '', /Analyste/);

        await page.getByRole('link', { name: 'Jetons d’API' }).click();
        await page.getByLabel('Usage du jeton').fill('export du registre');
        await page.getByRole('button', { name: 'Créer un jeton' }).click();
        const token = (await page.locator('#fresh-token').textContent()) ?? '';
        assert.match(token, /^bdt_/);
        await fits(page, 'tokens');
        const res = await fetch(`${origin}/api/v1/orgs/viamedis/members`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 200);
        // The token records an incident; the command line exports it and the register.
        const made = await fetch(`${origin}/api/v1/orgs/viamedis/incidents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Intrusion, tiers payant', timeline: { awarenessAt: '2024-01-29T09:00:00Z' } }),
        });
        assert.equal(made.status, 201);
        const incidentId = ((await made.json()) as { incident: { id: string } }).incident.id;
        const cli = async (args: string[]) => {
          const lines: string[] = [];
          const code = await runCli(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, env);
          return { code, text: lines.join('\n') };
        };
        const register = await cli(['register', 'export', '--org', 'viamedis', '--format', 'csv']);
        assert.equal(register.code, 0, register.text);
        assert.match(register.text, /Intrusion, tiers payant/);
        const exported = await cli(['incident', 'export', '--org', 'viamedis', '--id', incidentId]);
        assert.equal(exported.code, 0, exported.text);
        assert.equal((JSON.parse(exported.text) as { incident: { title: string } }).incident.title, 'Intrusion, tiers payant');
        assert.notEqual((await cli(['incident', 'export', '--org', 'almerys', '--id', incidentId])).code, 0);

        // An incident recorded in the console, with its 72-hour clock; the notification is refused until
        // the record has what Art. 33(3) requires, then issued.
        await page.goto(`${origin}/console/viamedis?lang=fr`);
        await page.locator('#incident-title').fill('Accès frauduleux au portail');
        await page.locator('#incident-awareness').fill('2024-01-29T09:00');
        await page.locator('#incident-description').fill('Identifiants d’un professionnel de santé utilisés par un tiers.');
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        assert.equal(await page.locator('[data-clock]').getAttribute('data-clock'), 'overdue');
        await fits(page, 'incident');
        await page.getByRole('button', { name: 'Émettre la notification' }).click();
        const missing = await page
          .locator('[role="alert"] li[data-path]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
        assert.ok(missing.includes('delayReason'), `the delay reason is asked for: ${missing.join(', ')}`);
        guard.errors.splice(0, guard.errors.length, ...guard.errors.filter((e) => !/status of 422/.test(e)));
        // The JSON editor, now the advanced option, refuses what is not JSON, saying where, and keeps the text.
        await page.locator('details.advanced > summary').click();
        await page.locator('#incident-json').fill('{ "title": ');
        await page
          .locator('#incident-json')
          .locator('xpath=ancestor::form')
          .getByRole('button', { name: 'Enregistrer', exact: true })
          .click();
        assert.match((await page.locator('[role="alert"] li[data-path="document"]').textContent()) ?? '', /line 1/);
        guard.errors.splice(0, guard.errors.length, ...guard.errors.filter((e) => !/status of 400/.test(e)));
        // The essentials form completes what Art. 33(3) needs, without JSON.
        await page.locator('#ess-nature-confidentiality').check();
        await page.locator('#ess-classes').selectOption(['name', 'fr-nir']);
        await page.locator('#ess-precision').selectOption('approximate');
        await page.locator('#ess-count').fill('1200');
        await page.locator('#ess-contact-name').fill('DPO');
        await page.locator('#ess-contact-email').fill('dpo@viamedis.example');
        await page.locator('#ess-consequences').fill('Hameçonnage ciblé.');
        await page.locator('#ess-measures').fill('Compte désactivé, mots de passe réinitialisés.');
        await page.locator('#ess-delay').fill('Découverte pendant un week-end ; analyse des journaux nécessaire.');
        await page.locator('#ess-delay').locator('xpath=ancestor::form').getByRole('button', { name: 'Enregistrer', exact: true }).click();
        await page.getByRole('button', { name: 'Émettre la notification' }).click();
        assert.equal(await page.locator('tr[data-version="1"]').count(), 1, 'version 1 issued');
        assert.equal(await page.locator('[data-clock]').getAttribute('data-clock'), 'notified-late');
        const incidentPage = page.url();

        // The rest of the EDPB template, section by section, without JSON. The timeline first: a refused
        // field comes back with its path, the rest of what was typed kept, and nothing saved.
        await page.locator('li[data-section="timeline"] a').click();
        await fits(page, 'timeline section');
        assert.equal(await page.locator('#f-timeline-awarenessAt').inputValue(), '2024-01-29T09:00', 'the stored awareness, in UTC');
        await page.getByLabel('Date de la violation').selectOption('range');
        await page.locator('#f-timeline-occurredFrom').fill('2024-01-27');
        await page.locator('#f-timeline-occurredTo').fill('2024-01-28');
        await page.getByLabel('Découverte par').selectOption('other');
        await page.locator('#f-timeline-discoveredBy-notifiedAt').fill('2024-01-29T08:15');
        await page.locator('#f-timeline-comments').fill('Journaux du portail conservés 90 jours.');
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        const refusedPaths = await page
          .locator('[role="alert"] li[data-path]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
        assert.deepEqual(refusedPaths, ['timeline.discoveredBy.description']);
        assert.equal(await page.locator('#f-timeline-discoveredBy-description').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#f-timeline-comments').inputValue(), 'Journaux du portail conservés 90 jours.');
        assert.equal(await page.locator('#f-timeline-occurredFrom').inputValue(), '2024-01-27');
        guard.errors.splice(0, guard.errors.length, ...guard.errors.filter((e) => !/status of 400/.test(e)));
        await fits(page, 'timeline section, refused');
        await page.getByLabel('Circonstances de la découverte').fill('Un assuré a signalé un courriel d’hameçonnage à son nom.');
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        assert.equal(await page.getByRole('status').textContent(), 'Enregistré.');

        // Communication to the individuals.
        await page.locator('nav.section-nav').getByRole('link', { name: 'Communication aux personnes concernées' }).click();
        await page.locator('#f-communication-status').selectOption('done');
        await page.locator('#f-communication-at').fill('2024-02-02');
        await page.getByLabel('Courrier', { exact: true }).check();
        await page.getByLabel('Courriel', { exact: true }).check();
        await page.locator('#f-communication-people-precision').selectOption('exact');
        await page.locator('#f-communication-people-count').fill('1200');
        await page.locator('#f-communication-allInformed').selectOption('true');
        await page
          .locator('#f-communication-content')
          .fill('Madame, Monsieur, vos données de tiers payant ont été consultées par un tiers.');
        await fits(page, 'communication section');
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        assert.equal(await page.getByRole('status').textContent(), 'Enregistré.');

        // Other authorities: repeatable rows, a blank one between two filled ones is ignored.
        await page.locator('nav.section-nav').getByRole('link', { name: 'Autres autorités' }).click();
        assert.equal(await page.locator('fieldset.row').count(), 2, 'two blank rows to start with');
        await page.locator('#f-otherAuthorities-0-kind').selectOption('police');
        await page.locator('#f-otherAuthorities-0-name').fill('Police nationale');
        await page.locator('#f-otherAuthorities-0-caseReference').fill('PV 2024/118');
        await page.locator('#f-otherAuthorities-0-informedAt').fill('2024-01-30T10:00');
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        assert.equal(await page.locator('fieldset.row').count(), 3, 'the saved row and two blank ones');
        await page.locator('#f-otherAuthorities-2-kind').selectOption('csirt');
        await page.locator('#f-otherAuthorities-2-name').fill('ANSSI (CERT-FR)');
        await fits(page, 'other authorities section');
        await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
        assert.equal(await page.locator('fieldset.row').count(), 4);

        const saved = await fetch(`${origin}/api/v1/orgs/viamedis/incidents/${/incidents\/([0-9A-Z]{26})/.exec(incidentPage)![1]!}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const record = ((await saved.json()) as { incident: Record<string, unknown> }).incident;
        assert.deepEqual(record['timeline'], {
          occurrence: 'range',
          occurredFrom: '2024-01-27',
          occurredTo: '2024-01-28',
          awarenessAt: '2024-01-29T09:00:00Z',
          discoveredBy: {
            by: 'other',
            description: 'Un assuré a signalé un courriel d’hameçonnage à son nom.',
            notifiedAt: '2024-01-29T08:15:00Z',
          },
          comments: 'Journaux du portail conservés 90 jours.',
        });
        assert.deepEqual(record['communication'], {
          status: 'done',
          at: '2024-02-02',
          channels: ['email', 'letter'],
          people: { precision: 'exact', count: 1200 },
          allInformed: true,
          content: 'Madame, Monsieur, vos données de tiers payant ont été consultées par un tiers.',
        });
        assert.deepEqual(record['otherAuthorities'], [
          { kind: 'police', name: 'Police nationale', caseReference: 'PV 2024/118', informedAt: '2024-01-30T10:00:00Z' },
          { kind: 'csirt', name: 'ANSSI (CERT-FR)' },
        ]);
        assert.deepEqual(record['dataClasses'], ['name', 'fr-nir'], 'what the essentials form saved is kept');
        await page.goto(incidentPage);

        // The risk assessment: the tool proposes from the factors and their reasons, the person decides.
        await page.locator('#dpcReason').fill('NIR et nom : usurpation possible');
        await page.locator('#ei').selectOption('maximum');
        await page.locator('#eiReason').fill('nom et NIR identifient directement');
        await page.locator('#confidentiality').selectOption('published-or-unknown-recipients');
        await page.locator('#cbReason').fill('identifiants utilisés par un tiers inconnu');
        await page.locator('#malicious').check();
        await page.locator('#consequences').selectOption('severe');
        await page.locator('#people').fill('1200');
        await page.getByRole('button', { name: 'Établir la proposition' }).click();
        assert.equal(await page.locator('[data-notify]').getAttribute('data-notify'), 'true');
        assert.equal(await page.locator('[data-inform]').getAttribute('data-inform'), 'required');
        assert.ok((await page.locator('ol.reasons li').count()) > 3, 'the reasons are shown');
        await fits(page, 'proposal');
        await page.locator('#decision-reason').fill('Risque élevé pour les assurés : information individuelle.');
        await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
        const incidentUrl = page.url();
        const assessed = await fetch(`${origin}/api/v1/orgs/viamedis/incidents/${/incidents\/([0-9A-Z]{26})/.exec(incidentUrl)![1]!}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const riskOutcome = ((await assessed.json()) as { incident: { riskOutcome: { level: string; decision: { reason: string } } } })
          .incident.riskOutcome;
        assert.equal(riskOutcome.level, 'high');
        assert.match(riskOutcome.decision.reason, /information individuelle/);

        // Publishing the public catalogue entry from the incident.
        await page.goto(incidentUrl);
        await page.locator('#publish-slug').fill('viamedis-portail-2024');
        await page.locator('#sector').selectOption('health-insurance');
        await page
          .locator('#descriptionEn')
          .fill('Credentials of a health professional were used to access the third-party payment portal.');
        await page
          .locator('#descriptionFr')
          .fill('Les identifiants d’un professionnel de santé ont servi à accéder au portail de tiers payant.');
        await page.locator('#descriptionSv').fill('En vårdgivares inloggningsuppgifter användes för att komma åt portalen.');
        await page.locator('#source-url').fill('https://www.viamedis.example/avis');
        await page.locator('#source-title').fill('Avis aux assurés');
        await page.getByRole('button', { name: 'Publier' }).click();
        assert.match(page.url(), /\/breaches\/viamedis-portail-2024\?lang=fr$/);
        assert.match((await page.locator('h1').textContent()) ?? '', /Accès frauduleux au portail/);

        // The check of a draft to individuals.
        await page.goto(`${origin}/console/viamedis/communication-check?lang=fr`);
        await page.locator('#draft').fill('Bonjour, nous avons détecté un incident de sécurité. Restez vigilants. Cordialement.');
        await page.getByRole('button', { name: 'Vérifier' }).click();
        assert.equal(await page.locator('section.report').getAttribute('data-complete'), 'false');
        const missingElements = await page
          .locator('li[data-present="false"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-element')));
        for (const element of ['nature', 'contact-point', 'consequences', 'measures'])
          assert.ok(missingElements.includes(element), element);
        await fits(page, 'communication check');

        await page.goto(`${origin}/console/viamedis/audit?lang=fr`);
        const actions = await page.locator('table.audit td[data-label="Quoi"]').allTextContents();
        for (const a of [
          'organisation.create',
          'member.add',
          'token.create',
          'incident.create',
          'incident.update',
          'incident.notify',
          'incident.assess',
        ]) {
          assert.ok(actions.includes(a), `${a} in the audit log`);
        }
        await fits(page, 'audit');

        await page.goto(`${origin}/console/viamedis?lang=fr`);
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await page.goto(`${origin}/console`);
        assert.match(page.url(), /\/console\/sign-in/);
        guard.assertClean();
      } finally {
        await guard.close();
      }
    });
  });
}
