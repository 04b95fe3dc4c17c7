import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { AuthorityQueues, INCOMES_REGISTER_ACTIVITY_CONTRACT, POPULATION_REGISTER_ACTIVITY_CONTRACT, TAX_ADMINISTRATION_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { activitiesOf, bindActivities, SERVICE_CONFIG, SERVICE_LOGGER, ServiceConfig } from '@clientfees/platform';
import { AUTHORITY_ENDPOINTS } from '../reviews/income-types.provider';
import type { AuthorityEndpoints } from './authority-http';
import { IncomesRegisterActivitiesProvider, PopulationRegisterActivitiesProvider, TaxAdministrationActivitiesProvider } from './authority.activities';

/**
 * One worker per authority on the authority's own task queue (ADR 0019). The authority's limit
 * is held around each call by the endpoint's gate (ADR 0034); the worker runs more fetches than
 * that (limit × AUTHORITY_ACTIVITIES_PER_CALL) so that their database work before and after the
 * calls overlaps with other fetches' calls, and the backlog stays in the queue, not in memory.
 */
@Injectable()
export class AuthorityWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private connection?: NativeConnection;
  private readonly workers: Worker[] = [];
  private running: Promise<unknown>[] = [];

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(AUTHORITY_ENDPOINTS) private readonly endpoints: AuthorityEndpoints,
    private readonly incomesRegister: IncomesRegisterActivitiesProvider,
    private readonly populationRegister: PopulationRegisterActivitiesProvider,
    private readonly taxAdministration: TaxAdministrationActivitiesProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.RUN_WORKER !== 'true') return;
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    const queues = [
      [AuthorityQueues.incomesRegister, { binding: bindActivities(INCOMES_REGISTER_ACTIVITY_CONTRACT, IncomesRegisterActivitiesProvider), instance: this.incomesRegister }, this.endpoints.concurrency.incomesRegister],
      [AuthorityQueues.populationRegister, { binding: bindActivities(POPULATION_REGISTER_ACTIVITY_CONTRACT, PopulationRegisterActivitiesProvider), instance: this.populationRegister }, this.endpoints.concurrency.populationRegister],
      [AuthorityQueues.taxAdministration, { binding: bindActivities(TAX_ADMINISTRATION_ACTIVITY_CONTRACT, TaxAdministrationActivitiesProvider), instance: this.taxAdministration }, this.endpoints.concurrency.taxAdministration],
    ] as const;
    for (const [taskQueue, bound, limit] of queues) {
      const activities = limit * this.endpoints.activitiesPerCall;
      const worker = await Worker.create({ connection: this.connection, namespace: this.config.TEMPORAL_NAMESPACE, taskQueue, activities: activitiesOf([bound]), maxConcurrentActivityTaskExecutions: activities });
      this.workers.push(worker);
      this.running.push(worker.run().catch((error: Error) => this.logger.fatal({ err: error, taskQueue }, 'authority worker stopped')));
      this.logger.info({ taskQueue, callsInFlight: limit, activitiesAtOnce: activities }, 'authority worker started');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const worker of this.workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await Promise.all(this.running);
    await this.connection?.close();
  }
}
