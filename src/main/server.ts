import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { buildApp } from '../web/app.js';
import { createAlertsRuntime, type AlertsRuntime } from './alerts-runtime.js';
import { createCampaignsRuntime, type CampaignsRuntime } from './campaigns-runtime.js';
import { parse46elksDeliveryReport } from '../adapters/sms-46elks.js';
import type { CampaignWorker } from '../modules/campaigns/index.js';
import { createSmtpMailer } from '../adapters/smtp-mailer.js';
import { createDeadlineReminders } from '../modules/incidents/index.js';
import { loadDemoIndex } from './demo-index.js';
import { createIndexing, type Indexing } from './indexing.js';
import { createLookupPublisher, lookupDir, type LookupPublisher } from './lookup-publisher.js';
import { createLookupRateLimiter, rateLimitKeyFrom } from './lookup-rate-limit.js';
import { createServices, type Services } from './services.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  /** The address a person can open, e.g. http://localhost:8080. */
  readonly url: string;
  /** The server's own publication of the look-up index (republishes every minute, or on `refresh()`). */
  readonly lookup: LookupPublisher;
  /** Null when SMTP_URL is unset. */
  readonly alerts: AlertsRuntime | null;
  close(): Promise<void>;
}

/** Migrates, seeds on first start, serves, and drains on SIGTERM/SIGINT. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const services = await createServices(config, logger);
  let indexing: Indexing;
  let publisher: LookupPublisher;
  let limiter: Awaited<ReturnType<typeof createLookupRateLimiter>>;
  let alertsRuntime: AlertsRuntime | null = null;
  let campaignsRuntime: CampaignsRuntime | undefined;
  let url = config.publicBaseUrl ?? '';
  try {
    indexing = await createIndexing(config, services, logger);
    logger.info(
      { epoch: indexing.key.epoch, fingerprint: indexing.key.fingerprint, backend: indexing.backendReport },
      'private look-up index ready',
    );
    if (config.seed) await loadDemoIndex(indexing, config.dataDir, logger);
    publisher = await createLookupPublisher(indexing, {
      dir: lookupDir(config.dataDir),
      logger,
      reload: () => createIndexing(config, services, logger),
    });
    limiter = await createLookupRateLimiter(config, logger, rateLimitKeyFrom(indexing.key.secretKey));
    if (config.smtpUrl) {
      alertsRuntime = await createAlertsRuntime(config, services, logger, {
        baseUrl: () => url,
        activeEpoch: () => publisher.activeKey().epoch,
      });
    } else {
      logger.info('alerts about future breaches are off: set SMTP_URL to offer them');
    }
    campaignsRuntime = await createCampaignsRuntime(config, services, logger);
  } catch (error) {
    await campaignsRuntime?.close();
    await alertsRuntime?.close();
    await services.close();
    throw error;
  }
  const app = await buildApp({
    catalogue: services.catalogue,
    apiKeys: services.apiKeys,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    trustProxy: config.trustProxy,
    lookup: {
      publications: publisher,
      activeKey: () => publisher.activeKey(),
      rateLimit: (request, cost) => limiter.consume(request.ip, cost),
      bucketsBaseUrl: config.lookupBucketsUrl,
    },
    ...(alertsRuntime
      ? { alerts: { alerts: alertsRuntime.alerts, rateLimit: (request: FastifyRequest) => alertsRuntime.limiter.consume(request.ip, 1) } }
      : {}),
    desk: {
      organisations: services.organisations,
      incidents: services.incidents,
      processors: services.processors,
      publishing: services.publishing,
      assessments: services.assessments,
      campaigns: campaignsRuntime.campaigns,
      notices: services.notices,
      leakAudits: services.leakAudits,
      ...(config.sms46elks?.reportToken ? { smsReports: { parse: parse46elksDeliveryReport, token: config.sms46elks.reportToken } } : {}),
      secureCookies: (config.publicBaseUrl ?? '').startsWith('https://'),
    },
    checkDatabase: async () => {
      await sql`select 1`.execute(services.database.db);
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const listening = `http://${shownHost}:${port}`;
  url = config.publicBaseUrl ?? listening;
  alertsRuntime?.start();
  // The campaign worker, unless it runs as separate processes (CAMPAIGN_WORKER=false, `breachdesk campaign work`).
  let campaignWorker: CampaignWorker | undefined;
  if (config.campaignWorker) {
    campaignWorker = campaignsRuntime.worker();
    campaignWorker.start();
    if (!config.campaignSmtpUrl) logger.info('campaigns have no e-mail channel: set CAMPAIGN_SMTP_URL or SMTP_URL');
  }
  // Closed campaigns past their retention period lose their recipients and data key (ADR 0014), hourly.
  const purge = () => {
    campaignsRuntime.store.purgeDue(new Date().toISOString()).then(
      (ids) => {
        if (ids.length > 0) logger.info({ campaigns: ids }, 'campaign recipients purged after retention');
      },
      (error: unknown) => logger.error({ err: error }, 'campaign purge failed'),
    );
  };
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();
  purge();
  // 72-hour reminders to owners and DPOs, when there is an SMTP server to send them.
  let reminderTimer: NodeJS.Timeout | undefined;
  let reminderMailer: ReturnType<typeof createSmtpMailer> | undefined;
  if (config.smtpUrl) {
    reminderMailer = createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
    const deadlineReminders = createDeadlineReminders({
      db: services.database.db,
      clock: { now: () => new Date() },
      mailer: reminderMailer,
      logger,
      incidentUrl: (org, id, locale) => `${url}/console/${org}/incidents/${id}?lang=${locale}`,
    });
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      deadlineReminders
        .run()
        .catch((error: unknown) => logger.error({ err: error }, '72-hour reminders failed; next run retries'))
        .finally(() => {
          running = false;
        });
    };
    reminderTimer = setInterval(tick, 60_000);
    reminderTimer.unref();
    tick();
  }
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      // Lets the batches in flight finish and record their outcomes before the database closes.
      clearInterval(purgeTimer);
      await campaignWorker?.stop();
      await campaignsRuntime.close();
      if (reminderTimer) clearInterval(reminderTimer);
      reminderMailer?.close();
      await alertsRuntime?.close();
      publisher.close();
      await limiter.close();
      await services.close();
    })();
    return closing;
  };
  return { app, services, url: listening, lookup: publisher, alerts: alertsRuntime, close };
}
