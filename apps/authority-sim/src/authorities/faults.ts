import { badRequest } from '../http-json';

export const AUTHORITIES = ['incomes-register', 'population-register', 'tax-administration'] as const;
export type Authority = (typeof AUTHORITIES)[number];

/**
 * How an authority stand-in misbehaves, so adapters, the demo and the tests meet what real
 * interfaces do: latency on every call, and by chance (rates 0..1) or for the next N calls,
 * failures (503), timeouts (no answer for `hangMs`) and malformed answers (200 with a broken body).
 * `onlyFor` limits the next-N faults to requests about one person (the identity code travels in
 * the request body, never in a URL).
 */
export interface FaultSettings {
  latencyMs: number;
  failureRate: number;
  timeoutRate: number;
  malformedRate: number;
  hangMs: number;
  failNext: number;
  timeoutNext: number;
  malformedNext: number;
  onlyFor?: string;
}

export type Fault = 'fail' | 'timeout' | 'malformed' | undefined;

const DEFAULTS: FaultSettings = { latencyMs: 0, failureRate: 0, timeoutRate: 0, malformedRate: 0, hangMs: 30_000, failNext: 0, timeoutNext: 0, malformedNext: 0 };

export interface AuthorityStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
}

export class Faults {
  private readonly settings = new Map<Authority, FaultSettings>();
  private readonly stats = new Map<Authority, AuthorityStats>();

  constructor(initial: Partial<Record<Authority, Partial<FaultSettings>>> = {}) {
    for (const authority of AUTHORITIES) {
      this.settings.set(authority, { ...DEFAULTS, ...(initial[authority] ?? {}) });
      this.stats.set(authority, { requests: 0, inFlight: 0, maxInFlight: 0 });
    }
  }

  get(authority: Authority): FaultSettings {
    return { ...this.settings.get(authority)! };
  }

  /** Replaces the named fields; the counters of a next-N fault start again. */
  set(authority: Authority, changes: unknown): FaultSettings {
    if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) throw badRequest('body', 'must be an object of fault settings');
    const next = { ...this.settings.get(authority)! };
    for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
      if (key === 'onlyFor') {
        if (value !== null && typeof value !== 'string') throw badRequest(key, 'must be an identity code or null');
        next.onlyFor = value ?? undefined;
        continue;
      }
      if (!(key in DEFAULTS)) throw badRequest(key, `is not a fault setting (${Object.keys(DEFAULTS).join(', ')}, onlyFor)`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw badRequest(key, 'must be a number ≥ 0');
      if (key.endsWith('Rate') && value > 1) throw badRequest(key, 'must be between 0 and 1');
      (next as unknown as Record<string, number>)[key] = value;
    }
    this.settings.set(authority, next);
    return { ...next };
  }

  reset(): void {
    for (const authority of AUTHORITIES) {
      this.settings.set(authority, { ...DEFAULTS });
      this.stats.set(authority, { requests: 0, inFlight: 0, maxInFlight: 0 });
    }
  }

  /** Which fault, if any, the next call about `subject` meets. */
  draw(authority: Authority, subject: string | undefined): Fault {
    const s = this.settings.get(authority)!;
    const targeted = s.onlyFor === undefined || s.onlyFor === subject;
    if (targeted && s.failNext > 0) return s.failNext--, 'fail';
    if (targeted && s.timeoutNext > 0) return s.timeoutNext--, 'timeout';
    if (targeted && s.malformedNext > 0) return s.malformedNext--, 'malformed';
    const roll = Math.random();
    if (roll < s.failureRate) return 'fail';
    if (roll < s.failureRate + s.timeoutRate) return 'timeout';
    if (roll < s.failureRate + s.timeoutRate + s.malformedRate) return 'malformed';
    return undefined;
  }

  /** Counts a call while it runs: the benchmark checks the adapters' concurrency bound with it. */
  async track<T>(authority: Authority, work: () => Promise<T>): Promise<T> {
    const stats = this.stats.get(authority)!;
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      return await work();
    } finally {
      stats.inFlight--;
    }
  }

  statistics(): Record<Authority, AuthorityStats> {
    return Object.fromEntries(AUTHORITIES.map((a) => [a, { ...this.stats.get(a)! }])) as Record<Authority, AuthorityStats>;
  }
}

const number = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, not "${value}"`);
  return n;
};

/** SIM_<AUTHORITY>_LATENCY_MS, _FAILURE_RATE, _TIMEOUT_RATE, _MALFORMED_RATE, _HANG_MS (e.g. SIM_INCOMES_REGISTER_LATENCY_MS=200). */
export function faultSettingsFromEnv(env: Record<string, string | undefined>): Partial<Record<Authority, Partial<FaultSettings>>> {
  const result: Partial<Record<Authority, Partial<FaultSettings>>> = {};
  for (const authority of AUTHORITIES) {
    const prefix = `SIM_${authority.toUpperCase().replace(/-/g, '_')}_`;
    const entries: Array<[keyof FaultSettings, number | undefined]> = [
      ['latencyMs', number(`${prefix}LATENCY_MS`, env[`${prefix}LATENCY_MS`])],
      ['failureRate', number(`${prefix}FAILURE_RATE`, env[`${prefix}FAILURE_RATE`])],
      ['timeoutRate', number(`${prefix}TIMEOUT_RATE`, env[`${prefix}TIMEOUT_RATE`])],
      ['malformedRate', number(`${prefix}MALFORMED_RATE`, env[`${prefix}MALFORMED_RATE`])],
      ['hangMs', number(`${prefix}HANG_MS`, env[`${prefix}HANG_MS`])],
    ];
    for (const [key, value] of entries) if (value !== undefined) (result[authority] ??= {})[key] = value as never;
  }
  return result;
}
