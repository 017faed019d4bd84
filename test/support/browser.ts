import { access, constants } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/adapters/leak-crawler.js';
import { skipOutsideCi } from './skip.js';

/**
 * Real Chromium for the end-to-end tests: Debian's package (scripts/ensure-chromium.sh installs it),
 * driven by playwright-core. Never a downloaded browser build.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * Why the browser tests cannot run here, or false when they can. In CI (CI set) it is always false, so a
 * missing browser fails the run loudly instead of quietly skipping the suite.
 */
export async function chromiumSkipReason(): Promise<string | false> {
  try {
    await access(CHROMIUM_PATH, constants.X_OK);
    return false;
  } catch {
    return skipOutsideCi(
      `Chromium not found at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh (or set CHROMIUM_PATH) to run the browser tests`,
    );
  }
}

/** Only this host may be contacted; everything else is aborted and recorded. */
const ALLOWED_HOSTNAME = '127.0.0.1';

export interface GuardedContext {
  readonly context: BrowserContext;
  /** Every URL the pages requested (http, https, ws, wss), in order. */
  readonly requests: string[];
  /** Requests that went (or tried to go) anywhere but 127.0.0.1; they were aborted. */
  readonly blocked: string[];
  /** Console messages of type "error", and uncaught page errors. */
  readonly errors: string[];
  newPage(): Promise<Page>;
  /** Fails when a page tried to reach another host or reported an error. */
  assertClean(): void;
  close(): Promise<void>;
}

/**
 * A browser context whose pages can reach 127.0.0.1 only: any other request (including WebSockets) is
 * aborted and recorded, and `assertClean()` fails the test. Console errors and page errors are recorded too.
 */
export async function newGuardedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  const block = (url: string): void => {
    if (!blocked.includes(url)) blocked.push(url);
  };
  const allowed = (url: string): boolean => {
    try {
      return new URL(url).hostname === ALLOWED_HOSTNAME;
    } catch {
      return false;
    }
  };

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (allowed(url)) {
      await route.continue();
    } else {
      block(url);
      await route.abort('blockedbyclient');
    }
  });
  await context.routeWebSocket(/.*/, (ws) => {
    const url = ws.url();
    requests.push(url);
    if (allowed(url)) ws.connectToServer();
    else {
      block(url);
      void ws.close({ code: 1008, reason: 'blocked by the e2e network guard' });
    }
  });
  // The route above sees every request the pages make; this also catches any that bypass routing.
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (/^(https?|wss?):/.test(url) && !allowed(url)) block(url);
  });
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
  });

  return {
    context,
    requests,
    blocked,
    errors,
    newPage: () => context.newPage(),
    assertClean() {
      if (blocked.length > 0) throw new Error(`the page tried to reach hosts other than ${ALLOWED_HOSTNAME}:\n${blocked.join('\n')}`);
      if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    },
    close: () => context.close(),
  };
}
