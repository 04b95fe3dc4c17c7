import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Scope, MayDo } from '@clientfees/platform';
import { DebtCasesService } from './debt-cases.service';
import {
  CaseworkerTaskView,
  DebtCaseDetailsView,
  DebtCasesQuery,
  DebtCaseView,
  RecordCaseworkerStepDto,
  SetCaseworkerDto,
  SetHandlerDto,
  TasksQuery,
} from './debt-cases.dto';

@ApiTags('debt cases')
@Controller()
export class DebtCasesController {
  constructor(private readonly cases: DebtCasesService) {}

  @Get('debt-cases')
  @MayDo('debt-case.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Debt cases, largest debt first: a unit manager sees their areas’ cases, a caseworker their own clients’.' })
  async list(@Query() query: DebtCasesQuery, @CurrentUser() user: AccessClaims): Promise<DebtCaseView[]> {
    return (await this.cases.list(user, query)).map(DebtCaseView.of);
  }

  @Get('debt-cases/:id')
  @MayDo('debt-case.read')
  @Scope.resource('debt-case')
  @ApiOperation({ summary: 'A debt case with every step (actor, time, grounds), its letters and the caseworker’s tasks.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AccessClaims): Promise<DebtCaseDetailsView> {
    return DebtCaseDetailsView.details(await this.cases.details(user, id));
  }

  @Put('debt-cases/:id/handler')
  @MayDo('debt-case.handle')
  @Scope.resource('debt-case')
  @ApiOperation({ summary: 'Names the fee officer who works on the case (a new case nobody works on is flagged at month end).' })
  async setHandler(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetHandlerDto, @CurrentUser() user: AccessClaims): Promise<DebtCaseDetailsView> {
    return DebtCaseDetailsView.details(await this.cases.setHandler(user, id, body.handler));
  }

  @Put('debt-cases/:id/caseworker')
  @MayDo('debt-case.assign-caseworker')
  @Scope.resource('debt-case')
  @ApiOperation({ summary: 'Names the client’s caseworker, who then sees the case and takes its open hand-over.' })
  async setCaseworker(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetCaseworkerDto, @CurrentUser() user: AccessClaims): Promise<DebtCaseDetailsView> {
    return DebtCaseDetailsView.details(await this.cases.setCaseworker(user, id, body.caseworker));
  }

  @Get('debt-letters/:id/pdf')
  @MayDo('debt-case.read')
  @Scope.resource('debt-letter')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The standard reminder letter with copies of its invoices, in Finnish or Swedish by the client’s language.' })
  async letterPdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AccessClaims, @Res() response: Response): Promise<void> {
    const { pdf, fileName } = await this.cases.letterPdf(user, id);
    response.setHeader('content-type', 'application/pdf');
    response.setHeader('content-disposition', `inline; filename="${fileName}"`);
    response.send(pdf);
  }

  @Get('caseworker-tasks')
  @MayDo('caseworker-task.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Debt cases handed to caseworkers: a caseworker sees their own, a unit manager their areas’.' })
  async tasks(@Query() query: TasksQuery, @CurrentUser() user: AccessClaims): Promise<CaseworkerTaskView[]> {
    return (await this.cases.listTasks(user, query.organisationId, query.status)).map(CaseworkerTaskView.of);
  }

  @Post('caseworker-tasks/:id/steps')
  @HttpCode(200)
  @MayDo('debt-case.work')
  @Scope.resource('caseworker-task')
  @ApiOperation({ summary: 'Records a step with its outcome: contact made, support offered, guardianship considered (seed 004). Done when each has one and the client was reached.' })
  async recordStep(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordCaseworkerStepDto, @CurrentUser() user: AccessClaims): Promise<CaseworkerTaskView> {
    return CaseworkerTaskView.of(await this.cases.recordStep(user, id, body));
  }
}
