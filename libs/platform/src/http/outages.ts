/**
 * A dependency the request needs does not answer (ADR 0029). Answered 503 with `Retry-After`, so
 * that a caller retries instead of waiting: an outage must never look like a broken request.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly dependency: 'temporal' | 'database',
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

/** The database errors that mean "Postgres does not answer" rather than "this statement is wrong". */
const DATABASE_OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);
const DATABASE_OUTAGE_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /the database system is (starting up|shutting down)/i];

/** An outage in what was thrown, or undefined when the error is something else. */
export function outageOf(error: unknown): ServiceUnavailableError | undefined {
  // The Temporal client wraps what its interceptors throw (a ServiceError with the cause): look through.
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof ServiceUnavailableError) return cause;
    // gRPC UNAVAILABLE (14) or DEADLINE_EXCEEDED (4) under a Temporal ServiceError: the server went away mid-call.
    const code = (cause as { code?: unknown }).code;
    if (depth > 0 && (code === 14 || code === 4) && (error as { name?: unknown }).name === 'ServiceError') {
      return new ServiceUnavailableError('temporal', 'the workflow engine (Temporal) stopped answering during the call; try again shortly');
    }
  }
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  for (const candidate of candidates) {
    if (!candidate || typeof candidate !== 'object') continue;
    const code = (candidate as { code?: unknown }).code;
    const message = (candidate as { message?: unknown }).message;
    if ((typeof code === 'string' && DATABASE_OUTAGE_CODES.has(code)) || (typeof message === 'string' && DATABASE_OUTAGE_MESSAGES.some((m) => m.test(message)))) {
      return new ServiceUnavailableError('database', 'the database does not answer; try again shortly');
    }
  }
  return undefined;
}
