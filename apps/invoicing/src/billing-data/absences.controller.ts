import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, daysBetween, DomainValidationError, parseLocalDate } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { conflict, loadClient, optionalDate, organisationFromBody, Queryable, READ_ROLES, UNIT_AND_BILLING_TEAM } from './billing-data.common';
import { todayIn } from './billing-period';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ABSENCE_KINDS = ['planned', 'unplanned'] as const;
/** An open-ended absence is checked again two weeks after it began, unless a day is given. */
export const ABSENCE_WATCH_DAYS = 14;

export class CreateAbsenceDto {
  @ApiProperty({ enum: ABSENCE_KINDS, description: 'planned (notified in advance) or unplanned (hospital, respite, short-term care elsewhere).' })
  @IsIn(ABSENCE_KINDS, { message: 'kind must be planned or unplanned' })
  kind!: (typeof ABSENCE_KINDS)[number];

  @ApiPropertyOptional({ example: '2027-01-03', description: 'Required for a planned absence: when the client notified.' })
  @IsOptional()
  @Matches(DATE, { message: 'notifiedOn must be a date YYYY-MM-DD' })
  notifiedOn?: string;

  @ApiProperty({ example: '2027-01-10' })
  @Matches(DATE, { message: 'firstDay must be a date YYYY-MM-DD' })
  firstDay!: string;

  @ApiPropertyOptional({ example: '2027-01-23', description: 'Omitted: open-ended, on the control list until closed.' })
  @IsOptional()
  @Matches(DATE, { message: 'lastDay must be a date YYYY-MM-DD' })
  lastDay?: string;

  @ApiPropertyOptional({ example: 'hospital' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ example: '2027-01-24', description: `Open-ended only: when the unit manager checks it again (default: firstDay + ${ABSENCE_WATCH_DAYS} days).` })
  @IsOptional()
  @Matches(DATE, { message: 'watchOn must be a date YYYY-MM-DD' })
  watchOn?: string;
}

export class WatchDto {
  @ApiProperty({ example: '2027-02-07', description: 'The next day the unit manager checks the absence.' })
  @Matches(DATE, { message: 'watchOn must be a date YYYY-MM-DD' })
  watchOn!: string;
}

export class DueWatchesQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiPropertyOptional({ example: '2027-01-24', description: 'Watches due on or before this day (default: today in the organisation’s time zone).' })
  @IsOptional()
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;
}

export class CloseAbsenceDto {
  @ApiProperty({ example: '2027-01-23', description: 'The last day of the absence.' })
  @Matches(DATE, { message: 'lastDay must be a date YYYY-MM-DD' })
  lastDay!: string;
}

export class OpenAbsencesQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;
}

interface AbsenceRow {
  id: string;
  client_id: string;
  kind: (typeof ABSENCE_KINDS)[number];
  notified_on: string | null;
  first_day: string;
  last_day: string | null;
  reason: string | null;
  watch_on: string | null;
  registered_by: string;
  created_at: Date;
}

export class AbsenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: ABSENCE_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) notifiedOn!: string | null;
  @ApiProperty() firstDay!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: open-ended.' }) lastDay!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Open-ended: the day the unit manager checks it again.' }) watchOn!: string | null;
  @ApiProperty() registeredBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: AbsenceRow): AbsenceView {
    return {
      id: row.id,
      clientId: row.client_id,
      kind: row.kind,
      notifiedOn: row.notified_on,
      firstDay: row.first_day,
      lastDay: row.last_day,
      reason: row.reason,
      watchOn: row.watch_on,
      registeredBy: row.registered_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

export class OpenAbsenceView {
  @ApiProperty({ format: 'uuid' }) absenceId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ABSENCE_KINDS }) kind!: string;
  @ApiProperty() firstDay!: string;
  @ApiProperty({ description: 'Days from the first day to today, both counted (0 when it starts in the future).' }) daysOpen!: number;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) watchOn!: string | null;
}

async function one(db: Queryable, id: string): Promise<AbsenceRow> {
  const [row] = (await db.query('SELECT * FROM absence WHERE id = $1', [id])) as AbsenceRow[];
  if (!row) throw new NotFoundException(`no absence ${id}`);
  return row;
}

const overlapping = (other: AbsenceRow) =>
  conflict(
    `the absence overlaps the client’s ${other.kind} absence from ${other.first_day}${other.last_day ? ` to ${other.last_day}` : ' (open-ended)'}`,
    'firstDay',
    'overlaps another absence',
  );

