import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { createCampaignKeys } from '../adapters/campaign-keys.js';
import { loadSecretKeyFile } from '../adapters/oprf-key-file.js';
import { createSmtpCampaignSender } from '../adapters/smtp-campaign-sender.js';
import { create46elksSmsProvider } from '../adapters/sms-46elks.js';
import { createSmsCampaignSender } from '../adapters/sms-campaign-sender.js';
import { createLetterCampaignSender } from '../adapters/letter-campaign-sender.js';
import {
  createCampaigns,
  createCampaignsStore,
  createCampaignWorker,
  type CampaignKeys,
  type Campaigns,
  type CampaignsStore,
  type CampaignWorker,
  type CampaignWorkerDeps,
  type ChannelSender,
} from '../modules/campaigns/index.js';
import { isoInstant, systemClock, type Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { newId } from '../platform/ids.js';
import type { Logger } from '../platform/logger.js';
import type { Services } from './services.js';

export interface CampaignsRuntime {
  readonly campaigns: Campaigns;
  readonly store: CampaignsStore;
  /** Undefined while no contacts key exists (nothing was ingested with --keep-contacts); read again until it does. */
  keys(): Promise<CampaignKeys | undefined>;
  /** A worker over the channels this configuration can send on. */
  worker(options?: Partial<Pick<CampaignWorkerDeps, 'batchSize' | 'loopsPerChannel' | 'onBatch' | 'leaseMs' | 'idleMs'>>): CampaignWorker;
  readonly senders: readonly ChannelSender[];
  close(): Promise<void>;
}

async function loadKeys(config: Config): Promise<CampaignKeys | undefined> {
  // No contacts key yet: campaigns cannot be created (CAMPAIGN_NO_CONTACTS) until a breach is ingested
  // with --keep-contacts. A key file that exists but is unreadable, broken or insecure stops everything.
  if (!existsSync(config.contactsKeyFile)) return undefined;
  const key = await loadSecretKeyFile(config.contactsKeyFile);
  return createCampaignKeys({ id: key.id, secret: key.secret });
}

/** Wires campaigns: the service, the store, the channels this configuration has, and workers. */
export async function createCampaignsRuntime(
  config: Config,
  services: Services,
  logger: Logger,
  options: { clock?: Clock; senders?: readonly ChannelSender[] } = {},
): Promise<CampaignsRuntime> {
  const clock = options.clock ?? systemClock;
  const store = createCampaignsStore(services.database.db, { skipLocked: services.database.dialect === 'postgres' });
  let loaded: CampaignKeys | undefined;
  const keys = async () => (loaded ??= await loadKeys(config));
  const senders: ChannelSender[] = options.senders ? [...options.senders] : [];
  if (!options.senders && config.campaignSmtpUrl) {
    senders.push(
      createSmtpCampaignSender({
        url: config.campaignSmtpUrl,
        from: config.campaignMailFrom,
        maxConnections: config.campaignSmtpConnections,
        ...(config.dkim ? { dkim: config.dkim } : {}),
      }),
    );
  }
  if (!options.senders) {
    senders.push(createLetterCampaignSender({ dir: config.lettersDir, today: () => isoInstant(clock.now()).slice(0, 10) }));
  }
  if (!options.senders && config.sms46elks) {
    const { reportToken: _token, ...provider } = config.sms46elks;
    senders.push(createSmsCampaignSender({ provider: create46elksSmsProvider({ ...provider, clock }) }));
  }
  const campaigns = createCampaigns({
    db: services.database.db,
    store,
    clock,
    newId,
    organisations: services.organisations,
    incidents: services.incidents,
    keys,
    planBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
  });
  return {
    campaigns,
    store,
    keys,
    senders,
    worker(workerOptions = {}) {
      return createCampaignWorker({
        store,
        keys,
        senders,
        clock,
        workerId: `${hostname()}:${process.pid}:${newId(clock.now())}`,
        leaseMs: config.campaignLeaseSeconds * 1000,
        onError: (error) => logger.error({ err: error }, 'campaign worker error'),
        ...workerOptions,
      });
    },
    async close() {
      for (const s of senders) await s.close?.();
    },
  };
}
