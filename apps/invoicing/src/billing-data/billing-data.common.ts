import { ConflictException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { Country, Currency, DomainValidationError, LocalDate, Money, parseLocalDate } from '@clientfees/domain';
import type { Role } from '@clientfees/contracts';

/** Who reads billing data. */
export const READ_ROLES: Role[] = ['client-fee-officer', 'billing-supervisor', 'finance-centre', 'unit-manager'];
/** The billing team: settings, incomes, decided services, corrections of anything. */
export const BILLING_TEAM: Role[] = ['client-fee-officer', 'billing-supervisor'];
/** Registrations and absences are also the unit manager's. */
export const UNIT_AND_BILLING_TEAM: Role[] = ['unit-manager', 'client-fee-officer', 'billing-supervisor'];

/** A DataSource or a transaction's EntityManager: both answer raw SQL. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface OrganisationRow {
  id: string;
  country: Country;
  currency: Currency;
  time_zone: string;
}

export interface ClientRow {
  id: string;
  organisation_id: string;
  client_number: string;
  identity_code: string;
  name: string;
  date_of_death: string | null;
  spouse_client_id: string | null;
  created_at: Date;
}

/** The organisation named in a request body: unknown → 400 naming the field. */
export async function organisationFromBody(db: Queryable, id: string, field = 'organisationId'): Promise<OrganisationRow> {
  const [row] = (await db.query('SELECT id, country, currency, time_zone FROM organisation WHERE id = $1', [id])) as OrganisationRow[];
  if (!row) throw new DomainValidationError(`no organisation ${id}`, field);
  return row;
}

/** The organisation named in a URL: unknown → 404. */
export async function organisationFromPath(db: Queryable, id: string): Promise<OrganisationRow> {
  const [row] = (await db.query('SELECT id, country, currency, time_zone FROM organisation WHERE id = $1', [id])) as OrganisationRow[];
  if (!row) throw new NotFoundException(`no organisation ${id}`);
  return row;
}

/**
 * A client and its organisation; unknown → 404. `lock` takes the client row FOR UPDATE, which
 * serialises writes to one client's data — and, because inserting a billing_period_lock or a
 * billing_run_client row takes a KEY SHARE lock on the client row through its foreign key, also
 * serialises them against a billing run locking the client's period.
 */
export async function loadClient(db: Queryable, id: string, lock = false): Promise<{ client: ClientRow; organisation: OrganisationRow }> {
  const [client] = (await db.query(`SELECT * FROM client WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as ClientRow[];
  if (!client) throw new NotFoundException(`no client ${id}`);
  const [organisation] = (await db.query('SELECT id, country, currency, time_zone FROM organisation WHERE id = $1', [client.organisation_id])) as OrganisationRow[];
  return { client, organisation };
}

/** Cents (a safe integer from a BIGINT column) as a decimal string, "-12.30". */
export function formatCents(cents: number | string): string {
  const value = typeof cents === 'string' ? Number(cents) : cents;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  return `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

export function centsOrNull(cents: number | string | null): string | null {
  return cents === null ? null : formatCents(cents);
}

/** A decimal string in the organisation's currency as cents; refuses more than two decimals. */
export function parseCents(text: string, currency: Currency, field: string): number {
  return Money.parse(text, currency, field).minorUnits;
}

export function parseDate(text: string, field: string): LocalDate {
  return parseLocalDate(text, field);
}

export function optionalDate(text: string | null | undefined, field: string): LocalDate | null {
  return text === undefined || text === null ? null : parseLocalDate(text, field);
}

export function conflict(message: string, field: string, reason: string = message): ConflictException {
  return new ConflictException({ statusCode: 409, message, problems: [{ field, reason }] });
}

function pgCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/** 23P01: an exclusion constraint (overlapping dated periods). */
export function isExclusionViolation(error: unknown): boolean {
  return pgCode(error) === '23P01';
}

/** 23505: a unique constraint. Its detail repeats the key, so it is never passed on. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgCode(error) !== '23505') return false;
  return constraint === undefined || (error as QueryFailedError & { driverError: { constraint?: string } }).driverError.constraint === constraint;
}
