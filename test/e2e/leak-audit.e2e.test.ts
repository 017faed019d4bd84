// End-to-end: the whole leak audit (issue 8) on the local leaking shop (test/support/leak-site.ts): one crawl in
// Debian's Chromium in the three consent states, then detect → classify → report; the same from the HAR fixtures;
// then report.html opened in Chromium, on a phone-sized screen, and photographed.
// Done means: every planted leak is a finding (page, field, host, company, consent state and chain), no finding is
// not a planted leak, nothing on the control page /clean, nothing after "Reject all" — on both collection paths.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { createDnsCnameResolver } from '../../src/adapters/dns-cname-resolver.js';
import { launchAuditChromium } from '../../src/adapters/leak-crawler.js';
import { auditHar, runAudit, type AuditRun } from '../../src/main/leak-audit.js';
import type { AuditFinding, AuditReport, ConsentState, ExtraEntity } from '../../src/modules/leak-audit/index.js';
import { CHROMIUM_PATH, chromiumSkipReason } from '../support/browser.js';
import {
  LEAK_AUDIT_CONFIG,
  LEAK_FIXTURES_DIR,
  LEAK_SITE_LEAKS,
  leakSiteChromiumArgs,
  startLeakSite,
  type LeakSite,
  type LeakVendor,
  type PlantedLeak,
} from '../support/leak-site.js';

/** The companies behind the shop's look-alike tracker domains (third-party-web knows only the real ones). */
const SITE_ENTITIES: readonly ExtraEntity[] = [
  { domain: 'facebook.test', company: 'Meta', category: 'ad' },
  { domain: 'google-analytics.test', company: 'Google', category: 'analytics' },
  { domain: 'googleadservices.test', company: 'Google', category: 'ad' },
  { domain: 'googletagmanager.test', company: 'Google', category: 'tag-manager' },
  { domain: 'tiktok.test', company: 'ByteDance', category: 'ad' },
  { domain: 'adobe.test', company: 'Adobe', category: 'analytics' },
  { domain: 'adobedtm.test', company: 'Adobe', category: 'tag-manager' },
  { domain: 'linkedin.test', company: 'LinkedIn', category: 'ad' },
  { domain: 'licdn.test', company: 'LinkedIn', category: 'ad' },
  { domain: 'bing.test', company: 'Microsoft', category: 'ad' },
  { domain: 'clarity.test', company: 'Microsoft', category: 'analytics' },
  { domain: 'hotjar.test', company: 'Hotjar', category: 'analytics' },
];

/**
 * The company each planted leak's vendor must be reported as. smetrics.shop.test is first party by domain: the
 * classifier names Adobe from the collector path /b/ss/ (third-party-web's entry for sc.omtrdc.net).
 */
const COMPANY_OF_VENDOR: Readonly<Record<LeakVendor, string>> = {
  meta: 'Meta',
  'google-analytics': 'Google',
  'google-ads': 'Google',
  tiktok: 'ByteDance',
  adobe: 'Adobe',
  linkedin: 'LinkedIn',
  microsoft: 'Microsoft',
  hotjar: 'Hotjar',
};

/**
 * The test site's chain words → the detector's (src/modules/leak-audit/detect/vocabulary.ts). The two are
 * kept apart on purpose: the site's are written independently of the detector.
 */
const STEP_OF: Readonly<Record<string, string>> = {
  lowercase: 'lower-case',
  'phone-e164': 'e164',
  'sha256-hex': 'sha256-hex',
  'sha256-base64url': 'sha256-base64url',
  base64: 'base64',
  gzip: 'gzip',
  deflate: 'deflate',
  url: 'url',
};

function detectorChain(leak: PlantedLeak): string[] {
  const out: string[] = [];
  for (const step of leak.chain) {
    if (step === 'digits-only') {
      // Digits only after E.164 is Meta's phone rule (e164-digits); on a personnummer it is the 12-digit form.
      if (out[out.length - 1] === 'e164') out[out.length - 1] = 'e164-digits';
      else if (leak.field === 'se-personnummer') out.push('pnr-12');
      else throw new Error(`${leak.id}: no mapping for digits-only on ${leak.field}`);
      continue;
    }
    const mapped = STEP_OF[step];
    if (mapped === undefined) throw new Error(`${leak.id}: no mapping for chain step ${step}`);
    out.push(mapped);
  }
  return out;
}

/**
 * The chain compared: without 'url' and 'json' (the number of 'url' steps is checked apart, as a lower bound). The site counts percent-encoding only where it changes the
 * value's own bytes and never counts a JSON container; the detector adds 'url' when decoding changed the
 * parameter's text (a page title with a space) and names the JSON container. Same wire, different grain.
 */
const core = (chain: readonly string[]): string => chain.filter((s) => s !== 'url' && s !== 'json').join('>');

