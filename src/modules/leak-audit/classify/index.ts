export { classifyRecipient, registrableDomainOf, type ClassifyContext } from './classify-recipient.js';
export { findEntity, type EntityMatch, type ExtraEntity } from './entities.js';
export {
  CNAME_CLOAKING_TARGETS,
  CNAME_INFRASTRUCTURE_SUFFIXES,
  COLLECTOR_PATHS,
  TRACKING_CATEGORIES,
  type CnameCloakingTarget,
  type CollectorPath,
  type TrackingCategory,
} from './collector-signatures.js';
export {
  CNAME_FAILURE_CODES,
  type CnameFailure,
  type CnameFailureCode,
  type CnameResolution,
  type CnameResolver,
} from './cname-resolver.js';
