// End-to-end: the leak audit's crawler drives Debian's Chromium through the local leaking shop
// (test/support/leak-site.ts) in the three consent states, and what it captured is checked against what the
// server saw and against the shop's ground truth. Every *.test host resolves to the test server on
// 127.0.0.1 and every other name fails to resolve, so nothing leaves the machine.
// Skipped with a message when Chromium is missing, except in CI, where a missing browser fails the run.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { createLeakCrawler, importHarFile, launchAuditChromium, loadAuditConfigFile } from '../../src/adapters/leak-crawler.js';
import type { CrawlResult } from '../../src/modules/leak-audit/collect/index.js';
import { CONSENT_STATES, type CapturedRequest, type ConsentState } from '../../src/modules/leak-audit/model.js';
import { CHROMIUM_PATH, chromiumSkipReason } from '../support/browser.js';
import {
  FIRST_PARTY_HOST,
  LEAK_AUDIT_CONFIG,
  LEAK_SITE_LEAKS,
  LEAK_SITE_PERSONA,
  leakSiteChromiumArgs,
  startLeakSite,
  type LeakSite,
  type PlantedLeak,
} from '../support/leak-site.js';

const hostOf = (url: string): string => new URL(url).hostname;
const pathOf = (url: string): string => new URL(url).pathname;
const isThirdParty = (r: CapturedRequest): boolean => hostOf(r.url) !== FIRST_PARTY_HOST;
const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The steps of a leak's chain that the site applied, computed here independently of the browser's code. */
function apply(value: string, step: string): string {
  switch (step) {
    case 'url':
      return encodeURIComponent(value);
    case 'lowercase':
      return value.toLowerCase();
    case 'digits-only':
      return value.replace(/\D/g, '');
    case 'phone-e164': {
      const digits = value.replace(/\D/g, '');
      return `+${digits.startsWith('0') ? `46${digits.slice(1)}` : digits}`;
    }
    case 'sha256-hex':
      return sha256(value).toString('hex');
    case 'sha256-base64url':
      return sha256(value).toString('base64url');
    default:
      throw new Error(`no forward step ${step}`);
  }
}

const REVERSIBLE = new Set(['gzip', 'deflate', 'base64']);

/** The raw text at the leak's location in a request, before any decoding. */
function rawAt(request: CapturedRequest, leak: PlantedLeak): string | undefined {
  const where = leak.where;
  switch (where.part) {
    case 'url': {
      const query = new URL(request.url).search.slice(1);
      const pair = query.split('&').find((p) => decodeURIComponent(p.split('=')[0] ?? '') === where.param);
      return pair?.slice(pair.indexOf('=') + 1);
    }
    case 'header':
      return request.headers[where.name];
    case 'cookie':
      return (request.headers['cookie'] ?? '')
        .split('; ')
        .find((c) => c.startsWith(`${where.name}=`))
        ?.slice(where.name.length + 1);
    case 'body':
      return leak.chain.some((s) => s === 'gzip' || s === 'deflate') ? request.body?.base64 : request.body?.text;
    case 'websocket':
      return request.body?.text;
  }
}

/** Undoes the outer reversible layers (and the URL encoding around them), then looks for the rest of the chain. */
function carries(request: CapturedRequest, leak: PlantedLeak): boolean {
  let raw = rawAt(request, leak);
  if (raw === undefined) return false;
  const layers = [...leak.chain];
  while (layers.length > 0) {
    const last = layers[layers.length - 1]!;
    if (last === 'url' && layers.some((l) => REVERSIBLE.has(l))) raw = decodeURIComponent(raw);
    else if (last === 'base64') raw = Buffer.from(raw, 'base64').toString('utf8');
    else if (last === 'gzip') raw = gunzipSync(Buffer.from(raw, 'base64')).toString('utf8');
    else if (last === 'deflate') raw = inflateSync(Buffer.from(raw, 'base64')).toString('utf8');
    else break;
    layers.pop();
  }
  return raw.includes(layers.reduce(apply, leak.value));
}

