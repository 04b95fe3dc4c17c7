import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { READ_ROLES, UNIT_AND_BILLING_TEAM } from '../billing-roles';
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
  @Roles(...UNIT_AND_BILLING_TEAM)
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
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({ summary: 'Closes an open-ended absence on lastDay; it leaves the control list.' })
  @ApiOkResponse({ type: AbsenceView })
  async close(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CloseAbsenceDto): Promise<AbsenceView> {
    return AbsenceView.of(await this.absences.close(id, body.lastDay));
  }

  @Get('clients/:id/absences')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s absences, by first day.' })
  @ApiOkResponse({ type: [AbsenceView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<AbsenceView[]> {
    return (await this.absences.list(clientId)).map((absence) => AbsenceView.of(absence));
  }

  @Get('absences/open')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'Control list: clients with open-ended absences, longest open first.',
    description: 'The list the unit manager checks before each billing run, so that absences that have ended get closed.',
  })
  @ApiOkResponse({ type: [OpenAbsenceView] })
  open(@Query() query: OpenAbsencesQuery): Promise<OpenAbsenceView[]> {
    return this.absences.controlList(query.organisationId);
  }

  @Get('absences/watches')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'The unit manager’s watches (bevakningar) due: open-ended absences to check again, oldest first.',
    description: 'Close the absence when the client is back (POST /absences/{id}/close), or move the watch (POST /absences/{id}/watch).',
  })
  @ApiOkResponse({ type: [OpenAbsenceView] })
  dueWatches(@Query() query: DueWatchesQuery): Promise<OpenAbsenceView[]> {
    return this.absences.controlList(query.organisationId, query.date ?? 'today');
  }

  @Post('absences/:id/watch')
  @HttpCode(200)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({ summary: 'Moves an open-ended absence’s watch: the client is still away, check again on watchOn.' })
  @ApiOkResponse({ type: AbsenceView })
  async watch(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WatchDto): Promise<AbsenceView> {
    return AbsenceView.of(await this.absences.moveWatch(id, body.watchOn));
  }
}
