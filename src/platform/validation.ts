import type { z } from 'zod';
import { validationError, type AppError, type FieldIssue } from './errors.js';

/** Turns zod issues into identifier-free field issues: the path and the rule broken, never the value. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses `input` with `schema` or throws VALIDATION_FAILED listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorFrom(result.error, what);
  return result.data;
}

export function validationErrorFrom(error: z.ZodError, what: string): AppError {
  return validationError(zodIssues(error), what);
}