const pathOf = (url: string): string => new URL(url).pathname;

function matches(finding: AuditFinding, leak: PlantedLeak, consent: ConsentState): boolean {
  return (
    finding.consent === consent &&
    pathOf(finding.page) === leak.page &&
    finding.field === leak.field &&
    finding.recipient.host === leak.host &&
    finding.company === COMPANY_OF_VENDOR[leak.vendor]
  );
}

/** Every planted leak expected in `states`, found or not, and every finding that is no planted leak. */
function compare(
  report: AuditReport,
  states: readonly ConsentState[],
): { planted: number; found: number; missing: string[]; extra: string[] } {
  const missing: string[] = [];
  let planted = 0;
  let found = 0;
  for (const leak of LEAK_SITE_LEAKS) {
    for (const consent of leak.consent.filter((c) => states.includes(c))) {
      planted += 1;
      const candidates = report.findings.filter((f) => matches(f, leak, consent));
      if (candidates.length === 0) {
        missing.push(`${leak.id} in ${consent}: no finding`);
        continue;
      }
      const want = core(detectorChain(leak));
      const urls = (chain: readonly string[]): number => chain.filter((s) => s === 'url').length;
      // At least as many percent-encodings as the site applied (the double-encoded dl counts two).
      if (!candidates.some((f) => f.chains.some((c) => core(c) === want && urls(c) >= urls(leak.chain)))) {
        missing.push(
          `${leak.id} in ${consent}: chain ${want}, reported ${candidates.map((f) => f.chains.map((c) => c.join('>')).join(' | ')).join('; ')}`,
        );
        continue;
      }
      found += 1;
    }
  }
  const extra = report.findings
    .filter((f) => !LEAK_SITE_LEAKS.some((leak) => leak.consent.includes(f.consent) && matches(f, leak, f.consent)))
    .map((f) => `${f.id}: ${f.field} → ${f.recipient.host} from ${f.page} in ${f.consent}`);
  return { planted, found, missing, extra };
}

/** Distinct byte values in a PNG's decompressed image data: a blank (one-colour) page has a handful. */
function distinctImageBytes(png: Buffer): number {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return new Set(inflateSync(Buffer.concat(idat))).size;
}

