import { parseArgs, ParseArgsConfig } from 'node:util';
import { Country, DomainValidationError, isDomainValidationError, parseLocalDate } from '@clientfees/domain';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: an unknown option or a missing value is a usage error. */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function countryOption(values: Record<string, unknown>): Country {
  const value = requireOption(values, 'country');
  if (value !== 'FI' && value !== 'SE') throw new UsageError(`--country must be FI or SE, not "${value}"`);
  return value;
}

export function dateOption(values: Record<string, unknown>, name: string): string {
  const value = requireOption(values, name);
  try {
    return parseLocalDate(value, name);
  } catch (error) {
    if (isDomainValidationError(error)) throw new UsageError(`--${name}: ${error.reason}`);
    throw error;
  }
}

export function wholeNumberOption(values: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const value = values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${String(value)}"`);
  }
  return Number(value);
}

export function asUsageError(error: unknown): unknown {
  if (error instanceof DomainValidationError || isDomainValidationError(error)) {
    return new UsageError(error.field ? `--${error.field}: ${error.reason}` : error.reason);
  }
  return error;
}