/** Absences (poissaolo / frånvaro) that reduce care fees; open-ended ones are watched. */
@ApiTags('billing-data')
@Controller()
export class AbsencesController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('clients/:id/absences')
  @HttpCode(201)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Records an absence; without lastDay it is open-ended and appears on the control list.',
    description: 'A planned absence needs notifiedOn. An absence overlapping another of the client’s is a conflict (409).',
  })
  @ApiCreatedResponse({ type: AbsenceView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateAbsenceDto, @CurrentUser() user: AccessClaims): Promise<AbsenceView> {
    const firstDay = parseLocalDate(body.firstDay, 'firstDay');
    const lastDay = optionalDate(body.lastDay, 'lastDay');
    const notifiedOn = optionalDate(body.notifiedOn, 'notifiedOn');
    if (body.kind === 'planned' && notifiedOn === null) throw new DomainValidationError('is required for a planned absence', 'notifiedOn');
    if (lastDay !== null && lastDay < firstDay) throw new DomainValidationError('must not be before firstDay', 'lastDay');
    if (lastDay !== null && body.watchOn !== undefined) throw new DomainValidationError('only an open-ended absence is watched', 'watchOn');
    const watchOn = lastDay === null ? (optionalDate(body.watchOn, 'watchOn') ?? addDays(firstDay, ABSENCE_WATCH_DAYS)) : null;
    if (watchOn !== null && watchOn < firstDay) throw new DomainValidationError('must not be before firstDay', 'watchOn');
    const id = randomUUID();
    await this.dataSource.transaction(async (db) => {
      await loadClient(db, clientId, true);
      const [other] = (await db.query(
        `SELECT * FROM absence WHERE client_id = $1 AND first_day <= COALESCE($3::date, 'infinity'::date) AND (last_day IS NULL OR last_day >= $2) ORDER BY first_day LIMIT 1`,
        [clientId, firstDay, lastDay],
      )) as AbsenceRow[];
      if (other) throw overlapping(other);
      await db.query('INSERT INTO absence (id, client_id, kind, notified_on, first_day, last_day, reason, registered_by, watch_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        id,
        clientId,
        body.kind,
        notifiedOn,
        firstDay,
        lastDay,
        body.reason ?? null,
        user.sub,
        watchOn,
      ]);
    });
    return AbsenceView.of(await one(this.dataSource, id));
  }

  @Post('absences/:id/close')
  @HttpCode(200)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({ summary: 'Closes an open-ended absence on lastDay; it leaves the control list.' })
  @ApiOkResponse({ type: AbsenceView })
  async close(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CloseAbsenceDto): Promise<AbsenceView> {
    const lastDay = parseLocalDate(body.lastDay, 'lastDay');
    await this.dataSource.transaction(async (db) => {
      const absence = await one(db, id);
      await loadClient(db, absence.client_id, true);
      const current = await one(db, id);
      if (current.last_day !== null) throw conflict(`the absence is already closed (last day ${current.last_day})`, 'lastDay', 'already closed');
      if (lastDay < current.first_day) throw new DomainValidationError(`must not be before the first day (${current.first_day})`, 'lastDay');
      const [later] = (await db.query('SELECT * FROM absence WHERE client_id = $1 AND id <> $2 AND first_day > $3 AND first_day <= $4 ORDER BY first_day LIMIT 1', [
        current.client_id,
        id,
        current.first_day,
        lastDay,
      ])) as AbsenceRow[];
      if (later) throw overlapping(later);
      await db.query('UPDATE absence SET last_day = $2, watch_on = NULL WHERE id = $1', [id, lastDay]);
    });
    return AbsenceView.of(await one(this.dataSource, id));
  }

  @Get('clients/:id/absences')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s absences, by first day.' })
  @ApiOkResponse({ type: [AbsenceView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<AbsenceView[]> {
    await loadClient(this.dataSource, clientId);
    const rows: AbsenceRow[] = await this.dataSource.query('SELECT * FROM absence WHERE client_id = $1 ORDER BY first_day', [clientId]);
    return rows.map((row) => AbsenceView.of(row));
  }

  @Get('absences/open')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'Control list: clients with open-ended absences, longest open first.',
    description: 'The list the unit manager checks before each billing run, so that absences that have ended get closed.',
  })
  @ApiOkResponse({ type: [OpenAbsenceView] })
  async open(@Query() query: OpenAbsencesQuery): Promise<OpenAbsenceView[]> {
    const organisation = await organisationFromBody(this.dataSource, query.organisationId);
    const today = todayIn(organisation.time_zone);
    const rows: Array<AbsenceRow & { client_number: string; name: string }> = await this.dataSource.query(
      `SELECT a.*, c.client_number, c.name FROM absence a JOIN client c ON c.id = a.client_id
       WHERE c.organisation_id = $1 AND a.last_day IS NULL ORDER BY a.first_day, c.client_number`,
      [organisation.id],
    );
    return rows.map((row) => ({
      absenceId: row.id,
      clientId: row.client_id,
      clientNumber: row.client_number,
      name: row.name,
      kind: row.kind,
      firstDay: row.first_day,
      daysOpen: Math.max(0, daysBetween(row.first_day, today) + 1),
      reason: row.reason,
      watchOn: row.watch_on,
    }));
  }

  @Get('absences/watches')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'The unit manager’s watches (bevakningar) due: open-ended absences to check again, oldest first.',
    description: 'Close the absence when the client is back (POST /absences/{id}/close), or move the watch (POST /absences/{id}/watch).',
  })
  @ApiOkResponse({ type: [OpenAbsenceView] })
  async dueWatches(@Query() query: DueWatchesQuery): Promise<OpenAbsenceView[]> {
    const organisation = await organisationFromBody(this.dataSource, query.organisationId);
    const date = query.date === undefined ? todayIn(organisation.time_zone) : parseLocalDate(query.date, 'date');
    return (await this.open({ organisationId: organisation.id })).filter((absence) => absence.watchOn !== null && absence.watchOn <= date);
  }

  @Post('absences/:id/watch')
  @HttpCode(200)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({ summary: 'Moves an open-ended absence’s watch: the client is still away, check again on watchOn.' })
  @ApiOkResponse({ type: AbsenceView })
  async watch(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WatchDto): Promise<AbsenceView> {
    const watchOn = parseLocalDate(body.watchOn, 'watchOn');
    const absence = await one(this.dataSource, id);
    if (absence.last_day !== null) throw conflict(`the absence is closed (last day ${absence.last_day}); nothing to watch`, 'watchOn', 'absence closed');
    if (watchOn < absence.first_day) throw new DomainValidationError(`must not be before the first day (${absence.first_day})`, 'watchOn');
    await this.dataSource.query('UPDATE absence SET watch_on = $2 WHERE id = $1 AND last_day IS NULL', [id, watchOn]);
    return AbsenceView.of(await one(this.dataSource, id));
  }
}
