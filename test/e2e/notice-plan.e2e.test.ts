// The link in a campaign's message (issue 7) opens the person's action plan at once, in Chromium, from the
// kinds of data in the URL fragment, which the browser never sends: no request carries them.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { planLink } from '../../src/modules/campaigns/index.js';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext } from '../support/browser.js';

describe('the action plan from a notice link, in Chromium', { skip: await chromiumSkipReason(), timeout: 120_000 }, () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let origin: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-notice-'));
    server = await startServer(
      loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      createLogger({ level: 'silent' }),
    );
    origin = new URL(server.url).origin;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the plan for the exposed data named in the fragment, and sends none of it', async () => {
    const guard = await newGuardedContext(browser, { locale: 'fr-FR' });
    try {
      const page = await guard.newPage();
      const link = planLink(origin, 'fr', 'chronopost', ['name', 'phone-number', 'postal-address']);
      await page.goto(link);
      await page.locator('#plan').waitFor();
      assert.match((await page.locator('.from-notice').textContent()) ?? '', /Chronopost/);
      const classes = await page.locator('#check-output ul.classes li').evaluateAll((els) => els.map((e) => e.getAttribute('data-class')));
      assert.deepEqual(classes, ['name', 'phone-number', 'postal-address']);
      assert.ok((await page.locator('ol.plan-steps > li').count()) > 0, 'the plan has steps');
      assert.equal(await page.locator('#plan').getAttribute('data-country'), 'FR');
      for (const url of guard.requests) assert.ok(!url.includes('phone-number') && !url.includes('#plan'), `sent: ${url}`);
      guard.assertClean();
    } finally {
      await guard.close();
    }
  });
});
