// Notification campaigns (issue 7) on SQLite and PostgreSQL, against a real SMTP server: recipients copied
// sealed from the kept contacts, the Art. 34(2) check before start, exactly one e-mail per person, bounces,
// pause/cancel, several workers, purge.
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLetterCampaignSender } from '../src/adapters/letter-campaign-sender.js';
import Fastify from 'fastify';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { create46elksSmsProvider, parse46elksDeliveryReport } from '../src/adapters/sms-46elks.js';
import { createSmsCampaignSender } from '../src/adapters/sms-campaign-sender.js';
import { createSmtpCampaignSender } from '../src/adapters/smtp-campaign-sender.js';
import { createCampaignsRuntime, type CampaignsRuntime } from '../src/main/campaigns-runtime.js';
import { isAppError } from '../src/platform/errors.js';
import { registerSmsReportRoutes } from '../src/web/sms-report-routes.js';
import { createLogger } from '../src/platform/logger.js';
import { createCampaignWorld, CAMPAIGN_SLUG, type CampaignWorld } from './support/campaign.js';
import { testDatabases } from './support/databases.js';
import { pdfText, popplerSkipReason, renderPdfPages } from './support/pdf.js';
import { skipOutsideCi } from './support/skip.js';
import { mailText, startTestSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { startTestSmsServer } from './support/sms-server.js';

const ROWS = 240;

for (const database of await testDatabases()) {
  describe(`notification campaigns (${database.name})`, { skip: skipOutsideCi(database.skip || null), timeout: 180_000 }, () => {
    let world: CampaignWorld;
    let smtp: TestSmtpServer;
    let runtime: CampaignsRuntime;
    const emails = () => [...new Set(world.people.map((p) => p.email).filter((e): e is string => e !== null))];

    before(async () => {
      world = await createCampaignWorld(database.name, ROWS);
      smtp = await startTestSmtpServer();
      runtime = await createCampaignsRuntime(world.config, world.services, createLogger({ level: 'silent' }), {
        senders: [createSmtpCampaignSender({ url: smtp.url, from: 'Colis Express <dpo@colis.example>', maxConnections: 4 })],
      });
    });

    after(async () => {
      await runtime?.close();
      await smtp?.close();
      await world?.close();
    });

    it('copies the kept contacts into a draft, sealed under the campaign key, with no address in clear', async () => {
      const created = await runtime.campaigns.create(world.ctx, {
        incidentId: world.incidentId,
        breachSlug: CAMPAIGN_SLUG,
        name: 'Information des clients',
        config: { channels: ['email'] },
      });
      assert.equal(created.state, 'draft');
      assert.equal(created.unreadable, 0);
      const withIdentifier = world.people.filter((p) => p.email !== null || p.phone !== null).length;
      assert.ok(created.recipients > 0 && created.recipients <= withIdentifier, `${created.recipients} of ${withIdentifier}`);
      const db = world.services.database.db;
      const rows = await db.selectFrom('campaign_recipients').select(['sealed', 'channels']).execute();
      assert.equal(rows.length, created.recipients);
      const sample = emails().slice(0, 20);
      for (const r of rows) {
        const bytes = Buffer.from(r.sealed).toString('latin1');
        for (const e of sample) assert.ok(!bytes.includes(e), 'an address in clear in a sealed row');
      }
      const stored = await db.selectFrom('campaigns').select('config').executeTakeFirstOrThrow();
      for (const e of sample) assert.ok(!stored.config.includes(e));
      if (database.name === 'sqlite') {
        const file = await readFile(join(world.config.dataDir, 'breachdesk.sqlite'));
        for (const e of sample) assert.equal(file.indexOf(Buffer.from(e)), -1, 'an address in clear in the database file');
      }
      await runtime.campaigns.act(world.ctx, created.id, 'cancel');
    });

    it('refuses to start while a template lacks what Art. 34(2) requires, naming what is missing', async () => {
      const c = await runtime.campaigns.create(world.ctx, {
        incidentId: world.incidentId,
        breachSlug: CAMPAIGN_SLUG,
        name: 'Brouillon incomplet',
        config: {
          channels: ['email'],
          templates: {
            email: { fr: { subject: 'Information', body: 'Bonjour, nous avons détecté un incident. Restez vigilants : {{planLink}}' } },
          },
        },
      });
      await assert.rejects(
        () => runtime.campaigns.act(world.ctx, c.id, 'start'),
        (e: unknown) => {
          assert.ok(isAppError(e) && e.code === 'CAMPAIGN_TEMPLATE_INCOMPLETE', String(e));
          const problems = (e.data as { problems: { channel: string; locale: string; missing: string[] }[] }).problems;
          assert.equal(problems[0]?.locale, 'fr');
          for (const element of ['contact-point', 'consequences', 'measures']) assert.ok(problems[0]?.missing.includes(element), element);
          return true;
        },
      );
      assert.equal((await runtime.campaigns.get(world.ctx, c.id)).state, 'draft');
      // A template naming an unknown placeholder is refused field by field.
      const revision = (await runtime.campaigns.get(world.ctx, c.id)).revision;
      await assert.rejects(
        () =>
          runtime.campaigns.configure(
            world.ctx,
            c.id,
            { templates: { email: { fr: { subject: 'x', body: '{{nir}} {{planLink}}' } } } },
            revision,
          ),
        (e: unknown) => isAppError(e) && e.code === 'VALIDATION_FAILED' && /\{\{nir\}\}/.test(e.message),
      );
      await runtime.campaigns.act(world.ctx, c.id, 'cancel');
    });

    it('sends each person exactly one e-mail, with their own exposed data and a plan link, never an identifier', async () => {
      const bounced = emails().slice(0, 3);
      for (const e of bounced) smtp.refuse(e, 550);
      smtp.received.length = 0;
      const c = await runtime.campaigns.create(world.ctx, {
        incidentId: world.incidentId,
        breachSlug: CAMPAIGN_SLUG,
        name: 'Information des clients par e-mail',
        config: { channels: ['email'] },
      });
      await runtime.campaigns.act(world.ctx, c.id, 'start');
      // Paused: nothing is sent.
      await runtime.campaigns.act(world.ctx, c.id, 'pause');
      const worker = runtime.worker({ batchSize: 50 });
      assert.equal(await worker.drain(), 0);
      assert.equal(smtp.received.length, 0);
      await runtime.campaigns.act(world.ctx, c.id, 'resume');
      await worker.drain();
      assert.equal(await worker.drain(), 0, 'a second run finds nothing to send');

      const expected = emails().filter((e) => !bounced.includes(e));
      const got = smtp.received.flatMap((m) => m.to);
      assert.equal(got.length, new Set(got).size, 'nobody got two');
      const missing = expected.filter((e) => !got.includes(e));
      const extra = got.filter((e) => !expected.includes(e));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      for (const mail of smtp.received) {
        const text = mailText(mail.raw);
        const person = world.people.find((p) => p.email === mail.to[0]);
        assert.ok(!text.includes(mail.to[0]!), 'the address is not in the text');
        if (person?.phone) assert.ok(!text.replace(/\s/g, '').includes(person.phone.replace(/\s/g, '').slice(-8)), 'no phone number');
        assert.match(text, /Adresse e-mail/);
        assert.match(text, new RegExp(`https://breachdesk\\.test/check\\?lang=fr#plan=${CAMPAIGN_SLUG}:`));
        assert.match(text, /délégué à la protection des données : Délégué à la protection des données, dpo@colis\.example/);
      }
      const stats = await runtime.campaigns.stats(world.ctx, c.id);
      assert.equal(stats.messages.email.sent, expected.length);
      assert.equal(stats.messages.email.bounced, bounced.length);
      assert.ok(stats.failures.some((f) => f.detail.startsWith('SMTP 550')));
      assert.equal((await runtime.campaigns.get(world.ctx, c.id)).state, 'completed');
      for (const e of bounced) smtp.refuse(e, null);
    });

    it('falls back to SMS for people whose e-mail bounced or who have none, and reports who cannot be reached', async () => {
      smtp.received.length = 0;
      const bounced = emails().slice(5, 9);
      for (const e of bounced) smtp.refuse(e, 550);
      const sms = await startTestSmsServer({ username: 'u', password: 'p' });
      const both = await createCampaignsRuntime(world.config, world.services, createLogger({ level: 'silent' }), {
        senders: [
          createSmtpCampaignSender({ url: smtp.url, from: 'Colis Express <dpo@colis.example>', maxConnections: 4 }),
          createSmsCampaignSender({
            provider: create46elksSmsProvider({ username: 'u', password: 'p', sender: 'ColisExp', baseUrl: sms.url }),
          }),
        ],
      });
      try {
        const c = await both.campaigns.create(world.ctx, {
          incidentId: world.incidentId,
          breachSlug: CAMPAIGN_SLUG,
          name: 'E-mail puis SMS',
          config: { channels: ['email', 'sms'] },
        });
        await both.campaigns.act(world.ctx, c.id, 'start');
        await both.worker({ batchSize: 40 }).drain();
        const stats = await both.campaigns.stats(world.ctx, c.id);
        const viaEmail = smtp.received.flatMap((m) => m.to);
        assert.equal(viaEmail.length, new Set(viaEmail).size);
        assert.equal(viaEmail.length, emails().length - bounced.length);
        const smsTo = sms.received.map((m) => m.to);
        assert.equal(smsTo.length, new Set(smsTo).size, 'nobody got two SMS');
        const noEmail = world.people.filter((p) => p.email === null && p.phone !== null && p.hasAddress).length;
        const bouncedWithPhone = world.people.filter((p) => p.email !== null && bounced.includes(p.email) && p.phone !== null).length;
        assert.equal(smsTo.length, noEmail + bouncedWithPhone);
        for (const m of sms.received) {
          assert.match(m.to, /^\+\d{8,15}$/);
          assert.ok(!m.message.includes(m.to) && !m.message.includes(m.to.slice(3)), 'the number is not in the text');
          assert.match(m.message, /#plan=/);
        }
        // A bounce that comes back after the server accepted the e-mail (a DSN to the VERP address) sends
        // that person an SMS too.
        const late = smtp.received.find((m) => world.people.some((p) => p.email === m.to[0] && p.phone !== null))!;
        const report = [
          'From: MAILER-DAEMON@mx.example',
          `To: ${late.from}`,
          'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
          '',
          '--b',
          'Content-Type: message/delivery-status',
          '',
          'Action: failed',
          'Status: 5.1.1',
          '--b--',
        ].join('\r\n');
        const bounce = await both.campaigns.bounce(report);
        assert.equal(bounce.kind === 'bounce' && bounce.applied, true);
        assert.equal((await both.campaigns.bounce(report)).applied, false, 'a second copy changes nothing');
        await both.worker({ batchSize: 40 }).drain();
        assert.equal(sms.received.length, smsTo.length + 1);
        const after = await both.campaigns.stats(world.ctx, c.id);
        assert.equal(after.messages.email.bounced, bounced.length + 1);
        assert.equal((await both.campaigns.get(world.ctx, c.id)).state, 'completed');

        // The provider's delivery report, through the webhook: a failed SMS is settled by the reference
        // it echoes; the person, with no channel left, is reported unreachable. A wrong token is a 404.
        const hooks = Fastify();
        hooks.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(String(body))));
        });
        const token = 'a-secret-of-24-characters';
        registerSmsReportRoutes(hooks, { campaigns: both.campaigns, parse: parse46elksDeliveryReport, token });
        const failedSms = sms.received[0]!;
        const row = await world.services.database.db
          .selectFrom('campaign_messages')
          .select(['recipient_no'])
          .where('campaign_id', '=', c.id)
          .where('channel', '=', 'sms')
          .where('provider_id', '=', failedSms.id)
          .executeTakeFirstOrThrow();
        const postReport = (path: string) =>
          hooks.inject({
            method: 'POST',
            url: `${path}?ref=${c.id}.${row.recipient_no}.sms`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: `id=${failedSms.id}&status=failed&delivered=2026-11-27T10:00:00.000Z`,
          });
        assert.equal((await postReport('/hooks/sms/not-the-right-secret-x')).statusCode, 404);
        assert.equal((await postReport(`/hooks/sms/${token}`)).statusCode, 204);
        assert.equal((await postReport(`/hooks/sms/${token}`)).statusCode, 204, 'a repeated report is acknowledged');
        const settled = await both.campaigns.stats(world.ctx, c.id);
        assert.equal(settled.messages.sms.failed, 1);
        assert.equal(settled.recipients.unreachable, after.recipients.unreachable + 1);
        await hooks.close();
        assert.equal(after.messages.sms.sent, smsTo.length + 1);
        assert.equal(stats.recipients.reached, viaEmail.length + smsTo.length);
        assert.equal(stats.recipients.unreachable, bounced.length - bouncedWithPhone);
        assert.equal(stats.recipients.pending, 0);
      } finally {
        await both.close();
        await sms.close();
        for (const e of bounced) smtp.refuse(e, null);
      }
    });

    it(
      'writes print-ready letters for people without e-mail, with a manifest, and the PDF renders',
      { skip: popplerSkipReason() },
      async () => {
        smtp.received.length = 0;
        const lettersDir = join(world.dataDir, 'letters');
        const withLetters = await createCampaignsRuntime(world.config, world.services, createLogger({ level: 'silent' }), {
          senders: [
            createSmtpCampaignSender({ url: smtp.url, from: 'Colis Express <dpo@colis.example>', maxConnections: 4 }),
            createLetterCampaignSender({ dir: lettersDir, today: () => '2026-11-27' }),
          ],
        });
        try {
          const c = await withLetters.campaigns.create(world.ctx, {
            incidentId: world.incidentId,
            breachSlug: CAMPAIGN_SLUG,
            name: 'E-mail puis courrier',
            config: { channels: ['email', 'letter'], letterSender: { name: 'Colis Express', lines: ['12 rue de la Gare', '69002 Lyon'] } },
          });
          await withLetters.campaigns.act(world.ctx, c.id, 'start');
          await withLetters.worker({ batchSize: 100 }).drain();
          const stats = await withLetters.campaigns.stats(world.ctx, c.id);
          // People with neither e-mail nor phone were never in the index (no identifier), so no contact was kept.
          const noEmail = world.people.filter((p) => p.email === null && p.phone !== null && p.hasAddress).length;
          assert.equal(stats.messages.email.sent, emails().length);
          assert.equal(stats.messages.letter.sent + stats.messages.letter.failed, noEmail);
          assert.ok(stats.messages.letter.sent > 0);
          assert.equal(stats.recipients.pending, 0);

          const files = (await readdir(join(lettersDir, c.id))).sort();
          assert.ok(
            files.every((f) => /^letters-[\w-]+\.(pdf|csv)$/.test(f)),
            files.join(', '),
          );
          const manifests = files.filter((f) => f.endsWith('.csv'));
          let letters = 0;
          for (const m of manifests) {
            const rows = (await readFile(join(lettersDir, c.id, m), 'utf8')).trim().split('\n').slice(1);
            letters += rows.length;
            for (const person of world.people.slice(0, 50))
              assert.ok(!rows.join('\n').includes(person.surname.toUpperCase()) || person.surname.length < 4);
          }
          assert.equal(letters, stats.messages.letter.sent);
          const pdf = join(
            lettersDir,
            c.id,
            files.find((f) => f.endsWith('.pdf'))!,
          );
          const out = await mkdtemp(join(world.dataDir, 'pages-'));
          const pages = await renderPdfPages(pdf, out);
          assert.ok(pages.length >= 2 && pages.length % 2 === 0, `${pages.length} pages`);
          assert.ok(pages[0]!.inkShare > 0.005, 'the first letter has ink');
          const text = await pdfText(pdf);
          assert.match(text, /Une violation de données personnelles vous concerne/);
          assert.match(text, /#plan=/);
          assert.match(text, /\b\d{5} [A-Z][A-Z -]+\b/, 'a French postcode and town in capitals');
        } finally {
          await withLetters.close();
        }
      },
    );

    it('goes from e-mail to SMS to letter for a person refused on both', { skip: popplerSkipReason() }, async () => {
      const sms = await startTestSmsServer({ username: 'u', password: 'p' });
      const e164 = (raw: string) => parsePhoneNumberFromString(raw, 'FR')!.number;
      const withAll = world.people.filter((p) => p.email !== null && p.phone !== null && p.hasAddress).slice(0, 2);
      const phoneOnly = world.people.filter((p) => p.email === null && p.phone !== null && p.hasAddress).slice(0, 2);
      for (const p of withAll) smtp.refuse(p.email!, 550);
      for (const p of [...withAll, ...phoneOnly]) sms.refuse(e164(p.phone!));
      const three = await createCampaignsRuntime(world.config, world.services, createLogger({ level: 'silent' }), {
        senders: [
          createSmtpCampaignSender({ url: smtp.url, from: 'Colis Express <dpo@colis.example>', maxConnections: 4 }),
          createSmsCampaignSender({
            provider: create46elksSmsProvider({ username: 'u', password: 'p', sender: 'ColisExp', baseUrl: sms.url }),
          }),
          createLetterCampaignSender({ dir: join(world.dataDir, 'letters-3'), today: () => '2026-11-27' }),
        ],
      });
      try {
        const c = await three.campaigns.create(world.ctx, {
          incidentId: world.incidentId,
          breachSlug: CAMPAIGN_SLUG,
          name: 'E-mail, SMS, courrier',
          config: {
            channels: ['email', 'sms', 'letter'],
            letterSender: { name: 'Colis Express', lines: ['12 rue de la Gare', '69002 Lyon'] },
          },
        });
        await three.campaigns.act(world.ctx, c.id, 'start');
        await three.worker({ batchSize: 50 }).drain();
        const stats = await three.campaigns.stats(world.ctx, c.id);
        assert.equal(stats.messages.email.bounced, withAll.length);
        assert.equal(stats.messages.sms.bounced, withAll.length + phoneOnly.length);
        assert.equal(stats.messages.letter.sent + stats.messages.letter.failed, withAll.length + phoneOnly.length);
        assert.equal(stats.recipients.pending, 0);
        const manifests = (await readdir(join(world.dataDir, 'letters-3', c.id))).filter((f) => f.endsWith('.csv'));
        let rows = 0;
        for (const m of manifests)
          rows += (await readFile(join(world.dataDir, 'letters-3', c.id, m), 'utf8')).trim().split('\n').length - 1;
        assert.equal(rows, stats.messages.letter.sent);
      } finally {
        await three.close();
        await sms.close();
        for (const p of withAll) smtp.refuse(p.email!, null);
      }
    });

    it('two workers share one campaign without sending anyone twice', async () => {
      smtp.received.length = 0;
      const c = await runtime.campaigns.create(world.ctx, {
        incidentId: world.incidentId,
        breachSlug: CAMPAIGN_SLUG,
        name: 'Deux envoyeurs',
        config: { channels: ['email'] },
      });
      await runtime.campaigns.act(world.ctx, c.id, 'start');
      const [a, b] = [runtime.worker({ batchSize: 10 }), runtime.worker({ batchSize: 10 })];
      const [na, nb] = await Promise.all([a.drain(), b.drain()]);
      const got = smtp.received.flatMap((m) => m.to);
      assert.equal(got.length, new Set(got).size, 'nobody got two');
      assert.equal(got.length, emails().length);
      assert.equal(na + nb, emails().length);
    });

    it('a cancelled campaign sends nothing more, and its recipients and key are purged after retention', async () => {
      smtp.received.length = 0;
      const c = await runtime.campaigns.create(world.ctx, {
        incidentId: world.incidentId,
        breachSlug: CAMPAIGN_SLUG,
        name: 'Annulée',
        config: { channels: ['email'], retentionDays: 0 },
      });
      await runtime.campaigns.act(world.ctx, c.id, 'start');
      const cancelled = await runtime.campaigns.act(world.ctx, c.id, 'cancel');
      assert.equal(cancelled.state, 'cancelled');
      await assert.rejects(
        () => runtime.campaigns.act(world.ctx, c.id, 'resume'),
        (e: unknown) => isAppError(e) && e.code === 'CAMPAIGN_STATE_INVALID',
      );
      assert.equal(await runtime.worker().drain(), 0);
      assert.equal(smtp.received.length, 0);
      const stats = await runtime.campaigns.stats(world.ctx, c.id);
      assert.equal(stats.messages.email.cancelled, emails().length);
      const purged = await runtime.store.purgeDue(new Date(Date.now() + 1000).toISOString());
      assert.ok(purged.includes(c.id));
      const db = world.services.database.db;
      assert.equal((await db.selectFrom('campaign_recipients').select('recipient_no').where('campaign_id', '=', c.id).execute()).length, 0);
      const row = await db.selectFrom('campaigns').select(['state', 'data_key_wrapped']).where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(row.state, 'purged');
      assert.equal(row.data_key_wrapped, null);
    });

    it("another organisation can neither see nor use this organisation's campaign or breach", async () => {
      await world.services.organisations.createOrganisation(
        { slug: 'autre', name: 'Autre', country: 'FR' },
        { email: 'dpo@autre.example', displayName: 'DPO Autre', password: 'a long enough password' },
        'cli:test',
      );
      const other = await world.services.organisations.operatorContext('autre', 'cli:test');
      const [mine] = await runtime.campaigns.list(world.ctx);
      assert.ok(mine);
      await assert.rejects(
        () => runtime.campaigns.get(other, mine.id),
        (e: unknown) => isAppError(e) && e.code === 'CAMPAIGN_NOT_FOUND',
      );
      await assert.rejects(
        () => runtime.campaigns.act(other, mine.id, 'pause'),
        (e: unknown) => isAppError(e) && e.code === 'CAMPAIGN_NOT_FOUND',
      );
      const { incident } = await world.services.incidents.create(other, { title: 'Autre incident' });
      await assert.rejects(
        () => runtime.campaigns.create(other, { incidentId: incident.id, breachSlug: CAMPAIGN_SLUG, name: 'x', config: {} }),
        (e: unknown) => isAppError(e) && e.code === 'BREACH_NOT_FOUND',
      );
      assert.deepEqual(await runtime.campaigns.list(other), []);
    });
  });
}
