import { parseArgs } from 'node:util';
import {
  CAMPAIGN_ACTIONS,
  CHANNELS,
  type CampaignAction,
  type Campaigns,
  type CampaignStats,
  type CampaignWorker,
  type Channel,
} from '../modules/campaigns/index.js';
import type { DeskContext } from '../modules/organisations/index.js';
import { readFile } from 'node:fs/promises';
import { AppError } from '../platform/errors.js';
import { EXIT, readJsonFile, usageError, type CliIo } from './io.js';

export const CAMPAIGN_HELP = `Usage: breachdesk campaign <command> [options]

Notification campaigns: inform every person of a breach individually (GDPR Art. 34), by e-mail, then SMS,
then letter, exactly once each.

Commands:
  create --org S --incident ID --breach SLUG --name N [--channels email,sms,letter] [--config FILE]
           A draft campaign to the contacts kept for the breach (ingest --keep-contacts). The breach
           must be published by the organisation. --config: a JSON file with templates, rates,
           retentionDays, letterSender… (docs/architecture.md); templates left out start from
           the incident's own words in English, French and Swedish.
  list   --org S                  The organisation's campaigns.
  status --org S --id ID [--json] Progress and delivery statistics.
  check  --org S --id ID          The Art. 34(2) check of every template.
  start | pause | resume | cancel | close  --org S --id ID
  work   [--until-done] [--batch N]
           Send what is due on every configured channel. With --until-done, stop when nothing is
           due; otherwise run until SIGTERM or SIGINT, finishing the batches in flight.
  bounces FILE...
           Read bounce messages (delivery status notifications, one RFC 5322 message per file; - for
           standard input, so an MTA can pipe them in): each permanent failure bounces its message
           and queues the person's next channel.
  purge  Delete the recipients and data keys of campaigns whose retention period has passed.

Options:
  -h, --help   Show this help.`;

export interface CampaignCommandDeps {
  readonly campaigns: Campaigns;
  readonly context: (organisationSlug: string) => Promise<DeskContext>;
  readonly worker: (options: { batchSize?: number; onBatch?: (channel: Channel, n: number) => void }) => CampaignWorker;
  readonly purge: () => Promise<string[]>;
  readonly readStdin: () => Promise<string>;
  /** Resolves on SIGTERM/SIGINT. */
  readonly stopSignal: () => Promise<void>;
}

