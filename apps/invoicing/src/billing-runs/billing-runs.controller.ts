import { Body, Controller, Get, Header, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessClaims, BILLING_APPROVER_ROLES } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BillingRunsService } from './billing-runs.service';
import { BillingSchedules } from './billing-schedules';
import { renderJournalCsv } from './journal/journal-csv';
import { renderJournalPdf } from './journal/journal-pdf';

const BILLING_TEAM = ['client-fee-officer', 'billing-supervisor'] as const;
const READERS = [...BILLING_TEAM, 'finance-centre'] as const;

class StartBillingRunDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: '2026-11', description: 'The billing period, a calendar month.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a billing period YYYY-MM' })
  period!: string;

  @ApiProperty({ description: 'The saved selection of debiting areas to bill.' })
  @IsUUID('4', { message: 'selectionRuleId must be a UUID' })
  selectionRuleId!: string;

  @ApiPropertyOptional({
    enum: ['monthly', 'correction'],
    default: 'monthly',
    description: 'A correction run bills the selection’s clients not yet invoiced for the period (missed, or released for remaking).',
  })
  @IsOptional()
  @IsIn(['monthly', 'correction'], { message: 'kind must be monthly or correction' })
  kind?: 'monthly' | 'correction';
}

class RemakeDto {
  @ApiProperty({ description: 'A billing-run invoice credited in full.' })
  @IsUUID('4', { message: 'invoiceId must be a UUID' })
  invoiceId!: string;

