import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, DomainValidationError, parseLocalDate } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, formatCents, isExclusionViolation, loadClient, parseCents, READ_ROLES } from './billing-data.common';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const amountMessage = (field: string) => ({ message: `${field} must be a decimal amount with at most two decimals, e.g. "1234.50"` });

export class CreateIncomeDto {
  @ApiProperty({ example: '2027-01-01', description: 'From when the income counts; the open income ends the day before.' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ example: '2150.00' })
  @IsString()
  @Matches(AMOUNT, amountMessage('grossMonthlyIncome'))
  grossMonthlyIncome!: string;

  @ApiProperty({ example: '1790.35' })
  @IsString()
  @Matches(AMOUNT, amountMessage('netMonthlyIncome'))
  netMonthlyIncome!: string;

  @ApiPropertyOptional({ example: '0.00', description: 'FI long-term care deductions (§ 10 c-d).' })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT, amountMessage('deductions'))
  deductions?: string;

  @ApiPropertyOptional({ example: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  householdSize?: number;

  @ApiPropertyOptional({ example: '0.00', description: 'SE: the monthly housing cost counted in the fee room.' })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT, amountMessage('housingCost'))
  housingCost?: string;

  @ApiProperty({ example: 'pension decision 2027 (Kela, ETK)', description: 'Where the figures come from.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;
}

interface IncomeRow {
  id: string;
  client_id: string;
  valid_from: string;
  valid_to: string | null;
  gross_monthly_cents: number;
  net_monthly_cents: number;
  deductions_cents: number;
  household_size: number;
  housing_cost_cents: number;
  source: string;
  created_by: string;
  created_at: Date;
}

export class IncomeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ example: '2150.00' }) grossMonthlyIncome!: string;
  @ApiProperty({ example: '1790.35' }) netMonthlyIncome!: string;
  @ApiProperty({ example: '0.00' }) deductions!: string;
  @ApiProperty() householdSize!: number;
  @ApiProperty({ example: '0.00' }) housingCost!: string;
  @ApiProperty() source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: IncomeRow): IncomeView {
    return {
      id: row.id,
      clientId: row.client_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      grossMonthlyIncome: formatCents(row.gross_monthly_cents),
      netMonthlyIncome: formatCents(row.net_monthly_cents),
      deductions: formatCents(row.deductions_cents),
      householdSize: row.household_size,
      housingCost: formatCents(row.housing_cost_cents),
      source: row.source,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** The income a client's fee rests on, dated; a new income ends the open one. */
@ApiTags('billing-data')
@Controller('clients/:id/incomes')
export class IncomesController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Records the client’s income from validFrom; the open income ends the day before.' })
  @ApiCreatedResponse({ type: IncomeView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateIncomeDto, @CurrentUser() user: AccessClaims): Promise<IncomeView> {
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (db) => {
        const { organisation } = await loadClient(db, clientId, true);
        const money = (text: string | undefined, field: string) => (text === undefined ? 0 : parseCents(text, organisation.currency, field));
        const [latest] = (await db.query('SELECT id, valid_from, valid_to FROM client_income WHERE client_id = $1 ORDER BY valid_from DESC LIMIT 1', [clientId])) as Array<{
          id: string;
          valid_from: string;
          valid_to: string | null;
        }>;
        if (latest) {
          if (validFrom <= latest.valid_from) throw new DomainValidationError(`must be after the start of the latest income (${latest.valid_from})`, 'validFrom');
          if (latest.valid_to === null) await db.query('UPDATE client_income SET valid_to = $2 WHERE id = $1', [latest.id, addDays(validFrom, -1)]);
        }
        await db.query(
          `INSERT INTO client_income (id, client_id, valid_from, gross_monthly_cents, net_monthly_cents, deductions_cents, household_size, housing_cost_cents, source, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            id,
            clientId,
            validFrom,
            money(body.grossMonthlyIncome, 'grossMonthlyIncome'),
            money(body.netMonthlyIncome, 'netMonthlyIncome'),
            money(body.deductions, 'deductions'),
            body.householdSize ?? 1,
            money(body.housingCost, 'housingCost'),
            body.source,
            user.sub,
          ],
        );
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict('the income overlaps an existing one', 'validFrom', 'overlaps an existing income');
      throw error;
    }
    const [row] = (await this.dataSource.query('SELECT * FROM client_income WHERE id = $1', [id])) as IncomeRow[];
    return IncomeView.of(row);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Every income of the client, oldest first.' })
  @ApiOkResponse({ type: [IncomeView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<IncomeView[]> {
    await loadClient(this.dataSource, clientId);
    const rows: IncomeRow[] = await this.dataSource.query('SELECT * FROM client_income WHERE client_id = $1 ORDER BY valid_from', [clientId]);
    return rows.map((row) => IncomeView.of(row));
  }
}
