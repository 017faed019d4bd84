import { ERROR_CODES, type AppError, type ErrorCode, type FieldIssue } from '../platform/errors.js';

/** HTTP status for each error code. The error catalogue itself knows nothing of HTTP. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  INPUT_JSON_INVALID: 400,
  INPUT_FILE_UNREADABLE: 400,
  OUTPUT_FILE_UNWRITABLE: 500,
  BREACH_NOT_FOUND: 404,
  BREACH_SLUG_CONFLICT: 409,
  BREACH_SLUG_MISMATCH: 400,
  BREACH_RELATED_UNKNOWN: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  ROUTE_NOT_FOUND: 404,
  CONFIG_INVALID: 500,
  DATABASE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  CLI_USAGE: 400,
  IDENTIFIER_INVALID: 400,
  OPRF_INVALID_ELEMENT: 400,
  OPRF_BACKEND_UNAVAILABLE: 503,
  KEY_FILE_INVALID: 500,
  KEY_FILE_INSECURE: 500,
  KEY_EPOCH_MISMATCH: 409,
  INGEST_FORMAT_UNRECOGNISED: 400,
  INGEST_MAPPING_INVALID: 400,
  INGEST_FILE_CHANGED: 409,
  INGEST_ACCOUNTING_MISMATCH: 500,
  OPRF_BATCH_TOO_LARGE: 400,
  LOOKUP_EPOCH_UNKNOWN: 409,
  LOOKUP_NOT_PUBLISHED: 503,
  LOOKUP_UNAVAILABLE: 503,
  LOOKUP_VERIFICATION_FAILED: 502,
  RATE_LIMITED: 429,
  RATE_LIMIT_UNAVAILABLE: 503,
  ALERT_TOKEN_INVALID: 404,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  SIGN_IN_LOCKED: 429,
  ORGANISATION_NOT_FOUND: 404,
  ORGANISATION_CONFLICT: 409,
  INCIDENT_NOT_FOUND: 404,
  INCIDENT_CONFLICT: 409,
  NOTIFICATION_INCOMPLETE: 422,
  CAMPAIGN_NOT_FOUND: 404,
  CAMPAIGN_CONFLICT: 409,
  CAMPAIGN_STATE_INVALID: 409,
  CAMPAIGN_TEMPLATE_INCOMPLETE: 422,
  CAMPAIGN_NO_CONTACTS: 422,
  NOTICE_NOT_FOUND: 404,
  NOTICE_INCOMPLETE: 422,
  INTERNAL: 500,
};

/** RFC 9457 problem details, plus the stable `code` and the field-level `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldIssue[];
  instance?: string;
  /** What an Art. 34(2) check found missing (CAMPAIGN_TEMPLATE_INCOMPLETE, NOTICE_INCOMPLETE). */
  problems?: unknown[];
}

/** Codes whose `data.problems` (identifier-free by contract) is part of the answer: the client must see what to fix. */
const WITH_PROBLEMS: ReadonlySet<ErrorCode> = new Set(['CAMPAIGN_TEMPLATE_INCOMPLETE', 'NOTICE_INCOMPLETE']);

export function problemFor(error: AppError, instance?: string): Problem {
  const status = HTTP_STATUS[error.code];
  return {
    type: `urn:breachdesk:error:${error.code}`,
    title: titleFor(error.code),
    status,
    code: error.code,
    // 5xx details can reveal internals; the log has them, the client gets the code.
    detail: status >= 500 ? titleFor(error.code) : error.message,
    ...(error.issues.length > 0 ? { errors: [...error.issues] } : {}),
    ...(instance === undefined ? {} : { instance }),
    ...(WITH_PROBLEMS.has(error.code) && Array.isArray(error.data['problems'])
      ? { problems: [...(error.data['problems'] as unknown[])] }
      : {}),
  };
}

function titleFor(code: ErrorCode): string {
  return code
    .toLowerCase()
    .split('_')
    .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export const ALL_ERROR_CODES = ERROR_CODES;