  @ApiProperty({ example: 'wrong income used; corrected income from the tax authority' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

class RecalculateDto {
  @ApiPropertyOptional({ description: 'Recalculate this client (and their spouse); the whole selection when omitted.' })
  @IsOptional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

class CancelDto {
  @ApiProperty({ example: 'selection rule was wrong; restarting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

class RunClientsQuery {
  @ApiPropertyOptional({ enum: ['not-calculated', 'calculated', 'error'] })
  @IsOptional()
  @IsIn(['not-calculated', 'calculated', 'error'])
  status?: 'not-calculated' | 'calculated' | 'error';

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'The last client number of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

class SelectionScheduleDto {
  @ApiPropertyOptional({ example: 5, description: 'Day of the month (1-28) the monthly run starts; null: no Schedule.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  billingDay!: number | null;

  @ApiPropertyOptional({ example: 3, description: 'ISO weekday (1 = Monday) of the weekly correction run; null: none.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  correctionWeekday!: number | null;
}

const approverRole = (user: AccessClaims): string => BILLING_APPROVER_ROLES.find((role) => user.roles.includes(role)) ?? user.roles[0] ?? 'none';

/** Monthly billing runs: start, error list, recalculation, journal, approval. */
@ApiTags('billing-runs')
@Controller()
export class BillingRunsController {
  constructor(
    private readonly runs: BillingRunsService,
    private readonly schedules: BillingSchedules,
    private readonly dataSource: DataSource,
  ) {}

  @Post('billing-runs')
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Starts the monthly billing run of a period and selection.',
    description: 'Selects the clients of the selection’s debiting areas with something to bill and calculates them. One monthly run per period and selection (409).',
  })
  async start(@Body() body: StartBillingRunDto, @CurrentUser() user: AccessClaims) {
    const run = await this.runs.start(body, user);
    return this.runs.view(run.id);
  }

  @Post('billing-runs/remakes')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Releases a fully credited billing-run invoice for remaking by the next correction run.',
    description: '409 unless the invoice is credited in full; its corrections are billed again with the remade invoice.',
  })
  remake(@Body() body: RemakeDto, @CurrentUser() user: AccessClaims) {
    return this.runs.releaseForRemaking(body.invoiceId, body.reason, user);
  }

  @Get('billing-runs')
  @Roles(...READERS)
  list(@Query('organisationId') organisationId: string) {
    return this.runs.list(organisationId);
  }

  @Get('billing-runs/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The run’s state and how many clients are not calculated, calculated and in error.' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.view(id);
  }

  @Get('billing-runs/:id/clients')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The run’s clients; `status=error` is the error list (income missing, parish code missing, …).' })
  clients(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: RunClientsQuery) {
    return this.runs.clients(id, query.status, query.limit ?? 100, query.after);
  }

  @Post('billing-runs/:id/recalculate')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Recalculates one client after a fix, or the whole selection (newly eligible clients join).' })
  recalculate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecalculateDto, @CurrentUser() user: AccessClaims) {
    return this.runs.recalculate(id, body.clientId, user);
  }

  @Get('billing-runs/:id/journal.csv')
  @Roles(...READERS)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The journal (invoices and reported services) as CSV; reviewing it is required before approval.' })
  async journalCsv(@Param('id', new ParseUUIDPipe()) id: string) {
    const journal = await this.runs.journal(id, new Date().toISOString());
    return new StreamableFile(Buffer.from(renderJournalCsv(journal), 'utf8'), { disposition: `attachment; filename="journal-${journal.run.period}-${id}.csv"` });
  }

  @Get('billing-runs/:id/journal.pdf')
  @Roles(...READERS)
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({ summary: 'The journal as PDF; reviewing it is required before approval.' })
  async journalPdf(@Param('id', new ParseUUIDPipe()) id: string) {
    const journal = await this.runs.journal(id, new Date().toISOString());
    return new StreamableFile(renderJournalPdf(journal, { compress: true }), { disposition: `attachment; filename="journal-${journal.run.period}-${id}.pdf"` });
  }

  @Post('billing-runs/:id/approve')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Approves the run: the period is locked and the invoices are created.',
    description: 'Refused (409) while any client is not calculated or in error, or when the journal of the current calculation has not been reviewed.',
  })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AccessClaims) {
    return this.runs.approve(id, approverRole(user), user);
  }

  @Post('billing-runs/:id/cancel')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelDto, @CurrentUser() user: AccessClaims) {
    return this.runs.cancel(id, body.reason, user);
  }

  @Put('selection-rules/:id/schedule')
  @Roles('billing-supervisor', 'administrator')
  @ApiOperation({ summary: 'Sets the selection’s billing day (monthly Schedule) and correction-run weekday (weekly Schedule).' })
  async schedule(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SelectionScheduleDto) {
    const rows = (await this.dataSource.query(
      `UPDATE selection_rule s SET billing_day = $2, correction_weekday = $3 FROM organisation o
        WHERE s.id = $1 AND o.id = s.organisation_id RETURNING s.organisation_id, o.time_zone`,
      [id, body.billingDay ?? null, body.correctionWeekday ?? null],
    )) as [Array<{ organisation_id: string; time_zone: string }>, number];
    const [updated] = rows[0];
    if (!updated) throw new NotFoundException(`no selection rule ${id}`);
    await this.schedules.upsert({
      selectionRuleId: id,
      organisationId: updated.organisation_id,
      timeZone: updated.time_zone,
      billingDay: body.billingDay ?? null,
      correctionWeekday: body.correctionWeekday ?? null,
    });
    return { selectionRuleId: id, billingDay: body.billingDay ?? null, correctionWeekday: body.correctionWeekday ?? null };
  }

  @Get('invoices/:id/explanation')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Each row of a billed invoice with the rule versions, inputs and arithmetic that produced it.' })
  async explanation(@Param('id', new ParseUUIDPipe()) id: string) {
    const [invoice] = (await this.dataSource.query('SELECT id, invoice_number, billing_period, billing_run_id, currency, total_cents::int8 AS total_cents FROM invoice WHERE id = $1', [id])) as Array<{
      id: string;
      invoice_number: string;
      billing_period: string | null;
      billing_run_id: string | null;
      currency: string;
      total_cents: string;
    }>;
    if (!invoice) throw new NotFoundException(`no invoice ${id}`);
    const rows = (await this.dataSource.query(
      `SELECT r.line_number, r.description, r.kind, r.code, r.quantity::text AS quantity, r.unit_price_cents::int8 AS unit_price_cents,
              r.amount_cents::int8 AS amount_cents, r.account_string, c.rows -> (r.line_number - 1) -> 'explanation' AS explanation
         FROM invoice_row r LEFT JOIN billing_run_client c ON c.invoice_id = r.invoice_id
        WHERE r.invoice_id = $1 ORDER BY r.line_number`,
      [id],
    )) as Array<Record<string, unknown>>;
    return {
      invoiceId: invoice.id,
      invoiceNumber: Number(invoice.invoice_number),
      billingPeriod: invoice.billing_period,
      billingRunId: invoice.billing_run_id,
      currency: invoice.currency,
      totalCents: Number(invoice.total_cents),
      rows: rows.map((row) => ({
        lineNumber: row.line_number,
        description: row.description,
        kind: row.kind,
        code: row.code,
        quantity: row.quantity,
        unitPriceCents: row.unit_price_cents === null ? null : Number(row.unit_price_cents),
        amountCents: Number(row.amount_cents),
        accountString: row.account_string,
        // Rows of hand-made invoices have no calculation behind them.
        explanation: row.explanation ?? null,
      })),
    };
  }
}
