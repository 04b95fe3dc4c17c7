import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Client } from '@temporalio/client';
import { Public } from '../auth/roles.guard';
import { SERVICE_DESCRIPTOR, TEMPORAL_CLIENT } from '../tokens';
import type { ServiceDescriptor } from '../service-descriptor';
import { TemporalWorkerHost } from '../temporal/temporal-worker-host';
import { WorkerBacklog } from './backlog';

type CheckResult = { status: 'up' } | { status: 'down'; reason: string };

const TIMEOUT_MS = 3000;

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly workerHost: TemporalWorkerHost,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
    private readonly backlog: WorkerBacklog,
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  live(): { status: 'up'; service: string } {
    return { status: 'up', service: this.descriptor.name };
  }

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Readiness: the database, the Temporal server, this service’s worker and whether work is moving. 503 when any is down.',
    description:
      '`checks` are the database, Temporal and this process’s worker. `backlog` says whether work is moving: `workflowTasks` (the ' +
      'workflow worker’s task queue, shared by every service), `activityTasks` (this service’s own queue) and `outbox` (signals ' +
      'waiting to be sent), each with its figures — `pollers` (workers seen polling within 90 s), `backlog` (tasks waiting), ' +
      '`oldestSeconds` (how long the oldest has waited: the schedule-to-start lag). A backlog is down when tasks wait and nobody ' +
      'polls, or the oldest has waited longer than HEALTH_BACKLOG_LIMIT_SECONDS (default 120); `unknown` when Temporal cannot say.',
  })
  async ready(@Res({ passthrough: true }) response: Response) {
    const workerError = this.workerHost.error;
    const checks = {
      database: await check(() => this.dataSource.query('SELECT 1')),
      temporal: await check(() => this.temporal.workflowService.getSystemInfo({})),
      worker: workerError
        ? ({ status: 'down', reason: workerError.message } as CheckResult)
        : ({ status: 'up' } as CheckResult),
    };
    const backlog = await this.backlog.checks();
    const up = [...Object.values(checks), ...Object.values(backlog)].every((c) => c.status !== 'down');
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'up' : 'down', service: this.descriptor.name, workerState: this.workerHost.state, checks, backlog };
  }
}
