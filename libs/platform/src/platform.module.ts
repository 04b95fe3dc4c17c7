import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { DEFAULT_PORTS } from '@clientfees/contracts';
import { loadServiceConfig, ServiceConfig } from './config/service-config';
import { createLogger } from './logging/logger';
import { openServiceDatabase } from './database/service-database';
import { connectTemporalClient } from './temporal/temporal-client';
import { TemporalWorkerHost } from './temporal/temporal-worker-host';
import { Database } from './database/database';
import { PlatformActivities } from './temporal/platform-activities';
import { WorkflowMessages } from './temporal/workflow-messages';
import { InvoiceLifecycles } from './temporal/invoice-lifecycles';
import { HealthController } from './health/health.controller';
import { PingController } from './health/ping.controller';
import { RolesGuard } from './auth/roles.guard';
import { ScopeResolvers } from './auth/scope';
import { SERVICE_CONFIG, SERVICE_DESCRIPTOR, SERVICE_LOGGER, TEMPORAL_CLIENT } from './tokens';
import type { ServiceDescriptor } from './service-descriptor';

/** The Postgres schema a service owns: its name in snake case. */
export const schemaOf = (service: string): string => service.replace(/-/g, '_');

class ResourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Everything a clientfees service shares: validated configuration, redacting logger, its own
 * migrated database schema, a Temporal client and worker, health, ping, and the role guard.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(descriptor: ServiceDescriptor, env: Record<string, string | undefined> = process.env): DynamicModule {
    const ports = DEFAULT_PORTS[descriptor.name];
    const config = loadServiceConfig(env, { httpPort: ports.http, tcpPort: ports.tcp });
    const logger = createLogger(descriptor.name, config.LOG_LEVEL);
    return {
      module: PlatformModule,
      imports: [DiscoveryModule],
      controllers: [HealthController, PingController],
      providers: [
        { provide: SERVICE_DESCRIPTOR, useValue: descriptor },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_LOGGER, useValue: logger },
        {
          provide: DataSource,
          useFactory: (cfg: ServiceConfig, log: Logger) =>
            openServiceDatabase(cfg.DATABASE_URL, { schema: schemaOf(descriptor.name), ...descriptor.database }, log),
          inject: [SERVICE_CONFIG, SERVICE_LOGGER],
        },
        { provide: TEMPORAL_CLIENT, useFactory: (cfg: ServiceConfig) => connectTemporalClient(cfg), inject: [SERVICE_CONFIG] },
        Database,
        TemporalWorkerHost,
        PlatformActivities,
        ResourceCloser,
        ScopeResolvers,
        WorkflowMessages,
        InvoiceLifecycles,
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [SERVICE_DESCRIPTOR, SERVICE_CONFIG, SERVICE_LOGGER, DataSource, Database, ScopeResolvers, TEMPORAL_CLIENT, WorkflowMessages, InvoiceLifecycles],
    };
  }
}
