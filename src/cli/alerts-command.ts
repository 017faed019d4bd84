import type { AlertsStatus } from '../modules/alerts/index.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const ALERTS_HELP = `Usage: breachdesk alerts <command>

Alerts about future breaches (needs SMTP_URL). The server does this by itself every
ALERTS_INTERVAL_SECONDS; these commands are for operators and cron.

Commands:
  status   Subscriptions (pending, active), messages by state, and every message given up on
           with the SMTP server's answer. No address is ever printed.
  run      Once: delete expired pending subscriptions, match newly ingested breaches against the
           watches, ask subscribers whose watches belong to a retired key epoch to subscribe again,
           send what is due. Exit code 1 when a message failed for good in this run.

Options:
  -h, --help   Show this help.`;

export interface AlertsCommandDeps {
  status(): Promise<AlertsStatus>;
  runOnce(): Promise<{
    expired: number;
    runs: number;
    queued: number;
    renewals: number;
    sent: number;
    retried: number;
    failed: number;
    dropped: number;
  }>;
}

export async function alertsCommand(args: string[], io: CliIo, deps: AlertsCommandDeps): Promise<number> {
  const [sub] = args;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    io.out(ALERTS_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  switch (sub) {
    case 'status': {
      const s = await deps.status();
      io.out(`subscriptions: ${s.subscriptions.active} active, ${s.subscriptions.pending} pending confirmation`);
      io.out(
        `messages: ${Object.entries(s.messages)
          .map(([state, n]) => `${n} ${state}`)
          .join(', ')}`,
      );
      if (s.failures.length === 0) io.out('failed messages: none');
      else {
        io.out(`failed messages (${s.failures.length}):`);
        for (const f of s.failures) io.out(`  ${f.id}  ${f.kind}  after ${f.attempts} attempt(s)  ${f.lastError ?? ''}`);
      }
      return EXIT.ok;
    }
    case 'run': {
      const r = await deps.runOnce();
      io.out(
        `expired ${r.expired} pending; scanned ${r.runs} ingest run(s), queued ${r.queued} alert(s) and ${r.renewals} renewal request(s); sent ${r.sent}, retrying ${r.retried}, failed ${r.failed}, dropped ${r.dropped}`,
      );
      return r.failed > 0 ? EXIT.failed : EXIT.ok;
    }
    default:
      throw usageError(`unknown alerts command "${sub}" (try: breachdesk alerts --help)`);
  }
}
