export { appendAudit, listAudit } from './audit.store.js';
export { changedFields, type AuditEntry, type AuditQuery, type AuditRecord } from './audit-entry.js';
