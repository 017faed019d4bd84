// Issue 5 end to end, in real Chromium against the real server, a real SMTP server started here, and the
// real database (SQLite; the PostgreSQL server): a synthetic person is in the Almerys breach; they check,
// get their plan (ticks kept in the browser, PDF made in the browser and rendered to an image here), and
// subscribe to alerts by email with double opt-in. A second breach with them in it (Chronopost) is
// ingested: exactly one alert reaches the SMTP server, with no identifier in it; its link brings them back,
// and their plan now shows the health-refund fraud that only the two breaches together make possible.
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { synthCommand } from '../../src/cli/synth-command.js';
import { runCli } from '../../src/main/cli.js';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext, type GuardedContext } from '../support/browser.js';
import { crossBreachFiles, identifierForms, type CrossBreachPerson } from '../support/cross-breach.js';
import { createPostgresSchemaUrl, postgresUnavailableReason } from '../support/databases.js';
import { pdfText, popplerSkipReason, renderPdfPages } from '../support/pdf.js';
import { skipOutsideCi } from '../support/skip.js';
import { mailText, startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const quietIo = { out: () => undefined, err: () => undefined };
const ALERT_ADDRESS = 'camille.alertes@example.org';

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const chromiumSkip = await chromiumSkipReason();
const pgSkip = skipOutsideCi(await postgresUnavailableReason());

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = chromiumSkip || popplerSkipReason() || (kind === 'postgres' ? pgSkip : false);

  describe(`the personal plan and alerts in Chromium (${kind})`, { skip, timeout: 240_000 }, () => {
    let dataDir: string;
    let smtp: TestSmtpServer;
    let server: RunningServer;
    let browser: Browser;
    let guard: GuardedContext;
    let origin: string;
    let env: Record<string, string>;
    let person: CrossBreachPerson;
    let files: { almerys: string; chronopost: string };
    let dropSchema: (() => Promise<void>) | undefined;
    const lookupRequests: { url: string; body: string }[] = [];

    const ingest = async (file: string, slug: string) => {
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
      assert.equal(await runCli(['ingest', file, '--breach', slug, '--workers', '1'], io, env), 0, lines.join('\n'));
      await server.lookup.refresh();
    };

    const checkAs = async (page: Page): Promise<void> => {
      await page.getByLabel(/NIR/).fill(person.nir);
      await page.locator('#phone').fill(person.phone);
      await page.locator('#check-form button[type="submit"]').click();
      await page.locator('#check-output .found').waitFor();
    };

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-plan-'));
      const viamedis = join(dataDir, 'viamedis.csv');
      assert.equal(
        await synthCommand(['--profile', 'viamedis', '--rows', '50', '--seed', 'plan', '--defects', '0', '--out', viamedis], quietIo),
        0,
      );
      const others = join(dataDir, 'chronopost-others.csv');
      assert.equal(
        await synthCommand(['--profile', 'chronopost', '--rows', '40', '--seed', 'plan', '--defects', '0', '--out', others], quietIo),
        0,
      );
      ({ person, files } = crossBreachFiles(dataDir, await readFile(viamedis, 'utf8'), await readFile(others, 'utf8')));

      smtp = await startTestSmtpServer();
      env = {
        DATA_DIR: join(dataDir, 'data'),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'breachdesk <alerts@breachdesk.test>',
        ALERTS_INTERVAL_SECONDS: '1',
        INGEST_WORKERS: '1',
      };
      if (kind === 'postgres') {
        const schema = await createPostgresSchemaUrl();
        env['DATABASE_URL'] = schema.url;
        dropSchema = () => schema.drop();
      }
      server = await startServer(loadConfig(env), createLogger({ level: 'silent' }));
      origin = new URL(server.url).origin;
      await ingest(files.almerys, 'almerys');
      browser = await launchChromium();
      // One context for the whole story: the ticks live in its localStorage, as in one person's browser.
      guard = await newGuardedContext(browser, { locale: 'fr-FR', acceptDownloads: true });
      guard.context.setDefaultTimeout(20_000);
      guard.context.on('request', (request) => {
        if (request.url().includes('/api/v1/oprf/') || request.url().includes('/api/v1/lookup/')) {
          lookupRequests.push({ url: request.url(), body: request.postData() ?? '' });
        }
      });
    });

    after(async () => {
      await guard?.close();
      await browser?.close();
      await server?.close();
      await smtp?.close();
      await dropSchema?.();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('shows a personal plan for one breach, keeps ticks in the browser, and makes a PDF that renders', async () => {
      const page = await guard.newPage();
      await page.goto(`${origin}/check?lang=fr`);
      await checkAs(page);
      assert.deepEqual(
        await page.locator('#check-output li[data-breach]').evaluateAll((els) => els.map((e) => e.getAttribute('data-breach'))),
        ['almerys'],
      );
      const plan = page.locator('#plan');
      assert.equal(await plan.getAttribute('data-country'), 'FR');
      const steps = await plan.locator('li[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
      assert.ok(steps.includes('beware-phishing') || steps.includes('report-scams'), `general scam advice is there: ${steps.join(', ')}`);
      assert.ok(!steps.includes('check-health-insurance-account'), 'no health-refund step from Almerys alone (no name in it)');
      assert.ok(steps.includes('complain-to-authority'));
      assert.match((await plan.locator('li[data-step="complain-to-authority"]').textContent()) ?? '', /CNIL/);

      // Swedish steps for Sweden, the same person's data.
      await page.locator('#plan-country').selectOption('SE');
      assert.equal(await page.locator('#plan').getAttribute('data-country'), 'SE');
      assert.match((await page.locator('#plan li[data-step="complain-to-authority"]').textContent()) ?? '', /IMY/);
      await page.locator('#plan-country').selectOption('FR');

      // Tick a step: it stays ticked after a reload and a new check, in this browser only.
      const first = steps[0]!;
      await page.locator(`#step-${first}`).check();
      await page.reload();
      await checkAs(page);
      assert.equal(await page.locator(`#step-${first}`).isChecked(), true);
      const stored = await page.evaluate(() => window.localStorage.getItem('breachdesk:plan-ticks:v1'));
      assert.equal(stored, JSON.stringify([first]));

      // The PDF is made in the browser; here it is turned into images and text.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#plan-pdf').click()]);
      assert.match(download.suggestedFilename(), /^breachdesk-plan-\d{4}-\d\d-\d\d\.pdf$/);
      const pdfDir = join(dataDir, 'pdf');
      await mkdir(pdfDir, { recursive: true });
      const pdfPath = join(pdfDir, 'plan.pdf');
      await download.saveAs(pdfPath);
      const pages = await renderPdfPages(pdfPath, pdfDir);
      assert.ok(pages.length >= 1);
      for (const p of pages) {
        assert.ok(p.height > p.width, 'A4 portrait');
        assert.ok(p.inkShare > 0.005 && p.inkShare < 0.5, `page has text, not blank or black (ink ${p.inkShare.toFixed(3)})`);
      }
      const text = await pdfText(pdfPath);
      const title = (await page.locator('#plan-title').textContent()) ?? '';
      assert.ok(text.includes(title), 'the PDF carries the plan title');
      assert.ok(text.includes('Almerys'), 'and the breach');
      for (const form of identifierForms(person)) assert.ok(!text.includes(form), 'the PDF holds no identifier');

      await page.locator('#plan-forget').click();
      assert.equal(await page.evaluate(() => window.localStorage.getItem('breachdesk:plan-ticks:v1')), null);
      await page.close();
    });

    it('subscribes with double opt-in, sends exactly one alert for the second breach, and the plan then shows the combination', async () => {
      const page = await guard.newPage();
      await page.goto(`${origin}/check?lang=fr`);
      await checkAs(page);
      const alerts = page.locator('#alerts');
      assert.equal(await alerts.locator('input[type="checkbox"]').count(), 2, 'one box per checked detail (NIR, phone)');
      await alerts.locator('#alerts-email').fill(ALERT_ADDRESS);
      const [subscribe] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith('/api/v1/alerts/subscriptions')),
        alerts.locator('button[type="submit"]').click(),
      ]);
      await page.locator('.alerts-status[data-state="sent"]').waitFor();
      // What the subscription sends: the address, the language, and derived values only.
      const body = JSON.parse(subscribe.postData() ?? '{}') as { email: string; locale: string; watches: { tag: string }[] };
      assert.equal(body.email, ALERT_ADDRESS);
      assert.equal(body.watches.length, 2);
      for (const form of identifierForms(person))
        assert.ok(!(subscribe.postData() ?? '').includes(form), 'no identifier in the subscription');

      const confirmation = await waitFor('the confirmation email', () => smtp.received.find((m) => m.to.includes(ALERT_ADDRESS)));
      const confirmUrl = /https?:\/\/\S+\/alerts\/confirm\S*/.exec(mailText(confirmation.raw))?.[0];
      assert.ok(confirmUrl, 'the confirmation email has a link');
      await page.goto(confirmUrl);
      await page.getByRole('button', { name: 'Activer les alertes' }).click();
      await page.locator('[data-outcome="confirmed"]').waitFor();
      assert.deepEqual((await server.alerts!.status()).subscriptions, { pending: 0, active: 1 });

      // The second breach. The server's worker (every second) matches it and sends the alert.
      const before = smtp.received.length;
      await ingest(files.chronopost, 'chronopost');
      const alert = await waitFor('the alert', () => (smtp.received.length > before ? smtp.received[before] : undefined));
      await new Promise((r) => setTimeout(r, 3000)); // three more worker ticks: nothing else may arrive
      assert.equal(smtp.received.length, before + 1, 'exactly one alert');
      assert.deepEqual(alert.to, [ALERT_ADDRESS]);
      const text = mailText(alert.raw);
      for (const form of identifierForms(person)) {
        assert.ok(!alert.raw.toLowerCase().includes(form.toLowerCase()), `no identifier in the alert (as "${form.slice(0, 5)}…")`);
      }
      assert.ok(!/chronopost|almerys/i.test(text), 'the alert names no breach');

      // The person follows the link, checks again, and sees the cross-breach scenario in their plan.
      const checkUrl = /https?:\/\/\S+\/check\S*/.exec(text)?.[0];
      assert.ok(checkUrl);
      await page.goto(checkUrl);
      await checkAs(page);
      assert.deepEqual(
        await page.locator('#check-output li[data-breach]').evaluateAll((els) => els.map((e) => e.getAttribute('data-breach'))),
        ['almerys', 'chronopost'],
      );
      const refund = page.locator('#plan li[data-step="check-health-insurance-account"]');
      assert.equal(await refund.count(), 1, 'the health-refund step appears with both breaches');
      const why = (await refund.locator('.why').allTextContents()).join(' ');
      assert.match(why, /Almerys/);
      assert.match(why, /Chronopost/);
      assert.ok(
        (await page.locator('#plan li[data-step="beware-delivery-texts"]').count()) === 1,
        'and the fake-delivery step (Chronopost)',
      );
      assert.match((await page.locator('#plan li[data-step="beware-delivery-texts"]').textContent()) ?? '', /38004/);

      // Nothing the person typed ever left the browser in the look-ups.
      assert.ok(lookupRequests.length > 0);
      for (const r of lookupRequests) {
        for (const form of identifierForms(person)) assert.ok(!`${r.url}\n${r.body}`.includes(form), `identifier in ${r.url}`);
      }
      guard.assertClean();
      await page.close();
    });
  });
}
