import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ABSENCE_KINDS, ABSENCE_WATCH_DAYS, AbsenceKind } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';

export class CreateAbsenceDto {
  @ApiProperty({ enum: ABSENCE_KINDS, description: 'planned (notified in advance) or unplanned (hospital, respite, short-term care elsewhere).' })
  @IsIn(ABSENCE_KINDS, { message: 'kind must be planned or unplanned' })
  kind!: AbsenceKind;

  @ApiPropertyOptional({ example: '2027-01-03', description: 'Required for a planned absence: when the client notified.' })
  @IsOptional()
  @IsLocalDate()
  notifiedOn?: string;

  @ApiProperty({ example: '2027-01-10' })
  @IsLocalDate()
  firstDay!: string;

  @ApiPropertyOptional({ example: '2027-01-23', description: 'Omitted: open-ended, on the control list until closed.' })
  @IsOptional()
  @IsLocalDate()
  lastDay?: string;

  @ApiPropertyOptional({ example: 'hospital' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ example: '2027-01-24', description: `Open-ended only: when the unit manager checks it again (default: firstDay + ${ABSENCE_WATCH_DAYS} days).` })
  @IsOptional()
  @IsLocalDate()
  watchOn?: string;
}

export class WatchDto {
  @ApiProperty({ example: '2027-02-07', description: 'The next day the unit manager checks the absence.' })
  @IsLocalDate()
  watchOn!: string;
}

export class OpenAbsencesQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;
}

export class DueWatchesQuery extends OpenAbsencesQuery {
  @ApiPropertyOptional({ example: '2027-01-24', description: 'Watches due on or before this day (default: today in the organisation’s time zone).' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class CloseAbsenceDto {
  @ApiProperty({ example: '2027-01-23', description: 'The last day of the absence.' })
  @IsLocalDate()
  lastDay!: string;
}