describe(
  'leak audit end to end: crawl and HAR → detect → classify → report',
  { skip: await chromiumSkipReason(), timeout: 240_000 },
  () => {
    let site: LeakSite;
    let browser: Browser;
    let work: string;
    let crawl: AuditRun;
    let har: AuditRun;
    // No DNS server for *.test: a resolver on a closed local port fails fast, and the report says so.
    const cnameResolver = createDnsCnameResolver({ servers: ['127.0.0.1:9'], timeoutMs: 500 });

    before(async () => {
      site = await startLeakSite();
      work = await mkdtemp(join(tmpdir(), 'leak-audit-e2e-'));
      browser = await launchAuditChromium({ executablePath: CHROMIUM_PATH, extraArgs: leakSiteChromiumArgs(site.port) });
      crawl = await runAudit(LEAK_AUDIT_CONFIG, {
        browser,
        extraEntities: SITE_ENTITIES,
        cnameResolver,
        outDir: join(work, 'crawl'),
        timeouts: { stepMs: 10_000, settleMs: 250 },
      });
      har = await auditHar(
        [join(LEAK_FIXTURES_DIR, 'shop-anonymous.har'), join(LEAK_FIXTURES_DIR, 'shop-logged-in.har')],
        join(LEAK_FIXTURES_DIR, 'personas.json'),
        { consent: 'accept-all', extraEntities: SITE_ENTITIES, cnameResolver, outDir: join(work, 'har'), lang: 'sv' },
      );
    });

    after(async () => {
      await browser?.close();
      await site?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('crawl: reports every planted leak in every state it happens in, and nothing else', () => {
      const { planted, found, missing, extra } = compare(crawl.report, ['accept-all', 'reject-all', 'no-choice']);
      assert.deepEqual(missing, []);
      assert.deepEqual(extra, []);
      assert.equal(planted, LEAK_SITE_LEAKS.length * 2, 'each leak happens in accept-all and no-choice');
      assert.equal(found, planted, `${found}/${planted} planted leaks found`);
      assert.deepEqual(crawl.report.meta.consentStates, ['accept-all', 'reject-all', 'no-choice']);
      assert.deepEqual(crawl.report.meta.failedSteps, []);
    });

    it('crawl: no finding on the control page /clean and none after "Reject all"', () => {
      for (const state of ['accept-all', 'no-choice'] as const) {
        const trackers = crawl.requests.filter(
          (r) => r.consent === state && pathOf(r.pageUrl) === '/clean' && !r.url.startsWith('http://www.shop.test/'),
        );
        assert.ok(trackers.length >= 20, `${state}: the control page loads the trackers (${trackers.length} requests)`);
      }
      assert.deepEqual(
        crawl.report.findings.filter((f) => pathOf(f.page) === '/clean').map((f) => f.id),
        [],
      );
      assert.deepEqual(
        crawl.report.findings.filter((f) => f.consent === 'reject-all').map((f) => f.id),
        [],
      );
      assert.equal(crawl.report.summary.byConsent.find((c) => c.consent === 'reject-all')?.findings, 0);
      assert.ok(!crawl.report.summary.callouts.some((c) => c.kind === 'after-reject-all'));
      assert.equal(crawl.report.summary.callouts[0]?.kind, 'before-choice', 'tracking with no answer is called out first');
    });

    it('crawl: first-party requests are no finding, the disguised collector is, with its reason and the request as evidence', () => {
      assert.ok(crawl.detections.some((d) => new URL(crawl.requests.find((r) => r.id === d.requestId)!.url).hostname === 'www.shop.test'));
      assert.ok(crawl.report.findings.every((f) => f.recipient.party === 'third' && f.recipient.host !== 'www.shop.test'));
      const cloaked = crawl.report.findings.find((f) => f.recipient.host === 'smetrics.shop.test' && f.consent === 'accept-all');
      assert.match(cloaked?.recipient.disguisedCollector?.reason ?? '', /\/b\/ss\//);
      const cookie = cloaked?.evidence[0]?.headers.find(([name]) => name === 'cookie')?.[1] ?? '';
      assert.match(cookie, /crm_email=[A-Za-z0-9+/=]+/, 'the matched cookie keeps its (test) value');

      const meta = crawl.report.findings.find(
        (f) => f.recipient.host === 'www.facebook.test' && f.field === 'email' && pathOf(f.page) === '/quote',
      );
      const hit = meta?.evidence.find((e) => e.location.part === 'url');
      assert.ok(hit?.urlMatch, 'the matched part of the URL is located');
      assert.match(hit.url.slice(hit.urlMatch.start, hit.urlMatch.end), /^[0-9a-f]{64}$/);
      assert.ok(meta?.vendorFields.some((v) => v.includes('advanced matching')));
      assert.equal(crawl.report.cannotSee.length, 5);
    });

    it('HAR: the fixtures yield every planted leak of the accept-all state, and nothing else', () => {
      const { planted, found, missing, extra } = compare(har.report, ['accept-all']);
      assert.deepEqual(missing, []);
      assert.deepEqual(extra, []);
      assert.equal(found, LEAK_SITE_LEAKS.length, `${found}/${planted} planted leaks found`);
      assert.deepEqual(
        har.report.findings.filter((f) => pathOf(f.page) === '/clean').map((f) => f.id),
        [],
      );
      assert.equal(har.report.meta.source, 'har');
      assert.deepEqual(har.report.meta.inputs, ['shop-anonymous.har', 'shop-logged-in.har']);
    });

    it('writes report.json and report.html', async () => {
      const json = JSON.parse(await readFile(crawl.files!.json, 'utf8')) as AuditReport;
      assert.equal(json.findings.length, crawl.report.findings.length);
      const html = await readFile(crawl.files!.html, 'utf8');
      assert.doesNotMatch(html, /<script|<link|src="http/i, 'self-contained, no script');
      assert.match(await readFile(har.files!.html, 'utf8'), /<html lang="sv">[\s\S]*Vad en granskning i webbläsaren inte kan se/);
    });

    it('report.html renders in Chromium: findings table, "cannot see" section, not blank, fits a phone', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(crawl.files!.html).href);
        const table = page.getByRole('table', { name: /Each row: one field of the test customer/ });
        assert.equal(await table.count(), 1);
        assert.equal(await table.locator('tbody tr').count(), crawl.report.findings.length);
        assert.equal(await page.getByRole('heading', { level: 2, name: 'What a browser audit cannot see' }).count(), 1);
        assert.equal(await page.locator('#cannot-see section').count(), 5);
        assert.ok(await page.getByRole('heading', { level: 1 }).isVisible());
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);

        const shot = await page.screenshot({ fullPage: false });
        await context.newPage().then(async (blank) => {
          await blank.setContent('<html><body style="background:#fff"></body></html>');
          const empty = await blank.screenshot();
          assert.ok(distinctImageBytes(empty) < 8, 'the blank reference is blank');
        });
        assert.ok(distinctImageBytes(shot) > 50, 'the report screenshot is not blank');
        await page.locator('#cannot-see').scrollIntoViewIfNeeded();
        assert.ok(distinctImageBytes(await page.locator('#cannot-see').screenshot()) > 50);
      } finally {
        await context.close();
      }
    });
  },
);
