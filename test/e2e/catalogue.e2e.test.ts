// End-to-end: the real server (SQLite in a fresh directory, seeded) driven by real Chromium.
// Skipped with a message when Chromium is missing, except in CI, where a missing browser fails the run.
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext, type GuardedContext } from '../support/browser.js';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const DESKTOP = { width: 1280, height: 900 } as const;
const MOBILE = { width: 375, height: 740 } as const;

const SEED_TITLES = {
  viamedis: 'Viamedis third-party payment breach',
  almerys: 'Almerys third-party payment breach',
  chronopost: 'Chronopost customer data breach',
  ircantec: 'Caisse des Dépôts Ircantec pension fund breach',
  folksam: 'Folksam customer data shared with tech companies',
} as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('catalogue pages in Chromium', { skip: await chromiumSkipReason(), timeout: 90_000 }, () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let origin: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    server = await startServer(config, createLogger({ level: 'silent' }));
    origin = new URL(server.url).origin;
    assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    browser = await launchChromium();
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /**
   * Runs `fn` with a page in a fresh context that can reach 127.0.0.1 only, then fails when the page
   * requested anything but the test server, logged a console error or threw.
   */
  async function withPage<T>(options: BrowserContextOptions, fn: (page: Page, guard: GuardedContext) => Promise<T>): Promise<T> {
    const guard = await newGuardedContext(browser, { locale: 'en-GB', viewport: DESKTOP, ...options });
    guard.context.setDefaultTimeout(10_000);
    try {
      const page = await guard.newPage();
      const result = await fn(page, guard);
      guard.assertClean();
      const elsewhere = guard.requests.filter((url) => new URL(url).origin !== origin);
      assert.deepEqual(elsewhere, [], `requests to something other than the test server ${origin}`);
      return result;
    } finally {
      await guard.close();
    }
  }

  async function open(page: Page, path: string): Promise<void> {
    const response = await page.goto(`${origin}${path}`);
    assert.ok(response, `no response for ${path}`);
    assert.equal(response.status(), 200, `GET ${path}`);
    assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
  }

  const rowTitles = (page: Page) => page.locator('table tbody tr th[scope="row"] > a').allTextContents();
  const countText = async (page: Page) => ((await page.locator('#results-count').textContent()) ?? '').trim();

  /** Picks an option of a closed <select> with the arrow keys only, as a keyboard user would. */
  async function chooseWithKeyboard(page: Page, selector: string, label: string): Promise<void> {
    const select = page.locator(selector);
    await select.focus();
    await page.keyboard.press('Home');
    const labels = (await select.locator('option').allTextContents()).map((l) => l.trim());
    assert.ok(labels.includes(label), `${selector} has no option "${label}" (has ${labels.join(', ')})`);
    for (let i = 0; i < labels.length; i++) {
      const current = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent?.trim() ?? '');
      if (current === label) return;
      await page.keyboard.press('ArrowDown');
    }
    assert.fail(`could not reach "${label}" in ${selector} with the arrow keys`);
  }

  /** Tabs from the focused element to the form's submit button and presses Enter on it. */
  async function submitWithKeyboard(page: Page): Promise<void> {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const onSubmit = await page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLButtonElement && el.type === 'submit' && el.form?.classList.contains('filters') === true;
      });
      if (onSubmit) {
        await Promise.all([page.waitForURL((url) => url.pathname === '/' && url.search.length > 0), page.keyboard.press('Enter')]);
        await page.waitForLoadState('load');
        return;
      }
    }
    assert.fail('the submit button was not reached with Tab');
  }

  describe('list page', () => {
    it('shows the five seed breaches with the count', async () => {
      await withPage({}, async (page) => {
        await open(page, '/');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal((await page.locator('h1').textContent())?.trim(), 'Breach catalogue');
        assert.equal(await page.locator('table tbody tr').count(), 5);
        assert.deepEqual([...(await rowTitles(page))].map((t) => t.trim()).sort(), Object.values(SEED_TITLES).sort());
        assert.equal(await countText(page), '5 breaches');
        assert.match((await page.locator('table caption').textContent()) ?? '', /Breach catalogue:\s+5 breaches/);
        // Every row links to its breach page.
        const links = await page
          .locator('table tbody tr th a')
          .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        assert.deepEqual([...links].sort(), [
          '/breaches/almerys',
          '/breaches/caisse-des-depots-ircantec',
          '/breaches/chronopost',
          '/breaches/folksam',
          '/breaches/viamedis',
        ]);
      });
    });

    it('filters by country with the keyboard, leaving only Folksam', async () => {
      await withPage({}, async (page) => {
        await open(page, '/');
        await chooseWithKeyboard(page, '#f-country', 'Sweden');
        assert.equal(await page.locator('#f-country').inputValue(), 'SE');
        await submitWithKeyboard(page);
        assert.equal(new URL(page.url()).searchParams.get('country'), 'SE');
        assert.deepEqual(await rowTitles(page), [SEED_TITLES.folksam]);
        assert.equal(await countText(page), '1 breach');
        // The form shows the filter that is applied.
        assert.equal(await page.locator('#f-country').inputValue(), 'SE');
      });
    });

    it('sorts by people affected, the 33-million breaches first', async () => {
      await withPage({}, async (page) => {
        await open(page, '/');
        await chooseWithKeyboard(page, '#f-sort', 'People affected');
        assert.equal(await page.locator('#f-order').inputValue(), 'desc');
        await submitWithKeyboard(page);
        assert.equal(new URL(page.url()).searchParams.get('sort'), 'size');
        const titles = await rowTitles(page);
        assert.equal(titles.length, 5);
        assert.deepEqual(titles.slice(0, 2).sort(), [SEED_TITLES.almerys, SEED_TITLES.viamedis]);
        assert.deepEqual(titles.slice(2), [SEED_TITLES.folksam, SEED_TITLES.chronopost, SEED_TITLES.ircantec]);
        const people = await page.locator('table tbody tr td:nth-of-type(3)').allTextContents();
        assert.deepEqual(
          people.map((p) => p.trim()),
          ['more than 33,000,000', 'more than 33,000,000', 'about 1,000,000', 'about 210,000', 'about 70,000'],
        );
      });
    });
  });

  describe('breach page', () => {
    it('shows the Viamedis key facts, timeline, leaked data and sources', async () => {
      await withPage({}, async (page) => {
        await open(page, '/breaches/viamedis');
        assert.equal((await page.locator('h1').textContent())?.trim(), SEED_TITLES.viamedis);
        assert.match(await page.title(), /^Viamedis third-party payment breach · breachdesk$/);

        const facts = page.locator('section[aria-labelledby="h-facts"]');
        assert.equal((await facts.locator('h2').textContent())?.trim(), 'Key facts');
        const factText = (await facts.innerText()).replace(/\s+/g, ' ');
        assert.match(factText, /Processor \(processes the data on behalf of other organisations\)/);
        assert.match(factText, /Organisations it processes data for 84 organisations/);
        assert.match(factText, /People affected more than 33,000,000/);
        assert.match(factText, /Supervisory authority/);

        const timeline = await page.locator('ol.timeline li').allInnerTexts();
        assert.deepEqual(
          timeline.map((t) => t.replace(/\s+/g, ' ').trim()),
          ['January 2024: Breach began', 'February 2024: Made public'],
        );

        const leaked = page.locator('section[aria-labelledby="h-leaked"]');
        assert.equal((await leaked.locator('h2').textContent())?.trim(), 'What leaked');
        const leakedItems = (await leaked.locator('li').allTextContents()).map((t) => t.trim());
        assert.ok(leakedItems.includes('French social security number (NIR)'), `leaked items: ${leakedItems.join(', ')}`);
        assert.ok(leakedItems.length >= 7, `expected the seven data classes, got ${leakedItems.length}`);

        const sources = await page
          .locator('section[aria-labelledby="h-sources"] a')
          .evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent?.trim() ?? '' })));
        assert.equal(sources.length, 2);
        assert.deepEqual(
          sources.map((s) => new URL(s.href).hostname),
          ['topnews.media', 'www.tf1info.fr'],
        );
        assert.match(sources[0]!.text, /Viamedis and Almerys impact over 33 million people/);

        // The link back to the list keeps the language.
        await Promise.all([
          page.waitForURL((url) => url.pathname === '/'),
          page.getByRole('link', { name: '← Back to the catalogue' }).click(),
        ]);
        assert.equal(await page.locator('table tbody tr').count(), 5);
      });
    });
  });

  describe('language', () => {
    it('follows Accept-Language, remembers the switcher choice and ?lang=en goes back', async () => {
      await withPage({ locale: 'fr-FR', extraHTTPHeaders: { 'Accept-Language': 'fr-FR,fr;q=0.9' } }, async (page, guard) => {
        await open(page, '/');
        assert.equal(await page.getAttribute('html', 'lang'), 'fr');
        assert.equal((await page.locator('h1').textContent())?.trim(), 'Catalogue des violations de données');
        assert.equal(await countText(page), '5 violations');

        await Promise.all([
          page.waitForURL((url) => url.searchParams.get('lang') === 'sv'),
          page.locator('nav.langs').getByRole('link', { name: 'Svenska' }).click(),
        ]);
        assert.equal(await page.getAttribute('html', 'lang'), 'sv');
        assert.equal((await page.locator('h1').textContent())?.trim(), 'Katalog över personuppgiftsincidenter');
        assert.equal(await page.locator('nav.langs a[aria-current="true"]').textContent(), 'Svenska');
        const cookies = await guard.context.cookies(origin);
        assert.equal(cookies.find((c) => c.name === 'lang')?.value, 'sv');

        // No ?lang= and a French Accept-Language: the cookie wins.
        await open(page, '/breaches/viamedis');
        assert.equal(await page.getAttribute('html', 'lang'), 'sv');
        assert.equal((await page.locator('#h-facts').textContent())?.trim(), 'Fakta i korthet');
        assert.match(await page.locator('dl.facts').innerText(), /fler än 33\s000\s000/);

        await open(page, '/breaches/viamedis?lang=en');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal((await page.locator('#h-facts').textContent())?.trim(), 'Key facts');
        await open(page, '/');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal((await page.locator('h1').textContent())?.trim(), 'Breach catalogue');
      });
    });
  });

  describe('without JavaScript', () => {
    it('still filters through the plain form', async () => {
      await withPage({ javaScriptEnabled: false }, async (page) => {
        // Make sure scripts really are off: a probe page whose script would change the title.
        await page.route(`${origin}/__js-probe`, (route) =>
          route.fulfill({ contentType: 'text/html', body: '<title>off</title><script>document.title = "on"</script>' }),
        );
        await page.goto(`${origin}/__js-probe`);
        assert.equal(await page.title(), 'off');

        await open(page, '/');
        assert.equal(await page.locator('table tbody tr').count(), 5);
        await page.locator('#f-country').selectOption({ label: 'Sweden' });
        await Promise.all([
          page.waitForURL((url) => url.searchParams.get('country') === 'SE'),
          page.getByRole('button', { name: 'Apply' }).click(),
        ]);
        assert.deepEqual(await rowTitles(page), [SEED_TITLES.folksam]);

        // Text search, submitted with Enter in the field.
        await open(page, '/');
        await page.locator('#f-text').fill('chronopost');
        await Promise.all([
          page.waitForURL((url) => url.searchParams.get('text') === 'chronopost'),
          page.locator('#f-text').press('Enter'),
        ]);
        assert.deepEqual(await rowTitles(page), [SEED_TITLES.chronopost]);
        assert.equal(await countText(page), '1 breach');

        // "Clear filters" is a plain link back to the whole list.
        await Promise.all([
          page.waitForURL((url) => !url.searchParams.has('text')),
          page.getByRole('link', { name: 'Clear filters' }).click(),
        ]);
        assert.equal(await page.locator('table tbody tr').count(), 5);
      });
    });
  });

  describe('accessibility', () => {
    const pages = [
      { name: 'list (en)', path: '/?lang=en' },
      { name: 'list (sv)', path: '/?lang=sv' },
      { name: 'Viamedis (en)', path: '/breaches/viamedis?lang=en' },
      { name: 'Folksam (fr)', path: '/breaches/folksam?lang=fr' },
    ];

    it('labels every form control', async () => {
      await withPage({}, async (page) => {
        await open(page, '/');
        const controls = await page.locator('select, input:not([type="hidden"]), textarea').evaluateAll((els) =>
          els.map((el) => {
            const control = el as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
            const labels = [...(control.labels ?? [])].map((l) => l.textContent?.trim() ?? '');
            return { id: control.id || control.name, labels };
          }),
        );
        assert.ok(controls.length >= 6, `expected the six filter controls, found ${controls.length}`);
        for (const c of controls) assert.ok(c.labels.length > 0 && c.labels.every((l) => l !== ''), `control ${c.id} has no <label>`);
      });
    });

    it('focuses a visible "Skip to content" link on the first Tab, and it moves focus to the content', async () => {
      await withPage({}, async (page) => {
        await open(page, '/');
        const skip = page.locator('a.skip');
        const hidden = await skip.boundingBox();
        assert.ok(hidden && hidden.x + hidden.width <= 0, 'the skip link is off-screen until focused');

        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement;
          const style = el ? getComputedStyle(el) : undefined;
          return {
            tag: el?.tagName,
            text: el?.textContent?.trim(),
            href: el?.getAttribute('href'),
            outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
          };
        });
        assert.deepEqual(
          { tag: focused.tag, text: focused.text, href: focused.href },
          { tag: 'A', text: 'Skip to content', href: '#main' },
        );
        assert.notEqual(focused.outline.split(' ')[0], 'none', 'the focused skip link shows a focus outline');

        const box = await skip.boundingBox();
        assert.ok(box, 'the skip link has a box');
        assert.ok(box.width > 0 && box.height > 0, 'the skip link has a size');
        assert.ok(
          box.x >= 0 && box.y >= 0 && box.x + box.width <= DESKTOP.width && box.y + box.height <= DESKTOP.height,
          'it is inside the viewport',
        );
        assert.ok(await skip.isVisible());

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal(new URL(page.url()).hash, '#main');
      });
    });

    it('starts every page with a single h1 and skips no heading level', async () => {
      await withPage({}, async (page) => {
        for (const p of pages) {
          await open(page, p.path);
          const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
          assert.equal(levels[0], 1, `${p.name}: the first heading is an h1`);
          assert.equal(levels.filter((l) => l === 1).length, 1, `${p.name}: exactly one h1`);
          levels.forEach((level, i) => {
            if (i > 0) assert.ok(level <= levels[i - 1]! + 1, `${p.name}: heading level jumps from h${levels[i - 1]} to h${level}`);
          });
        }
      });
    });

    it('gives all text a contrast ratio of at least 4.5:1', async () => {
      await withPage({}, async (page) => {
        for (const p of pages) {
          await open(page, p.path);
          const report = await evaluateInPage(page, textContrastReport);
          assert.ok(report.checked > 20, `${p.name}: only ${report.checked} text elements were checked`);
          assert.deepEqual(report.failures, [], `${p.name}: text below 4.5:1`);
        }
        // The skip link, once focused and shown.
        await open(page, '/');
        await page.keyboard.press('Tab');
        const focused = await evaluateInPage(page, textContrastReport);
        assert.deepEqual(focused.failures, [], 'with the skip link shown');
      });
    });

    it('gives every link, image and control an accessible name', async () => {
      await withPage({}, async (page, guard) => {
        const cdp = await guard.context.newCDPSession(page);
        for (const p of pages) {
          await open(page, p.path);
          const images = await page
            .locator('img')
            .evaluateAll((imgs) => imgs.filter((i) => !i.hasAttribute('alt')).map((i) => i.outerHTML));
          assert.deepEqual(images, [], `${p.name}: images without alt`);

          // The names Chromium itself computes for assistive technology.
          const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
            nodes: { ignored: boolean; role?: { value?: string }; name?: { value?: string } }[];
          };
          // Navigation is included because there are two: each needs its own name.
          const named = ['link', 'image', 'img', 'button', 'combobox', 'searchbox', 'textbox', 'navigation'];
          const relevant = nodes.filter((n) => !n.ignored && named.includes(n.role?.value ?? ''));
          assert.ok(relevant.filter((n) => n.role?.value === 'link').length >= 8, `${p.name}: links found in the accessibility tree`);
          const unnamed = relevant.filter((n) => (n.name?.value ?? '').trim() === '').map((n) => n.role?.value ?? '');
          assert.deepEqual(unnamed, [], `${p.name}: elements without an accessible name`);

          // The same check in the DOM, so a failure names the element.
          const emptyLinks = await page
            .locator('a[href]')
            .evaluateAll((as) =>
              as
                .filter(
                  (a) =>
                    (
                      (a.getAttribute('aria-label') ?? '') +
                      (a.textContent ?? '') +
                      [...a.querySelectorAll('img[alt]')].map((i) => i.getAttribute('alt')).join('')
                    ).trim() === '',
                )
                .map((a) => a.outerHTML),
            );
          assert.deepEqual(emptyLinks, [], `${p.name}: links without text`);
        }
        await cdp.detach();
      });
    });
  });

  describe('rendering', () => {
    it('takes full-page screenshots that are real, non-blank PNGs', async () => {
      const blankFull = await withPage({}, async (page) => {
        await page.goto('about:blank');
        return page.screenshot({ fullPage: true });
      });
      assertPng(blankFull, 'about:blank');
      const shots = [
        { file: 'list-en.png', path: '/?lang=en' },
        { file: 'list-sv.png', path: '/?lang=sv' },
        { file: 'viamedis-en.png', path: '/breaches/viamedis?lang=en' },
        { file: 'viamedis-sv.png', path: '/breaches/viamedis?lang=sv' },
      ];
      await withPage({}, async (page) => {
        for (const shot of shots) {
          await open(page, shot.path);
          const file = join(SCREENSHOT_DIR, shot.file);
          await page.screenshot({ fullPage: true, path: file });
          const png = await readFile(file);
          const { width, height } = assertPng(png, shot.file);
          assert.ok(png.length > 15 * 1024, `${shot.file} is only ${png.length} bytes`);
          assert.equal(width, DESKTOP.width, `${shot.file} width`);
          assert.ok(height >= DESKTOP.height, `${shot.file} is ${height}px tall`);
          assert.ok(!png.equals(blankFull), `${shot.file} is the same as about:blank`);
          // Same size as the blank viewport, so a byte comparison means something.
          const viewport = await page.screenshot();
          assert.deepEqual(assertPng(viewport, shot.file), { width: DESKTOP.width, height: DESKTOP.height });
          assert.ok(!viewport.equals(blankFull), `${shot.file}: the visible part is blank`);
        }
      });
    });

    const mobilePaths = [
      '/?lang=en',
      '/?lang=fr',
      '/?lang=sv',
      '/breaches/viamedis?lang=en',
      '/breaches/viamedis?lang=sv',
      '/breaches/folksam?lang=sv',
    ];
    for (const path of mobilePaths) {
      it(`has no horizontal scrollbar on a 375px-wide phone: ${path}`, async () => {
        await withPage({ viewport: MOBILE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, async (page) => {
          await open(page, path);
          if (path === '/?lang=sv' || path === '/breaches/viamedis?lang=en') {
            const name = path === '/?lang=sv' ? 'mobile-list-sv.png' : 'mobile-viamedis-en.png';
            await page.screenshot({ fullPage: true, path: join(SCREENSHOT_DIR, name) });
          }
          const { scrollWidth, culprits } = await evaluateInPage(page, overflowReport);
          assert.ok(
            scrollWidth <= MOBILE.width,
            `${path}: scrollWidth ${scrollWidth} > ${MOBILE.width}; sticking out: ${culprits.join(' | ')}`,
          );
        });
      });
    }
  });
});

