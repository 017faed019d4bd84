import { hkdfSync, randomBytes } from 'node:crypto';
import { createAlertCrypto } from '../adapters/alert-crypto.js';
import { loadOrCreateSecretKeyFile } from '../adapters/oprf-key-file.js';
import { createSmtpMailer } from '../adapters/smtp-mailer.js';
import {
  createAlerts,
  createAlertsStore,
  type Alerts,
  type AlertsStatus,
  type DeliveryReport,
  type Mailer,
} from '../modules/alerts/index.js';
import {
  createMemoryRateLimitStore,
  createRateLimiter,
  createRedisRateLimitStore,
  parseRateRule,
  type RateLimiter,
} from '../modules/ratelimit/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Locale } from '../platform/locale.js';
import type { Logger } from '../platform/logger.js';
import type { Services } from './services.js';

export interface AlertsRuntime {
  readonly alerts: Alerts;
  /** One subscription charged to a client address. */
  readonly limiter: RateLimiter;
  /** Expires, scans and delivers once (what each tick of the worker does, and `breachdesk alerts run`). */
  runOnce(): Promise<{ expired: number; runs: number; queued: number; renewals: number } & DeliveryReport>;
  status(): Promise<AlertsStatus>;
  /** Starts the periodic worker; a tick never overlaps the previous one. */
  start(): void;
  /** Stops the worker after the tick in progress, and closes the SMTP pool. */
  close(): Promise<void>;
}

export interface AlertsRuntimeOptions {
  /** Links in emails start here (PUBLIC_BASE_URL, else the server's own address once it listens). */
  readonly baseUrl: () => string;
  readonly activeEpoch: () => number;
  /** Default: SMTP through config.smtpUrl. */
  readonly mailer?: Mailer;
  readonly clock?: Clock;
}

/**
 * Wires alerts about future breaches: the alerts key file (created on first use, 0600, outside the
 * database), the store, the SMTP mailer, the subscription rate limit and the worker that, every
 * ALERTS_INTERVAL_SECONDS, matches newly completed ingest runs against the watches and sends what is due.
 * Several processes can run it against one PostgreSQL database: the outbox's unique key and claims keep
 * every message queued and sent once.
 */
export async function createAlertsRuntime(
  config: Config,
  services: Services,
  logger: Logger,
  options: AlertsRuntimeOptions,
): Promise<AlertsRuntime> {
  if (!config.smtpUrl && !options.mailer) throw new AppError('CONFIG_INVALID', 'Alerts need SMTP_URL: the SMTP server that sends them');
  const key = await loadOrCreateSecretKeyFile(config.alertsKeyFile, {
    randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
    now: () => new Date(),
  });
  if (key.created) logger.info({ file: config.alertsKeyFile, keyId: key.id }, 'alerts key created');
  const { sealer, tokens } = createAlertCrypto(key.secret, key.id);
  const smtp = options.mailer ? null : createSmtpMailer({ url: config.smtpUrl!, from: config.mailFrom });
  const mailer = options.mailer ?? smtp!;
  const withLang = (path: string, params: Record<string, string>, locale?: Locale) => {
    const q = new URLSearchParams(params);
    if (locale) q.set('lang', locale);
    const qs = q.toString();
    return `${options.baseUrl().replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
  };
  const clock = options.clock ?? systemClock;
  const alerts = createAlerts({
    store: createAlertsStore(services.database.db),
    sealer,
    tokens,
    mailer,
    links: {
      confirm: (token, locale) => withLang('/alerts/confirm', { token }, locale),
      unsubscribe: (token, locale) => withLang('/alerts/unsubscribe', { token }, locale),
      unsubscribeOneClick: (token) => withLang('/alerts/unsubscribe', { token }),
      check: (locale) => withLang('/check', {}, locale),
    },
    clock,
    newId: () => newId(clock.now()),
    logger,
    activeEpoch: options.activeEpoch,
  });

  let perClient;
  try {
    perClient = parseRateRule(config.alertsRateClient);
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `Invalid ALERTS_RATE_CLIENT: ${(error as Error).message}`, { cause: error });
  }
  const limiterStore = config.redisUrl
    ? await createRedisRateLimitStore(config.redisUrl, { prefix: 'breachdesk:alerts-ratelimit:' })
    : createMemoryRateLimitStore();
  const limiter = createRateLimiter({
    perClient,
    // A ceiling on confirmation emails for the whole service, whoever asks.
    global: parseRateRule('600/1h'),
    store: limiterStore,
    keySecret: new Uint8Array(hkdfSync('sha256', key.secret, Buffer.from('breachdesk/alerts/v1'), 'ratelimit', 32)),
  });

  // A scan that fails (say, the index is being migrated) must not stop confirmations and retries going out.
  const runOnce = async () => {
    let scanned = { expired: 0, runs: 0, queued: 0, renewals: 0 };
    let scanFailure: { error: unknown } | null = null;
    try {
      scanned = await alerts.scan();
    } catch (error) {
      scanFailure = { error };
    }
    const delivered = await alerts.deliver();
    if (scanFailure) throw scanFailure.error;
    return { ...scanned, ...delivered };
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let ticking = false;
  const tick = () => {
    if (ticking) return;
    ticking = true;
    running = runOnce()
      .then((r) => {
        if (r.queued + r.renewals + r.sent + r.retried + r.failed + r.expired > 0) logger.info(r, 'alerts worker');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'alerts worker tick failed; next tick retries'))
      .finally(() => {
        ticking = false;
      });
  };

  return {
    alerts,
    limiter,
    runOnce,
    status: () => alerts.status(),
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, config.alertsIntervalSeconds * 1000);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
      await limiter.close();
      smtp?.close();
    },
  };
}
