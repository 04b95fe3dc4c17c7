import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
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
import { WorkerBacklog } from './health/backlog';
import { PingController } from './health/ping.controller';
import { RolesGuard } from './auth/roles.guard';
import { BodyLimitGuard } from './http/request-edge';
import { RawBodyInterceptor } from './http/raw-body';
import { ScopeResolvers } from './auth/scope';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditLogController } from './audit/audit-log.controller';
import { PlatformAudit1764800000000 } from './audit/audit.migration';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { PlatformIdempotency1765400000000 } from './idempotency/idempotency.migration';
import { SERVICE_CONFIG, SERVICE_DESCRIPTOR, SERVICE_LOGGER, TEMPORAL_CLIENT } from './tokens';
import type { ServiceDescriptor } from './service-descriptor';

/** The Postgres schema a service owns: its name in snake case. */
export const schemaOf = (service: string): string => service.replace(/-/g, '_');

function toList<T>(items: T[] | Record<string, T>): T[] {
  return Array.isArray(items) ? items : Object.values(items);
}

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
 * migrated database schema, a Temporal client and worker, health, ping, the role guard, and the
 * audit log (an interceptor on every route, with its own tables in the service's schema).
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
      controllers: [HealthController, PingController, AuditLogController],
      providers: [
        { provide: SERVICE_DESCRIPTOR, useValue: descriptor },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_LOGGER, useValue: logger },
        {
          provide: DataSource,
          useFactory: (cfg: ServiceConfig, log: Logger) =>
            openServiceDatabase(
              cfg.DATABASE_URL,
              // The audit log and the history triggers come first: a service's own migrations attach them.
              { schema: schemaOf(descriptor.name), ...descriptor.database, migrations: [PlatformAudit1764800000000, PlatformIdempotency1765400000000, ...toList(descriptor.database.migrations)] },
              log,
            ),
          inject: [SERVICE_CONFIG, SERVICE_LOGGER],
        },
        { provide: TEMPORAL_CLIENT, useFactory: (cfg: ServiceConfig) => connectTemporalClient(cfg), inject: [SERVICE_CONFIG] },
        Database,
        TemporalWorkerHost,
        WorkerBacklog,
        PlatformActivities,
        ResourceCloser,
        ScopeResolvers,
        { provide: APP_GUARD, useClass: BodyLimitGuard },
        WorkflowMessages,
        InvoiceLifecycles,
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        // After the guards (nobody unauthenticated gets a file buffered) and before the idempotency hash, which covers its bytes.
        { provide: APP_INTERCEPTOR, useClass: RawBodyInterceptor },
        // Inside the audit: a replayed answer is audited as the request it answers.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [SERVICE_DESCRIPTOR, SERVICE_CONFIG, SERVICE_LOGGER, DataSource, Database, ScopeResolvers, TEMPORAL_CLIENT, WorkflowMessages, InvoiceLifecycles],
    };
  }
}
