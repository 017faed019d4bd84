#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alertsCommand, ALERTS_HELP } from '../cli/alerts-command.js';
import { apiKeyCommand, API_KEY_HELP } from '../cli/api-key-command.js';
import { orgCommand, ORG_HELP } from '../cli/org-command.js';
import { incidentCommand, INCIDENT_HELP, registerCommand, REGISTER_HELP } from '../cli/register-command.js';
import { createLookupIndexStore } from '../modules/lookup/index.js';
import { createAlertsRuntime } from './alerts-runtime.js';
import { breachCommand, BREACH_HELP } from '../cli/breach-command.js';
import { indexCommand, INDEX_HELP } from '../cli/index-command.js';
import { ingestCommand, INGEST_HELP } from '../cli/ingest-command.js';
import { synthCommand, SYNTH_HELP } from '../cli/synth-command.js';
import { checkCommand, CHECK_HELP } from '../cli/check-command.js';
import { exportCommand, EXPORT_HELP } from '../cli/export-command.js';
import { publishToDirectory } from '../adapters/publication-files.js';
import { EXIT, reportError, usageError, type CliIo } from '../cli/io.js';
import { loadConfig, type Config } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { migrateToLatest, openDatabase } from '../storage/database.js';
import { createIndexing } from './indexing.js';
import { startServer } from './server.js';
import { createServices, databaseOptions, type Services } from './services.js';
import { activateNextKey, prepareNextKey } from './key-rotation.js';
import { createCampaignsRuntime } from './campaigns-runtime.js';
import { campaignCommand, CAMPAIGN_HELP } from '../cli/campaign-command.js';
import { auditCommand, AUDIT_HELP } from '../cli/audit-command.js';
import { auditHar, loadExtraEntities, openLeakIncident, runAudit } from './leak-audit.js';

export const HELP = `breachdesk: personal-data breach catalogue, private look-ups and breach response.

Usage: breachdesk <command> [options]

Commands:
  serve      Start the web UI and API (migrates and seeds the database on first start).
  migrate    Apply pending database migrations and exit.
  breach     Add, update, list and show catalogue breaches (breachdesk breach --help).
  api-key    Create, list and revoke API keys (breachdesk api-key --help).
  ingest     Load a breach file into the private look-up index (breachdesk ingest --help).
  index      Show the look-up index: key epoch, fingerprint, entries, buckets (breachdesk index --help).
  synth      Write a synthetic breach file for tests and demos (breachdesk synth --help).
  check      Check privately whether identifiers are in a breach (breachdesk check --help).
  export-buckets  Write the look-up index as static files for a CDN (breachdesk export-buckets --help).
  alerts     Alerts about future breaches: status, or match and send once (breachdesk alerts --help).
  org        Create and list the organisations that use the desk (breachdesk org --help).
  register   Export an organisation's Art. 33(5) breach register as CSV or JSON (breachdesk register --help).
  incident   Export one incident with its notifications as JSON (breachdesk incident --help).
  campaign   Inform every affected person by e-mail, SMS and letter, exactly once (breachdesk campaign --help).
  audit      Audit your web pages for customer data sent to third parties: crawl or HAR (breachdesk audit --help).

Environment:
  DATABASE_URL     postgres://... to use PostgreSQL; unset = SQLite in DATA_DIR.
  DATA_DIR         Where the SQLite file lives (default ./data).
  HOST, PORT       Where to listen (default 0.0.0.0:8080).
  PUBLIC_BASE_URL  Absolute URL used in feeds and API links (default: from the request).
  LOG_LEVEL        fatal|error|warn|info|debug|trace|silent (default info).
  SEED             Load the seed catalogue and demo index on first start (default true).
  OPRF_KEY_FILE    The OPRF key file, created on first start (default DATA_DIR/keys/oprf.key).
  CONTACTS_KEY_FILE  Key sealing kept contacts (default DATA_DIR/keys/contacts.key).
  OPRF_BACKEND     auto|native|wasm|noble (default auto: native libsodium addon if built).
  INGEST_WORKERS   Worker threads for ingest (default: every core).
  REDIS_URL        redis://... to share look-up rate limits between instances; unset = in memory.
  LOOKUP_RATE_CLIENT  OPRF evaluations per client address, COUNT/PERIOD (default 60/1h).
  LOOKUP_RATE_GLOBAL  OPRF evaluations for the whole service (default 2000/1s).
  LOOKUP_BUCKETS_URL  A static mirror of the bucket files the look-up page fetches from.
  TRUST_PROXY      true behind a reverse proxy or CDN: the client address comes from X-Forwarded-For.
  SMTP_URL         smtp://host:port to offer alerts about future breaches; unset = no alerts.
  MAIL_FROM        From address of alert emails (default "breachdesk <alerts@localhost>").
  ALERTS_KEY_FILE  Key sealing subscribers' addresses (default DATA_DIR/keys/alerts.key).
  ALERTS_INTERVAL_SECONDS  How often the server matches new breaches and sends (default 60).
  ALERTS_RATE_CLIENT  Alert subscriptions per client address, COUNT/PERIOD (default 10/1h).
  CAMPAIGN_SMTP_URL  SMTP server for notification campaigns (default SMTP_URL); unset = no e-mail channel.
  CAMPAIGN_MAIL_FROM From address of campaign e-mail (default MAIL_FROM).
  CAMPAIGN_SMTP_CONNECTIONS  Pooled SMTP connections per worker (default 8).
  DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE  Sign campaign e-mail with DKIM (all three).
  LETTERS_DIR      Where letter batches (PDF + CSV manifest) are written (default DATA_DIR/letters).
  CAMPAIGN_WORKER  Run the campaign worker inside serve (default true; false with separate workers).
  CAMPAIGN_LEASE_SECONDS  How long a worker holds claimed messages (default 120).
  SMS_46ELKS_USERNAME, SMS_46ELKS_PASSWORD, SMS_SENDER  The 46elks account for campaign SMS; unset = no SMS.
  SMS_46ELKS_BASE_URL, SMS_DELIVERY_REPORT_URL  The 46elks API, and our …/hooks/sms/<secret> for its reports.

Run "breachdesk <command> --help" for a command's options.`;

