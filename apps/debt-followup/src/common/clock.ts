/**
 * Where a request's "today" comes from: the wall clock. Tests on the time-skipping server give the
 * server's (skipped) time instead, so that REST and workflows agree on the calendar day.
 */
export interface Clock {
  nowMs(): Promise<number>;
}

export const CLOCK = Symbol('Clock');

export const WALL_CLOCK: Clock = { nowMs: async () => Date.now() };
