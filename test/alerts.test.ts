// Alerts about future breaches, end to end over real HTTP, a real SMTP server started in the test, and the
// real database (SQLite, and the PostgreSQL server): a person checks, subscribes with the values their
// check derived, confirms by the emailed link; a second breach with them in it is ingested; exactly one
// alert reaches the SMTP server, it carries no identifier, and their combined exposure now shows the
// cross-breach scenario. Failures are retried and then reported, never dropped; unsubscribing deletes all.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { synthCommand } from '../src/cli/synth-command.js';
import { runCli } from '../src/main/cli.js';
import { createAlertsRuntime, type AlertsRuntime } from '../src/main/alerts-runtime.js';
import { createLookupPublisher, type LookupPublisher } from '../src/main/lookup-publisher.js';
import { createIndexing } from '../src/main/indexing.js';
import { createAlertsStore, MAX_ATTEMPTS, RETRY_DELAYS_MS, SEND_LEASE_MS } from '../src/modules/alerts/index.js';
import { smtpUrlWithDefaults } from '../src/adapters/smtp-mailer.js';
import { assessExposure } from '../src/modules/exposure/index.js';
import { createHttpTransport, prepareLookup, runLookup, type LookupResult } from '../src/modules/lookup/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import { buildApp } from '../src/web/app.js';
import { postgresUnavailableReason } from './support/databases.js';
import { createIndexingEnv, type IndexingEnv } from './support/indexing.js';
import { mailHeader, mailText, startTestSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { crossBreachFiles, identifierForms, type CrossBreachPerson } from './support/cross-breach.js';

const quietIo = { out: () => undefined, err: () => undefined };

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = kind === 'postgres' ? ((await postgresUnavailableReason()) ?? false) : false;

  describe(`alerts about future breaches (${kind})`, { skip, timeout: 180_000 }, () => {
    let dir: string;
    let env: IndexingEnv;
    let smtp: TestSmtpServer;
    let app: FastifyInstance;
    let publisher: LookupPublisher;
    let runtime: AlertsRuntime;
    let url: string;
    let person: CrossBreachPerson;
    let files: { almerys: string; chronopost: string };
    const clock = fixedClock('2026-11-27T10:00:00Z');
    const logStream = new PassThrough();
    let logText = '';
    const email = 'Camille.Alerte@example.org';

    const check = async (): Promise<LookupResult> => {
      const prepared = prepareLookup({ frNir: person.nir, phone: person.phone }, { today: '2026-11-27', defaultRegion: 'FR' });
      assert.deepEqual(prepared.problems, []);
      return runLookup(prepared.inputs, createHttpTransport({ apiBase: url }));
    };
    const ingest = async (file: string, slug: string) => {
      await env.indexing.ingestFile(file, {
        maps: [],
        keepContacts: false,
        restart: false,
        actor: 'test',
        inProcess: true,
        breachSlug: slug,
        defaultRegion: 'FR',
      });
      await publisher.refresh();
    };
    const watchesOf = (result: LookupResult) => result.watches.map(({ epoch, bucketHash, tag }) => ({ epoch, bucketHash, tag }));
    const post = (path: string, payload: unknown) =>
      app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    const linkIn = (text: string, path: string): URL => {
      const match = new RegExp(`https?://\\S+${path.replace('/', '\\/')}\\S*`).exec(text);
      assert.ok(match, `the email has a ${path} link`);
      return new URL(match[0]);
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'breachdesk-alerts-'));
      smtp = await startTestSmtpServer();
      env = await createIndexingEnv(kind, { workers: 1 });
      const viamedis = join(dir, 'viamedis.csv');
      assert.equal(
        await synthCommand(['--profile', 'viamedis', '--rows', '60', '--seed', 'alerts', '--defects', '0', '--out', viamedis], quietIo),
        0,
      );
      const chronopostOthers = join(dir, 'chronopost-others.csv');
      assert.equal(
        await synthCommand(
          ['--profile', 'chronopost', '--rows', '40', '--seed', 'alerts', '--defects', '0', '--out', chronopostOthers],
          quietIo,
        ),
        0,
      );
      ({ person, files } = crossBreachFiles(dir, readFileSync(viamedis, 'utf8'), readFileSync(chronopostOthers, 'utf8')));
      const logger = createLogger({ level: 'info', destination: logStream });
      logStream.on('data', (chunk: Buffer) => {
        logText += chunk.toString('utf8');
      });
      publisher = await createLookupPublisher(env.indexing, {
        dir: join(env.dataDir, 'lookup'),
        logger,
        reload: () => createIndexing(env.config, env.services, logger),
      });
      await ingest(files.almerys, 'almerys');
      const config = loadConfig({ ...env.env, SMTP_URL: smtp.url, MAIL_FROM: 'breachdesk <alerts@breachdesk.test>' });
      runtime = await createAlertsRuntime(config, env.services, logger, {
        baseUrl: () => url,
        activeEpoch: () => publisher.activeKey().epoch,
        clock,
      });
      app = await buildApp({
        catalogue: env.services.catalogue,
        apiKeys: env.services.apiKeys,
        logger,
        checkDatabase: async () => {
          await sql`select 1`.execute(env.services.database.db);
        },
        lookup: { publications: publisher, activeKey: () => publisher.activeKey(), rateLimit: null },
        alerts: { alerts: runtime.alerts, rateLimit: null },
      });
      url = await app.listen({ host: '127.0.0.1', port: 0 });
    });

    after(async () => {
      await app?.close();
      await runtime?.close();
      publisher?.close();
      await smtp?.close();
      await env?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('sends exactly one alert, without any identifier, when a second breach contains the subscriber', async () => {
      const first = await check();
      assert.deepEqual(
        first.matches.map((m) => m.slug),
        ['almerys'],
      );
      assert.equal(
        assessExposure(first.matches).scenarios.find((s) => s.id === 'health-refund-fraud'),
        undefined,
      );

      // Subscribe with what the check derived: two watched identifiers, no identifier itself.
      const subscribed = await post('/api/v1/alerts/subscriptions', { email, locale: 'fr', watches: watchesOf(first) });
      assert.equal(subscribed.statusCode, 202, subscribed.body);
      await runtime.runOnce();
      assert.equal(smtp.received.length, 1, 'one confirmation email');
      const confirmation = smtp.received[0]!;
      assert.deepEqual(confirmation.to, ['camille.alerte@example.org']);
      const confirmUrl = linkIn(mailText(confirmation.raw), '/alerts/confirm');
      assert.equal(confirmUrl.searchParams.get('lang'), 'fr');
      // So the reader can tell whether it was them: where and on which day the address was entered.
      assert.match(mailText(confirmation.raw), /Le 27 novembre 2026/);
      assert.ok(mailText(confirmation.raw).includes(`${new URL(url).origin}/check`));

      // Opening the link changes nothing (mail scanners open links); the button does.
      const page = await app.inject({ method: 'GET', url: `${confirmUrl.pathname}${confirmUrl.search}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Activer les alertes/);
      assert.equal((await runtime.status()).subscriptions.pending, 1);
      const confirmed = await app.inject({
        method: 'POST',
        url: '/alerts/confirm?lang=fr',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ token: confirmUrl.searchParams.get('token')! }).toString(),
      });
      assert.equal(confirmed.statusCode, 200);
      assert.match(confirmed.body, /data-outcome="confirmed"/);
      assert.deepEqual((await runtime.status()).subscriptions, { pending: 0, active: 1 });

      // The breach they were already in when they subscribed is never alerted.
      await runtime.runOnce();
      assert.equal(smtp.received.length, 1);

      await ingest(files.chronopost, 'chronopost');
      const report = await runtime.runOnce();
      assert.equal(report.queued, 1);
      assert.equal(report.sent, 1);
      assert.equal(smtp.received.length, 2, 'exactly one alert reached the SMTP server');
      // Scanning again, or ingesting the same file again, sends nothing more.
      await ingest(files.chronopost, 'chronopost');
      assert.equal((await runtime.runOnce()).sent, 0);
      assert.equal(smtp.received.length, 2);

      const alert = smtp.received[1]!;
      assert.deepEqual(alert.to, ['camille.alerte@example.org']);
      const text = mailText(alert.raw);
      for (const form of identifierForms(person)) {
        assert.ok(
          !alert.raw.toLowerCase().includes(form.toLowerCase()),
          `the alert's raw message contains an identifier (as "${form.slice(0, 6)}…")`,
        );
        assert.ok(!text.toLowerCase().includes(form.toLowerCase()), `the alert's text contains an identifier (as "${form.slice(0, 6)}…")`);
      }
      assert.ok(!/chronopost/i.test(text), 'the alert does not name the breach');
      const checkUrl = linkIn(text, '/check');
      assert.ok(
        text.includes(`saisir vous-même ${new URL(url).origin}/check`),
        'the alert says the address can be typed instead of clicked',
      );
      assert.equal(checkUrl.searchParams.get('lang'), 'fr');
      assert.match(mailHeader(alert.raw, 'List-Unsubscribe-Post') ?? '', /List-Unsubscribe=One-Click/);

      // The person checks again: both breaches, and the scenario that needs both.
      const second = await check();
      assert.deepEqual(
        second.matches.map((m) => m.slug),
        ['almerys', 'chronopost'],
      );
      const refund = assessExposure(second.matches).scenarios.find((s) => s.id === 'health-refund-fraud');
      assert.ok(refund, 'health-refund fraud is triggered by the combination');
      assert.equal(refund.crossBreach, true);

      // One-click unsubscribe (RFC 8058) deletes everything about them.
      const oneClick = new URL(/<([^>]+)>/.exec(mailHeader(alert.raw, 'List-Unsubscribe') ?? '')![1]!);
      const gone = await app.inject({
        method: 'POST',
        url: `${oneClick.pathname}${oneClick.search}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(gone.statusCode, 200);
      assert.match(gone.body, /data-outcome="deleted"/);
      const db = env.services.database.db;
      for (const table of ['alert_subscriptions', 'alert_watches', 'alert_messages'] as const) {
        const rows = await db
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(rows.n), 0, `${table} is empty after unsubscribing`);
      }
      const again = await app.inject({
        method: 'POST',
        url: `${oneClick.pathname}${oneClick.search}`,
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.match(again.body, /data-outcome="gone"/);
    });

    it('logs no address, no identifier and no link token', () => {
      assert.match(logText, /alert email sent/, 'the logs were captured');
      assert.match(logText, /token=\[redacted\]/, 'the link pages were requested and logged');
      for (const form of [email, email.toLowerCase(), ...identifierForms(person)]) {
        assert.ok(!logText.toLowerCase().includes(form.toLowerCase()), `the logs hold "${form}"`);
      }
      for (const mail of smtp.received) {
        for (const token of mailText(mail.raw).match(/token=[A-Za-z0-9._%-]+/g) ?? [])
          assert.ok(!logText.includes(token), 'a link token is in the logs');
      }
    });

    it('stores the address only sealed, and no identifier, in the database', async () => {
      await post('/api/v1/alerts/subscriptions', { email, locale: 'en', watches: watchesOf(await check()) });
      const stored =
        kind === 'postgres'
          ? await env.dumpPostgres()
          : readFileSync(env.config.sqlitePath).toString('latin1') +
            readFileSync(`${env.config.sqlitePath}-wal`, { flag: 'a+' }).toString('latin1');
      for (const form of [email, email.toLowerCase(), ...identifierForms(person)]) {
        assert.ok(!stored.toLowerCase().includes(form.toLowerCase()), `the database holds "${form}" in clear`);
      }
    });

    it('retries a temporary refusal, reports a permanent one, and never drops either', async () => {
      smtp.received.length = 0;
      const watches = watchesOf(await check());
      smtp.refuse('later@example.org', 451);
      smtp.refuse('never@example.org', 550);
      assert.equal((await post('/api/v1/alerts/subscriptions', { email: 'later@example.org', locale: 'sv', watches })).statusCode, 202);
      assert.equal((await post('/api/v1/alerts/subscriptions', { email: 'never@example.org', locale: 'en', watches })).statusCode, 202);
      const first = await runtime.runOnce();
      assert.equal(first.retried, 1);
      assert.equal(first.failed, 1);
      let status = await runtime.status();
      assert.equal(status.failures.length, 1);
      assert.match(status.failures[0]!.lastError ?? '', /^SMTP 550/);
      assert.ok(!JSON.stringify(status).includes('never@'), 'the report names no address');

      // Not due yet: nothing is sent before the retry delay.
      assert.equal((await runtime.runOnce()).retried, 0);
      clock.advance(RETRY_DELAYS_MS[0]! + 1000);
      smtp.refuse('later@example.org', null);
      const retried = await runtime.runOnce();
      assert.equal(retried.sent, 1);
      assert.equal(smtp.received.filter((m) => m.to.includes('later@example.org')).length, 1);
      assert.match(mailText(smtp.received.at(-1)!.raw), /Bekräfta|bekräfta/);

      // A temporary failure that never ends is given up after MAX_ATTEMPTS and reported.
      smtp.refuse('stuck@example.org', 451);
      await post('/api/v1/alerts/subscriptions', { email: 'stuck@example.org', locale: 'en', watches });
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        await runtime.runOnce();
        clock.advance((RETRY_DELAYS_MS[attempt] ?? 0) + 1000);
      }
      status = await runtime.status();
      assert.equal(status.failures.length, 2);
      assert.ok(status.failures.some((f) => f.attempts === MAX_ATTEMPTS && /^SMTP 451/.test(f.lastError ?? '')));
      assert.equal(status.messages.queued + status.messages.sending, 0, 'nothing is left in limbo');
    });

    it('refuses bad subscriptions with field-level errors and bad tokens with 404', async () => {
      const watches = watchesOf(await check());
      const bad = await post('/api/v1/alerts/subscriptions', { email: 'not-an-address', locale: 'de', watches: [] });
      assert.equal(bad.statusCode, 400);
      const problem = bad.json<{ code: string; errors: { path: string }[] }>();
      assert.equal(problem.code, 'VALIDATION_FAILED');
      assert.ok(problem.errors.some((e) => e.path.startsWith('locale')));
      const wrongEpoch = await post('/api/v1/alerts/subscriptions', { email, locale: 'en', watches: [{ ...watches[0]!, epoch: 99 }] });
      assert.equal(wrongEpoch.statusCode, 400);
      assert.ok(wrongEpoch.json<{ errors: { path: string }[] }>().errors.some((e) => e.path === 'watches.0.epoch'));
      const forged = await post('/api/v1/alerts/confirm', { token: '01ABC.forged' });
      assert.equal(forged.statusCode, 404);
      assert.equal(forged.json<{ code: string }>().code, 'ALERT_TOKEN_INVALID');
      const page = await app.inject({
        method: 'POST',
        url: '/alerts/unsubscribe?lang=sv',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'token=nope',
      });
      assert.equal(page.statusCode, 404);
      assert.match(page.body, /Länken fungerar inte/);
    });

    it('reports from the command line, without any address', async () => {
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
      assert.equal(await runCli(['alerts', 'status'], io, { ...env.env, SMTP_URL: smtp.url }), 0);
      const text = lines.join('\n');
      assert.match(text, /subscriptions: 0 active, \d+ pending confirmation/);
      assert.match(text, /failed messages \(2\):/);
      assert.match(text, /SMTP 550/);
      assert.ok(!text.includes('@example.org'));
      lines.length = 0;
      assert.notEqual(await runCli(['alerts', 'run'], io, { ...env.env, SMTP_URL: '' }), 0);
      assert.match(lines.join('\n'), /SMTP_URL/);
    });

    it('sends each message once when two workers deliver at the same time', async () => {
      const watches = watchesOf(await check());
      const addresses = Array.from({ length: 12 }, (_, i) => `pair-${i}@example.org`);
      for (const address of addresses) {
        assert.equal((await post('/api/v1/alerts/subscriptions', { email: address, locale: 'en', watches })).statusCode, 202);
      }
      const second = await createAlertsRuntime(
        loadConfig({ ...env.env, SMTP_URL: smtp.url }),
        env.services,
        createLogger({ level: 'silent' }),
        {
          baseUrl: () => url,
          activeEpoch: () => publisher.activeKey().epoch,
          clock,
        },
      );
      try {
        const [a, b] = await Promise.all([runtime.runOnce(), second.runOnce()]);
        assert.equal(a.sent + b.sent, addresses.length);
      } finally {
        await second.close();
      }
      for (const address of addresses) {
        assert.equal(smtp.received.filter((m) => m.to.includes(address)).length, 1, `${address} got exactly one confirmation`);
      }
    });

    it('asks subscribers to renew after a key rotation, then deletes their subscription', async () => {
      const watches = watchesOf(await check());
      assert.equal((await post('/api/v1/alerts/subscriptions', { email: 'rotated@example.org', locale: 'fr', watches })).statusCode, 202);
      await runtime.runOnce();
      const confirmation = smtp.received.findLast((m) => m.to.includes('rotated@example.org'));
      assert.ok(confirmation);
      const token = linkIn(mailText(confirmation.raw), '/alerts/confirm').searchParams.get('token')!;
      assert.equal((await post('/api/v1/alerts/confirm', { token })).json<{ status: string }>().status, 'confirmed');
      assert.equal((await runtime.runOnce()).renewals, 0, 'watches of the serving epoch need no renewal');

      // The same database seen by a process whose index serves the next key epoch.
      const config = loadConfig({ ...env.env, SMTP_URL: smtp.url });
      const rotated = await createAlertsRuntime(config, env.services, createLogger({ level: 'silent' }), {
        baseUrl: () => url,
        activeEpoch: () => publisher.activeKey().epoch + 1,
        clock,
      });
      try {
        const before = smtp.received.length;
        const report = await rotated.runOnce();
        assert.equal(report.renewals, 1);
        assert.equal(report.sent, 1);
        assert.equal((await rotated.runOnce()).renewals, 0, 'asked once');
        const renewal = smtp.received.slice(before);
        assert.equal(renewal.length, 1);
        assert.deepEqual(renewal[0]!.to, ['rotated@example.org']);
        assert.match(mailText(renewal[0]!.raw), /réinscrivez-vous/);
        linkIn(mailText(renewal[0]!.raw), '/check');
        assert.equal((await runtime.status()).subscriptions.active, 0, 'the old subscription is gone');
      } finally {
        await rotated.close();
      }
    });

    it('expires a subscription nobody confirms', async () => {
      const before = (await runtime.status()).subscriptions.pending;
      assert.ok(before > 0);
      clock.advance(49 * 3_600_000);
      const report = await runtime.runOnce();
      assert.equal(report.expired, before);
      assert.equal((await runtime.status()).subscriptions.pending, 0);
    });

    const confirmTokenFor = (address: string): string => {
      const mail = smtp.received.findLast((m) => m.to.includes(address) && /\/alerts\/confirm/.test(mailText(m.raw)));
      assert.ok(mail, `a confirmation reached ${address}`);
      return linkIn(mailText(mail.raw), '/alerts/confirm').searchParams.get('token')!;
    };
    const mailsTo = (address: string, from = 0) => smtp.received.slice(from).filter((m) => m.to.includes(address));
    const count = async (table: 'alert_subscriptions' | 'alert_watches' | 'alert_messages', subscriptionId?: string) => {
      const db = env.services.database.db;
      const row = await (
        subscriptionId === undefined
          ? db.selectFrom(table).select(sql<number>`count(*)`.as('n'))
          : table === 'alert_subscriptions'
            ? db
                .selectFrom(table)
                .select(sql<number>`count(*)`.as('n'))
                .where('id', '=', subscriptionId)
            : db
                .selectFrom(table)
                .select(sql<number>`count(*)`.as('n'))
                .where('subscription_id', '=', subscriptionId)
      ).executeTakeFirstOrThrow();
      return Number(row.n);
    };

    it('mails one confirmation a day per address, however often it is asked, and the link confirms the latest choice', async () => {
      const all = watchesOf(await check());
      assert.equal(all.length, 2);
      const before = smtp.received.length;
      // Six requests over an hour, as an attacker (or an impatient person) would send them, the worker running
      // in between: one email.
      for (let i = 0; i < 5; i++) {
        assert.equal(
          (await post('/api/v1/alerts/subscriptions', { email: 'flood@example.org', locale: 'en', watches: [all[0]!] })).statusCode,
          202,
        );
        await runtime.runOnce();
        clock.advance(10 * 60_000);
      }
      const last = await post('/api/v1/alerts/subscriptions', { email: 'FLOOD@Example.org', locale: 'fr', watches: all });
      assert.equal(last.statusCode, 202);
      assert.deepEqual(last.json(), { status: 'confirmation-sent' }, 'the same answer, so it tells nobody the address asked before');
      await runtime.runOnce();
      assert.equal(mailsTo('flood@example.org', before).length, 1, 'one confirmation for six requests');
      assert.equal((await runtime.status()).subscriptions.pending, 1);
      const first = confirmTokenFor('flood@example.org');

      // A day later a new request mails a new link, and the old one stops working.
      clock.advance(25 * 3_600_000);
      assert.equal(
        (await post('/api/v1/alerts/subscriptions', { email: 'flood@example.org', locale: 'sv', watches: all })).statusCode,
        202,
      );
      await runtime.runOnce();
      assert.equal(mailsTo('flood@example.org', before).length, 2);
      assert.equal((await runtime.status()).subscriptions.pending, 1, 'the new request replaced the old one');
      assert.equal((await post('/api/v1/alerts/confirm', { token: first })).statusCode, 404);
      const second = confirmTokenFor('flood@example.org');
      assert.equal((await post('/api/v1/alerts/confirm', { token: second })).json<{ status: string }>().status, 'confirmed');
      assert.equal(await count('alert_watches', second.split('.')[0]), 2, 'both details are watched');
    });

    it('alerts about a breach ingested while the subscription waited for confirmation, and never about one already seen', async () => {
      const before = smtp.received.length;
      assert.equal(
        (await post('/api/v1/alerts/subscriptions', { email: 'late@example.org', locale: 'en', watches: watchesOf(await check()) }))
          .statusCode,
        202,
      );
      await runtime.runOnce();
      assert.equal(mailsTo('late@example.org', before).length, 1, 'the confirmation');
      // The person is in Viamedis too; that file is ingested before they open the confirmation email.
      await ingest(join(dir, 'viamedis.csv'), 'viamedis');
      await runtime.runOnce();
      assert.equal(mailsTo('late@example.org', before).length, 1, 'nothing more before the confirmation');
      assert.equal(mailsTo('flood@example.org', before).length, 1, 'the confirmed subscriber is alerted at once');
      assert.equal((await post('/api/v1/alerts/confirm', { token: confirmTokenFor('late@example.org') })).statusCode, 200);
      await runtime.runOnce();
      const mails = mailsTo('late@example.org', before);
      assert.equal(mails.length, 2, 'the held alert is sent once confirmed');
      assert.match(mailText(mails[1]!.raw), /\/check/);
      // Almerys and Chronopost, which they saw when they subscribed, were recorded as seen, never sent.
      await runtime.runOnce();
      assert.equal(mailsTo('late@example.org', before).length, 2);
      const status = await runtime.status();
      assert.ok(status.messages.skipped >= 2);
      assert.equal(status.messages.held, 0);
    });

    it('lets a second confirmed subscription of an address replace the first: one alert per breach, one unsubscribe for all', async () => {
      const watches = watchesOf(await check());
      const before = smtp.received.length;
      await post('/api/v1/alerts/subscriptions', { email: 'twice@example.org', locale: 'en', watches: [watches[0]!] });
      await runtime.runOnce();
      assert.equal((await post('/api/v1/alerts/confirm', { token: confirmTokenFor('twice@example.org') })).statusCode, 200);
      const active = (await runtime.status()).subscriptions.active;
      await post('/api/v1/alerts/subscriptions', { email: 'twice@example.org', locale: 'en', watches });
      await runtime.runOnce();
      assert.equal(mailsTo('twice@example.org', before).length, 2, 'a confirmed address may ask again, and confirms again');
      assert.equal((await post('/api/v1/alerts/confirm', { token: confirmTokenFor('twice@example.org') })).statusCode, 200);
      assert.equal((await runtime.status()).subscriptions.active, active, 'replaced, not added');

      // A process that serves no key epoch yet asks nobody to renew (and so deletes nobody).
      const unkeyed = await createAlertsRuntime(
        loadConfig({ ...env.env, SMTP_URL: smtp.url }),
        env.services,
        createLogger({ level: 'silent' }),
        {
          baseUrl: () => url,
          activeEpoch: () => 0,
          clock,
        },
      );
      try {
        assert.equal((await unkeyed.runOnce()).renewals, 0);
      } finally {
        await unkeyed.close();
      }
      assert.equal((await runtime.status()).subscriptions.active, active);

      // A new breach holding the person's phone: one alert for this address, not one per subscription it ever had.
      const phoneFile = join(dir, 'ircantec.csv');
      writeFileSync(phoneFile, `telephone\n${person.phone}\n`);
      await ingest(phoneFile, 'caisse-des-depots-ircantec');
      await runtime.runOnce();
      const alerts = mailsTo('twice@example.org', before).slice(2);
      assert.equal(alerts.length, 1, 'exactly one alert');

      // RFC 8058 §3.1: the one-click POST may be multipart/form-data.
      const oneClick = new URL(/<([^>]+)>/.exec(mailHeader(alerts[0]!.raw, 'List-Unsubscribe') ?? '')![1]!);
      const boundary = 'breachdesk-test-boundary';
      const gone = await app.inject({
        method: 'POST',
        url: `${oneClick.pathname}${oneClick.search}`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      });
      assert.equal(gone.statusCode, 200, gone.body);
      assert.match(gone.body, /data-outcome="deleted"/);
      assert.equal((await runtime.status()).subscriptions.active, active - 1);
    });

    it('gives up, and reports, a message whose sender keeps stopping mid-send; a late sender never overwrites the next one', async () => {
      const db = env.services.database.db;
      await post('/api/v1/alerts/subscriptions', { email: 'dies@example.org', locale: 'en', watches: watchesOf(await check()) });
      const { id } = await db
        .selectFrom('alert_messages')
        .select('id')
        .where('kind', '=', 'confirm')
        .where('state', '=', 'queued')
        .executeTakeFirstOrThrow();
      // As after MAX_ATTEMPTS processes were killed while sending it.
      await db
        .updateTable('alert_messages')
        .set({ state: 'sending', attempts: MAX_ATTEMPTS, lease_until: '2000-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute();
      const before = smtp.received.length;
      const report = await runtime.runOnce();
      assert.equal(report.failed, 1);
      assert.equal(mailsTo('dies@example.org', before).length, 0);
      const failure = (await runtime.status()).failures.find((f) => f.id === id);
      assert.match(failure?.lastError ?? '', /^INTERRUPTED/);

      // Two claims of one message: the first sender's lease ran out and a second took it over.
      const store = createAlertsStore(db);
      await post('/api/v1/alerts/subscriptions', { email: 'slow@example.org', locale: 'en', watches: watchesOf(await check()) });
      const [message] = (await store.due(new Date(clock.now().getTime() + 1000).toISOString(), 10)).filter((m) => m.kind === 'confirm');
      assert.ok(message);
      const t0 = clock.now().getTime();
      assert.ok(await store.claim(message, new Date(t0 + 1000).toISOString(), new Date(t0 + 2000).toISOString()));
      const [reclaimable] = (await store.due(new Date(t0 + 3000).toISOString(), 10)).filter((m) => m.id === message.id);
      assert.ok(reclaimable);
      assert.ok(await store.claim(reclaimable, new Date(t0 + 3000).toISOString(), new Date(t0 + 600_000).toISOString()));
      assert.equal(
        await store.reschedule({ id: message.id, attempts: 1 }, new Date(t0).toISOString(), 'SMTP 451'),
        false,
        'the late sender records nothing',
      );
      assert.equal(await store.markSent({ id: message.id, attempts: 2 }, new Date(t0 + 4000).toISOString()), true);
      assert.equal(
        (await db.selectFrom('alert_messages').select('state').where('id', '=', message.id).executeTakeFirstOrThrow()).state,
        'sent',
      );
    });
  });
}

describe('the SMTP connection URL', () => {
  it('adds the pool and timeouts that keep a send inside the outbox lease, and keeps what the URL sets', () => {
    const url = new URL(smtpUrlWithDefaults('smtp://user:pw@mail.example.org:587'));
    assert.equal(url.searchParams.get('pool'), 'true');
    assert.equal(url.searchParams.get('socketTimeout'), '60000');
    assert.ok(Number(url.searchParams.get('socketTimeout')) * 2 < SEND_LEASE_MS);
    const kept = new URL(smtpUrlWithDefaults('smtps://mail.example.org?pool=false&socketTimeout=5000'));
    assert.equal(kept.searchParams.get('pool'), 'false');
    assert.equal(kept.searchParams.get('socketTimeout'), '5000');
    assert.equal(kept.searchParams.get('connectionTimeout'), '30000');
    assert.equal(kept.username + kept.hostname, 'mail.example.org');
  });
});