const SERVE_HELP = `Usage: breachdesk serve [--port N] [--host H]

Migrates the database, loads the seed catalogue on first start, and serves the web UI and API.
Stops cleanly on SIGTERM or Ctrl-C.`;

const MIGRATE_HELP = `Usage: breachdesk migrate

Applies every pending migration to the configured database (DATABASE_URL, or SQLite in DATA_DIR).`;

/** The first line of standard input (a password given with --password-stdin), without its line ending. */
async function readFirstStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function runCli(argv: string[], io: CliIo = processIo, env?: Readonly<Record<string, string | undefined>>): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    const config = loadConfig(env);
    const actor = `cli:${safeUser()}`;
    switch (command) {
      case 'serve':
        return await serve(args, io, config);
      case 'migrate': {
        if (args.includes('-h') || args.includes('--help')) {
          io.out(MIGRATE_HELP);
          return EXIT.ok;
        }
        if (args.length > 0) throw usageError(`migrate takes no arguments, got "${args.join(' ')}"`);
        const database = openDatabase(databaseOptions(config));
        try {
          const applied = await migrateToLatest(database);
          io.out(
            applied.length === 0
              ? `database at ${database.location} is up to date`
              : `applied ${applied.join(', ')} to ${database.location}`,
          );
        } finally {
          await database.close();
        }
        return EXIT.ok;
      }
      case 'breach':
      case 'api-key': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help') || args[0] === 'help') {
          io.out(command === 'breach' ? BREACH_HELP : API_KEY_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const logger = createLogger({ level: 'warn', destination: process.stderr });
        const services = await createServices(config, logger);
        try {
          return command === 'breach'
            ? await breachCommand(args, io, { catalogue: services.catalogue, actor })
            : await apiKeyCommand(args, io, { apiKeys: services.apiKeys, actor });
        } finally {
          await services.close();
        }
      }
      case 'synth': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(SYNTH_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        return await synthCommand(args, io);
      }
      case 'check': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(CHECK_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        return await checkCommand(args, io, { today: () => new Date().toISOString().slice(0, 10) });
      }
      case 'export-buckets': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(EXPORT_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const logger = createLogger({ level: 'warn', destination: process.stderr });
        const services = await createServices(config, logger);
        try {
          const indexing = await createIndexing(config, services, logger);
          return await exportCommand(args, io, {
            publish: (dir) =>
              publishToDirectory({ index: indexing.index, epoch: indexing.epoch, key: indexing.key, evaluator: indexing.evaluator, dir }),
          });
        } finally {
          await services.close();
        }
      }
      case 'register':
      case 'incident': {
        const help = command === 'register' ? REGISTER_HELP : INCIDENT_HELP;
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(help);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const services = await createServices(config, createLogger({ level: 'warn', destination: process.stderr }));
        try {
          const deps = { incidents: services.incidents, context: (slug: string) => services.organisations.operatorContext(slug, actor) };
          return command === 'register' ? await registerCommand(args, io, deps) : await incidentCommand(args, io, deps);
        } finally {
          await services.close();
        }
      }
      case 'audit': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help') || args[0] === 'help') {
          io.out(AUDIT_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        return await auditCommand(args, io, {
          runAudit,
          auditHar,
          loadExtraEntities,
          // The database is opened only when a draft incident is asked for.
          openIncident: async (slug, findings, source) => {
            const services = await createServices(config, createLogger({ level: 'warn', destination: process.stderr }));
            try {
              const { incident } = await openLeakIncident(
                { incidents: services.incidents, context: () => services.organisations.operatorContext(slug, actor) },
                findings,
                source,
              );
              return incident;
            } finally {
              await services.close();
            }
          },
          keepReport: async (slug, report) => {
            const services = await createServices(config, createLogger({ level: 'warn', destination: process.stderr }));
            try {
              return await services.leakAudits.store(await services.organisations.operatorContext(slug, actor), report);
            } finally {
              await services.close();
            }
          },
        });
      }
      case 'org': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(ORG_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const services = await createServices(config, createLogger({ level: 'warn', destination: process.stderr }));
        try {
          return await orgCommand(args, io, {
            organisations: services.organisations,
            actor,
            readStdinLine: readFirstStdinLine,
            randomPassword: () => randomBytes(15).toString('base64url'),
            list: async () => {
              const rows = await services.database.db
                .selectFrom('organisations as o')
                .leftJoin('memberships as m', 'm.organisation_id', 'o.id')
                .select(['o.slug', 'o.name', 'o.country', (eb) => eb.fn.count('m.user_id').as('members')])
                .groupBy(['o.slug', 'o.name', 'o.country'])
                .orderBy('o.slug')
                .execute();
              return rows.map((r) => ({ slug: r.slug, name: r.name, country: r.country, members: Number(r.members) }));
            },
          });
        } finally {
          await services.close();
        }
      }
      case 'alerts': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(ALERTS_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const logger = createLogger({ level: 'warn', destination: process.stderr });
        const services = await createServices(config, logger);
        try {
          const active = (await createLookupIndexStore(services.database.db).listEpochs()).find((e) => e.state === 'active');
          const runtime = await createAlertsRuntime(config, services, logger, {
            // Links in emails sent from the command line: PUBLIC_BASE_URL, else where `serve` listens by default.
            baseUrl: () => config.publicBaseUrl ?? `http://localhost:${config.port}`,
            activeEpoch: () => active?.epoch ?? 0,
          });
          try {
            return await alertsCommand(args, io, runtime);
          } finally {
            await runtime.close();
          }
        } finally {
          await services.close();
        }
      }
      case 'ingest':
      case 'index': {
        const help = command === 'ingest' ? INGEST_HELP : INDEX_HELP;
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(help);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const logger = createLogger({ level: 'warn', destination: process.stderr });
        const services = await createServices(config, logger);
        try {
          if (command === 'index' && (args[0] === 'next-key' || args[0] === 'activate')) {
            return await rotationCommand(args, io, config, services);
          }
          const indexing = await createIndexing(config, services, logger);
          if (command === 'index') return await indexCommand(args, io, { indexing });
          const tty = process.stderr.isTTY === true;
          let lastLine = 0;
          return await ingestCommand(args, io, {
            ingestFile: (path, options, onProgress) => indexing.ingestFile(path, options, onProgress),
            runs: indexing.runs,
            dataDir: config.dataDir,
            actor,
            backendReport: indexing.backendReport,
            fingerprint: indexing.key.fingerprint,
            epoch: indexing.key.epoch,
            tty,
            progress: (line) => {
              if (line === '\n') return void process.stderr.write(line);
              if (tty) return void process.stderr.write(`\r\x1b[2K${line}`);
              // Not a terminal (CI, a log file): a line every 10 seconds at most.
              if (Date.now() - lastLine < 10_000) return;
              lastLine = Date.now();
              process.stderr.write(`${line}\n`);
            },
          });
        } finally {
          await services.close();
        }
      }
      case 'campaign': {
        if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
          io.out(CAMPAIGN_HELP);
          return args.length === 0 ? EXIT.usage : EXIT.ok;
        }
        const logger = createLogger({ level: 'warn', destination: process.stderr });
        const services = await createServices(config, logger);
        try {
          const runtime = await createCampaignsRuntime(config, services, logger);
          try {
            return await campaignCommand(args, io, {
              campaigns: runtime.campaigns,
              context: (slug) => services.organisations.operatorContext(slug, actor),
              worker: ({ batchSize, onBatch }) =>
                runtime.worker({
                  ...(batchSize ? { batchSize } : {}),
                  ...(onBatch ? { onBatch: (channel, results) => onBatch(channel, results.length) } : {}),
                }),
              purge: () => runtime.store.purgeDue(new Date().toISOString()),
              readStdin: async () => {
                const chunks: Buffer[] = [];
                for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
                return Buffer.concat(chunks).toString('utf8');
              },
              stopSignal: () =>
                new Promise<void>((resolve) => {
                  process.once('SIGTERM', () => resolve());
                  process.once('SIGINT', () => resolve());
                }),
            });
          } finally {
            await runtime.close();
          }
        } finally {
          await services.close();
        }
      }
      default:
        throw usageError(`unknown command "${command}" (try: breachdesk --help)`);
    }
  } catch (error) {
    if (
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ) {
      return reportError(io, usageError((error as Error).message));
    }
    return reportError(io, error);
  }
}

