import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { PLATFORM_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { SERVICE_CONFIG, SERVICE_DESCRIPTOR, SERVICE_LOGGER } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import { ActivityBinding, bindActivities, ServiceDescriptor } from '../service-descriptor';
import { PlatformActivities } from './platform-activities';

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/**
 * The Temporal activities of bound providers: exactly the methods each contract names, bound to
 * its instance. Anything else a provider has (helpers, getters) stays out of the workers' reach;
 * a contract method the provider lacks, or a name two contracts share, stops the service.
 */
export function activitiesOf(bound: ReadonlyArray<{ binding: ActivityBinding; instance: object }>): Record<string, ActivityFunction> {
  const activities: Record<string, ActivityFunction> = {};
  for (const { binding, instance } of bound) {
    for (const name of binding.contract.methods) {
      const member = (instance as Record<string, unknown>)[name];
      if (typeof member !== 'function') throw new Error(`${binding.implementation.name} does not implement ${binding.contract.name}.${name}`);
      if (activities[name]) throw new Error(`Activity ${name} is bound twice (${binding.contract.name})`);
      activities[name] = (member as ActivityFunction).bind(instance);
    }
  }
  return activities;
}

/**
 * Runs the service's Temporal worker on the service's own task queue for as long as the Nest
 * application lives, and drains it on shutdown so that no activity is cut off half-way.
 */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private failure?: Error;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.RUN_WORKER !== 'true') return;
    const bindings = [bindActivities(PLATFORM_ACTIVITY_CONTRACT, PlatformActivities), ...(this.descriptor.activities ?? [])];
    const bound = bindings.map((binding) => ({ binding, instance: this.moduleRef.get(binding.implementation, { strict: false }) as object }));
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.descriptor.name,
      activities: activitiesOf(bound),
    });
    this.running = this.worker.run().catch((error: Error) => {
      this.failure = error;
      this.logger.fatal({ err: error }, 'Temporal worker stopped');
    });
    this.logger.info({ taskQueue: this.descriptor.name }, 'Temporal worker started');
  }

  /** Undefined while healthy (or not configured to run); the error once the worker has failed. */
  get error(): Error | undefined {
    return this.failure;
  }

  get state(): string {
    return this.worker?.getState() ?? 'NOT_RUNNING';
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
