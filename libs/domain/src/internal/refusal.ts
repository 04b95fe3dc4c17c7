import { DomainValidationError } from '../errors';

/**
 * For specs: the DomainValidationError an action throws, to check its field and reason. Any other
 * error is thrown on, and an action that throws nothing fails the spec.
 */
export function refusalOf(action: () => unknown): DomainValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainValidationError) return error;
    throw error;
  }
  throw new Error('expected a DomainValidationError');
}
