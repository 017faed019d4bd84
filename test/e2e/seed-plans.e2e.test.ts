// Issue 5's "done when", in real Chromium against the real server and the SQLite default: the look-up
// result shows a correct, localised, personal plan for a synthetic person of each of the five seed breaches,
// and for a person in two of them. The demo index `npm start` loads holds Viamedis, Chronopost and Folksam
// people; Almerys, Caisse des Dépôts – Ircantec and a second Chronopost file are ingested here.
//
// What "correct" means is fixed below per person: the breaches found, the data classes of their own records,
// the plan's country, and its steps in order (the engine's rule tables in src/modules/exposure and
// src/modules/action-plan say why each step is there). The page must show exactly those, with every text in
// the page's language, the national facts (CNIL or IMY, Chronopost's 38004, UC's fraud block) where they
// belong, and nothing typed leaving the browser.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import type { Browser, Page } from 'playwright-core';
import { synthCommand } from '../../src/cli/synth-command.js';
import { runCli } from '../../src/main/cli.js';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { PLAN_MESSAGES, type PlanCountry, type StepId } from '../../src/modules/action-plan/index.js';
import { parseFrNir, parsePhone, parseSePersonnummer } from '../../src/modules/identifiers/index.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Locale } from '../../src/platform/locale.js';
import { createLogger } from '../../src/platform/logger.js';
import { chromiumSkipReason, launchChromium, newGuardedContext } from '../support/browser.js';

const quietIo = { out: () => undefined, err: () => undefined };
const TODAY = '2026-11-27';

/** What the person types: the check page's field id → value. */
type Typed = Partial<Record<'fr-nir' | 'se-personnummer' | 'email' | 'phone', string>>;

interface Person {
  readonly name: string;
  readonly lang: Locale;
  /** Which synthetic person: what they type is read from the files in before(). */
  readonly key: string;
  /** Breach slug → the data classes of this person's own records in it. */
  readonly matches: Readonly<Record<string, readonly string[]>>;
  readonly country: PlanCountry;
  readonly steps: readonly StepId[];
  /** Texts that must be in a step, per step: the national and breach-specific facts. */
  readonly facts: Partial<Record<StepId, readonly RegExp[]>>;
}

interface CsvFile {
  readonly cols: string[];
  readonly rows: string[][];
}

