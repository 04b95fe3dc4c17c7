import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { SERVICE_CONFIG, SERVICE_DESCRIPTOR, SERVICE_LOGGER } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceDescriptor } from '../service-descriptor';
import { PlatformActivities } from './platform-activities';

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/** Turns the public methods of the service's activity providers into Temporal activities. */
export function collectActivities(instances: object[]): Record<string, ActivityFunction> {
  const activities: Record<string, ActivityFunction> = {};
  for (const instance of instances) {
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const member = prototype[name];
      if (name === 'constructor' || typeof member !== 'function') continue;
      if (activities[name]) throw new Error(`Activity ${name} is defined by two providers`);
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
    const types: Type[] = [PlatformActivities, ...(this.descriptor.activities ?? [])];
    const providers = types.map((type) => this.moduleRef.get(type, { strict: false }) as object);
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.descriptor.name,
      activities: collectActivities(providers),
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
