// The 72-hour reminders (issue 6 part 3), on SQLite and the real PostgreSQL server, through a real SMTP
// server started in the test: owners and DPOs get one email at each mark (24, 48, 66 h and the deadline),
// never twice, none once the authority is notified, and a failed send is retried, not lost.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createArgon2PasswordHasher } from '../src/adapters/argon2-password-hasher.js';
import { createSmtpMailer } from '../src/adapters/smtp-mailer.js';
import { createDeadlineReminders, createIncidents } from '../src/modules/incidents/index.js';
import { createOrganisations, type DeskContext } from '../src/modules/organisations/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import { testDatabases, type TestDatabase } from './support/databases.js';
import { mailText, startTestSmtpServer, type TestSmtpServer } from './support/smtp.js';

const PASSWORD = 'a long enough passphrase';

for (const { name, skip, create } of await testDatabases()) {
  describe(`72-hour reminders (${name})`, { skip, timeout: 60_000 }, () => {
    let db: TestDatabase;
    let smtp: TestSmtpServer;
    let mailer: ReturnType<typeof createSmtpMailer>;
    const clock = fixedClock('2024-01-29T09:00:00Z');
    let run: () => Promise<{ sent: number; failed: number }>;
    let owner: DeskContext;
    let incidentId: string;
    let incidents: ReturnType<typeof createIncidents>;

    before(async () => {
      db = await create();
      smtp = await startTestSmtpServer();
      mailer = createSmtpMailer({ url: smtp.url, from: 'breachdesk <desk@breachdesk.test>' });
      const orgs = createOrganisations({ db: db.handle.db, clock, newId, randomBytes, passwords: createArgon2PasswordHasher() });
      const { owner: user } = await orgs.createOrganisation(
        { slug: 'almerys', name: 'Almerys', country: 'FR' },
        { email: 'owner@almerys.example', displayName: 'Owner', password: PASSWORD },
        'cli:test',
      );
      owner = await orgs.contextFor(user.id, 'almerys', `user:${user.id}`);
      await orgs.addMember(owner, { email: 'dpo@almerys.example', displayName: 'DPO', role: 'dpo', password: PASSWORD });
      await orgs.addMember(owner, { email: 'analyst@almerys.example', displayName: 'Analyst', role: 'analyst', password: PASSWORD });
      incidents = createIncidents({ db: db.handle.db, clock, newId, organisations: orgs });
      incidentId = (
        await incidents.create(owner, { title: 'Accès frauduleux au portail', timeline: { awarenessAt: '2024-01-29T09:00:00Z' } })
      ).incident.id;
      const reminders = createDeadlineReminders({
        db: db.handle.db,
        clock,
        mailer,
        logger: createLogger({ level: 'silent' }),
        incidentUrl: (org, id, locale) => `https://desk.example/console/${org}/incidents/${id}?lang=${locale}`,
      });
      run = () => reminders.run();
    });

    after(async () => {
      mailer?.close();
      await smtp?.close();
      await db?.cleanup();
    });

    it('reminds owners and DPOs once at each mark, in the organisation’s language', async () => {
      assert.deepEqual(await run(), { sent: 0, failed: 0 }, 'nothing before 24 hours');
      clock.advance(24 * 3_600_000 + 60_000);
      assert.deepEqual(await run(), { sent: 2, failed: 0 });
      assert.deepEqual(await run(), { sent: 0, failed: 0 }, 'never twice');
      const to = smtp.received.flatMap((m) => m.to).sort();
      assert.deepEqual(to, ['dpo@almerys.example', 'owner@almerys.example'], 'not the analyst');
      const text = mailText(smtp.received[0]!.raw);
      assert.match(text, /n’a pas encore été notifiée/);
      assert.match(text, /2024-02-01 09:00 UTC/);
      assert.match(text, /https:\/\/desk\.example\/console\/almerys\/incidents\/[0-9A-Z]{26}\?lang=fr/);
    });

    it('retries a reminder the SMTP server refused, and stops once the authority is notified', async () => {
      smtp.refuse('owner@almerys.example', 451);
      clock.advance(24 * 3_600_000);
      const failed = await run();
      assert.equal(failed.failed, 1);
      smtp.refuse('owner@almerys.example', null);
      const retried = await run();
      assert.equal(retried.sent, 2, 'the 48-hour mark is sent on the next run');
      const rows = await db.handle.db
        .selectFrom('incident_reminders')
        .select(['hours', 'recipients'])
        .where('incident_id', '=', incidentId)
        .orderBy('hours')
        .execute();
      assert.deepEqual(
        rows.map((r) => [Number(r.hours), Number(r.recipients)]),
        [
          [24, 2],
          [48, 2],
        ],
      );
      await db.handle.db.updateTable('incidents').set({ notified_at: '2024-01-31T10:00:00Z' }).where('id', '=', incidentId).execute();
      clock.advance(20 * 3_600_000);
      assert.deepEqual(await run(), { sent: 0, failed: 0 }, 'notified: no more reminders');
    });
  });
}
