import { Global, Injectable, Module } from '@nestjs/common';
import { activityIdempotencyKey, activityScheduledAt } from '@clientfees/platform';

/**
 * The service's "now". An activity runs on its workflow's time — the instant Temporal scheduled
 * the attempt — so a settlement made on the 4th is dated the 4th even when a retry runs later,
 * and a workflow walked through days on a time-skipping server sees those days. A request runs
 * on the wall clock; tests that walk a time-skipping server pin it to the server's time.
 */
@Injectable()
export class Clock {
  private pinned: number | undefined;

  now(): number {
    return activityIdempotencyKey() !== null ? activityScheduledAt() : (this.pinned ?? Date.now());
  }

  /** For tests only: the wall clock requests see (undefined: the real one). */
  pin(epochMillis: number | undefined): void {
    this.pinned = epochMillis;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
