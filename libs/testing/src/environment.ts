import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTE_KEYS, SEARCH_ATTRIBUTE_REGISTRATIONS } from '@clientfees/contracts';

/**
 * What the integration tests stand on: real Postgres databases and real Temporal servers,
 * provisioned by scripts/provision.sh (see docs/testing.md). Nothing here is a mock.
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (it provisions Postgres and Temporal)`);
  return value;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required('TEST_DATABASE_URL');
  const name = `clientfees_t_${randomBytes(6).toString('hex')}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new PgClient({ connectionString: adminUrl });
      await client.connect();
      try {
        // An autovacuum worker on a freshly filled table is a backend FORCE may not end for a
        // non-superuser (42501); it finishes or yields within moments, so try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 30) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Where a dev server keeps its state so that it can be killed and started again with it: its
 * port (the processes reconnect to the same address) and its SQLite file (`--db-filename`;
 * without one the server's state is in memory and dies with it).
 */
export interface DevServerOptions {
  port?: number;
  dbFilename?: string;
}

/** The Temporal CLI dev server (visibility, Schedules), with our search attributes registered. */
export function startDevServer(options: DevServerOptions = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: required('TEMPORAL_CLI') },
      ip: '127.0.0.1',
      ...(options.port ? { port: options.port } : {}),
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
      searchAttributes: ALL_SEARCH_ATTRIBUTE_KEYS,
      // One partition per task queue: with a single worker polling, tasks written to partitions it
      // is not polling wait to be forwarded (workflow tasks waited seconds in the income-review
      // benchmark). A file-backed server (restart tests) journals in WAL mode: with the default
      // rollback journal its writes timed out under load and a billing run's batch tasks were lost
      // until their timeouts.
      extraArgs: [
        '--log-level', 'error',
        '--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1',
        '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1',
        ...(options.dbFilename ? ['--sqlite-pragma', 'journal_mode=WAL'] : []),
      ],
    },
  });
}

/** The time-skipping test server: timers of days and weeks pass in moments. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: required('TEMPORAL_TEST_SERVER') } },
  });
  // temporal.api.enums.v1.IndexedValueType
  const typeCodes = { Keyword: 2, Int: 3, Datetime: 6 } as const;
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      Object.entries(SEARCH_ATTRIBUTE_REGISTRATIONS).map(([name, type]) => [name, typeCodes[type]]),
    ),
  });
  return env;
}

/** The workflow bundle made once per test run by tests/support/global-setup.js. */
export function prebuiltWorkflowBundle(): { codePath: string } {
  return { codePath: required('CLIENTFEES_WORKFLOW_BUNDLE') };
}

export const TEST_SIGNING_KEY = 'clientfees-test-signing-key-0123456789abcdef';

/** The environment a service under test runs with. */
export function serviceTestEnv(databaseUrl: string, temporalAddress: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    AUTH_SIGNING_KEY: TEST_SIGNING_KEY,
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
    ...extra,
  };
}
