import { DynamicModule } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { Client as PgClient } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { PING_MESSAGE, ServiceName } from '@clientfees/contracts';
import { schemaOf } from '@clientfees/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  serviceTestEnv,
  ServiceUnderTest,
  startDevServer,
  startServiceForTest,
  TestDatabase,
} from '@clientfees/platform/testing';
import { InvoicingModule } from '../../apps/invoicing/src/invoicing.module';
import { IncomeVerificationModule } from '../../apps/income-verification/src/income-verification.module';
import { ProviderSettlementModule } from '../../apps/provider-settlement/src/provider-settlement.module';
import { CollectionModule } from '../../apps/collection/src/collection.module';
import { DebtFollowupModule } from '../../apps/debt-followup/src/debt-followup.module';

const SERVICES: Array<[ServiceName, (env: Record<string, string>) => DynamicModule]> = [
  ['invoicing', (env) => InvoicingModule.register(env)],
  ['income-verification', (env) => IncomeVerificationModule.register(env)],
  ['provider-settlement', (env) => ProviderSettlementModule.register(env)],
  ['collection', (env) => CollectionModule.register(env)],
  ['debt-followup', (env) => DebtFollowupModule.register(env)],
];

/** All five services side by side on one database and one Temporal server, as in production. */
describe('the five services together', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  const running = new Map<ServiceName, { service: ServiceUnderTest; tcpPort: number }>();

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    for (const [name, register] of SERVICES) {
      const tcpPort = await freePort();
      const service = await startServiceForTest(register(serviceTestEnv(db.url, temporal.address, { TCP_PORT: String(tcpPort) })));
      running.set(name, { service, tcpPort });
    }
  });

  afterAll(async () => {
    for (const { service } of running.values()) await service.close();
    await db?.drop();
    await temporal?.teardown();
  });

  it.each(SERVICES.map(([name]) => name))('%s migrated its own schema and nothing else', async (name) => {
    const pg = new PgClient({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schemaOf(name)]);
      expect(rows.map((r) => r.table_name)).toContain('migrations');
      const publicTables = await pg.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(publicTables.rows).toEqual([]);
    } finally {
      await pg.end();
    }
  });

  it.each(SERVICES.map(([name]) => name))('%s reports ready, and its worker polls its own task queue', async (name) => {
    const { service } = running.get(name)!;
    const health = await service.request('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'up', service: name, workerState: 'RUNNING' });

    const pollers = await eventually(
      async () =>
        (
          await temporal.client.workflowService.describeTaskQueue({
            namespace: 'default',
            taskQueue: { name },
            taskQueueType: 2, // TASK_QUEUE_TYPE_ACTIVITY
          })
        ).pollers ?? [],
      (list) => list.length > 0,
    );
    expect(pollers.length).toBeGreaterThan(0);
  });

  it.each(SERVICES.map(([name]) => name))('%s answers a ping over TCP messages', async (name) => {
    const { tcpPort } = running.get(name)!;
    const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: tcpPort } });
    try {
      expect(await firstValueFrom(client.send(PING_MESSAGE, {}))).toMatchObject({ service: name });
    } finally {
      client.close();
    }
  });

  it('a second start of a service finds its schema up to date and starts cleanly', async () => {
    const tcpPort = await freePort();
    const again = await startServiceForTest(
      CollectionModule.register(serviceTestEnv(db.url, temporal.address, { TCP_PORT: String(tcpPort) })),
    );
    try {
      expect((await again.request('GET', '/health', { token: null })).status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('refuses to start when the Temporal server cannot be reached', async () => {
    const tcpPort = await freePort();
    const deaf = await freePort();
    await expect(
      startServiceForTest(CollectionModule.register(serviceTestEnv(db.url, `127.0.0.1:${deaf}`, { TCP_PORT: String(tcpPort) }))),
    ).rejects.toThrow();
  });

  it('refuses to start with a configuration that names no database', async () => {
    expect(() => CollectionModule.register({ AUTH_SIGNING_KEY: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
  });
});
