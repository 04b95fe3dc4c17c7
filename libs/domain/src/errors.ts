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

/**
 * A well-formed request that a rule of the domain refuses: four eyes, a limit of the role, the
 * grounds a decision must state. Services answer it with HTTP 422 naming `rule` (a stable name a
 * client can act on), the reason and the field; a malformed or implausible value is a
 * `DomainValidationError` (400) instead.
 */
export class RuleRefusal extends Error {
  override readonly name = 'RuleRefusal';

  constructor(
    readonly rule: string,
    readonly reason: string,
    readonly field: string = 'request',
  ) {
    super(`${rule}: ${reason}`);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isRuleRefusal(error: unknown): error is RuleRefusal {
  if (error instanceof RuleRefusal) return true;
  return error instanceof Error && error.name === 'RuleRefusal' && typeof (error as { rule?: unknown }).rule === 'string' && typeof (error as { reason?: unknown }).reason === 'string';
}
