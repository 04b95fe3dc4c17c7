import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainValidationError, LONG_TERM_CARE_TYPES, parseLocalDate } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, isExclusionViolation, loadClient, parseCents, READ_ROLES } from './billing-data.common';
import { serviceOf, ServiceRow } from './billing-inputs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
export const SERVICE_KINDS = ['fi-home-care', 'fi-long-term-care', 'se-elderly-care', 'fixed-monthly'] as const;
type ServiceKind = (typeof SERVICE_KINDS)[number];

export class CreateDecidedServiceDto {
  @ApiProperty({ example: 'HOME-CARE', description: 'The service code; one client’s periods of one code never overlap.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'serviceCode must be 1-32 letters, digits, dots, dashes or underscores' })
  serviceCode!: string;

  @ApiProperty({ example: 'Regular home care' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({
    enum: SERVICE_KINDS,
    description:
      'fi-home-care (needs hoursPerMonth), fi-long-term-care (needs careType), se-elderly-care: income-based fees; fixed-monthly: a decided monthly fee (needs monthlyFee).',
  })
  @IsIn(SERVICE_KINDS, { message: `kind must be one of ${SERVICE_KINDS.join(', ')}` })
  kind!: ServiceKind;

  @ApiProperty({ example: '2027-01-01' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Open-ended when omitted.' })
  @IsOptional()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string;

  @ApiProperty({ example: '1450.00', description: 'What the service costs to produce a month: the income-based fee never exceeds it.' })
  @IsString()
  @Matches(AMOUNT, { message: 'serviceCost must be a decimal amount with at most two decimals, e.g. "1450.00"' })
  serviceCost!: string;

  @ApiPropertyOptional({ example: '12.5', description: 'fi-home-care: service hours a month (required); a decimal string or a number.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  @Matches(/^\d{1,4}(\.\d{1,2})?$/, { message: 'hoursPerMonth must be a decimal number of hours, e.g. "12.5"' })
  hoursPerMonth?: string;

  @ApiPropertyOptional({ enum: LONG_TERM_CARE_TYPES, description: 'fi-long-term-care: the kind of care (required).' })
  @IsOptional()
  @IsIn(LONG_TERM_CARE_TYPES, { message: `careType must be one of ${LONG_TERM_CARE_TYPES.join(', ')}` })
  careType?: string;

  @ApiPropertyOptional({ example: '35.00', description: 'fixed-monthly: the decided fee (required).' })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT, { message: 'monthlyFee must be a decimal amount with at most two decimals, e.g. "35.00"' })
  monthlyFee?: string;

  @ApiPropertyOptional({ default: true, description: 'Absences reduce this service’s fee (care fees; not support services).' })
  @IsOptional()
  @IsBoolean()
  absenceDeductible?: boolean;

  @ApiPropertyOptional({ default: false, description: 'SE care housing: food is charged per day.' })
  @IsOptional()
  @IsBoolean()
  includesCareHousingFood?: boolean;

  @ApiPropertyOptional({ example: 'SOS/2027/1234' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionReference?: string;
}

export class EndDecidedServiceDto {
  @ApiProperty({ example: '2027-06-30', description: 'The last day of the service.' })
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo!: string;
}

interface DecidedServiceRow extends ServiceRow {
  id: string;
  decision_reference: string | null;
  created_by: string;
  created_at: Date;
}

export class DecidedServiceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() serviceCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: SERVICE_KINDS }) kind!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ example: '1450.00' }) serviceCost!: string;
  @ApiProperty({ nullable: true, type: String, example: '12.50' }) hoursPerMonth!: string | null;
  @ApiProperty({ nullable: true, type: String }) careType!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '35.00' }) monthlyFee!: string | null;
  @ApiProperty() absenceDeductible!: boolean;
  @ApiProperty() includesCareHousingFood!: boolean;
  @ApiProperty({ nullable: true, type: String }) decisionReference!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: DecidedServiceRow): DecidedServiceView {
    return {
      id: row.id,
      clientId: row.client_id,
      ...serviceOf(row),
      decisionReference: row.decision_reference,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** What each kind needs, and in which country it applies. */
function checkKind(body: CreateDecidedServiceDto, country: string): void {
  if (body.kind.startsWith('fi-') && country !== 'FI') throw new DomainValidationError(`${body.kind} applies to Finnish organisations only`, 'kind');
  if (body.kind.startsWith('se-') && country !== 'SE') throw new DomainValidationError(`${body.kind} applies to Swedish organisations only`, 'kind');
  if (body.kind === 'fi-home-care' && body.hoursPerMonth === undefined) throw new DomainValidationError('is required for fi-home-care', 'hoursPerMonth');
  if (body.kind === 'fi-long-term-care' && body.careType === undefined) throw new DomainValidationError('is required for fi-long-term-care', 'careType');
  if (body.kind === 'fixed-monthly' && body.monthlyFee === undefined) throw new DomainValidationError('is required for fixed-monthly', 'monthlyFee');
}

const overlap = () => conflict('the service overlaps another period of the same service code', 'validFrom', 'overlaps another period of this service code');

/** Decided services (palvelupäätös / biståndsbeslut): what the client is billed for each month. */
@ApiTags('billing-data')
@Controller('clients/:id/services')
export class DecidedServicesController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Records a decided service.',
    description: 'Per kind: fi-home-care needs hoursPerMonth, fi-long-term-care careType, fixed-monthly monthlyFee (400 naming the field). Overlapping periods of one service code: 409.',
  })
  @ApiCreatedResponse({ type: DecidedServiceView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateDecidedServiceDto, @CurrentUser() user: AccessClaims): Promise<DecidedServiceView> {
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const validTo = body.validTo === undefined ? null : parseLocalDate(body.validTo, 'validTo');
    if (validTo !== null && validTo < validFrom) throw new DomainValidationError('must not be before validFrom', 'validTo');
    const { organisation } = await loadClient(this.dataSource, clientId);
    checkKind(body, organisation.country);
    const money = (text: string | undefined, field: string) => (text === undefined ? null : parseCents(text, organisation.currency, field));
    const id = randomUUID();
    try {
      await this.dataSource.query(
        `INSERT INTO decided_service (id, client_id, service_code, description, kind, valid_from, valid_to, service_cost_cents, hours_per_month, care_type,
           monthly_fee_cents, absence_deductible, includes_care_housing_food, decision_reference, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          id,
          clientId,
          body.serviceCode,
          body.description,
          body.kind,
          validFrom,
          validTo,
          money(body.serviceCost, 'serviceCost'),
          body.hoursPerMonth ?? null,
          body.careType ?? null,
          money(body.monthlyFee, 'monthlyFee'),
          body.absenceDeductible ?? true,
          body.includesCareHousingFood ?? false,
          body.decisionReference ?? null,
          user.sub,
        ],
      );
    } catch (error) {
      if (isExclusionViolation(error)) throw overlap();
      throw error;
    }
    return this.one(id);
  }

  @Post(':serviceId/end')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Ends a decided service on validTo (its last day).' })
  @ApiOkResponse({ type: DecidedServiceView })
  async end(
    @Param('id', new ParseUUIDPipe()) clientId: string,
    @Param('serviceId', new ParseUUIDPipe()) serviceId: string,
    @Body() body: EndDecidedServiceDto,
  ): Promise<DecidedServiceView> {
    const validTo = parseLocalDate(body.validTo, 'validTo');
    const service = await this.one(serviceId);
    if (service.clientId !== clientId) throw new NotFoundException(`client ${clientId} has no service ${serviceId}`);
    if (validTo < service.validFrom) throw new DomainValidationError(`must not be before the service’s start (${service.validFrom})`, 'validTo');
    try {
      await this.dataSource.query('UPDATE decided_service SET valid_to = $2 WHERE id = $1', [serviceId, validTo]);
    } catch (error) {
      if (isExclusionViolation(error)) throw overlap();
      throw error;
    }
    return this.one(serviceId);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s decided services, by start date.' })
  @ApiOkResponse({ type: [DecidedServiceView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<DecidedServiceView[]> {
    await loadClient(this.dataSource, clientId);
    const rows: DecidedServiceRow[] = await this.dataSource.query('SELECT * FROM decided_service WHERE client_id = $1 ORDER BY valid_from, service_code', [clientId]);
    return rows.map((row) => DecidedServiceView.of(row));
  }

  private async one(id: string): Promise<DecidedServiceView> {
    const [row] = (await this.dataSource.query('SELECT * FROM decided_service WHERE id = $1', [id])) as DecidedServiceRow[];
    if (!row) throw new NotFoundException(`no decided service ${id}`);
    return DecidedServiceView.of(row);
  }
}
