export {
  createAlerts,
  MailDeliveryError,
  MAX_WATCHES,
  PENDING_TTL_HOURS,
  CONFIRMATION_RESEND_HOURS,
  FAILED_REPORT_DAYS,
  type AddressSealer,
  type AlertLinksBuilder,
  type Alerts,
  type AlertsDeps,
  type DeliveryReport,
  type LinkTokens,
  type Mailer,
  type OutgoingMail,
  type SubscribeInput,
  type TokenPurpose,
} from './alerts.js';
export {
  createAlertsStore,
  MESSAGE_STATES,
  type AlertsStatus,
  type AlertsStore,
  type ClaimedMessage,
  type MessageState,
} from './alerts.store.js';
export { alertMail, confirmationMail, renewalMail, type AlertLinks, type MailText } from './alert-messages.js';
export { afterFailure, MAX_ATTEMPTS, RETRY_DELAYS_MS, SEND_LEASE_MS } from './delivery-policy.js';
export { registerAlertRoutes, type AlertRoutesOptions } from './alerts.routes.js';
