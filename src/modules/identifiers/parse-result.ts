import type { IdentifierKind } from './identifier-kind.js';
import type { RejectionReason } from './rejection-reason.js';

/** Fields of the name + date of birth look-up, named in a rejection so a form can point at the right input. */
export type NameDobField = 'surname' | 'givenNames' | 'birthDate';

export interface ParseOptions {
  /** Today as YYYY-MM-DD, from the caller's clock: resolves the personnummer century and rejects future birth dates. */
  readonly today: string;
  /** ISO 3166 alpha-2 region for phone numbers typed in national form, e.g. 'FR' or 'SE'; 'FR' when absent. */
  readonly defaultRegion?: string;
}

export type ParseResult =
  | { readonly ok: true; readonly kind: IdentifierKind; readonly canonical: string }
  | { readonly ok: false; readonly kind: IdentifierKind; readonly reason: RejectionReason; readonly field?: NameDobField };

/** Longest raw value any parser looks at; anything longer is rejected before other work. */
export const MAX_RAW_LENGTH = 256;

/**
 * The checks every parser runs first: not a string or blank → 'empty', over MAX_RAW_LENGTH UTF-16 units → 'too-long'.
 * Length is checked before trimming so that an oversized value costs nothing.
 */
export function precheck(raw: unknown): RejectionReason | null {
  if (typeof raw !== 'string') return 'empty';
  if (raw.length > MAX_RAW_LENGTH) return 'too-long';
  if (raw.trim() === '') return 'empty';
  return null;
}

export function rejected(kind: IdentifierKind, reason: RejectionReason): ParseResult {
  return { ok: false, kind, reason };
}

export function accepted(kind: IdentifierKind, canonical: string): ParseResult {
  return { ok: true, kind, canonical };
}
