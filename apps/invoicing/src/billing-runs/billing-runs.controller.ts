import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessClaims, BILLING_APPROVER_ROLES } from '@clientfees/contracts';
import { ApiRuleRefusal, CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { CancelDto, RecalculateDto, RemakeDto, RunClientsQuery, SelectionScheduleDto, StartBillingRunDto } from './billing-runs.dto';
import { BillingRunsService } from './billing-runs.service';
import { renderJournalCsv } from './journal/journal-csv';
import { renderJournalPdf } from './journal/journal-pdf';


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
  @MayDo('billing-run.start')
  @Scope.organisationFromBody()
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
  @MayDo('billing-run.start')
  @Scope.caller()
  @ApiOperation({
    summary: 'Releases a fully credited billing-run invoice for remaking by the next correction run.',
    description: '409 unless the invoice is credited in full; its corrections are billed again with the remade invoice.',
  })
  remake(@Body() body: RemakeDto, @CurrentUser() user: AccessClaims) {
    return this.runs.releaseForRemaking(body.invoiceId, body.reason, user);
  }

  @Get('billing-runs')
  @MayDo('billing-run.read')
  @Scope.organisationFromQuery()
  list(@Query('organisationId') organisationId: string) {
    return this.runs.list(organisationId);
  }

  @Get('billing-runs/:id')
  @MayDo('billing-run.read')
  @Scope.resource('billing-run')
  @ApiOperation({ summary: 'The run’s state and how many clients are not calculated, calculated and in error.' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.view(id);
  }

  @Get('billing-runs/:id/clients')
  @MayDo('billing-run.read')
  @Scope.resource('billing-run')
  @ApiOperation({ summary: 'The run’s clients; `status=error` is the error list (income missing, parish code missing, …).' })
  clients(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: RunClientsQuery) {
    return this.runs.clients(id, query.status, query.limit, query.after);
  }

  @Post('billing-runs/:id/recalculate')
  @HttpCode(200)
  @MayDo('billing-run.recalculate')
  @Scope.resource('billing-run')
  @ApiOperation({ summary: 'Recalculates one client after a fix, or the whole selection (newly eligible clients join).' })
  recalculate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecalculateDto, @CurrentUser() user: AccessClaims) {
    return this.runs.recalculate(id, body.clientId, user);
  }

  @Get('billing-runs/:id/journal.csv')
  @MayDo('billing-run.read')
  @Scope.resource('billing-run')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The journal (invoices and reported services) as CSV. Reading it does not review it: POST …/journal-review does.' })
  async journalCsv(@Param('id', new ParseUUIDPipe()) id: string) {
    const journal = await this.runs.journal(id, new Date().toISOString());
    return new StreamableFile(Buffer.from(renderJournalCsv(journal), 'utf8'), { disposition: `attachment; filename="journal-${journal.run.period}-${id}.csv"` });
  }

  @Get('billing-runs/:id/journal.pdf')
  @MayDo('billing-run.read')
  @Scope.resource('billing-run')
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({ summary: 'The journal as PDF. Reading it does not review it: POST …/journal-review does.' })
  async journalPdf(@Param('id', new ParseUUIDPipe()) id: string) {
    const journal = await this.runs.journal(id, new Date().toISOString());
    return new StreamableFile(renderJournalPdf(journal, { compress: true }), { disposition: `attachment; filename="journal-${journal.run.period}-${id}.pdf"` });
  }

  @Post('billing-runs/:id/journal-review')
  @HttpCode(200)
  @MayDo('billing-run.review-journal')
  @Scope.resource('billing-run')
  @ApiOperation({
    summary: 'Records that the caller reviewed the journal of the run’s current calculation (required before approval).',
    description: 'An explicit act, recorded with its reviewer and time; downloading the journal does not review it. A recalculation afterwards needs a new review. 409 unless the run awaits approval.',
  })
  reviewJournal(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AccessClaims) {
    return this.runs.reviewJournal(id, user);
  }

  @ApiRuleRefusal('four eyes: the person who started or last recalculated the run does not approve it (rule `four-eyes`)')
  @Post('billing-runs/:id/approve')
  @HttpCode(200)
  @MayDo('billing-run.approve')
  @Scope.resource('billing-run')
  @ApiOperation({
    summary: 'Approves the run: the period is locked and the invoices are created.',
    description:
      'Answers the run in state approved. Refused (409, `currentState` in the body) while any client is not calculated or in error, when the journal ' +
      'of the current calculation has not been reviewed (POST …/journal-review), or when the run no longer awaits approval (approved, completed, cancelled). ' +
      'Refused (400) to the person who started the run or last recalculated it: another person approves (four eyes).',
  })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AccessClaims) {
    return this.runs.approve(id, approverRole(user), user);
  }

  @Post('billing-runs/:id/cancel')
  @HttpCode(200)
  @MayDo('billing-run.cancel')
  @Scope.resource('billing-run')
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelDto, @CurrentUser() user: AccessClaims) {
    return this.runs.cancel(id, body.reason, user);
  }

  @Put('selection-rules/:id/schedule')
  @MayDo('billing-schedule.configure')
  @Scope.resource('selection-rule')
  @ApiOperation({ summary: 'Sets the selection’s billing day (monthly Schedule) and correction-run weekday (weekly Schedule).' })
  schedule(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SelectionScheduleDto) {
    return this.runs.schedule(id, { billingDay: body.billingDay ?? null, correctionWeekday: body.correctionWeekday ?? null });
  }

  @Get('invoices/:id/explanation')
  @MayDo('invoice.read')
  @Scope.resource('invoice')
  @ApiOperation({ summary: 'Each row of a billed invoice with the rule versions, inputs and arithmetic that produced it.' })
  explanation(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.explanation(id);
  }
}
