/**
 * A value broke a domain rule. Services answer it with HTTP 400 naming `field` and `reason`;
 * the CLI prints it and exits with status 2. The reason is shown to users and written to logs,
 * so it must explain the problem without echoing personal data such as identity codes.
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';

  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(field === undefined ? reason : `${field}: ${reason}`);
    // Keeps `instanceof` working when TypeScript compiles classes down to functions.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * `instanceof` fails when the error crossed a bundle boundary (a Temporal workflow bundle has its
 * own copy of this module), so recognise the error by its shape too.
 */
export function isDomainValidationError(error: unknown): error is DomainValidationError {
  if (error instanceof DomainValidationError) return true;
  return (
    error instanceof Error &&
    error.name === 'DomainValidationError' &&
    typeof (error as { reason?: unknown }).reason === 'string'
  );
}
