import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainValidationError, HOUSING_TYPES, HousingType, parseLocalDate, rentContractEndDate, rentContractStartDate } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, formatCents, loadClient, parseCents, Queryable, READ_ROLES } from './billing-data.common';
import { nextPeriod, periodOf } from '@clientfees/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRentContractDto {
  @ApiProperty({ enum: HOUSING_TYPES, description: 'care (vårdbostad) or service-apartment (servicelägenhet).' })
  @IsIn(HOUSING_TYPES, { message: 'housing must be care or service-apartment' })
  housing!: HousingType;

  @ApiProperty({ example: '2027-03-14', description: 'The move-in day; the contract date follows from it (care: day 1-14 → the 17th, else the 1st of next month; service apartment: 1-14 → the 1st, else the 17th).' })
  @Matches(DATE, { message: 'moveIn must be a date YYYY-MM-DD' })
  moveIn!: string;

  @ApiProperty({ example: '6200.00' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'monthlyRent must be a decimal amount with at most two decimals, e.g. "6200.00"' })
  monthlyRent!: string;

  @ApiPropertyOptional({ default: false, description: 'A rent-free month was granted: deducted on the invoice of the period after the contract start’s period.' })
  @IsOptional()
  @IsBoolean()
  rentFreeMonth?: boolean;
}

export class MoveOutDto {
  @ApiProperty({ example: '2027-09-05' })
  @Matches(DATE, { message: 'moveOut must be a date YYYY-MM-DD' })
  moveOut!: string;

  @ApiProperty({ enum: ['half', 'full'], description: 'Rent for the month of moving out: half → the contract ends on the 14th, full → on the last day of the month.' })
  @IsIn(['half', 'full'], { message: 'rent must be half or full' })
  rent!: 'half' | 'full';
}

interface RentContractRow {
  id: string;
  client_id: string;
  housing: HousingType;
  move_in: string;
  contract_start: string;
  move_out: string | null;
  move_out_rent: 'half' | 'full' | null;
  contract_end: string | null;
  monthly_rent_cents: number;
  rent_free_month_period: string | null;
  created_by: string;
  created_at: Date;
}

export class RentContractView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: HOUSING_TYPES }) housing!: string;
  @ApiProperty() moveIn!: string;
  @ApiProperty({ description: 'The contract date rent is charged from.' }) contractStart!: string;
  @ApiProperty({ nullable: true, type: String }) moveOut!: string | null;
  @ApiProperty({ nullable: true, enum: ['half', 'full'] }) moveOutRent!: string | null;
  @ApiProperty({ nullable: true, type: String }) contractEnd!: string | null;
  @ApiProperty({ example: '6200.00' }) monthlyRent!: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-04' }) rentFreeMonthPeriod!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: RentContractRow): RentContractView {
    return {
      id: row.id,
      clientId: row.client_id,
      housing: row.housing,
      moveIn: row.move_in,
      contractStart: row.contract_start,
      moveOut: row.move_out,
      moveOutRent: row.move_out_rent,
      contractEnd: row.contract_end,
      monthlyRent: formatCents(row.monthly_rent_cents),
      rentFreeMonthPeriod: row.rent_free_month_period,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

async function one(db: Queryable, id: string): Promise<RentContractRow> {
  const [row] = (await db.query('SELECT * FROM rent_contract WHERE id = $1', [id])) as RentContractRow[];
  if (!row) throw new NotFoundException(`no rent contract ${id}`);
  return row;
}

/** Rent contracts in care housing and service apartments (seed 002 p.13-16). */
@ApiTags('billing-data')
@Controller()
export class RentContractsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('clients/:id/rent-contracts')
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Records a move-in; the contract date follows the housing type and the move-in day.',
    description: 'A client with a contract that has not ended (no move-out) is a conflict (409): record the move-out first.',
  })
  @ApiCreatedResponse({ type: RentContractView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateRentContractDto, @CurrentUser() user: AccessClaims): Promise<RentContractView> {
    const moveIn = parseLocalDate(body.moveIn, 'moveIn');
    const contractStart = rentContractStartDate(body.housing, moveIn);
    const id = randomUUID();
    await this.dataSource.transaction(async (db) => {
      const { organisation } = await loadClient(db, clientId, true);
      const rentCents = parseCents(body.monthlyRent, organisation.currency, 'monthlyRent');
      const [current] = (await db.query('SELECT contract_start, contract_end FROM rent_contract WHERE client_id = $1 AND (contract_end IS NULL OR contract_end >= $2) ORDER BY contract_start DESC LIMIT 1', [
        clientId,
        contractStart,
      ])) as Array<{ contract_start: string; contract_end: string | null }>;
      if (current) {
        throw conflict(
          current.contract_end === null
            ? `the client has a rent contract from ${current.contract_start} without a move-out; record the move-out first`
            : `the client's rent contract runs until ${current.contract_end}, after this contract's start ${contractStart}`,
          'moveIn',
          'overlaps another rent contract',
        );
      }
      await db.query(
        `INSERT INTO rent_contract (id, client_id, housing, move_in, contract_start, monthly_rent_cents, rent_free_month_period, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, clientId, body.housing, moveIn, contractStart, rentCents, body.rentFreeMonth ? nextPeriod(periodOf(contractStart)) : null, user.sub],
      );
    });
    return RentContractView.of(await one(this.dataSource, id));
  }

  @Post('rent-contracts/:id/move-out')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Records the move-out; the contract ends on the 14th (half rent) or the month’s last day (full rent).' })
  @ApiOkResponse({ type: RentContractView })
  async moveOut(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MoveOutDto): Promise<RentContractView> {
    const moveOut = parseLocalDate(body.moveOut, 'moveOut');
    const contractEnd = rentContractEndDate(moveOut, body.rent);
    await this.dataSource.transaction(async (db) => {
      const contract = await one(db, id);
      await loadClient(db, contract.client_id, true);
      if (contract.move_out !== null) throw conflict(`the move-out was already recorded (${contract.move_out})`, 'moveOut', 'already moved out');
      if (moveOut < contract.move_in) throw new DomainValidationError(`must not be before the move-in (${contract.move_in})`, 'moveOut');
      if (contractEnd < contract.contract_start) {
        throw new DomainValidationError(`the contract would end (${contractEnd}) before it starts (${contract.contract_start}): choose full rent`, 'rent');
      }
      await db.query('UPDATE rent_contract SET move_out = $2, move_out_rent = $3, contract_end = $4 WHERE id = $1', [id, moveOut, body.rent, contractEnd]);
    });
    return RentContractView.of(await one(this.dataSource, id));
  }

  @Get('clients/:id/rent-contracts')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s rent contracts, by contract date.' })
  @ApiOkResponse({ type: [RentContractView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<RentContractView[]> {
    await loadClient(this.dataSource, clientId);
    const rows: RentContractRow[] = await this.dataSource.query('SELECT * FROM rent_contract WHERE client_id = $1 ORDER BY contract_start', [clientId]);
    return rows.map((row) => RentContractView.of(row));
  }
}
