import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { ApproveWhatIfRunDto, StartWhatIfRunDto, WhatIfClientsQuery, WhatIfRunsQuery } from './what-if.dto';
import { WhatIfService } from './what-if.service';
import { WhatIfClientView, WhatIfRunView } from './what-if.view';
import { renderWhatIfCsv } from './what-if-csv';

/**
 * What-if runs: next period's draft rule rows against today's, client by client, before anyone
 * approves them (docs/rules.md). Every route acts for the caller's own organisations only.
 */
@ApiTags('what-if-runs')
@Controller('what-if-runs')
export class WhatIfController {
  constructor(private readonly whatIf: WhatIfService) {}

  @Post()
  @MayDo('rule-table.what-if')
  @Scope.caller()
  @ApiOperation({
    summary: 'Compares every active client’s fee under today’s rules and under a draft of next period’s rows.',
    description:
      'Billing is not touched. Up to 2,000 clients the answer is the completed run (201); a larger population is compared by the whatIfRun workflow in batches and the answer is the running run (202): poll GET /what-if-runs/{id}.',
  })
  @ApiOkResponse({ type: WhatIfRunView })
  async start(@Body() body: StartWhatIfRunDto, @CurrentUser() user: AccessClaims, @Res({ passthrough: true }) response: Response): Promise<WhatIfRunView> {
    const run = await this.whatIf.start(body.organisationIds, body.draft, user);
    response.status(run.state === 'running' ? 202 : 201);
    return WhatIfRunView.of(run);
  }

  @Get()
  @MayDo('rule-table.what-if')
  @Scope.caller()
  @ApiOperation({ summary: 'The what-if runs of the caller’s organisations, newest first.' })
  @ApiOkResponse({ type: [WhatIfRunView] })
  async list(@Query() query: WhatIfRunsQuery, @CurrentUser() user: AccessClaims): Promise<WhatIfRunView[]> {
    return (await this.whatIf.list(user, query.limit)).map((run) => WhatIfRunView.of(run));
  }

  @Get(':id')
  @MayDo('rule-table.what-if')
  @Scope.caller()
  @ApiOperation({ summary: 'A run: its draft, state and totals by organisation and service.' })
  @ApiOkResponse({ type: WhatIfRunView })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AccessClaims): Promise<WhatIfRunView> {
    return WhatIfRunView.of(await this.whatIf.get(id, user));
  }

  @Get(':id/clients')
  @MayDo('rule-table.what-if')
  @Scope.caller()
  @ApiOperation({ summary: 'The run’s clients, by organisation and client number: who pays more or less, who crosses zero or the maximum.' })
  @ApiOkResponse({ type: [WhatIfClientView] })
  async clients(@Param('id', ParseUUIDPipe) id: string, @Query() query: WhatIfClientsQuery, @CurrentUser() user: AccessClaims): Promise<WhatIfClientView[]> {
    const rows = await this.whatIf.clients(id, user, {
      organisationId: query.organisationId,
      direction: query.direction,
      crosses: query.crosses,
      status: query.status,
      after: query.afterClientNumber !== undefined && query.organisationId !== undefined ? { organisationId: query.organisationId, clientNumber: query.afterClientNumber } : undefined,
      limit: query.limit,
    });
    return rows.map((row) => WhatIfClientView.of(row));
  }

  @Get(':id/clients.csv')
  @MayDo('rule-table.what-if')
  @Scope.caller()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'Every client of the run as CSV (semicolons, UTF-8 with BOM), filtered like the JSON list.' })
  async csv(@Param('id', ParseUUIDPipe) id: string, @Query() query: WhatIfClientsQuery, @CurrentUser() user: AccessClaims): Promise<StreamableFile> {
    const rows = await this.whatIf.clients(id, user, { organisationId: query.organisationId, direction: query.direction, crosses: query.crosses, status: query.status });
    return new StreamableFile(Buffer.from(renderWhatIfCsv(rows.map((row) => WhatIfClientView.of(row))), 'utf8'), { disposition: `attachment; filename="what-if-${id}.csv"` });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @MayDo('rule-table.approve-draft')
  @Scope.caller()
  @ApiOperation({
    summary: 'Turns the draft into dated rule rows: a second administrator’s act, with grounds.',
    description: 'Refused (409) for the drafter, for a run not completed, and once the period has begun. The rows the draft replaces are kept with the approver and the grounds.',
  })
  @ApiOkResponse({ type: WhatIfRunView })
  async approve(@Param('id', ParseUUIDPipe) id: string, @Body() body: ApproveWhatIfRunDto, @CurrentUser() user: AccessClaims): Promise<WhatIfRunView> {
    return WhatIfRunView.of(await this.whatIf.approve(id, body.grounds, user));
  }
}
