/**
 * The leak audit (issue 8): an organisation's own pages checked for its customers' data reaching third parties.
 * collect (crawl or HAR) → detect (canaries) → classify (who received it) → report (findings, summary, caveats).
 * Other modules and the composition roots import only this file.
 */
export * from './model.js';
export * from './collect/index.js';
export * from './detect/index.js';
export * from './classify/index.js';
export {
  AUDIT_REPORT_VERSION,
  CALLOUT_KINDS,
  buildAuditReport,
  locationLabel,
  type AuditFinding,
  type AuditReport,
  type AuditReportMeta,
  type BuildAuditReportInput,
  type Callout,
  type CalloutKind,
  type CompanySummary,
  type FindingEvidence,
} from './report.js';
export { escapeHtml, renderAuditReportHtml } from './report-html.js';
export { BLIND_SPOTS, BLIND_SPOT_SOURCES, REPORT_MESSAGES, type BlindSpot, type ReportMessages } from './report-messages.js';
export { incidentDraftFromFindings, DATA_CLASS_OF_FIELD } from './report-incident.js';
export { createLeakAudits, type LeakAudits, type LeakAuditsDeps, type LeakAuditSummary, type StoredLeakAudit } from './audits.store.js';
