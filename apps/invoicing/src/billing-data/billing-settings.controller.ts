import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, DomainValidationError, parseLocalDate } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, isExclusionViolation, loadClient, OrganisationRow, Queryable, READ_ROLES } from './billing-data.common';
import { nextBillingPeriodStart, todayIn } from './billing-period';
import { settingsOf } from './billing-inputs';
import { PostalAddressDto } from '../invoices/invoice-recipient';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const RECIPIENT_KINDS = ['client', 'guardian', 'trustee', 'relative', 'estate'] as const;
export const FEE_CALCULATION_TYPES = ['single', 'couple'] as const;

export class RecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'The client, a guardian, trustee or relative, or the estate of a deceased client.' })
  @IsIn(RECIPIENT_KINDS, { message: `recipient.kind must be one of ${RECIPIENT_KINDS.join(', ')}` })
  kind!: (typeof RECIPIENT_KINDS)[number];

  @ApiPropertyOptional({ example: 'Pekka Testinen', description: 'Required unless the client receives the invoice.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name?: string;

  @ApiPropertyOptional({ type: PostalAddressDto, description: 'Required unless the client receives the invoice (then the residence address is used).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}

export class CreateBillingSettingsDto {
  @ApiProperty({ example: 'ESPOO-NORTH', description: 'Debiting area (laskutusalue / debiteringsområde): what selection rules select by.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/, { message: 'debitingArea must be 1-40 letters, digits, spaces, dots, dashes or underscores' })
  debitingArea!: string;

  @ApiProperty({ enum: FEE_CALCULATION_TYPES, description: 'single, or couple (married or cohabiting: calculated with the spouse).' })
  @IsIn(FEE_CALCULATION_TYPES, { message: 'feeCalculationType must be single or couple' })
  feeCalculationType!: (typeof FEE_CALCULATION_TYPES)[number];

  @ApiProperty({ description: 'Accepts the maximum fee: no income is then needed.' })
  @IsBoolean()
  acceptsMaximumFee!: boolean;

  @ApiPropertyOptional({ example: '1280', description: 'SE: the parish (församling) code.' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,12}$/, { message: 'parishCode must be 1-12 letters or digits' })
  parishCode?: string;

  @ApiPropertyOptional({ example: '4100-5230-HOME', description: 'The cost-centre account string invoice rows are booked to.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  accountString?: string;

  @ApiProperty({ type: RecipientDto })
  @IsDefined({ message: 'recipient is required' })
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient!: RecipientDto;

  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  residenceAddress?: PostalAddressDto;

  @ApiPropertyOptional({
    example: '2027-02-01',
    description:
      'The first version may start on any day (default today). A change takes effect from the billing period after the current one: it defaults to the first day of next month and may not be earlier.',
  })
  @IsOptional()
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom?: string;
}

interface Address {
  streetAddress: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface BillingSettingRow {
  id: string;
  client_id: string;
  valid_from: string;
  valid_to: string | null;
  debiting_area: string;
  fee_calculation_type: 'single' | 'couple';
  accepts_maximum_fee: boolean;
  parish_code: string | null;
  account_string: string | null;
  recipient_kind: (typeof RECIPIENT_KINDS)[number];
  recipient_name: string | null;
  recipient_address: Address | null;
  residence_address: Address | null;
  created_by: string;
  created_at: Date;
}

class AddressView {
  @ApiProperty() streetAddress!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
}

class RecipientView {
  @ApiProperty({ enum: RECIPIENT_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: AddressView }) address!: AddressView | null;
}

export class BillingSettingsView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() debitingArea!: string;
  @ApiProperty({ enum: FEE_CALCULATION_TYPES }) feeCalculationType!: string;
  @ApiProperty() acceptsMaximumFee!: boolean;
  @ApiProperty({ nullable: true, type: String }) parishCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) accountString!: string | null;
  @ApiProperty({ type: RecipientView }) recipient!: RecipientView;
  @ApiProperty({ nullable: true, type: AddressView }) residenceAddress!: AddressView | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: BillingSettingRow): BillingSettingsView {
    return {
      id: row.id,
      clientId: row.client_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      ...settingsOf(row),
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** The address as jsonb text, or SQL NULL. */
function address(dto: PostalAddressDto | undefined, organisation: OrganisationRow): string | null {
  if (!dto) return null;
  const value: Address = { streetAddress: dto.streetAddress, postalCode: dto.postalCode, city: dto.city, country: dto.country ?? organisation.country };
  return JSON.stringify(value);
}

async function history(db: Queryable, clientId: string): Promise<BillingSettingsView[]> {
  const rows: BillingSettingRow[] = await db.query('SELECT * FROM billing_setting WHERE client_id = $1 ORDER BY valid_from', [clientId]);
  return rows.map((row) => BillingSettingsView.of(row));
}

/**
 * Billing settings (laskutustiedot / debiteringsuppgifter): dated versions, never deleted. A new
 * address or recipient takes effect from the billing period after the current one.
 */
@ApiTags('billing-data')
@Controller('clients/:id/billing-settings')
export class BillingSettingsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Adds a version of the client’s billing settings; the open version ends the day before it starts.',
    description:
      'The first version starts on validFrom (any day, default today). A later version takes effect from the next billing period: validFrom defaults to the first day of next month in the organisation’s time zone and may not be earlier (400 naming validFrom).',
  })
  @ApiCreatedResponse({ type: BillingSettingsView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateBillingSettingsDto, @CurrentUser() user: AccessClaims): Promise<BillingSettingsView> {
    const requested = body.validFrom === undefined ? null : parseLocalDate(body.validFrom, 'validFrom');
    if (body.recipient.kind !== 'client') {
      if (!body.recipient.name) throw new DomainValidationError(`is required when the recipient is a ${body.recipient.kind}`, 'recipient.name');
      if (!body.recipient.address) throw new DomainValidationError(`is required when the recipient is a ${body.recipient.kind}`, 'recipient.address');
    }
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (db) => {
        const { organisation } = await loadClient(db, clientId, true);
        const [latest] = (await db.query('SELECT id, valid_from, valid_to FROM billing_setting WHERE client_id = $1 ORDER BY valid_from DESC LIMIT 1', [clientId])) as Array<{
          id: string;
          valid_from: string;
          valid_to: string | null;
        }>;
        let validFrom: string;
        if (!latest) {
          validFrom = requested ?? todayIn(organisation.time_zone);
        } else {
          const earliest = nextBillingPeriodStart(organisation.time_zone);
          validFrom = requested ?? earliest;
          if (validFrom < earliest) {
            throw new DomainValidationError(`a change takes effect from the billing period after the current one: on or after ${earliest}`, 'validFrom');
          }
          if (validFrom <= latest.valid_from) {
            throw new DomainValidationError(`must be after the start of the latest version (${latest.valid_from})`, 'validFrom');
          }
          if (latest.valid_to === null) await db.query('UPDATE billing_setting SET valid_to = $2 WHERE id = $1', [latest.id, addDays(validFrom, -1)]);
        }
        await db.query(
          `INSERT INTO billing_setting (id, client_id, valid_from, debiting_area, fee_calculation_type, accepts_maximum_fee, parish_code, account_string,
             recipient_kind, recipient_name, recipient_address, residence_address, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            id,
            clientId,
            validFrom,
            body.debitingArea,
            body.feeCalculationType,
            body.acceptsMaximumFee,
            body.parishCode ?? null,
            body.accountString ?? null,
            body.recipient.kind,
            body.recipient.name ?? null,
            address(body.recipient.address, organisation),
            address(body.residenceAddress, organisation),
            user.sub,
          ],
        );
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict('the version overlaps an existing one', 'validFrom', 'overlaps an existing version');
      throw error;
    }
    const [row] = (await this.dataSource.query('SELECT * FROM billing_setting WHERE id = $1', [id])) as BillingSettingRow[];
    return BillingSettingsView.of(row);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Every version of the client’s billing settings, oldest first.' })
  @ApiOkResponse({ type: [BillingSettingsView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<BillingSettingsView[]> {
    await loadClient(this.dataSource, clientId);
    return history(this.dataSource, clientId);
  }
}
