import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { SERVICE_CONFIG, SERVICE_DESCRIPTOR, SERVICE_LOGGER } from './tokens';
import type { ServiceConfig } from './config/service-config';
import type { ServiceDescriptor } from './service-descriptor';
import { createLogger, PinoNestLogger } from './logging/logger';
import { installTemporalRuntimeLogging } from './temporal/temporal-runtime';
import { requestLogging } from './logging/request-logging';
import { createValidationPipe, HttpErrorFilter } from './http/errors';
import { assertEveryMessageDeclaresSenders, assertEveryRouteDeclaresAccess } from './auth/route-declarations';
import { inputShapeCheck, jsonBodyErrors, jsonBodyParser } from './http/request-edge';
import { STATUS_CODES_BY_MEANING } from './http/openapi';

/**
 * Builds a service's Nest application with everything wired (logging, validation, errors,
 * OpenAPI at /docs, the TCP message listener) but not yet listening, so tests can start it on
 * their own ports.
 */
export async function createServiceApp(module: Type | import('@nestjs/common').DynamicModule): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, abortOnError: false, bodyParser: false });
  const logger = app.get<Logger>(SERVICE_LOGGER);
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  const descriptor = app.get<ServiceDescriptor>(SERVICE_DESCRIPTOR);
  app.useLogger(new PinoNestLogger(logger));
  app.use(requestLogging(logger));
  // Our own parser, so that its refusals are answers (413/400 naming the body), then the shape check.
  app.use(jsonBodyParser(), jsonBodyErrors, inputShapeCheck);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(logger));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`clientfees ${descriptor.name}`)
      .setDescription(`${descriptor.description}\n\n${STATUS_CODES_BY_MEANING}`)
      .setVersion('0.1.0')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  if (config.TCP_PORT !== undefined) {
    app.connectMicroservice<MicroserviceOptions>(
      // Loopback unless TCP_HOST says otherwise; a message larger than the cap closes the connection (ADR 0013).
      { transport: Transport.TCP, options: { host: config.TCP_HOST, port: config.TCP_PORT, maxBufferSize: config.TCP_MAX_MESSAGE_CHARS } },
      { inheritAppConfig: true },
    );
  }
  await app.init();
  assertEveryRouteDeclaresAccess(app);
  assertEveryMessageDeclaresSenders(app);
  return app;
}

/** Starts a service for real: HTTP, messages and worker; exits non-zero if it cannot start. */
export async function runService(module: Type | import('@nestjs/common').DynamicModule): Promise<INestApplication> {
  const app = await createServiceApp(module);
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  const logger = app.get<Logger>(SERVICE_LOGGER);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  logger.info({ httpPort: config.HTTP_PORT, tcpPort: config.TCP_PORT }, 'service started');
  // On SIGTERM/SIGINT the worker drains and connections close before the process exits 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return app;
}

/** A service's `main`: starts it, or prints why it cannot start and exits 1. */
export function runServiceFromCommandLine(service: string, module: () => Type | import('@nestjs/common').DynamicModule): void {
  Promise.resolve()
    .then(() => {
      installTemporalRuntimeLogging(createLogger(service, process.env.LOG_LEVEL ?? 'info'));
      return runService(module());
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
