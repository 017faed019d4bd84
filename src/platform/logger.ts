import { pino, type Logger as PinoLogger } from 'pino';

/**
 * Structured JSON logs. Request headers that carry secrets are redacted; the conventions forbid logging
 * a raw personal identifier anywhere, so nothing here logs request or response bodies.
 */
export type Logger = PinoLogger;

export interface LoggerOptions {
  readonly level: string;
  /** Where to write; stdout by default. Tests pass a stream to search the output. */
  readonly destination?: NodeJS.WritableStream;
}

export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'breachdesk' } },
    options.destination ?? process.stdout,
  );
}
