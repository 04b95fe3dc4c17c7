import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';

/**
 * A transaction (or, for a read, a pooled connection) that answers raw SQL. The only thing a
 * `<aggregate>.queries.ts` function takes: it never opens transactions itself, so the caller
 * decides what commits together (ADR 0003).
 */
export interface Tx {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the query function that returns them
  query<Row = any>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
}

/**
 * The service's database, as controllers, services and activities see it: a transaction or a
 * read, never TypeORM itself. TypeORM stays behind this class for the pool and the migrations.
 */
@Injectable()
export class Database {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (READ COMMITTED); it commits when `work` resolves. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  /** Runs `work` outside an explicit transaction: each statement sees the latest committed data. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(asTx(this.dataSource));
  }
}

function asTx(queryable: { query(sql: string, parameters?: unknown[]): Promise<unknown> }): Tx {
  return {
    query: (sql, parameters) => queryable.query(sql, parameters ? [...parameters] : undefined) as Promise<never[]>,
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
