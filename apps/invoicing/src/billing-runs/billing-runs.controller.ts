import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessClaims, BILLING_APPROVER_ROLES } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM } from '../billing-data/billing-roles';
import { CancelDto, RecalculateDto, RemakeDto, RunClientsQuery, SelectionScheduleDto, StartBillingRunDto } from './billing-runs.dto';
import { BillingRunsService } from './billing-runs.service';
import { renderJournalCsv } from './journal/journal-csv';
import { renderJournalPdf } from './journal/journal-pdf';

const READERS = [...BILLING_TEAM, 'finance-centre'] as const;

const approverRole = (user: AccessClaims): string => BILLING_APPROVER_ROLES.find((role) => user.roles.includes(role)) ?? user.roles[0] ?? 'none';

/** Monthly billing runs: start, error list, recalculation, journal, approval. */
@ApiTags('billing-runs')
@Controller()
export class BillingRunsController {
  constructor(
    private readonly runs: BillingRunsService,
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
    return this.runs.clients(id, query.status, query.limit, query.after);
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
  schedule(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SelectionScheduleDto) {
    return this.runs.schedule(id, { billingDay: body.billingDay ?? null, correctionWeekday: body.correctionWeekday ?? null });
  }

  @Get('invoices/:id/explanation')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Each row of a billed invoice with the rule versions, inputs and arithmetic that produced it.' })
  explanation(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.explanation(id);
  }
}
