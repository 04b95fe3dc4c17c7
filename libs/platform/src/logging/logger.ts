import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { redactIdentityCodes } from '@clientfees/domain';

const MAX_DEPTH = 8;

/**
 * Copies a log argument with every identity-code-shaped substring replaced. Identity codes must
 * never reach a log line, whichever field or error message they travel in.
 */
export function redactLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactIdentityCodes(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (value instanceof Error) {
    const copy = new Error(redactIdentityCodes(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactIdentityCodes(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactLogValue(item, depth + 1));
  if (value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactLogValue(item, depth + 1);
  return copy;
}

export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: service,
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => redactLogValue(arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** Nest's logger interface on top of pino, so framework messages are redacted too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, message instanceof Error ? message.message : String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
