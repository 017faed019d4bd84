// The crash test of issue 7: a campaign to a synthetic 100,000-person breach, sent by `breachdesk campaign
// work` processes, one of which is killed with SIGKILL in the middle and replaced. The real SMTP server must
// have received exactly one message per person: none missing, none twice. SQLite with one worker;
// PostgreSQL with two at once (FOR UPDATE SKIP LOCKED).
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createCampaignsRuntime, type CampaignsRuntime } from '../../src/main/campaigns-runtime.js';
import { createLogger } from '../../src/platform/logger.js';
import { createCampaignWorld, CAMPAIGN_SLUG, type CampaignWorld } from '../support/campaign.js';
import { postgresUnavailableReason } from '../support/databases.js';
import { skipOutsideCi } from '../support/skip.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const PEOPLE = 100_000;
const pgSkip = skipOutsideCi(await postgresUnavailableReason());
const cli = new URL('../../src/main/cli.ts', import.meta.url).href;
const main = `const { runCli } = await import(${JSON.stringify(cli)}); process.exitCode = await runCli(process.argv.slice(1));`;

async function waitFor(what: string, ms: number, probe: () => boolean | Promise<boolean>): Promise<void> {
  const until = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const kind of ['sqlite', 'postgres'] as const) {
  const workers = kind === 'postgres' ? 2 : 1;
  describe(
    `a campaign to ${PEOPLE.toLocaleString('en')} people survives a killed worker (${kind}, ${workers} worker(s))`,
    {
      skip: kind === 'postgres' ? pgSkip : false,
      timeout: 600_000,
    },
    () => {
      let world: CampaignWorld;
      let smtp: TestSmtpServer;
      let runtime: CampaignsRuntime;
      const children: ChildProcess[] = [];

      const startWorker = () => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', main, 'campaign', 'work', '--batch', '200'],
          {
            env: {
              ...process.env,
              ...world.env,
              CAMPAIGN_SMTP_URL: smtp.url,
              CAMPAIGN_MAIL_FROM: 'Colis Express <dpo@colis.example>',
              CAMPAIGN_LEASE_SECONDS: '4',
            },
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code, signal) => {
          if (code !== 0 && signal === null) console.error(`campaign worker exited with ${code}: ${stderr}`);
        });
        children.push(child);
        return child;
      };

      before(async () => {
        world = await createCampaignWorld(kind, PEOPLE);
        smtp = await startTestSmtpServer({ keepRaw: false });
        runtime = await createCampaignsRuntime(world.config, world.services, createLogger({ level: 'silent' }), { senders: [] });
      });

      after(async () => {
        for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
        await smtp?.close();
        await world?.close();
      });

      it('sends exactly one e-mail per person across a SIGKILL and a restart', async () => {
        const expected = new Set(world.people.map((p) => p.email).filter((e): e is string => e !== null));
        const campaign = await runtime.campaigns.create(world.ctx, {
          incidentId: world.incidentId,
          breachSlug: CAMPAIGN_SLUG,
          name: 'Information de tous les clients',
          config: { channels: ['email'] },
        });
        await runtime.campaigns.act(world.ctx, campaign.id, 'start');

        const first = Array.from({ length: workers }, startWorker);
        await waitFor('a fifth of the campaign', 240_000, () => smtp.received.length >= expected.size / 5);
        first[0]!.kill('SIGKILL');
        await new Promise((r) => first[0]!.once('exit', r));
        const atKill = smtp.received.length;
        assert.ok(atKill < expected.size, 'killed in the middle of the campaign');
        startWorker();

        await waitFor(
          'the campaign to complete',
          480_000,
          async () => (await runtime.store.getCampaignById(campaign.id))?.state === 'completed',
        );
        for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
        await Promise.all(
          children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r))),
        );

        const counts = new Map<string, number>();
        for (const m of smtp.received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
        const twice = [...counts].filter(([, n]) => n > 1).length;
        const missing = [...expected].filter((e) => !counts.has(e));
        const unexpected = [...counts.keys()].filter((e) => !expected.has(e)).length;

        // Messages the killed worker had handed over without seeing the answer count as sent, uncertain: never
        // sent again, and reported. A person may be missing only if reported so: a kill between recording the
        // hand-over and the final dot reaching the kernel (ADR 0014: no protocol closes that without the
        // receiver's help). On a quiet machine that window is short and nobody is missing.
        const db = world.services.database.db;
        const row = await db.selectFrom('campaigns').select('data_key_wrapped').where('id', '=', campaign.id).executeTakeFirstOrThrow();
        const sealer = (await runtime.keys())!.unwrap(campaign.id, row.data_key_wrapped!);
        const uncertainRows = await db
          .selectFrom('campaign_messages as m')
          .innerJoin('campaign_recipients as r', (j) =>
            j.onRef('r.campaign_id', '=', 'm.campaign_id').onRef('r.recipient_no', '=', 'm.recipient_no'),
          )
          .select(['m.recipient_no', 'r.sealed'])
          .where('m.campaign_id', '=', campaign.id)
          .where('m.uncertain', '=', 1)
          .execute();
        const uncertain = new Set(
          uncertainRows.map(
            (u) =>
              (JSON.parse(new TextDecoder().decode(sealer.open(u.sealed, `${campaign.id}:${u.recipient_no}`))) as { email: string }).email,
          ),
        );
        const unreported = missing.filter((e) => !uncertain.has(e)).length;
        assert.deepEqual(
          { twice, unreported, unexpected },
          { twice: 0, unreported: 0, unexpected: 0 },
          `killed after ${atKill} messages; ${missing.length} missing, ${uncertain.size} reported uncertain`,
        );
        assert.equal(smtp.received.length, expected.size - missing.length);
        if (missing.length > 0) console.log(`# ${missing.length} message(s) were in the hand-over window at the kill: reported uncertain`);

        const stats = await runtime.campaigns.stats(world.ctx, campaign.id);
        assert.equal(stats.messages.email.sent, expected.size);
        assert.equal(stats.messages.email.queued + stats.messages.email.sending, 0);
        assert.equal(stats.recipients.pending, 0);
        assert.equal(stats.uncertain, uncertain.size);
      });
    },
  );
}
