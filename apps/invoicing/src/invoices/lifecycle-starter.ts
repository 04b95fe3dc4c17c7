import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { SERVICE_LOGGER } from '@clientfees/platform';
import { InvoicesService } from './invoices.service';

const INTERVAL_MS = 30_000;

/**
 * No invoice is left without its lifecycle: whatever could not be started when it was issued
 * (Temporal unreachable for a moment) is started at service start and then every 30 seconds.
 */
@Injectable()
export class LifecycleStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly invoices: InvoicesService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.invoices
      .startPendingLifecycles()
      .then((started) => {
        if (started > 0) this.logger.info({ started }, 'started pending invoice lifecycles');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'pending invoice lifecycles not started yet'))
      .finally(() => {
        this.running = undefined;
      });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