/**
 * page.evaluate for a function defined in this file. tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in calls to a `__name` helper that does not exist in the page; supply a no-op one.
 */
async function evaluateInPage<T>(page: Page, fn: () => T): Promise<T> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(); })()`);
}

/** Runs in the page: the document's scroll width and the text and elements that stick out to the right. */
function overflowReport(): { scrollWidth: number; culprits: string[] } {
  const limit = document.documentElement.clientWidth;
  const culprits: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().right > limit + 0.5) {
      culprits.push(`text in <${node.parentElement?.tagName.toLowerCase()}>: "${(node.textContent ?? '').trim().slice(0, 50)}"`);
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el.getBoundingClientRect().right > limit + 0.5) culprits.push(`<${el.tagName.toLowerCase()} class="${el.className}">`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8) };
}

function assertPng(png: Buffer, name: string): { width: number; height: number } {
  assert.ok(png.length > 33 && png.subarray(0, 8).equals(PNG_SIGNATURE), `${name} is not a PNG`);
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', `${name} has no IHDR chunk`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Runs in the page: every rendered element with its own text, its colour against the first non-transparent
 * background found walking up (semi-transparent layers composited over white), and the WCAG 2.x ratio.
 */
function textContrastReport(): { checked: number; failures: string[] } {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba | undefined => {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
    if (!m) return undefined;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba): number => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const background = (el: Element): Rgba | string => {
    const layers: Rgba[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.backgroundImage !== 'none') return `background image on ${e.tagName.toLowerCase()}`;
      const bg = parse(style.backgroundColor);
      if (!bg) return `unreadable background ${style.backgroundColor}`;
      if (bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    return layers.reduceRight<Rgba>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const describeEl = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;

  const failures: string[] = [];
  let checked = 0;
  for (const el of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'TEMPLATE'].includes(el.tagName)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    const isControl =
      el instanceof HTMLSelectElement || el instanceof HTMLButtonElement || (el instanceof HTMLInputElement && el.type !== 'hidden');
    if (!ownText && !isControl) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none' || el.getClientRects().length === 0) continue;
    const bg = background(el);
    const fg = parse(style.color);
    if (typeof bg === 'string' || !fg) {
      failures.push(`${describeEl(el)}: ${typeof bg === 'string' ? bg : `unreadable colour ${style.color}`}`);
      continue;
    }
    checked++;
    const r = ratio(over(fg, bg), bg);
    if (r < 4.5)
      failures.push(`${describeEl(el)}: ${r.toFixed(2)}:1 (${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`);
  }
  return { checked, failures };
}