function printStats(io: CliIo, stats: CampaignStats): void {
  const r = stats.recipients;
  io.out(`recipients: ${r.reached} reached, ${r.pending} pending, ${r.unreachable} unreachable`);
  for (const channel of CHANNELS) {
    const m = stats.messages[channel];
    const total = Object.values(m).reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const parts = Object.entries(m)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${n} ${state}`);
    io.out(`${channel}: ${parts.join(', ')} (${stats.lastMinute[channel]} in the last minute)`);
  }
  if (stats.uncertain > 0) io.out(`uncertain: ${stats.uncertain} sent whose server answer was never seen (not sent again)`);
  for (const f of stats.failures) io.out(`  ${f.channel} ${f.state}: ${f.detail} × ${f.count}`);
}

export async function campaignCommand(args: string[], io: CliIo, deps: CampaignCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    io.out(CAMPAIGN_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: sub === 'bounces',
    options: {
      org: { type: 'string' },
      id: { type: 'string' },
      incident: { type: 'string' },
      breach: { type: 'string' },
      name: { type: 'string' },
      channels: { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
      'until-done': { type: 'boolean', default: false },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(CAMPAIGN_HELP);
    return EXIT.ok;
  }
  const need = (...keys: ('org' | 'id' | 'incident' | 'breach' | 'name')[]) => {
    const missing = keys.filter((k) => values[k] === undefined);
    if (missing.length > 0) throw usageError(`campaign ${sub} needs ${missing.map((k) => `--${k}`).join(', ')}`);
  };

  switch (sub) {
    case 'create': {
      need('org', 'incident', 'breach', 'name');
      const config = values.config === undefined ? {} : await readJsonFile(values.config);
      if (typeof config !== 'object' || config === null || Array.isArray(config)) {
        throw usageError(`${values.config ?? ''}: the configuration must be a JSON object`);
      }
      const fromFlag = values.channels?.split(',').map((c) => c.trim());
      const created = await deps.campaigns.create(await deps.context(values.org!), {
        incidentId: values.incident!,
        breachSlug: values.breach!,
        name: values.name!,
        config: { ...(config as Record<string, unknown>), ...(fromFlag ? { channels: fromFlag } : {}) },
      });
      io.out(`created campaign ${created.id} (draft) for ${created.recipients} people`);
      if (created.unreadable > 0) {
        io.err(
          `warning: ${created.unreadable} contacts were sealed under another contacts key and cannot be reached (listed as unreachable)`,
        );
      }
      return EXIT.ok;
    }
    case 'list': {
      need('org');
      for (const c of await deps.campaigns.list(await deps.context(values.org!))) {
        io.out(`${c.id}  ${c.state.padEnd(9)}  ${c.recipients} people  ${c.name}`);
      }
      return EXIT.ok;
    }
    case 'status': {
      need('org', 'id');
      const ctx = await deps.context(values.org!);
      const campaign = await deps.campaigns.get(ctx, values.id!);
      const stats = await deps.campaigns.stats(ctx, values.id!);
      if (values.json) {
        io.out(JSON.stringify({ id: campaign.id, state: campaign.state, recipients: campaign.recipients, stats }, null, 2));
        return EXIT.ok;
      }
      io.out(`${campaign.name} (${campaign.id}): ${campaign.state}`);
      printStats(io, stats);
      return EXIT.ok;
    }
    case 'check': {
      need('org', 'id');
      const problems = await deps.campaigns.checkTemplates(await deps.context(values.org!), values.id!);
      if (problems.length === 0) {
        io.out('every template has what Art. 34(2) requires');
        return EXIT.ok;
      }
      for (const p of problems) io.out(`${p.channel}/${p.locale}: missing ${p.missing.join(', ')}`);
      return EXIT.failed;
    }
    case 'work': {
      const batch = values.batch === undefined ? undefined : Number(values.batch);
      if (batch !== undefined && (!Number.isInteger(batch) || batch < 1 || batch > 10_000)) throw usageError('--batch must be 1 to 10000');
      let sent = 0;
      const worker = deps.worker({
        ...(batch ? { batchSize: batch } : {}),
        onBatch: (_channel, n) => {
          sent += n;
        },
      });
      if (values['until-done']) {
        const n = await worker.drain();
        io.out(`handled ${n} messages; nothing more is due`);
        return EXIT.ok;
      }
      worker.start();
      await deps.stopSignal();
      await worker.stop();
      io.out(`stopped after ${sent} messages`);
      return EXIT.ok;
    }
    case 'bounces': {
      if (positionals.length === 0) throw usageError('campaign bounces needs at least one file (- for standard input)');
      let applied = 0;
      for (const file of positionals) {
        const raw = file === '-' ? await deps.readStdin() : await readTextFile(file);
        const r = await deps.campaigns.bounce(raw);
        if (r.kind === 'bounce') {
          applied += r.applied ? 1 : 0;
          io.out(
            `${file}: ${r.key.campaignId}.${r.key.recipientNo}.${r.key.channel} bounced (${r.status})${r.applied ? '' : ', already settled'}`,
          );
        } else if (r.kind === 'not-final') {
          io.out(`${file}: ${r.key.campaignId}.${r.key.recipientNo}.${r.key.channel} delayed (${r.status}), not a bounce`);
        } else {
          io.err(`${file}: not a campaign bounce (${r.reason})`);
        }
      }
      io.out(`${applied} message(s) bounced`);
      return EXIT.ok;
    }
    case 'purge': {
      const purged = await deps.purge();
      io.out(purged.length === 0 ? 'nothing to purge' : `purged the recipients and data keys of ${purged.join(', ')}`);
      return EXIT.ok;
    }
    default: {
      if ((CAMPAIGN_ACTIONS as readonly string[]).includes(sub)) {
        need('org', 'id');
        const after = await deps.campaigns.act(await deps.context(values.org!), values.id!, sub as CampaignAction);
        io.out(`campaign ${after.id} is ${after.state}`);
        return EXIT.ok;
      }
      throw usageError(`unknown campaign command "${sub}" (try: breachdesk campaign --help)`);
    }
  }
}

async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError('INPUT_FILE_UNREADABLE', `${path}: cannot be read`, { cause, data: { file: path } });
  }
}