async function readCsv(path: string): Promise<CsvFile> {
  const [header, ...lines] = (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
  const cols = header!.split(',');
  return { cols, rows: lines.map((l) => l.split(',')).filter((c) => c.length === cols.length) };
}

const cell = (file: CsvFile, row: string[], name: string): string => (row[file.cols.indexOf(name)] ?? '').trim();

/**
 * The first row with every column filled (but those named optional), no mis-decoded text, and valid
 * identifiers: an ordinary person, whose records hold every class the file has.
 */
function ordinaryRow(file: CsvFile, valid: (row: string[]) => boolean, optional: readonly string[] = []): string[] {
  const filled = (r: string[]) => file.cols.every((c, i) => optional.includes(c) || (r[i] ?? '').trim() !== '');
  const row = file.rows.find((r) => filled(r) && !r.some((c) => c.includes('\uFFFD')) && valid(r));
  assert.ok(row, 'the synthetic file has an ordinary person');
  return row;
}

const phoneOk = (value: string, region: 'FR' | 'SE') => parsePhone(value, { today: TODAY, defaultRegion: region }).ok;
const frNirOk = (value: string) => parseFrNir(value).ok;
const personnummerOk = (value: string) => parseSePersonnummer(value, { today: TODAY, defaultRegion: 'SE' }).ok;

const VIAMEDIS = ['fr-nir', 'name', 'date-of-birth', 'gender', 'marital-status', 'health-insurer', 'email-address', 'phone-number'];
const CHRONOPOST = ['name', 'postal-address', 'phone-number', 'email-address', 'signature'];
const FOLKSAM = ['se-personnummer', 'name', 'email-address', 'phone-number', 'insurance-products', 'ip-address'];
const PEOPLE: readonly Person[] = [
  {
    name: 'Viamedis, checked by NIR',
    lang: 'fr',
    key: 'viamedis',
    matches: { viamedis: VIAMEDIS },
    country: 'FR',
    steps: [
      'check-health-insurance-account',
      'guard-identity',
      'ask-the-organisation',
      'beware-phishing',
      'sign-up-for-alerts',
      'report-identity-theft',
      'report-scams',
      'complain-to-authority',
    ],
    facts: {
      'check-health-insurance-account': [/ameli/i],
      'ask-the-organisation': [/ayants droit/],
      'complain-to-authority': [/CNIL/],
      'report-scams': [/33700/],
    },
  },
  {
    name: 'Almerys, checked by NIR: no name in the file, so no health-refund step',
    lang: 'fr',
    key: 'almerys',
    matches: { almerys: ['fr-nir', 'date-of-birth', 'marital-status', 'health-insurer'] },
    country: 'FR',
    steps: ['ask-the-organisation', 'beware-phishing', 'sign-up-for-alerts', 'report-scams', 'complain-to-authority'],
    // Insured people and their families were in the leak (anchors §5): ask about them too.
    facts: { 'ask-the-organisation': [/ayants droit/], 'complain-to-authority': [/CNIL/] },
  },
  {
    name: 'Chronopost, checked by phone on the English page: the steps for France',
    lang: 'en',
    key: 'chronopost',
    matches: { chronopost: CHRONOPOST },
    country: 'FR',
    steps: [
      'ask-the-organisation',
      'beware-delivery-texts',
      'beware-phishing',
      'watch-for-forged-documents',
      'sign-up-for-alerts',
      'report-identity-theft',
      'report-scams',
      'complain-to-authority',
    ],
    facts: { 'beware-delivery-texts': [/38004/, /abuse@chronopost\.fr/], 'complain-to-authority': [/CNIL/] },
  },
  {
    name: 'Caisse des Dépôts – Ircantec, checked by email',
    lang: 'fr',
    key: 'ircantec',
    matches: { 'caisse-des-depots-ircantec': ['email-address', 'unspecified-personal-data'] },
    country: 'FR',
    steps: ['ask-the-organisation', 'beware-phishing', 'sign-up-for-alerts', 'report-scams', 'complain-to-authority'],
    facts: { 'complain-to-authority': [/CNIL/] },
  },
  {
    name: 'Folksam, checked by personnummer: identity fraud, since a personnummer holds the date of birth',
    lang: 'sv',
    key: 'folksam',
    matches: { folksam: FOLKSAM },
    country: 'SE',
    steps: [
      'guard-identity',
      'ask-the-organisation',
      'beware-phishing',
      'expect-targeted-scams',
      'sign-up-for-alerts',
      'report-identity-theft',
      'report-scams',
      'complain-to-authority',
    ],
    facts: { 'guard-identity': [/UC/], 'report-scams': [/114 14/], 'complain-to-authority': [/IMY/] },
  },
  {
    name: 'Folksam and Chronopost together, checked by personnummer and phone on the Swedish page',
    lang: 'sv',
    key: 'folksam+chronopost',
    matches: { folksam: FOLKSAM, chronopost: CHRONOPOST },
    // Breaches in two countries: the page's language decides.
    country: 'SE',
    steps: [
      'guard-identity',
      'ask-the-organisation',
      'beware-delivery-texts',
      'beware-phishing',
      'expect-targeted-scams',
      'watch-for-forged-documents',
      'sign-up-for-alerts',
      'report-identity-theft',
      'report-scams',
      'complain-to-authority',
    ],
    facts: { 'beware-delivery-texts': [/38004/], 'guard-identity': [/UC/], 'complain-to-authority': [/IMY/] },
  },
];

const chromiumSkip = await chromiumSkipReason();

describe(
  'a personal plan for a person of each seed breach, on the look-up page in Chromium',
  { skip: chromiumSkip, timeout: 300_000 },
  () => {
    let dataDir: string;
    let server: RunningServer;
    let browser: Browser;
    let origin: string;
    let env: Record<string, string>;
    /** What each person types, from the synthetic files. */
    const typedBy = new Map<string, { typed: Typed; phoneCountry?: 'FR' | 'SE' }>();

    const ingest = async (file: string, slug: string, ...extra: string[]) => {
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
      assert.equal(await runCli(['ingest', file, '--breach', slug, '--workers', '1', '--quiet', ...extra], io, env), 0, lines.join('\n'));
    };

    const synth = async (profile: string, seed: string, rows: number, out: string) => {
      assert.equal(
        await synthCommand(['--profile', profile, '--rows', String(rows), '--seed', seed, '--defects', '0', '--out', out], quietIo),
        0,
      );
      return readCsv(out);
    };

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-e2e-seed-plans-'));
      env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', INGEST_WORKERS: '1' };
      // The default start: the five seed breaches and the demo index (Viamedis, Chronopost, Folksam).
      server = await startServer(loadConfig(env), createLogger({ level: 'silent' }));
      origin = new URL(server.url).origin;

      const viamedis = await readCsv(join(dataDir, 'demo', 'viamedis.csv'));
      const chronopost = await readCsv(join(dataDir, 'demo', 'chronopost.csv'));
      const folksam = await readCsv(join(dataDir, 'demo', 'folksam.csv'));

      // Almerys: other synthetic people, with only what the Almerys report lists (no name, no contact details).
      const almerysSource = await synth('viamedis', 'seed-plans-almerys', 40, join(dataDir, 'almerys-source.csv'));
      const almerysCols = ['nir', 'date_naissance', 'situation_familiale', 'organisme_complementaire'];
      const almerysFile = join(dataDir, 'almerys.csv');
      await writeFile(
        almerysFile,
        [almerysCols.join(','), ...almerysSource.rows.map((r) => almerysCols.map((c) => cell(almerysSource, r, c)).join(','))].join('\n') +
          '\n',
      );
      await ingest(almerysFile, 'almerys');

      // Ircantec: the report names no data; the fund wrote to its members by email or post. So: an email address,
      // and a column of unspecified personal data.
      const ircantecSource = await synth('chronopost', 'seed-plans-ircantec', 40, join(dataDir, 'ircantec-source.csv'));
      const ircantecFile = join(dataDir, 'ircantec.csv');
      await writeFile(
        ircantecFile,
        ['email,dossier', ...ircantecSource.rows.map((r, i) => `${cell(ircantecSource, r, 'email')},AFF-${100000 + i}`)].join('\n') + '\n',
      );
      await ingest(ircantecFile, 'caisse-des-depots-ircantec', '--map', 'dossier=unspecified-personal-data');

      // A Folksam customer who also had a parcel from Chronopost: a second Chronopost file holding them.
      const swede = ordinaryRow(
        folksam,
        (r) => personnummerOk(cell(folksam, r, 'personnummer')) && phoneOk(cell(folksam, r, 'telefon'), 'SE'),
      );
      const extraSource = await synth('chronopost', 'seed-plans-extra', 20, join(dataDir, 'chronopost-extra-source.csv'));
      const theirs: Record<string, string> = {
        nom: cell(folksam, swede, 'efternamn'),
        prenom: cell(folksam, swede, 'fornamn'),
        adresse: 'Storgatan 12',
        code_postal: '11122',
        ville: 'Stockholm',
        // A French carrier's file holds a Swedish number in international form.
        telephone: parsePhoneNumberWithError(cell(folksam, swede, 'telefon'), 'SE').number,
        email: cell(folksam, swede, 'email'),
        signature: 'SIG-5E0000000001',
      };
      const extraFile = join(dataDir, 'chronopost-extra.csv');
      await writeFile(
        extraFile,
        [
          extraSource.cols.join(','),
          ...extraSource.rows.map((r) => r.join(',')),
          extraSource.cols.map((c) => theirs[c] ?? '').join(','),
        ].join('\n') + '\n',
      );
      await ingest(extraFile, 'chronopost');
      await server.lookup.refresh();

      const frenchPerson = ordinaryRow(
        viamedis,
        (r) => frNirOk(cell(viamedis, r, 'nir')) && phoneOk(cell(viamedis, r, 'telephone'), 'FR'),
        ['nom_usage'],
      );
      const almerysPerson = ordinaryRow(almerysSource, (r) => frNirOk(cell(almerysSource, r, 'nir')));
      const parcelPerson = ordinaryRow(chronopost, (r) => phoneOk(cell(chronopost, r, 'telephone'), 'FR'));
      const member = ordinaryRow(ircantecSource, () => true);

      typedBy.set('viamedis', { typed: { 'fr-nir': cell(viamedis, frenchPerson, 'nir') } });
      typedBy.set('almerys', { typed: { 'fr-nir': cell(almerysSource, almerysPerson, 'nir') } });
      typedBy.set('chronopost', { typed: { phone: cell(chronopost, parcelPerson, 'telephone') }, phoneCountry: 'FR' });
      typedBy.set('ircantec', { typed: { email: cell(ircantecSource, member, 'email') } });
      // A Folksam person who is not the one in the second Chronopost file.
      const customer = ordinaryRow(folksam, (r) => r !== swede && personnummerOk(cell(folksam, r, 'personnummer')));
      typedBy.set('folksam', { typed: { 'se-personnummer': cell(folksam, customer, 'personnummer') } });
      typedBy.set('folksam+chronopost', {
        typed: { 'se-personnummer': cell(folksam, swede, 'personnummer'), phone: cell(folksam, swede, 'telefon') },
        phoneCountry: 'SE',
      });
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    const check = async (page: Page, { typed, phoneCountry }: { typed: Typed; phoneCountry?: 'FR' | 'SE' }) => {
      // A national phone number is read for the country chosen beside it; the page preselects one by language.
      if (phoneCountry) await page.locator('#phone-country').selectOption(phoneCountry);
      for (const [id, value] of Object.entries(typed)) await page.locator(`#${id}`).fill(value);
      await page.locator('#check-form button[type="submit"]').click();
      await page.locator('#check-output :is(.found, .not-found, .problem)').first().waitFor();
      assert.equal(await page.locator('#check-output .found').count(), 1, await page.locator('#check-output').innerText());
    };

    // Each person's checks happen in a fresh browser, as on their own device.
    for (const person of PEOPLE) {
      it(person.name, async () => {
        const { typed, phoneCountry } = typedBy.get(person.key) ?? assert.fail(`nobody typed for ${person.key}`);
        const guard = await newGuardedContext(browser, { locale: { en: 'en-GB', fr: 'fr-FR', sv: 'sv-SE' }[person.lang] });
        guard.context.setDefaultTimeout(20_000);
        const sent: string[] = [];
        guard.context.on('request', (r) => sent.push(`${r.url()}\n${r.postData() ?? ''}`));
        try {
          const page = await guard.newPage();
          await page.goto(`${origin}/check?lang=${person.lang}`);
          await check(page, { typed, ...(phoneCountry ? { phoneCountry } : {}) });
          const messages = PLAN_MESSAGES[person.lang];

          // What of theirs leaked, breach by breach.
          const found = await page.locator('#check-output li[data-breach]').evaluateAll((els) =>
            els.map((e) => ({
              slug: e.getAttribute('data-breach') ?? '',
              classes: [...e.querySelectorAll('li[data-class]')].map((c) => c.getAttribute('data-class') ?? ''),
            })),
          );
          assert.deepEqual(
            Object.fromEntries(found.map((f) => [f.slug, [...f.classes].sort()])),
            Object.fromEntries(Object.entries(person.matches).map(([slug, classes]) => [slug, [...classes].sort()])),
          );

          // The plan: its country, its steps in order, every text in the page's language.
          const plan = page.locator('#plan');
          assert.equal(await page.locator('html').getAttribute('lang'), person.lang);
          assert.equal(await plan.getAttribute('data-country'), person.country);
          assert.equal(await page.locator('#plan-country').inputValue(), person.country);
          assert.equal(await page.locator('#plan-title').textContent(), messages.title);
          const steps = await plan.locator('li[data-step]').evaluateAll((els) =>
            els.map((e) => ({
              id: e.getAttribute('data-step') ?? '',
              urgency: e.getAttribute('data-urgency') ?? '',
              title: e.querySelector('label')?.textContent ?? '',
              why: [...e.querySelectorAll('.why')].map((w) => w.textContent ?? ''),
              actions: [...e.querySelectorAll('.step-actions li')].map((a) => a.textContent ?? ''),
              text: e.textContent ?? '',
            })),
          );
          assert.deepEqual(
            steps.map((s) => s.id),
            person.steps,
          );
          for (const step of steps) {
            const id = step.id as StepId;
            assert.equal(step.title, messages.steps[id].title, `${id}: the title in ${person.lang}`);
            assert.ok(step.why.length > 0 && step.actions.length > 0, `${id}: a why and actions`);
            assert.ok(!/\{[a-z]+\}/.test(step.text), `${id}: no placeholder left`);
            for (const fact of person.facts[id] ?? []) assert.match(step.text, fact, `${id}: ${String(fact)}`);
          }
          // The urgency headings are in the page's language and in the plan's order.
          const headings = await plan.locator('h3.urgency').allTextContents();
          assert.deepEqual(headings, [...new Set(steps.map((s) => messages.urgencies[s.urgency as keyof typeof messages.urgencies]))]);

          // Personal: the why names each breach of theirs, by its title as the page shows it.
          const titles = await page.locator('#check-output li[data-breach] h3').allTextContents();
          const whys = steps.flatMap((s) => s.why).join('\n');
          for (const title of titles) assert.ok(whys.includes(title), `the plan names ${title}`);

          // Nothing typed left the browser.
          for (const value of Object.values(typed)) {
            const compact = value.replace(/[\s-]/g, '');
            for (const request of sent)
              assert.ok(!request.replace(/[\s-]/g, '').includes(compact), `typed value in ${request.split('\n')[0]}`);
          }
          guard.assertClean();
        } finally {
          await guard.close();
        }
      });
    }
  },
);
