import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * A service's configuration, read from the environment once at start-up. A missing or malformed
 * variable stops the service with a message naming the variable, never a half-configured start.
 */
export class ServiceConfig {
  @IsString()
  @IsNotEmpty()
  DATABASE_URL!: string;

  @IsString()
  @IsNotEmpty()
  TEMPORAL_ADDRESS: string = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE: string = 'default';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  TCP_PORT?: number;

  /** HMAC key that signs and verifies access tokens (HS256). */
  @IsString()
  @MinLength(32, { message: 'AUTH_SIGNING_KEY must be at least 32 characters' })
  AUTH_SIGNING_KEY!: string;

  /** Where the TCP message listener binds: loopback unless configured (0.0.0.0 in containers). */
  @IsString()
  TCP_HOST: string = '127.0.0.1';

  /**
   * The largest message (in characters of its JSON) the TCP listener buffers; a larger one
   * closes the connection. The messages between services are small queries.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  TCP_MAX_MESSAGE_CHARS: number = 64 * 1024;

  /**
   * How long a request sent with an Idempotency-Key may stay unanswered before a resend with the
   * same key takes it over (its process died before it wrote anything).
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(10 * 60 * 1000)
  IDEMPOTENCY_ABANDON_AFTER_MS: number = 30_000;

  /**
   * How long a task may wait in this service's task queues, or a signal in its outbox, before
   * `/health` says the backlog is stuck (503): a dead worker shows as work that ages.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60 * 60)
  HEALTH_BACKLOG_LIMIT_SECONDS: number = 120;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** `false` where the Temporal server has no Schedules (the time-skipping test server). */
  @IsIn(['true', 'false'])
  TEMPORAL_SCHEDULES: string = 'true';

  /** `false` runs the HTTP API without this service's Temporal worker (e.g. a read-only replica). */
  @IsIn(['true', 'false'])
  RUN_WORKER: string = 'true';
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

export function loadServiceConfig(
  env: Record<string, string | undefined>,
  defaults: { httpPort: number; tcpPort?: number },
): ServiceConfig {
  const raw: Record<string, unknown> = { HTTP_PORT: defaults.httpPort, TCP_PORT: defaults.tcpPort };
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(ServiceConfig, raw, { excludeExtraneousValues: false });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid'}`),
    );
  }
  return config;
}
