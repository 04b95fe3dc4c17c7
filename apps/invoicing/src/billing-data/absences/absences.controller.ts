import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, debitingAreaFilter, MayDo, Scope } from '@clientfees/platform';
import { AbsenceView, OpenAbsenceView } from './absence.view';
import { CloseAbsenceDto, CreateAbsenceDto, DueWatchesQuery, OpenAbsencesQuery, WatchDto } from './absences.dto';
import { AbsencesService } from './absences.service';

/** Absences (poissaolo / frånvaro) that reduce care fees; open-ended ones are watched. */
@ApiTags('billing-data')
@Controller()
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Post('clients/:id/absences')
  @HttpCode(201)
  @MayDo('absence.record')
  @Scope.resource('client')
  @ApiOperation({
    summary: 'Records an absence; without lastDay it is open-ended and appears on the control list.',
    description: 'A planned absence needs notifiedOn. An absence overlapping another of the client’s is a conflict (409).',
  })
  @ApiCreatedResponse({ type: AbsenceView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateAbsenceDto, @CurrentUser() user: AccessClaims): Promise<AbsenceView> {
    return AbsenceView.of(await this.absences.create(clientId, body, user.sub));
  }

  @Post('absences/:id/close')
  @HttpCode(200)
  @MayDo('absence.record')
  @Scope.resource('absence')
  @ApiOperation({ summary: 'Closes an open-ended absence on lastDay; it leaves the control list.' })
  @ApiOkResponse({ type: AbsenceView })
  async close(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CloseAbsenceDto): Promise<AbsenceView> {
    return AbsenceView.of(await this.absences.close(id, body.lastDay));
  }

  @Get('clients/:id/absences')
  @MayDo('billing-data.read')
  @Scope.resource('client')
  @ApiOperation({ summary: 'The client’s absences, by first day.' })
  @ApiOkResponse({ type: [AbsenceView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<AbsenceView[]> {
    return (await this.absences.list(clientId)).map((absence) => AbsenceView.of(absence));
  }

  @Get('absences/open')
  @MayDo('billing-data.read')
  @Scope.organisationFromQuery()
  @ApiOperation({
    summary: 'Control list: clients with open-ended absences, longest open first.',
    description: 'The list the unit manager checks before each billing run, so that absences that have ended get closed. A unit manager sees the clients of their debiting areas.',
  })
  @ApiOkResponse({ type: [OpenAbsenceView] })
  open(@Query() query: OpenAbsencesQuery, @CurrentUser() user: AccessClaims): Promise<OpenAbsenceView[]> {
    return this.absences.controlList(query.organisationId, debitingAreaFilter(user));
  }

  @Get('absences/watches')
  @MayDo('billing-data.read')
  @Scope.organisationFromQuery()
  @ApiOperation({
    summary: 'The unit manager’s watches (bevakningar) due: open-ended absences to check again, oldest first.',
    description: 'Close the absence when the client is back (POST /absences/{id}/close), or move the watch (POST /absences/{id}/watch).',
  })
  @ApiOkResponse({ type: [OpenAbsenceView] })
  dueWatches(@Query() query: DueWatchesQuery, @CurrentUser() user: AccessClaims): Promise<OpenAbsenceView[]> {
    return this.absences.controlList(query.organisationId, debitingAreaFilter(user), query.date ?? 'today');
  }

  @Post('absences/:id/watch')
  @HttpCode(200)
  @MayDo('absence.record')
  @Scope.resource('absence')
  @ApiOperation({ summary: 'Moves an open-ended absence’s watch: the client is still away, check again on watchOn.' })
  @ApiOkResponse({ type: AbsenceView })
  async watch(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WatchDto): Promise<AbsenceView> {
    return AbsenceView.of(await this.absences.moveWatch(id, body.watchOn));
  }
}
