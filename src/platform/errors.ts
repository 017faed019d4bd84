/**
 * The error catalogue. Every failure that crosses a module boundary is an AppError with a stable code
 * from this list; the web layer maps codes to HTTP statuses and the CLI to exit codes. Every code must be
 * documented in docs/errors.md (a test enforces it). Messages and data never contain a raw personal
 * identifier: they name the field, the line and the reason, not the value.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INPUT_JSON_INVALID',
  'INPUT_FILE_UNREADABLE',
  'OUTPUT_FILE_UNWRITABLE',
  'BREACH_NOT_FOUND',
  'BREACH_SLUG_CONFLICT',
  'BREACH_SLUG_MISMATCH',
  'BREACH_RELATED_UNKNOWN',
  'AUTH_REQUIRED',
  'AUTH_INVALID',
  'ROUTE_NOT_FOUND',
  'CONFIG_INVALID',
  'DATABASE_UNAVAILABLE',
  'MIGRATION_FAILED',
  'CLI_USAGE',
  'IDENTIFIER_INVALID',
  'OPRF_INVALID_ELEMENT',
  'OPRF_BACKEND_UNAVAILABLE',
  'KEY_FILE_INVALID',
  'KEY_FILE_INSECURE',
  'KEY_EPOCH_MISMATCH',
  'INGEST_FORMAT_UNRECOGNISED',
  'INGEST_MAPPING_INVALID',
  'INGEST_FILE_CHANGED',
  'INGEST_ACCOUNTING_MISMATCH',
  'OPRF_BATCH_TOO_LARGE',
  'LOOKUP_EPOCH_UNKNOWN',
  'LOOKUP_NOT_PUBLISHED',
  'LOOKUP_UNAVAILABLE',
  'LOOKUP_VERIFICATION_FAILED',
  'RATE_LIMITED',
  'RATE_LIMIT_UNAVAILABLE',
  'ALERT_TOKEN_INVALID',
  'FORBIDDEN',
  'CSRF_INVALID',
  'SIGN_IN_LOCKED',
  'ORGANISATION_NOT_FOUND',
  'ORGANISATION_CONFLICT',
  'INCIDENT_NOT_FOUND',
  'INCIDENT_CONFLICT',
  'NOTIFICATION_INCOMPLETE',
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_CONFLICT',
  'CAMPAIGN_STATE_INVALID',
  'CAMPAIGN_TEMPLATE_INCOMPLETE',
  'CAMPAIGN_NO_CONTACTS',
  'NOTICE_NOT_FOUND',
  'NOTICE_INCOMPLETE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input: `path` is a JSON-pointer-like dotted path (`dates.occurredFrom`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly cause?: unknown;
  /** Structured, identifier-free details (field issues, the slug concerned, a line number...). */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly issues?: readonly FieldIssue[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly data: Readonly<Record<string, unknown>>;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.data = options.data ?? {};
    this.issues = options.issues ?? [];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A validation failure listing every field problem, not just the first. */
export function validationError(issues: readonly FieldIssue[], what = 'input'): AppError {
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path || '(root)'}: ${i.message}`)
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return new AppError('VALIDATION_FAILED', `Invalid ${what}: ${summary}${more}`, { issues });
}
