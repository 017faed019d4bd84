import { readFile } from 'node:fs/promises';
import { AppError, isAppError, type FieldIssue } from '../platform/errors.js';
import { findJsonSyntaxError } from '../platform/json-syntax.js';

/** What a command may print to. Commands never write to process.stdout directly, so tests capture output. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 done, 1 failed (input rejected or runtime error), 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function usageError(message: string): AppError {
  return new AppError('CLI_USAGE', message);
}

/** Reads and parses a JSON file; a syntax error names the file, line and column. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new AppError('INPUT_FILE_UNREADABLE', `${path}: ${reason}`, { cause, data: { file: path } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // JSON.parse's message quotes the text around the error, which may hold personal data: not shown.
    const where = findJsonSyntaxError(text);
    const at = where ? `:${where.line}:${where.column}` : '';
    throw new AppError('INPUT_JSON_INVALID', `${path}${at}: not valid JSON${where ? `: expected ${where.expected}` : ''}`, {
      cause,
      data: { file: path, ...(where ? { line: where.line, column: where.column } : {}) },
    });
  }
}

/** Prints an error the way every command does: code, message, then one line per field problem. */
export function reportError(io: CliIo, error: unknown, context?: string): number {
  if (isAppError(error)) {
    io.err(`error [${error.code}]: ${context ? `${context}: ` : ''}${error.message}`);
    for (const issue of error.issues) io.err(`  - ${formatIssue(issue)}`);
    return error.code === 'CLI_USAGE' ? EXIT.usage : EXIT.failed;
  }
  io.err(`error [INTERNAL]: ${(error as Error).message ?? String(error)}`);
  return EXIT.failed;
}

function formatIssue(issue: FieldIssue): string {
  return `${issue.path === '' ? '(whole document)' : issue.path}: ${issue.message}`;
}
