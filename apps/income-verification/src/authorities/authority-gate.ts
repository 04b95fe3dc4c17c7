/**
 * An authority's concurrency limit, held around the call itself (ADR 0034): at most `limit` calls
 * to the authority are in flight from this process at once; the others wait their turn, first
 * come first served. A slot is taken just before the request is sent and given back when the
 * answer (or the error, the timeout or the abort) is in, so the database work an authority fetch
 * does before and after its calls never holds the authority's slot.
 *
 * Per process: two service instances make twice the limit (ADR 0019, consequences).
 */
export class AuthorityGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly authority: string,
    readonly limit: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`the ${authority}'s concurrency limit must be a positive whole number, not ${limit}`);
  }

  /** Calls now in flight through the gate. */
  get inFlight(): number {
    return this.running;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `call` once a slot is free and frees the slot however the call ends. An abort while
   * waiting leaves the queue without taking a slot and rejects with the signal's reason.
   */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await call();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.running < this.limit && this.waiting.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(abortReason(signal!));
      };
      // The slot is handed over by release(): `running` stays counted for the next caller.
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted while waiting for a slot');
}