describe('leak audit crawl of the local shop in Chromium', { skip: await chromiumSkipReason(), timeout: 240_000 }, () => {
  let site: LeakSite;
  let browser: Browser;
  let work: string;
  let result: CrawlResult;
  const inState = (state: ConsentState): CapturedRequest[] => result.requests.filter((r) => r.consent === state);
  const http = (list: readonly CapturedRequest[]): CapturedRequest[] => list.filter((r) => r.kind !== 'websocket-frame');

  before(async () => {
    site = await startLeakSite();
    work = await mkdtemp(join(tmpdir(), 'leak-crawl-e2e-'));
    browser = await launchAuditChromium({ executablePath: CHROMIUM_PATH, extraArgs: leakSiteChromiumArgs(site.port) });
    const config = await loadAuditConfigFile(LEAK_AUDIT_CONFIG);
    assert.deepEqual(
      config.consent.map((c) => c.state),
      [...CONSENT_STATES],
    );
    const crawler = createLeakCrawler({ browser, recordHar: { dir: join(work, 'har') } });
    result = await crawler.crawl({
      ...config,
      login: { ...config.login!, saveStorageStateTo: join(work, 'state-{consent}.json') },
      timeouts: { stepMs: 10_000, settleMs: 250 },
    });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('runs every step in every consent state', () => {
    assert.deepEqual(
      result.steps.filter((s) => !s.ok),
      [],
    );
    for (const state of CONSENT_STATES) {
      const names = result.steps.filter((s) => s.consent === state).map((s) => s.step);
      assert.ok(names.includes('quote form: type e-mail'), `${state}: ${names.join(' | ')}`);
      assert.ok(names.includes('activity: goto http://www.shop.test/account/activity'));
    }
  });

  it('logs in once per consent state and reuses the saved storage state for the logged-in pages', async () => {
    assert.deepEqual(site.logins, [{ ok: true }, { ok: true }, { ok: true }]);
    for (const state of CONSENT_STATES) {
      const saved = JSON.parse(await readFile(join(work, `state-${state}.json`), 'utf8')) as { cookies: { name: string }[] };
      assert.ok(
        saved.cookies.some((c) => c.name === 'sid'),
        `${state}: the saved storage state holds the session`,
      );
      const loggedIn = inState(state).filter((r) => r.step.startsWith('my pages') || r.step.startsWith('activity'));
      const documents = loggedIn.filter((r) => r.kind === 'document').map((r) => r.url);
      assert.deepEqual(
        documents,
        ['http://www.shop.test/account', 'http://www.shop.test/account/activity'],
        `${state}: no detour to /login`,
      );
      assert.ok(loggedIn.every((r) => r.kind !== 'document' || /(^|; )sid=s\d+/.test(r.headers['cookie'] ?? '')));
    }
  });

  it('types the persona with real key events: the page counted a keydown and an input per character', () => {
    const persona = LEAK_SITE_PERSONA.fields;
    assert.equal(site.quoteSubmissions.length, 3);
    for (const submission of site.quoteSubmissions) {
      assert.deepEqual(submission.fields, {
        email: persona.email[0],
        phone: persona.phone[0],
        personnummer: persona['se-personnummer'][0],
        firstName: persona['first-name'][0],
        lastName: persona['last-name'][0],
        postcode: persona.postcode[0],
        product: persona['sensitive-term'][0],
      });
      for (const [field, value] of Object.entries(submission.fields)) {
        if (field === 'product') continue;
        const counted = submission.typing[field];
        assert.ok(counted && counted.keydown >= value.length && counted.input >= value.length, `${field}: ${JSON.stringify(counted)}`);
      }
    }
  });

  it('captures every request the server received, with the same body, and every WebSocket frame it received', () => {
    const key = (method: string, host: string, path: string): string => `${method} ${host}${path}`;
    const captured = http(result.requests).map((r) => {
      const url = new URL(r.url);
      return key(r.method, url.hostname, `${url.pathname}${url.search}`);
    });
    const served = site.requests.map((r) => key(r.method, r.host, r.path));
    assert.deepEqual([...captured].sort(), [...served].sort());

    const remaining = [...site.requests];
    for (const request of http(result.requests).filter((r) => r.body !== undefined)) {
      const url = new URL(request.url);
      const at = remaining.findIndex(
        (s) => s.method === request.method && s.host === url.hostname && s.path === `${url.pathname}${url.search}`,
      );
      const bytes =
        request.body?.text !== undefined ? Buffer.from(request.body.text, 'utf8') : Buffer.from(request.body?.base64 ?? '', 'base64');
      assert.ok(at >= 0);
      assert.deepEqual(bytes, remaining.splice(at, 1)[0]!.body, `body of ${request.method} ${request.url}`);
    }

    const frames = result.requests.filter((r) => r.kind === 'websocket-frame');
    assert.deepEqual(frames.map((f) => f.body?.text).sort(), site.websocketFrames.map((f) => f.text).sort());
    assert.ok(frames.length >= 2);
    assert.ok(
      frames.every((f) => f.url === 'ws://ws.hotjar.test/api/v2/client/ws' && f.initiator === 'http://static.hotjar.test/c/hotjar.js'),
    );
  });

  it('records kinds, pages, steps, cookies, compressed bodies and the initiating scripts', () => {
    const accepted = inState('accept-all');
    const beacon = accepted.find((r) => r.url.startsWith('http://www.google-analytics.test/g/collect') && r.pageUrl.endsWith('/account'));
    assert.equal(beacon?.kind, 'beacon');
    assert.equal(beacon?.initiator, 'http://www.googletagmanager.test/gtag/js?id=G-SHOPTEST');
    assert.equal(beacon?.body?.text, 'en=view_policy&ep.policy_number=POL-55190374');

    const lead = accepted.find((r) => r.method === 'POST' && r.url === 'http://www.facebook.test/tr/');
    assert.equal(lead?.kind, 'fetch');
    assert.equal(lead?.step, 'quote form: submit');
    assert.equal(lead?.pageUrl, 'http://www.shop.test/quote');
    assert.equal(lead?.initiator, 'http://connect.facebook.test/en_US/fbevents.js');
    assert.match(lead?.headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);

    const gzip = accepted.find((r) => r.url === 'http://www.clarity.test/collect' && r.pageUrl.endsWith('/account/activity'));
    assert.ok(gzip?.body?.base64, 'a gzip body is not UTF-8: kept as base64');
    assert.match(gunzipSync(Buffer.from(gzip.body.base64, 'base64')).toString('utf8'), /audit\+7f3k9q@example\.se/);

    const cname = accepted.find((r) => hostOf(r.url) === 'smetrics.shop.test' && r.pageUrl.endsWith('/account'));
    assert.match(cname?.headers['cookie'] ?? '', /^crm_email=/);

    const script = accepted.find((r) => r.url === 'http://connect.facebook.test/en_US/fbevents.js');
    assert.equal(script?.kind, 'script');
    assert.ok(result.requests.every((r) => r.source === 'crawl' && !Number.isNaN(Date.parse(r.at))));
    assert.deepEqual(
      result.requests.map((r) => r.id),
      result.requests.map((_, i) => `r${i + 1}`),
    );
  });

  it('sends nothing to a third party once the visitor rejects all; tracks with no answer and after accepting', () => {
    const rejected = inState('reject-all');
    assert.ok(rejected.length > 5);
    assert.deepEqual(
      rejected.filter(isThirdParty).map((r) => r.url),
      [],
    );
    for (const state of ['accept-all', 'no-choice'] as const) assert.ok(inState(state).filter(isThirdParty).length > 30, state);
    assert.ok(
      result.requests.every((r) => hostOf(r.url).endsWith('.test')),
      'only hosts that resolve to the test server',
    );
  });

  it('finds every planted leak where the ground truth says, in the states it says', () => {
    const missing: string[] = [];
    for (const leak of LEAK_SITE_LEAKS) {
      for (const state of CONSENT_STATES) {
        const found = inState(state).some((r) => hostOf(r.url) === leak.host && pathOf(r.pageUrl) === leak.page && carries(r, leak));
        if (found !== leak.consent.includes(state))
          missing.push(`${leak.id} in ${state}: ${found ? 'found but not expected' : 'not found'}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('sends no persona value, in any form the leaks use, from the clean control page', () => {
    const forms = new Set<string>();
    for (const values of Object.values(LEAK_SITE_PERSONA.fields))
      for (const value of values) forms.add(value).add(encodeURIComponent(value));
    for (const leak of LEAK_SITE_LEAKS) {
      const forward = leak.chain.filter((s) => !REVERSIBLE.has(s) && s !== 'url');
      forms.add(forward.reduce(apply, leak.value));
    }
    const clean = result.requests.filter((r) => pathOf(r.pageUrl) === '/clean' && isThirdParty(r));
    assert.ok(clean.length >= 20, 'the control page loads the trackers');
    for (const request of clean) {
      const body = request.body?.text ?? '';
      let decoded = '';
      if (request.body?.base64) {
        const bytes = Buffer.from(request.body.base64, 'base64');
        decoded = (bytes[0] === 0x1f ? gunzipSync(bytes) : inflateSync(bytes)).toString('utf8');
      }
      const text = [request.url, decodeURIComponent(request.url), JSON.stringify(request.headers), body, decoded].join('\n');
      for (const form of forms) assert.ok(!text.includes(form), `${request.url} carries a persona value`);
    }
  });

  it('records HAR files that import to the same requests', async () => {
    for (const phase of ['anonymous', 'logged-in'] as const) {
      const file = join(work, 'har', `accept-all-${phase}.har`);
      const { requests, skipped } = await importHarFile(file, { consent: 'accept-all' });
      assert.deepEqual(skipped, []);
      const loggedInFlow = (r: CapturedRequest): boolean => r.step.startsWith('my pages') || r.step.startsWith('activity');
      const crawled = http(inState('accept-all')).filter((r) => loggedInFlow(r) === (phase === 'logged-in'));
      const fromHar = requests.filter((r) => r.url.startsWith('http'));
      assert.deepEqual(fromHar.map((r) => `${r.method} ${r.url}`).sort(), crawled.map((r) => `${r.method} ${r.url}`).sort(), phase);
      assert.ok(requests.every((r) => r.step === `har:accept-all-${phase}.har`));
    }
  });
});
