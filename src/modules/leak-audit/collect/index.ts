/**
 * The leak audit's collectors (issue 8): the audit configuration, the HAR import, and the port a crawler
 * implements (src/adapters/leak-crawler.ts drives Chromium). Everything here is pure.
 */
import type { CapturedRequest, ConsentState } from '../model.js';
import type { ResolvedAuditConfig } from './audit-config.js';

export {
  auditConfigSchema,
  parseAuditConfig,
  parsePersonas,
  parseStructuredText,
  personaFor,
  personasSchema,
  resolveAuditConfig,
  stepSchema,
  targetSchema,
  type AuditConfig,
  type AuditFlow,
  type AuditStep,
  type ConsentRun,
  type ResolvedAuditConfig,
  type StepTarget,
} from './audit-config.js';
export { importHar, WEBSOCKET_FRAME_METHOD, type HarImportOptions, type HarImportResult, type HarSkippedEntry } from './har-import.js';

/** How one step of a crawl went. A failed step ends its flow (the next flow still runs) and is reported, not thrown. */
export interface CrawlStepOutcome {
  readonly consent: ConsentState;
  /** The same name the step's requests carry in CapturedRequest.step. */
  readonly step: string;
  readonly ok: boolean;
  /** Playwright's reason, with every persona value replaced by its field name. */
  readonly error?: string;
}

export interface CrawlResult {
  /** Every request the pages made, in the order they left, ids r1, r2…; WebSocket frames sent included. */
  readonly requests: CapturedRequest[];
  readonly steps: CrawlStepOutcome[];
}

/** The port: a crawler runs an audit configuration in a browser and returns what left it. */
export interface LeakCrawler {
  crawl(config: ResolvedAuditConfig): Promise<CrawlResult>;
}
