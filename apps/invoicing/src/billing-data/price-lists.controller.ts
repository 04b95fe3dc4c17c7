import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, DomainValidationError, parseLocalDate } from '@clientfees/domain';
import type { AccessClaims, Role } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, isExclusionViolation, organisationFromPath, parseCents, READ_ROLES } from './billing-data.common';
import { todayIn } from './billing-period';
import { priceListItemOf } from './billing-inputs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const PRICE_UNITS = ['hour', 'piece', 'day'] as const;
const PRICE_LIST_WRITERS: Role[] = [...BILLING_TEAM, 'administrator'];

export class CreatePriceListItemDto {
  @ApiProperty({ example: 'CLEANING', description: 'The item code registrations and corrections name.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code!: string;

  @ApiProperty({ example: 'Cleaning' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PRICE_UNITS, description: 'hour (registered as time), piece (as quantity) or day.' })
  @IsIn(PRICE_UNITS, { message: 'unit must be hour, piece or day' })
  unit!: (typeof PRICE_UNITS)[number];

  @ApiProperty({ example: '32.50', description: 'Price per unit in the organisation’s currency.' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'price must be a decimal amount with at most two decimals, e.g. "32.50"' })
  price!: string;

  @ApiProperty({ description: 'Unit staff may correct piece-priced items (food basket, rent, lost alarm button).' })
  @IsBoolean()
  piecePriced!: boolean;

  @ApiProperty({ description: 'Counts towards a maximum fee: corrections to it are the billing team’s.' })
  @IsBoolean()
  affectsMaximumFee!: boolean;

  @ApiProperty({ example: '2027-01-01', description: 'The first day of the price; the open price of the same code ends the day before.' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;
}

export class PriceListQuery {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The day the prices are valid on; today in the organisation’s time zone when omitted.' })
  @IsOptional()
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;
}

export interface PriceListItemRow {
  id: string;
  organisation_id: string;
  code: string;
  name: string;
  unit: (typeof PRICE_UNITS)[number];
  price_cents: number;
  piece_priced: boolean;
  affects_maximum_fee: boolean;
  valid_from: string;
  valid_to: string | null;
  created_by: string;
  created_at: Date;
}

export class PriceListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRICE_UNITS }) unit!: string;
  @ApiProperty({ example: '32.50' }) price!: string;
  @ApiProperty() piecePriced!: boolean;
  @ApiProperty() affectsMaximumFee!: boolean;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: PriceListItemRow): PriceListItemView {
    return {
      id: row.id,
      organisationId: row.organisation_id,
      ...priceListItemOf(row),
      validFrom: row.valid_from,
      validTo: row.valid_to,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** The organisation's price list (hinnasto / prislista), dated per item code. */
@ApiTags('billing-data')
@Controller('price-lists/:organisationId')
export class PriceListsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('items')
  @HttpCode(201)
  @Roles(...PRICE_LIST_WRITERS)
  @ApiOperation({
    summary: 'Adds a price-list item or the next price of an item; the open price of the same code ends the day before.',
    description: 'validFrom must be after the start of the open price; a period that overlaps a closed one is refused (409).',
  })
  @ApiCreatedResponse({ type: PriceListItemView })
  async addItem(@Param('organisationId') organisationId: string, @Body() body: CreatePriceListItemDto, @CurrentUser() user: AccessClaims): Promise<PriceListItemView> {
    const organisation = await organisationFromPath(this.dataSource, organisationId);
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const priceCents = parseCents(body.price, organisation.currency, 'price');
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (db) => {
        const [open] = (await db.query('SELECT id, valid_from FROM price_list_item WHERE organisation_id = $1 AND code = $2 AND valid_to IS NULL FOR UPDATE', [
          organisation.id,
          body.code,
        ])) as Array<{ id: string; valid_from: string }>;
        if (open) {
          if (validFrom <= open.valid_from) throw new DomainValidationError(`must be after the start of the open price of ${body.code} (${open.valid_from})`, 'validFrom');
          await db.query('UPDATE price_list_item SET valid_to = $2 WHERE id = $1', [open.id, addDays(validFrom, -1)]);
        }
        await db.query(
          `INSERT INTO price_list_item (id, organisation_id, code, name, unit, price_cents, piece_priced, affects_maximum_fee, valid_from, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [id, organisation.id, body.code, body.name, body.unit, priceCents, body.piecePriced, body.affectsMaximumFee, validFrom, user.sub],
        );
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict(`the price of ${body.code} overlaps an existing period`, 'validFrom', 'overlaps an existing period');
      throw error;
    }
    const [row] = (await this.dataSource.query('SELECT * FROM price_list_item WHERE id = $1', [id])) as PriceListItemRow[];
    return PriceListItemView.of(row);
  }

  @Get()
  @Roles(...READ_ROLES, 'administrator')
  @ApiOperation({ summary: 'The items valid on a day (default today), by code.' })
  @ApiOkResponse({ type: [PriceListItemView] })
  async list(@Param('organisationId') organisationId: string, @Query() query: PriceListQuery): Promise<PriceListItemView[]> {
    const organisation = await organisationFromPath(this.dataSource, organisationId);
    const date = query.date === undefined ? todayIn(organisation.time_zone) : parseLocalDate(query.date, 'date');
    const rows: PriceListItemRow[] = await this.dataSource.query(
      'SELECT * FROM price_list_item WHERE organisation_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2) ORDER BY code',
      [organisation.id, date],
    );
    return rows.map((row) => PriceListItemView.of(row));
  }
}
