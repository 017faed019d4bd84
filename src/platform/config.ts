import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';
import { zodIssues } from './validation.js';

/**
 * The only place that reads the environment (a lint rule forbids process.env elsewhere). Parsed once,
 * validated, typed. Command-line flags override these values in the CLI.
 */
/** `COUNT/PERIOD`: 60/1h, 30/3600s, 2000/1s, 200/1d, 5/10m (src/modules/ratelimit parses it). */
const RATE_RULE = /^[1-9]\d*\/[1-9]\d*[smhd]$/;

const envSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_BASE_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  OPRF_KEY_FILE: z.string().min(1).optional(),
  CONTACTS_KEY_FILE: z.string().min(1).optional(),
  OPRF_BACKEND: z.enum(['auto', 'native', 'wasm', 'noble']).default('auto'),
  INGEST_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOOKUP_RATE_CLIENT: z.string().regex(RATE_RULE, 'must be COUNT/PERIOD, e.g. 60/1h').default('60/1h'),
  LOOKUP_RATE_GLOBAL: z.string().regex(RATE_RULE, 'must be COUNT/PERIOD, e.g. 2000/1s').default('2000/1s'),
  LOOKUP_BUCKETS_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('breachdesk <alerts@localhost>'),
  ALERTS_KEY_FILE: z.string().min(1).optional(),
  ALERTS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  ALERTS_RATE_CLIENT: z.string().regex(RATE_RULE, 'must be COUNT/PERIOD, e.g. 10/1h').default('10/1h'),
  CAMPAIGN_MAIL_FROM: z.string().min(3).optional(),
  CAMPAIGN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CAMPAIGN_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(200).default(8),
  CAMPAIGN_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  LETTERS_DIR: z.string().min(1).optional(),
  SMS_46ELKS_USERNAME: z.string().min(1).optional(),
  SMS_46ELKS_PASSWORD: z.string().min(1).optional(),
  SMS_46ELKS_BASE_URL: z.url().optional(),
  SMS_SENDER: z.string().min(2).optional(),
  SMS_DELIVERY_REPORT_URL: z.url().optional(),
  CAMPAIGN_WORKER: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Set: PostgreSQL. Unset: the embedded SQLite file `<dataDir>/breachdesk.sqlite`. */
  readonly databaseUrl: string | undefined;
  readonly sqlitePath: string;
  /** Absolute base URL used in feeds and HIBP LogoPath; derived from the request when unset. */
  readonly publicBaseUrl: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the seed catalogue (and the synthetic demo index) on first start. */
  readonly seed: boolean;
  /** The OPRF key file: created on first start (mode 0600), outside the database. */
  readonly oprfKeyFile: string;
  /** The key that seals contact details kept with `ingest --keep-contacts`. */
  readonly contactsKeyFile: string;
  /** `auto` = the native libsodium addon when built, else libsodium WASM. */
  readonly oprfBackend: 'auto' | 'native' | 'wasm' | 'noble';
  /** Worker threads that evaluate the OPRF while ingesting; default: every core. */
  readonly ingestWorkers: number;
  /** Set: rate limits live in Redis and are shared by every instance. Unset: in memory, per process. */
  readonly redisUrl: string | undefined;
  /** OPRF evaluations allowed per client address (IPv6: per /64), and for the whole service. */
  readonly lookupRateClient: string;
  readonly lookupRateGlobal: string;
  /** A static mirror of the bucket files (export-buckets behind a CDN) the look-up page fetches from. */
  readonly lookupBucketsUrl: string | undefined;
  /** Trust X-Forwarded-For from a reverse proxy or CDN for the client address (rate limits). */
  readonly trustProxy: boolean;
  /** Set: alerts about future breaches are offered and sent through this SMTP server. Unset: no alerts. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Seals subscribers' addresses and makes the confirm/unsubscribe link tokens. Created on first use (0600). */
  readonly alertsKeyFile: string;
  /** How often the server matches newly ingested breaches against subscriptions and sends what is due. */
  readonly alertsIntervalSeconds: number;
  /** Alert subscriptions allowed per client address: each one sends a confirmation email. */
  readonly alertsRateClient: string;
  /** The SMTP server for notification campaigns (CAMPAIGN_SMTP_URL, else SMTP_URL); unset: no e-mail channel. */
  readonly campaignSmtpUrl: string | undefined;
  readonly campaignMailFrom: string;
  readonly campaignSmtpConnections: number;
  /** How long a worker holds a claimed message; a killed worker's messages are taken over after it. */
  readonly campaignLeaseSeconds: number;
  /** DKIM signing of campaign e-mail: all three or none. */
  readonly dkim: { readonly domainName: string; readonly keySelector: string; readonly privateKeyFile: string } | undefined;
  /** Where the letter batches (PDF + CSV manifest) for the print-and-mail house are written. */
  readonly lettersDir: string;
  /** Run the campaign worker inside `serve` (set false when workers run as `breachdesk campaign work`). */
  readonly campaignWorker: boolean;
  /** The 46elks SMS account for campaigns; unset: no SMS channel. Never logged. */
  readonly sms46elks:
    | {
        readonly username: string;
        readonly password: string;
        readonly sender: string;
        readonly baseUrl?: string;
        readonly deliveryReportUrl?: string;
        /** The last path segment of SMS_DELIVERY_REPORT_URL (…/hooks/sms/<token>), which serve checks on each report. */
        readonly reportToken: string | undefined;
      }
    | undefined;
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    throw new AppError('CONFIG_INVALID', `Invalid configuration: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sqlitePath: resolve(dataDir, 'breachdesk.sqlite'),
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    seed: e.SEED,
    oprfKeyFile: resolve(e.OPRF_KEY_FILE ?? resolve(dataDir, 'keys', 'oprf.key')),
    contactsKeyFile: resolve(e.CONTACTS_KEY_FILE ?? resolve(dataDir, 'keys', 'contacts.key')),
    oprfBackend: e.OPRF_BACKEND,
    ingestWorkers: e.INGEST_WORKERS ?? availableParallelism(),
    redisUrl: e.REDIS_URL,
    lookupRateClient: e.LOOKUP_RATE_CLIENT,
    lookupRateGlobal: e.LOOKUP_RATE_GLOBAL,
    lookupBucketsUrl: e.LOOKUP_BUCKETS_URL?.replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    alertsKeyFile: resolve(e.ALERTS_KEY_FILE ?? resolve(dataDir, 'keys', 'alerts.key')),
    alertsIntervalSeconds: e.ALERTS_INTERVAL_SECONDS,
    alertsRateClient: e.ALERTS_RATE_CLIENT,
    campaignSmtpUrl: e.CAMPAIGN_SMTP_URL ?? e.SMTP_URL,
    campaignMailFrom: e.CAMPAIGN_MAIL_FROM ?? e.MAIL_FROM,
    campaignSmtpConnections: e.CAMPAIGN_SMTP_CONNECTIONS,
    campaignLeaseSeconds: e.CAMPAIGN_LEASE_SECONDS,
    dkim: dkimConfig(e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY_FILE),
    lettersDir: resolve(e.LETTERS_DIR ?? resolve(dataDir, 'letters')),
    campaignWorker: e.CAMPAIGN_WORKER,
    sms46elks:
      e.SMS_46ELKS_USERNAME && e.SMS_46ELKS_PASSWORD
        ? {
            username: e.SMS_46ELKS_USERNAME,
            password: e.SMS_46ELKS_PASSWORD,
            sender: e.SMS_SENDER ?? 'breachdesk',
            ...(e.SMS_46ELKS_BASE_URL ? { baseUrl: e.SMS_46ELKS_BASE_URL } : {}),
            ...(e.SMS_DELIVERY_REPORT_URL ? { deliveryReportUrl: e.SMS_DELIVERY_REPORT_URL } : {}),
            reportToken: e.SMS_DELIVERY_REPORT_URL ? reportToken(e.SMS_DELIVERY_REPORT_URL) : undefined,
          }
        : undefined,
  };
}

function dkimConfig(domainName: string | undefined, keySelector: string | undefined, keyFile: string | undefined): Config['dkim'] {
  const given = [domainName, keySelector, keyFile].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3 || domainName === undefined || keySelector === undefined || keyFile === undefined) {
    throw new AppError('CONFIG_INVALID', 'Invalid configuration: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE go together', {
      issues: [{ path: 'DKIM_DOMAIN', message: 'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE go together' }],
    });
  }
  return { domainName, keySelector, privateKeyFile: resolve(keyFile) };
}

/** SMS_DELIVERY_REPORT_URL must end in /hooks/sms/<token>, a secret of at least 16 characters: the provider signs nothing. */
function reportToken(url: string): string {
  const token = /\/hooks\/sms\/([A-Za-z0-9_-]{16,128})$/.exec(new URL(url).pathname)?.[1];
  if (!token) {
    throw new AppError(
      'CONFIG_INVALID',
      'Invalid configuration: SMS_DELIVERY_REPORT_URL must end in /hooks/sms/<secret of 16+ letters, digits, - or _>',
      {
        issues: [{ path: 'SMS_DELIVERY_REPORT_URL', message: 'must end in /hooks/sms/<secret of 16 or more characters>' }],
      },
    );
  }
  return token;
}
