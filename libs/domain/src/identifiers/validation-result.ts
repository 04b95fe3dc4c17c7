import { DomainValidationError } from '../errors';

/**
 * Validators answer with a result instead of a boolean, so a caller can tell the user what is
 * wrong. `code` is stable for programs; `reason` is English for people and never repeats the
 * input, because the input may be an identity code that must not reach a log.
 */
export interface Invalid<Code extends string> {
  readonly valid: false;
  readonly code: Code;
  readonly reason: string;
}

export type Valid<T> = { readonly valid: true } & T;
export type ValidationResult<T, Code extends string> = Valid<T> | Invalid<Code>;

export function invalid<Code extends string>(code: Code, reason: string): Invalid<Code> {
  return { valid: false, code, reason };
}

/** The valid result itself, or a DomainValidationError carrying its reason and `field`. */
export function orThrow<T, Code extends string>(result: ValidationResult<T, Code>, field: string): Valid<T> {
  if (!result.valid) throw new DomainValidationError(result.reason, field);
  return result;
}

/** Removes the spaces (and, where allowed, other separators) people put in printed references. */
export function compact(input: unknown): string | null {
  return typeof input === 'string' ? input.replace(/\s+/g, '') : null;
}
