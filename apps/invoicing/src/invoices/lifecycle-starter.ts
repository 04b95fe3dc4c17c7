import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Poller, SERVICE_LOGGER } from '@clientfees/platform';
import { InvoicesService } from './invoices.service';

/**
 * No invoice is left without its lifecycle: whatever could not be started when it was issued
 * (Temporal unreachable for a moment) is started at service start and then every 30 seconds.
 */
@Injectable()
export class LifecycleStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller: Poller;

  constructor(invoices: InvoicesService, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.poller = new Poller({ duty: 'start pending invoice lifecycles', intervalMs: 30_000, work: () => invoices.startPendingLifecycles(), logger });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }
}