async function serve(args: string[], io: CliIo, config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(SERVE_HELP);
    return EXIT.ok;
  }
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const effective: Config = { ...config, port, host: values.host ?? config.host };
  const logger = createLogger({ level: effective.logLevel });
  const server = await startServer(effective, logger);
  io.out(`breachdesk is serving on ${server.url} (database: ${server.services.database.dialect} at ${server.services.database.location})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void server.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return EXIT.ok;
}

async function rotationCommand(args: string[], io: CliIo, config: Config, services: Services): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  if (sub === 'next-key') {
    if (positionals.length > 1) throw usageError('breachdesk index next-key [FILE]');
    const { file, record } = await prepareNextKey(config, services, positionals[0] ? resolve(positionals[0]) : undefined);
    io.out(`epoch ${record.epoch} (fingerprint ${record.fingerprint}) is being built; its key file is ${file}`);
    io.out(`next: ingest every source file with OPRF_KEY_FILE=${file} breachdesk ingest FILE --breach SLUG,`);
    io.out(`then: breachdesk index activate ${file}`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usageError('breachdesk index activate FILE [--force]');
  const report = await activateNextKey(config, services, resolve(positionals[0]!), { force: values.force });
  io.out(
    report.retired === 0
      ? `epoch ${report.activated} is already active`
      : `epoch ${report.activated} (fingerprint ${report.fingerprint}) is active; epoch ${report.retired} retired, ` +
          `${report.deletedEntries} of its entries deleted, its key file ${report.keyDestroyed ? 'overwritten and deleted' : 'was already gone'}`,
  );
  return EXIT.ok;
}

function safeUser(): string {
  try {
    return userInfo().username.replace(/[^\w.-]/g, '_') || 'unknown';
  } catch {
    return 'unknown';
  }
}
