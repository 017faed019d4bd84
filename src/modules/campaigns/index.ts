export {
  allowedActions,
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATES,
  campaignConfigSchema,
  CHANNELS,
  fillTemplate,
  nextCampaignState,
  PLACEHOLDERS,
  recipientLocale,
  templateFor,
  type CampaignAction,
  type CampaignConfig,
  type CampaignConfigInput,
  type CampaignState,
  type CampaignTemplate,
  type Channel,
} from './campaign.js';
export {
  createCampaigns,
  toView,
  type CampaignFacts,
  type CampaignKeys,
  type Campaigns,
  type CampaignsDeps,
  type CampaignView,
  type RecipientRecord,
  type RecipientSealer,
  type StoredCampaignConfig,
} from './campaigns.js';
export {
  createCampaignsStore,
  type CampaignRow,
  type CampaignsStore,
  type CampaignStats,
  type ClaimedMessage,
  type MessageKeyParts,
  type MessageResult,
} from './campaigns.store.js';
export {
  createCampaignWorker,
  type CampaignWorker,
  type CampaignWorkerDeps,
  type ChannelSender,
  type OutgoingMessage,
} from './campaign-worker.js';
export {
  DEFAULT_RETRY_POLICY,
  MESSAGE_STATES,
  messageKey,
  parseMessageKey,
  nextChannel,
  reachableChannels,
  RECIPIENT_STATES,
  transition,
  type MessageState,
  type RetryPolicy,
  type SendOutcome,
} from './outbox.js';
export { checkTemplates, defaultTemplates, exposedList, planLink, renderMessage, type TemplateProblem } from './templates.js';
export { registerCampaignRoutes, type CampaignRoutesOptions } from './campaigns.routes.js';
export { readBounce, type BounceKey, type BounceReading } from './bounces.js';
