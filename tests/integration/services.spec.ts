import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { Client as PgClient } from 'pg';
import { PING_MESSAGE, SERVICE_NAMES } from '@clientfees/contracts';
import { eventually, freePort, ProcessStack, runToExit, serviceTestEnv, startProcessStack, startServiceProcess } from '@clientfees/testing';

const schemaOf = (service: string) => service.replace(/-/g, '_');

/**
 * The five services as separate processes, started by their `main` exactly as `npm start`
 * does, side by side on one database and one Temporal dev server.
 */
describe('the five services together', () => {
  let stack: ProcessStack;

  beforeAll(async () => {
    stack = await startProcessStack({ names: SERVICE_NAMES });
    await Promise.all(SERVICE_NAMES.map((name) => stack.start(name)));
  });

  afterAll(async () => {
    const codes = await stack.stop();
    // A clean shutdown on SIGTERM: the worker drains and the process exits by itself.
    expect(codes.every((code) => code === 0)).toBe(true);
  });

  it.each(SERVICE_NAMES)('%s migrated its own schema and nothing else', async (name) => {
    const pg = new PgClient({ connectionString: stack.db.url });
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

  it.each(SERVICE_NAMES)('%s reports ready, and its worker polls its own task queue', async (name) => {
    const health = await fetch(`${stack.url(name)}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'up', service: name, workerState: 'RUNNING' });

    const pollers = await eventually(
      async () =>
        (
          await stack.temporal.client.workflowService.describeTaskQueue({
            namespace: 'default',
            taskQueue: { name },
            taskQueueType: 2, // TASK_QUEUE_TYPE_ACTIVITY
          })
        ).pollers ?? [],
      (list) => list.length > 0,
    );
    expect(pollers.length).toBeGreaterThan(0);
  });

  it.each(SERVICE_NAMES)('%s answers a ping over TCP messages', async (name) => {
    const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort(name) } });
    try {
      expect(await firstValueFrom(client.send(PING_MESSAGE, {}))).toMatchObject({ service: name });
    } finally {
      client.close();
    }
  });

  it.each(SERVICE_NAMES)('%s publishes its OpenAPI description', async (name) => {
    const document = (await (await fetch(`${stack.url(name)}/docs/openapi.json`)).json()) as { info: { title: string } };
    expect(document.info.title).toBe(`clientfees ${name}`);
  });

  it('a second instance of a service finds its schema up to date and starts cleanly', async () => {
    const env = serviceTestEnv(stack.db.url, stack.temporal.address, { HTTP_PORT: String(await freePort()), TCP_PORT: String(await freePort()) });
    const again = await startServiceProcess('collection', env);
    expect(await again.stop()).toBe(0);
  });

  it('a service refuses to start without a database and says which variable is missing', async () => {
    const env = serviceTestEnv('', stack.temporal.address, { HTTP_PORT: String(await freePort()) });
    const { code, output } = await runToExit('debt-followup', env);
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL');
  });

  it('a service refuses to start when the Temporal server cannot be reached', async () => {
    const env = serviceTestEnv(stack.db.url, `127.0.0.1:${await freePort()}`, { HTTP_PORT: String(await freePort()) });
    const { code } = await runToExit('income-verification', env, 60000);
    expect(code).toBe(1);
  });
});
