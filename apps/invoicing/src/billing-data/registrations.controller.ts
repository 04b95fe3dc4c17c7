import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainValidationError, parseLocalDate } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { ClientRow, conflict, loadClient, Queryable, READ_ROLES, UNIT_AND_BILLING_TEAM } from './billing-data.common';
import { periodOf } from '@clientfees/domain';
import { PERIOD_PATTERN } from './billing-period';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUANTITY = /^\d{1,7}(\.\d{1,2})?$/;
const toText = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value);

export class CreateRegistrationDto {
  @ApiProperty({ example: 'CLEANING', description: 'A price-list item valid on performedOn.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'itemCode must be 1-32 letters, digits, dots, dashes or underscores' })
  itemCode!: string;

  @ApiProperty({ example: '2027-01-12', description: 'The day the service was performed; its month is the billing period.' })
  @Matches(DATE, { message: 'performedOn must be a date YYYY-MM-DD' })
  performedOn!: string;

  @ApiProperty({ example: '1.5', description: 'Hours (time) or pieces (quantity): a positive decimal with at most two decimals, as a string or a number.' })
  @Transform(toText)
  @IsString({ message: 'quantity must be a positive decimal, e.g. "1.5"' })
  @Matches(QUANTITY, { message: 'quantity must be a positive decimal with at most two decimals, e.g. "1.5"' })
  quantity!: string;
}

export class ChangeQuantityDto {
  @ApiProperty({ example: '2', description: 'The corrected hours or pieces.' })
  @Transform(toText)
  @IsString({ message: 'quantity must be a positive decimal, e.g. "1.5"' })
  @Matches(QUANTITY, { message: 'quantity must be a positive decimal with at most two decimals, e.g. "1.5"' })
  quantity!: string;
}

export class RegistrationsQuery {
  @ApiPropertyOptional({ example: '2027-01', description: 'Only this billing period (YYYY-MM).' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be a month YYYY-MM' })
  period?: string;
}

interface RegistrationRow {
  id: string;
  client_id: string;
  period: string;
  item_code: string;
  performed_on: string;
  quantity: string;
  registered_by: string;
  created_at: Date;
  updated_at: Date;
}

export class RegistrationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: '2027-01' }) period!: string;
  @ApiProperty() itemCode!: string;
  @ApiProperty() performedOn!: string;
  @ApiProperty({ example: '1.50' }) quantity!: string;
  @ApiProperty() registeredBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(row: RegistrationRow): RegistrationView {
    return {
      id: row.id,
      clientId: row.client_id,
      period: row.period,
      itemCode: row.item_code,
      performedOn: row.performed_on,
      quantity: row.quantity,
      registeredBy: row.registered_by,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

function positive(quantity: string): string {
  if (Number(quantity) <= 0) throw new DomainValidationError('must be more than zero', 'quantity');
  return quantity;
}

/** An approved billing run locks the client's period: nothing of it changes any more. */
async function assertNotLocked(db: Queryable, client: ClientRow, period: string): Promise<void> {
  const [lock] = (await db.query('SELECT run_id FROM billing_period_lock WHERE organisation_id = $1 AND period = $2 AND client_id = $3', [
    client.organisation_id,
    period,
    client.id,
  ])) as Array<{ run_id: string }>;
  if (lock) throw conflict(`period ${period} is locked for client ${client.client_number} (approved in billing run ${lock.run_id})`, 'period', 'locked');
}

/** The billing run that has calculated the client for the period, if any. */
async function calculatedBy(db: Queryable, clientId: string, period: string): Promise<string | null> {
  const [row] = (await db.query(
    `SELECT r.id FROM billing_run_client c JOIN billing_run r ON r.id = c.run_id
     WHERE c.client_id = $1 AND r.period = $2 AND c.calculated_at IS NOT NULL ORDER BY c.calculated_at DESC LIMIT 1`,
    [clientId, period],
  )) as Array<{ id: string }>;
  return row?.id ?? null;
}

async function loadRegistration(db: Queryable, id: string, lock: boolean): Promise<{ registration: RegistrationRow; client: ClientRow }> {
  const [registration] = (await db.query('SELECT * FROM registration WHERE id = $1', [id])) as RegistrationRow[];
  if (!registration) throw new NotFoundException(`no registration ${id}`);
  const { client } = await loadClient(db, registration.client_id, lock);
  return { registration, client };
}

async function one(db: Queryable, id: string): Promise<RegistrationView> {
  const [row] = (await db.query('SELECT * FROM registration WHERE id = $1', [id])) as RegistrationRow[];
  return RegistrationView.of(row);
}

/** Performed services registered as time or quantity (registrering), per client. */
@ApiTags('billing-data')
@Controller('clients/:id/registrations')
export class ClientRegistrationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Registers a performed service; its billing period is the month of performedOn.',
    description: 'The item code must be in the price list on performedOn (400). A locked period is a conflict (409).',
  })
  @ApiCreatedResponse({ type: RegistrationView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateRegistrationDto, @CurrentUser() user: AccessClaims): Promise<RegistrationView> {
    const performedOn = parseLocalDate(body.performedOn, 'performedOn');
    const quantity = positive(body.quantity);
    const period = periodOf(performedOn);
    const id = randomUUID();
    await this.dataSource.transaction(async (db) => {
      const { client } = await loadClient(db, clientId, true);
      const [item] = (await db.query(
        'SELECT 1 FROM price_list_item WHERE organisation_id = $1 AND code = $2 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)',
        [client.organisation_id, body.itemCode, performedOn],
      )) as unknown[];
      if (!item) throw new DomainValidationError(`is not in the price list on ${performedOn}`, 'itemCode');
      await assertNotLocked(db, client, period);
      await db.query('INSERT INTO registration (id, client_id, period, item_code, performed_on, quantity, registered_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        clientId,
        period,
        body.itemCode,
        performedOn,
        quantity,
        user.sub,
      ]);
    });
    return one(this.dataSource, id);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s registrations, optionally of one period, by day.' })
  @ApiOkResponse({ type: [RegistrationView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string, @Query() query: RegistrationsQuery): Promise<RegistrationView[]> {
    await loadClient(this.dataSource, clientId);
    const rows: RegistrationRow[] = await this.dataSource.query(
      'SELECT * FROM registration WHERE client_id = $1 AND ($2::text IS NULL OR period = $2) ORDER BY performed_on, created_at',
      [clientId, query.period ?? null],
    );
    return rows.map((row) => RegistrationView.of(row));
  }
}

@ApiTags('billing-data')
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Patch(':id')
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({ summary: 'Changes a registration’s quantity (also after a billing calculation); a locked period is a conflict (409).' })
  @ApiOkResponse({ type: RegistrationView })
  async changeQuantity(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeQuantityDto): Promise<RegistrationView> {
    const quantity = positive(body.quantity);
    await this.dataSource.transaction(async (db) => {
      const { registration, client } = await loadRegistration(db, id, true);
      await assertNotLocked(db, client, registration.period);
      await db.query('UPDATE registration SET quantity = $2, updated_at = now() WHERE id = $1', [id, quantity]);
    });
    return one(this.dataSource, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Deletes a registration made by mistake.',
    description: 'Once a billing run has calculated the client for the period only the quantity may change (409); a locked period is a conflict too (409).',
  })
  @ApiNoContentResponse()
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const { registration, client } = await loadRegistration(db, id, true);
      await assertNotLocked(db, client, registration.period);
      const runId = await calculatedBy(db, client.id, registration.period);
      if (runId !== null) {
        throw conflict(`calculated by billing run ${runId} for ${registration.period}; change the quantity instead`, 'id', 'already calculated in a billing run');
      }
      await db.query('DELETE FROM registration WHERE id = $1', [id]);
    });
  }
}
