import type { Logger } from 'pino';

/**
 * Runs `work` now and then every `intervalMs`, one run at a time (a run still going when the next
 * is due makes that one skip), and waits for the run in flight on stop. For background duties
 * that catch up on what a request could not finish: start lifecycles, deliver outboxed signals.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly options: {
      /** What the poller does, for its log lines ("deliver outboxed signals"). */
      duty: string;
      intervalMs: number;
      /** Answers how many things it did; a positive count is logged. */
      work: () => Promise<number>;
      logger: Logger;
    },
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    const { duty, work, logger } = this.options;
    this.running = work()
      .then((done) => {
        if (done > 0) logger.info({ done }, `${duty}: ${done} done`);
      })
      .catch((error: unknown) => logger.warn({ err: error }, `${duty}: not done yet, trying again later`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
