// "Am I affected?" in real Chromium against the real server (SQLite, demo index). The test types real
// identifiers of synthetic people, records every request the page makes, and proves that nothing typed
// leaves the browser: not in clear, URL-encoded, base64 or hashed (SHA-1, SHA-256), in any URL, header or body.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { PLAN_MESSAGES } from '../../src/modules/action-plan/index.js';
import { identifierInput, parseEmail, parseFrNir, parseNameDob, parsePhone } from '../../src/modules/identifiers/index.js';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext, type GuardedContext } from '../support/browser.js';
import { createPostgresSchemaUrl, postgresUnavailableReason } from '../support/databases.js';
import { nginxSkipReason, startNginx } from '../support/nginx.js';
import { runCli } from '../../src/main/cli.js';

interface Typed {
  readonly nir: string;
  readonly surname: string;
  readonly given: string;
  readonly dob: string;
  readonly email: string;
  readonly phone: string;
}

interface Recorded {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Every form in which a typed value could leak: as typed, canonical, domain-separated; each encoded and hashed. */
function forbiddenForms(typed: Typed): string[] {
  const today = new Date().toISOString().slice(0, 10);
  const raw = [typed.nir, typed.surname, typed.given, typed.email, typed.phone, typed.dob].filter((v) => v.length >= 4);
  const canonical: string[] = [];
  const add = (r: { ok: boolean; kind: string; canonical?: string }) => {
    if (r.ok && r.canonical) canonical.push(r.canonical, identifierInput(r.kind as never, r.canonical));
  };
  add(parseFrNir(typed.nir));
  if (typed.email) add(parseEmail(typed.email));
  if (typed.phone) add(parsePhone(typed.phone, { today, defaultRegion: 'FR' }));
  add(parseNameDob({ surname: typed.surname, givenNames: typed.given, birthDate: typed.dob }, { today }));
  const values = [...new Set([...raw, ...canonical, typed.nir.replace(/\s/g, ''), typed.phone.replace(/\s/g, '')])];
  const forms = new Set<string>();
  for (const v of values) {
    forms.add(v);
    forms.add(encodeURIComponent(v));
    forms.add(encodeURIComponent(v).replace(/%20/g, '+'));
    // base64 of the value at each of the three alignments it could have inside a longer payload
    for (let shift = 0; shift < 3; shift++) {
      const b64 = Buffer.concat([Buffer.alloc(shift), Buffer.from(v)]).toString('base64');
      const stable = b64.slice(Math.ceil((shift * 4) / 3) + (shift ? 1 : 0), b64.length - 4);
      if (stable.length >= 8) {
        forms.add(stable);
        forms.add(stable.replace(/\+/g, '-').replace(/\//g, '_'));
      }
    }
    for (const algo of ['sha1', 'sha256']) {
      const h = createHash(algo).update(v).digest();
      forms.add(h.toString('hex'));
      forms.add(h.toString('base64').replace(/=+$/, ''));
      forms.add(h.toString('base64url'));
    }
  }
  return [...forms].filter((f) => f.length >= 4);
}

function assertNothingLeaks(requests: readonly Recorded[], typed: Typed): void {
  assert.ok(requests.length > 0, 'the page made requests');
  const haystacks = requests.map((r) => ({ where: r.url, text: `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}` }));
  for (const form of forbiddenForms(typed)) {
    for (const h of haystacks) {
      assert.ok(
        !h.text.toLowerCase().includes(form.toLowerCase()),
        `a typed value (as "${form.slice(0, 12)}…") left the browser in ${h.where}`,
      );
    }
  }
}

/** The NIR of the first person of the demo Viamedis file the server loaded into DATA_DIR. */
async function firstDemoNir(dataDir: string): Promise<string> {
  const [header, row] = (await readFile(join(dataDir, 'demo', 'viamedis.csv'), 'utf8')).split('\n');
  return row!.split(',')[header!.split(',').indexOf('nir')]!;
}

/** Types a NIR on the English page, checks, and says whether the person was found in Viamedis. */
async function checkNirOnPage(page: Page, nir: string): Promise<'found' | 'not-found'> {
  await page.getByLabel(/NIR/).fill(nir);
  await page.getByRole('button', { name: 'Check privately' }).click();
  await page.locator('#check-output .found, #check-output .not-found').first().waitFor();
  if ((await page.locator('#check-output .not-found').count()) > 0) return 'not-found';
  assert.equal(await page.locator('#check-output li[data-breach="viamedis"]').count(), 1);
  return 'found';
}

describe('the leak check itself', () => {
  const person: Typed = {
    nir: '2 69 05 49 588 157 80',
    surname: 'Ødegård',
    given: 'Zoé',
    dob: '1969-05-02',
    email: 'zoe@example.org',
    phone: '06 12 34 56 78',
  };
  const leaks = [
    'https://x/?q=2690549588157',
    `https://x/?e=${encodeURIComponent('zoe@example.org')}`,
    `{"x":"${Buffer.from('prefix-zoe@example.org').toString('base64')}"}`,
    `{"x":"${Buffer.from('ab+33612345678').toString('base64url')}"}`,
    createHash('sha256').update('zoe@example.org').digest('hex'),
    createHash('sha1').update('breachdesk/v1|fr-nir|2690549588157').digest('base64'),
    'ØDEGÅRD'.toLowerCase(),
  ];
  for (const leak of leaks) {
    it(`catches ${leak.slice(0, 40)}`, () => {
      assert.throws(() => assertNothingLeaks([{ url: 'https://x/', headers: {}, body: leak }], person), /left the browser/);
    });
  }
  it('lets random-looking protocol traffic through', () => {
    assertNothingLeaks(
      [{ url: 'https://x/api/v1/oprf/evaluate', headers: {}, body: JSON.stringify({ epoch: 1, elements: ['Zm9vYmFy'] }) }],
      person,
    );
  });
});

describe('"Am I affected?" in Chromium', { skip: await chromiumSkipReason(), timeout: 120_000 }, () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let origin: string;
  let inBreach: Typed[];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-check-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    server = await startServer(config, createLogger({ level: 'silent' }));
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    // The demo file npm start loads: synthetic people who are in the Viamedis breach.
    const [header, ...lines] = (await readFile(join(dataDir, 'demo', 'viamedis.csv'), 'utf8')).split('\n').filter((l) => l !== '');
    const cols = header!.split(',');
    inBreach = lines
      .map((l) => l.split(','))
      .filter((c) => c.length === cols.length)
      .map((c) => {
        const at = (n: string) => (c[cols.indexOf(n)] ?? '').trim();
        const [d, m, y] = at('date_naissance').split('/');
        return {
          nir: at('nir'),
          surname: at('nom_naissance'),
          given: at('prenoms').split(' ')[0] ?? '',
          dob: `${y}-${m}-${d}`,
          email: at('email'),
          phone: at('telephone'),
        };
      })
      .filter((p) => parseFrNir(p.nir).ok && p.email !== '' && p.phone !== '' && /^\d{4}-\d\d-\d\d$/.test(p.dob));
    assert.ok(inBreach.length > 5);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function withRecordedPage(
    lang: string,
    fn: (page: Page, requests: Recorded[], guard: GuardedContext) => Promise<void>,
    javaScriptEnabled = true,
  ) {
    const guard = await newGuardedContext(browser, { locale: 'en-GB', javaScriptEnabled });
    guard.context.setDefaultTimeout(20_000);
    const requests: Recorded[] = [];
    const pending: Promise<void>[] = [];
    guard.context.on('request', (request: Request) => {
      pending.push(
        (async () => {
          requests.push({ url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? '' });
        })(),
      );
    });
    try {
      const page = await guard.newPage();
      await page.goto(`${origin}/check?lang=${lang}`);
      await fn(page, requests, guard);
      await Promise.all(pending);
      guard.assertClean();
    } finally {
      await guard.close();
    }
  }

  async function fillForm(page: Page, p: Typed) {
    await page.getByLabel(/NIR/).fill(p.nir);
    await page.locator('#email').fill(p.email);
    await page.locator('#phone').fill(p.phone);
    await page.locator('#surname').fill(p.surname);
    await page.locator('#given-name').fill(p.given);
    await page.locator('#birth-date').fill(p.dob);
  }

  for (const [lang, found, button] of [
    ['en', 'Found in 1 breach.', 'Check privately'],
    ['fr', 'Trouvé dans 1 fuite.', 'Vérifier en toute confidentialité'],
    ['sv', 'Hittades i 1 dataintrång.', 'Kontrollera privat'],
  ] as const) {
    it(`finds a person of the breach with exactly what of theirs leaked, and sends nothing typed (${lang})`, async () => {
      const person = inBreach[lang === 'en' ? 0 : lang === 'fr' ? 1 : 2]!;
      await withRecordedPage(lang, async (page, requests) => {
        await fillForm(page, person);
        await page.getByRole('button', { name: button }).click();
        await page.locator('#check-output .found').waitFor();
        assert.equal(await page.locator('#check-output .found').textContent(), found);
        const match = page.locator('#check-output li[data-breach="viamedis"]');
        assert.equal(await match.count(), 1);
        const classes = await match.locator('li[data-class]').evaluateAll((els) => els.map((e) => e.getAttribute('data-class')));
        for (const c of ['fr-nir', 'name', 'date-of-birth', 'email-address', 'phone-number']) assert.ok(classes.includes(c), `${c} listed`);
        assert.equal(await match.locator('a').first().getAttribute('href'), `/breaches/viamedis?lang=${lang}`);
        // Their action plan, in the page's language, with the Viamedis risks named and the steps for France.
        assert.equal(await page.locator('#plan-title').textContent(), PLAN_MESSAGES[lang].title);
        assert.equal(await page.locator('#plan').getAttribute('data-country'), 'FR');
        const refund = page.locator('#plan li[data-step="check-health-insurance-account"]');
        assert.equal(await refund.locator('label').textContent(), PLAN_MESSAGES[lang].steps['check-health-insurance-account'].title);
        assert.match((await refund.locator('.why').first().textContent()) ?? '', /Viamedis/);
        for (const id of ['guard-identity', 'beware-phishing', 'complain-to-authority']) {
          assert.equal(await page.locator(`#plan li[data-step="${id}"]`).count(), 1, `${id} in the plan`);
        }
        // What went over the wire: the page, its script and style, the manifest, one evaluation, a bucket.
        assert.ok(requests.some((r) => r.url.endsWith('/api/v1/oprf/evaluate')));
        assert.ok(requests.some((r) => /\/api\/v1\/lookup\/[0-9a-f]{32}\/[0-9a-f]+\.bin$/.test(r.url)));
        assertNothingLeaks(requests, person);
      });
    });
  }

  it('says "not found" for someone who is not in any breach, with the caveat for names, and sends nothing typed', async () => {
    const stranger: Typed = {
      nir: '2 69 05 49 588 157 80',
      surname: 'Delacroix-Sauvage',
      given: 'Eugénie',
      dob: '1985-05-17',
      email: 'eugenie.delacroix@example.org',
      phone: '06 12 34 56 78',
    };
    await withRecordedPage('en', async (page, requests) => {
      await fillForm(page, stranger);
      await page.getByRole('button', { name: 'Check privately' }).click();
      await page.locator('#check-output .not-found').waitFor();
      assert.match((await page.locator('#check-output').textContent()) ?? '', /not a guarantee/);
      assertNothingLeaks(requests, stranger);
    });
  });

  it('names an invalid field without sending anything', async () => {
    await withRecordedPage('fr', async (page, requests) => {
      await page.getByLabel(/NIR/).fill('1 85 05 78 006 084 99');
      const before = requests.length;
      await page.getByRole('button', { name: 'Vérifier en toute confidentialité' }).click();
      await page.locator('#check-output .problem').waitFor();
      assert.match((await page.locator('#check-output').textContent()) ?? '', /clé de contrôle/);
      assert.equal(requests.length, before, 'no request for an invalid identifier');
    });
  });

  for (const lang of ['en', 'fr', 'sv']) {
    it(`fits a 375px-wide phone and labels every control (${lang})`, async () => {
      const guard = await newGuardedContext(browser, { viewport: { width: 375, height: 740 } });
      try {
        const page = await guard.newPage();
        await page.goto(`${origin}/check?lang=${lang}`);
        const fits = async (when: string) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px ${when}`);
          const unlabelled = await page.evaluate(() =>
            [...document.querySelectorAll('input, select')].filter((e) => !(e as HTMLInputElement).labels?.length).map((e) => e.id),
          );
          assert.deepEqual(unlabelled, [], `unlabelled controls ${when}`);
        };
        await fits('before a check');
        // The result, with the plan's checklist, must fit and be labelled too.
        await fillForm(page, inBreach[4]!);
        await page.locator('#check-form button[type="submit"]').click();
        await page.locator('#plan').waitFor();
        await fits('with the result and the plan');
        guard.assertClean();
      } finally {
        await guard.close();
      }
    });
  }

  it('sends nothing at all when JavaScript is off: the inputs have no names', async () => {
    const person = inBreach[3]!;
    await withRecordedPage(
      'en',
      async (page, requests) => {
        assert.ok(await page.locator('noscript').count());
        await fillForm(page, person);
        await page.getByRole('button', { name: 'Check privately' }).click();
        await page.waitForLoadState('load');
        assertNothingLeaks(requests, person);
      },
      false,
    );
  });
});

describe(
  '"Am I affected?" in Chromium on PostgreSQL',
  { skip: (await chromiumSkipReason()) || ((await postgresUnavailableReason()) ?? false), timeout: 120_000 },
  () => {
    it('finds a person of the breach and not a stranger, the server on PostgreSQL', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-check-pg-'));
      const schema = await createPostgresSchemaUrl();
      const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: schema.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
      const server = await startServer(config, createLogger({ level: 'silent' }));
      const browser = await launchChromium();
      try {
        const nir = await firstDemoNir(dataDir);
        const guard = await newGuardedContext(browser, { locale: 'en-GB' });
        try {
          const page = await guard.newPage();
          await page.goto(`${new URL(server.url).origin}/check?lang=en`);
          assert.equal(await checkNirOnPage(page, nir), 'found');
          assert.equal(await checkNirOnPage(page, '2 69 05 49 588 157 80'), 'not-found');
          guard.assertClean();
        } finally {
          await guard.close();
        }
      } finally {
        await browser.close();
        await server.close();
        await schema.drop();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  },
);

describe(
  '"Am I affected?" in Chromium with the buckets on a static mirror',
  { skip: (await chromiumSkipReason()) || (await nginxSkipReason()), timeout: 120_000 },
  () => {
    it('fetches buckets from nginx serving export-buckets output, and still finds the person', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-mirror-'));
      const mirrorDir = join(dataDir, 'mirror');
      await mkdir(mirrorDir);
      const nginx = await startNginx(mirrorDir);
      const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', LOOKUP_BUCKETS_URL: nginx.url };
      const server = await startServer(loadConfig(env), createLogger({ level: 'silent' }));
      const browser = await launchChromium();
      try {
        assert.equal(await runCli(['export-buckets', mirrorDir], { out: () => undefined, err: () => undefined }, env), 0);
        const nir = await firstDemoNir(dataDir);
        const guard = await newGuardedContext(browser, { locale: 'en-GB' });
        const urls: string[] = [];
        guard.context.on('request', (r) => urls.push(r.url()));
        try {
          const page = await guard.newPage();
          await page.goto(`${new URL(server.url).origin}/check?lang=en`);
          assert.equal(await checkNirOnPage(page, nir), 'found');
          assert.ok(
            urls.some((u) => u.startsWith(`${nginx.url}/`) && u.endsWith('.bin')),
            `a bucket came from the mirror: ${urls.join(' ')}`,
          );
          assert.ok(!urls.some((u) => /\/api\/v1\/lookup\/[0-9a-f]{32}\//.test(u)), 'and none from the server');
          guard.assertClean();
        } finally {
          await guard.close();
        }
      } finally {
        await browser.close();
        await server.close();
        await nginx.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  },
);
