import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { actingRole } from '@clientfees/domain';
import { CurrentUser, Scope, MayDo } from '@clientfees/platform';
import { CLOCK, Clock } from '../common/clock';
import { EstatesService } from './estates.service';
import {
  DeathRecordedView,
  EstateCaseDetailsView,
  EstateCasesQuery,
  EstateCaseView,
  RecordInventoryDto,
  ReportDeathDto,
  SetEstateContactDto,
} from './estates.dto';


@ApiTags('estates')
@Controller()
export class EstatesController {
  constructor(
    private readonly estates: EstatesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('deaths')
  @MayDo('death.report')
  @Scope.organisationFromBody()
  @ApiOperation({
    summary: 'Records a client’s death with its source (a person saw it); starts the client’s estate workflow. 201 the first time, 200 for the same death again (nothing changes).',
  })
  async reportDeath(@Body() body: ReportDeathDto, @CurrentUser() user: AccessClaims, @Res({ passthrough: true }) response: Response): Promise<DeathRecordedView> {
    const recorded = await this.estates.recordDeath({ ...body, source: 'manual', reportedBy: user.sub }, await this.clock.nowMs());
    response.status(recorded.firstReport ? 201 : 200);
    return recorded;
  }

  @Get('estate-cases')
  @MayDo('estate.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The organisation’s estates of deceased clients, newest death first.' })
  async list(@Query() query: EstateCasesQuery): Promise<EstateCaseView[]> {
    return (await this.estates.list(query.organisationId, query.state)).map(EstateCaseView.of);
  }

  @Get('estate-cases/:id')
  @MayDo('estate.read')
  @Scope.resource('estate-case')
  @ApiOperation({ summary: 'An estate with every step (actor, time, grounds), the invoices held and the agency’s estate steps.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<EstateCaseDetailsView> {
    const details = await this.estates.details(id);
    if (!details) throw new NotFoundException(`no estate case ${id}`);
    return EstateCaseDetailsView.details(details);
  }

  @Put('estate-cases/:id/contact')
  @MayDo('estate.investigate')
  @Scope.resource('estate-case')
  @HttpCode(200)
  @ApiOperation({ summary: 'The estate investigator enters the estate’s contact person and address: the open and final invoices then go to the estate.' })
  async setContact(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetEstateContactDto, @CurrentUser() user: AccessClaims): Promise<EstateCaseDetailsView> {
    const estate = await this.requireEstate(id);
    await this.estates.setContact(estate, { contact: { ...body.contact }, actor: user.sub, role: this.investigatorRole(user) });
    return EstateCaseDetailsView.details((await this.estates.details(id))!);
  }

  @Post('estate-cases/:id/inventory')
  @MayDo('estate.investigate')
  @Scope.resource('estate-case')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Records the estate inventory’s outcome (FI perunkirjoitus; SE bouppteckning, or estate-notification for a dödsboanmälan). No assets: a write-off proposal is prepared for signature.',
  })
  async recordInventory(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordInventoryDto, @CurrentUser() user: AccessClaims): Promise<EstateCaseDetailsView> {
    const estate = await this.requireEstate(id);
    await this.estates.recordInventory(estate, { ...body, actor: user.sub, role: this.investigatorRole(user) });
    return EstateCaseDetailsView.details((await this.estates.details(id))!);
  }

  private async requireEstate(id: string) {
    const estate = await this.estates.find(id);
    if (!estate) throw new NotFoundException(`no estate case ${id}`);
    return estate;
  }

  /** The role the caller acts in as the estate investigator (the most senior that may). */
  private investigatorRole(user: AccessClaims): string {
    return actingRole(user.roles, 'estate.investigate') ?? '';
  }
}
