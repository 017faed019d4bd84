// Informing the people of an incident (issue 7; GDPR Art. 34) in real Chromium, on a 375px phone without
// JavaScript, against the real server (`serve`'s own campaign worker and a real SMTP server) and the real
// database (SQLite; the PostgreSQL server): from the incident page to a campaign, started, watched until
// every person with an e-mail address got exactly one; then the public notice, published and read in
// three languages. Every page fits the phone and labels every control.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext } from '../support/browser.js';
import { createCampaignWorld, CAMPAIGN_SLUG, type CampaignWorld } from '../support/campaign.js';
import { postgresUnavailableReason } from '../support/databases.js';
import { skipOutsideCi } from '../support/skip.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const chromiumSkip = await chromiumSkipReason();
const pgSkip = skipOutsideCi(await postgresUnavailableReason());
const PHONE = { width: 375, height: 800 } as const;

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = chromiumSkip || (kind === 'postgres' ? pgSkip : false);

  describe(`informing the people in Chromium (${kind})`, { skip, timeout: 180_000 }, () => {
    let world: CampaignWorld;
    let smtp: TestSmtpServer;
    let server: RunningServer;
    let browser: Browser;
    let origin: string;

    before(async () => {
      world = await createCampaignWorld(kind, 30);
      smtp = await startTestSmtpServer();
      // The server on the world's database and keys, sending campaigns itself through the test SMTP server.
      const env = { ...world.env, PORT: '0', HOST: '127.0.0.1', PUBLIC_BASE_URL: '', CAMPAIGN_SMTP_URL: smtp.url };
      server = await startServer(loadConfig(env), createLogger({ level: 'silent' }));
      origin = new URL(server.url).origin;
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await smtp?.close();
      await world?.close();
    });

    const fits = async (page: Page, where: string) => {
      // After a form post the new page may still be loading its stylesheet: measure the finished page.
      await page.waitForLoadState('load');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px on ${where}`);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input:not([type="hidden"]), select, textarea')]
          .filter((e) => !(e as HTMLInputElement).labels?.length)
          .map((e) => e.id),
      );
      assert.deepEqual(unlabelled, [], `unlabelled controls on ${where}`);
    };

    it('creates a campaign from the incident, starts it and watches every e-mail go out; then publishes the public notice', async () => {
      const guard = await newGuardedContext(browser, { locale: 'fr-FR', viewport: PHONE, javaScriptEnabled: false });
      try {
        const page = await guard.newPage();
        await page.goto(`${origin}/console/sign-in?lang=fr`);
        await page.getByLabel('Adresse e-mail').fill('dpo@colis.example');
        await page.getByLabel('Mot de passe').fill('a long enough password');
        await page.getByRole('button', { name: 'Se connecter' }).click();

        await page.goto(`${origin}/console/colis/incidents/${world.incidentId}?lang=fr`);
        await page.getByRole('link', { name: 'Informer les personnes' }).click();
        assert.equal(await page.locator('h1').textContent(), 'Informer les personnes');
        await fits(page, 'inform the people');

        await page.getByLabel('Nom', { exact: true }).fill('Information des clients');
        await page.locator('#campaign-channel-1').selectOption('email');
        await page.locator('#campaign-channel-2').selectOption('');
        await page.locator('#campaign-channel-3').selectOption('');
        await page.getByRole('button', { name: 'Créer le brouillon' }).click();
        assert.equal(await page.locator('[data-state]').first().getAttribute('data-state'), 'draft');
        assert.equal(await page.locator('.campaign-check').getAttribute('data-complete'), 'true', 'the starting French e-mail passes');
        await fits(page, 'draft campaign');

        await page.getByRole('button', { name: 'Lancer l’envoi' }).click();
        const expected = new Set(world.people.map((p) => p.email).filter((e): e is string => e !== null)).size;
        assert.ok(expected > 0);
        // The server's worker sends; the page is reloaded (as its meta refresh does) until the campaign completes.
        let state = '';
        for (let i = 0; i < 60 && state !== 'completed'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await page.reload();
          state = (await page.locator('dd [data-state]').getAttribute('data-state')) ?? '';
          if (state === 'running') {
            assert.equal(await page.locator('meta[http-equiv="refresh"]').getAttribute('content'), '5');
            await fits(page, 'running campaign');
          }
        }
        assert.equal(state, 'completed');
        assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0, 'a finished campaign stops reloading');
        assert.equal(await page.locator('tr[data-channel="email"] td[data-state="sent"]').textContent(), String(expected));
        const got = smtp.received.flatMap((m) => m.to);
        assert.equal(got.length, expected, 'one e-mail per person with an address');
        assert.equal(new Set(got).size, got.length, 'nobody got two');
        await fits(page, 'completed campaign');

        // The public notice: the French words come from the incident; English and Swedish are written here.
        await page.getByRole('link', { name: 'Retour à l’information des personnes' }).click();
        await page
          .locator('#notice-consequences-en')
          .fill('Your data could be used for phishing by text message or e-mail, for example fake delivery notices.');
        await page
          .locator('#notice-consequences-sv')
          .fill('Dina uppgifter kan användas för bedrägeriförsök via sms eller e-post, till exempel falska leveransaviseringar.');
        await page
          .locator('#notice-measures-en')
          .fill('We have closed the server, changed every access and filed a complaint with the police.');
        await page.locator('#notice-measures-sv').fill('Vi har stängt servern, bytt alla behörigheter och polisanmält incidenten.');
        await page.getByRole('button', { name: 'Publier l’avis' }).click();
        assert.equal(await page.locator(`li[data-notice="${CAMPAIGN_SLUG}"]`).getAttribute('data-withdrawn'), 'false');
        await fits(page, 'inform the people, notice published');
        await page.getByRole('link', { name: 'Lire l’avis public' }).click();
        assert.equal(await page.locator('h1').textContent(), 'Colis Express : une violation de données personnelles');
        await fits(page, 'public notice (fr)');
        for (const [lang, heading] of [
          ['en', 'What you should do'],
          ['sv', 'Vad du bör göra'],
        ] as const) {
          await page.goto(`${origin}/notices/${CAMPAIGN_SLUG}?lang=${lang}`);
          assert.equal(await page.locator('section[data-section="advice"] h2').textContent(), heading);
          assert.match(
            (await page.locator('section[data-section="advice"] a').getAttribute('href')) ?? '',
            new RegExp(`^/check\\?lang=${lang}#plan=`),
          );
          await fits(page, `public notice (${lang})`);
        }
        guard.assertClean();
      } finally {
        await guard.close();
      }
    });
  });
}
