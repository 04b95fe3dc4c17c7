import { types } from 'pg';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import { ActorSessionSubscriber } from '../audit/actor-session';

const PG_DATE = 1082;
const PG_INT8 = 20;

/**
 * Calendar dates stay calendar dates: pg would otherwise turn a DATE into a JavaScript Date at
 * local midnight, which shifts days across time zones. Integer cents come back as numbers and
 * refuse to lose precision silently.
 */
types.setTypeParser(PG_DATE, (value) => value);
types.setTypeParser(PG_INT8, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is outside the safe integer range`);
  return n;
});

export interface ServiceDatabaseOptions {
  /** The service's own Postgres schema; no other service reads it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export function createServiceDataSource(url: string, options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Every transaction opened in a request tells the database who acts (the history triggers).
    subscribers: [ActorSessionSubscriber],
    synchronize: false,
    logging: false,
    // Unqualified names in migrations and queries resolve to the service's own schema.
    extra: {
      max: 10,
      // A database that does not answer is an outage to report (503), not a request to hold open.
      connectionTimeoutMillis: 5000,
      application_name: `clientfees-${options.schema}`, options: `-c search_path=${options.schema}` },
  });
}

/**
 * One lock for the whole database, not one per schema: migrations of different services also
 * touch shared objects (`CREATE EXTENSION btree_gist` in invoicing and provider-settlement), and
 * two of those at once fail on the catalogue's unique index. Migrations take seconds; the
 * services simply take turns at start-up.
 */
const MIGRATION_LOCK = 'clientfees-migrations';

/**
 * Opens the service's data source and brings its schema up to date. A session-level advisory
 * lock keeps any two services (or two instances of one) from running migrations at once.
 */
export async function openServiceDatabase(url: string, options: ServiceDatabaseOptions, logger?: Logger): Promise<DataSource> {
  const dataSource = createServiceDataSource(url, options);
  await dataSource.initialize();
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.connect();
    await lockRunner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    await lockRunner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    await dataSource.destroy();
    throw error;
  } finally {
    if (dataSource.isInitialized) {
      await lockRunner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]);
    }
    await lockRunner.release();
  }
  return dataSource;
}
