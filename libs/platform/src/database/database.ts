import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';

/**
 * A transaction (or, for a read, a pooled connection) that answers raw SQL. The only thing a
 * `<aggregate>.queries.ts` function takes: it never opens transactions itself, so the caller
 * decides what commits together (ADR 0003).
 */
export interface Tx {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the query function that returns them
  query<Row = any>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
}

export interface TransactionOptions {
  /** READ COMMITTED unless asked: REPEATABLE READ gives every statement one snapshot. */
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
  /** Refuses any write in the transaction. */
  readOnly?: boolean;
}

/**
 * The service's database, as services and activities see it: a transaction or a read, never
 * TypeORM itself. TypeORM stays behind this class for the pool and the migrations.
 */
@Injectable()
export class Database {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; it commits when `work` resolves. */
  transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.dataSource.transaction(options.isolation ?? 'READ COMMITTED', async (manager) => {
      const tx = txOf(manager.queryRunner!);
      if (options.readOnly) await tx.query('SET TRANSACTION READ ONLY');
      return work(tx);
    });
  }

  /** Runs `work` outside an explicit transaction: each statement sees the latest committed data. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work({
      query: async (sql, parameters) => {
        const runner = this.dataSource.createQueryRunner();
        try {
          return await txOf(runner).query(sql, parameters);
        } finally {
          await runner.release();
        }
      },
    });
  }
}

/**
 * Every statement answers its rows: TypeORM's plain `query` answers `[rows, count]` for an UPDATE
 * or DELETE, which would make `… RETURNING` read differently from an INSERT's.
 */
function txOf(runner: QueryRunner): Tx {
  return {
    query: async (sql, parameters) => (await runner.query(sql, parameters ? [...parameters] : undefined, true)).records as never[],
  };
}

function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  if (error instanceof QueryFailedError) return error.driverError as { code?: string; constraint?: string };
  if (error && typeof error === 'object' && 'code' in error) return error as { code?: string; constraint?: string };
  return undefined;
}

/** 23505: a unique constraint (optionally the named one). Its detail repeats the key: never pass it on. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/** 23P01: an exclusion constraint, e.g. overlapping dated periods. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === '23P01' && (constraint === undefined || pg.constraint === constraint);
}
