import { AppError } from '../../platform/errors.js';

/** OPRF_INVALID_ELEMENT naming the rule broken, never the bytes received. */
export function invalidElement(reason: string, cause?: unknown): AppError {
  return new AppError('OPRF_INVALID_ELEMENT', `The blinded element is invalid: ${reason}`, { cause, data: { reason } });
}
