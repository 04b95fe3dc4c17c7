import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { INTERRUPTION_REASONS } from '@clientfees/domain';


export class RecordEventDto {
  @ApiProperty({ example: 'CARE-DAY', description: 'The reserved content of the voucher.' })
  @IsString()
  contentCode!: string;

  @ApiPropertyOptional({ description: 'The unit that gave the service; the reservation’s unit when omitted.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string;

  @ApiProperty({ example: '2015-07-17', description: 'The day the client came (or the service day).' })
  @IsLocalDate()
  startDate!: string;

  @ApiProperty({ example: '2015-07-31', description: 'The last day, within the same month for daily contents.' })
  @IsLocalDate()
  endDate!: string;

  @ApiPropertyOptional({ example: 135, description: 'Hour-priced contents: minutes of service (2 h 15 min = 135).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number;

  @ApiPropertyOptional({ example: 1, description: 'Visit-priced contents: visits that day.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  visits?: number;

  @ApiProperty({ example: true, description: 'Saved complete (kirjattu) — only complete events are settled — or incomplete (keskeneräinen).' })
  @IsBoolean()
  complete!: boolean;

  @ApiPropertyOptional({ example: 'Returned from hospital' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ChangeEventDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional({ example: '2016-03-01' })
  @IsOptional()
  @IsLocalDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2016-03-17' })
  @IsOptional()
  @IsLocalDate()
  endDate?: string;

  @ApiPropertyOptional({ example: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  visits?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class EventDecisionDto {
  @ApiProperty({ enum: ['approve', 'reject', 'approve-with-credit'], example: 'approve-with-credit', description: 'approve-with-credit pays the event now and deducts the whole event in the next settlement (seed 003 §4.3.5.6).' })
  @IsIn(['approve', 'reject', 'approve-with-credit'], { message: 'decision must be approve, reject or approve-with-credit' })
  decision!: 'approve' | 'reject' | 'approve-with-credit';

  @ApiProperty({ example: 'The week’s grant of 10 h was exceeded by 30 min' })
  @IsString()
  @IsNotEmpty()
  grounds!: string;
}

export class CreditRequestDto {
  @ApiProperty({ example: 'Recorded twice: the service was not given on 3.4.' })
  @IsString()
  @IsNotEmpty()
  reason!: string;
}

export class RecordInterruptionDto {
  @ApiProperty({ example: 'CARE-DAY' })
  @IsString()
  contentCode!: string;

  @ApiProperty({ enum: INTERRUPTION_REASONS, example: 'hospital' })
  @IsIn(INTERRUPTION_REASONS, { message: `reason must be one of ${INTERRUPTION_REASONS.join(', ')}` })
  reason!: (typeof INTERRUPTION_REASONS)[number];

  @ApiProperty({ example: '2015-07-02', description: 'The departure day (day 0).' })
  @IsLocalDate()
  startDate!: string;

  @ApiPropertyOptional({ example: '2015-07-17', description: 'The return day; omit while the client is away.' })
  @IsOptional()
  @IsLocalDate()
  endDate?: string;

  @ApiPropertyOptional({ example: true, description: 'False: the client never returned; endDate is the day the provider learnt of it.' })
  @IsOptional()
  @IsBoolean()
  returned?: boolean;

  @ApiProperty({ example: true, description: 'Save complete (needs the end date): it is then settled.' })
  @IsBoolean()
  complete!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class EndInterruptionDto {
  @ApiProperty({ example: '2015-12-08' })
  @IsLocalDate()
  endDate!: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  returned?: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  complete!: boolean;
}

export class MonthQuery {
  @ApiProperty({ example: '2016-03' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ example: true, description: 'Only the incomplete ones (to confirm).' })
  @IsOptional()
  @IsIn(['true', 'false'])
  incomplete?: string;
}

export class ConfirmMonthDto {
  @ApiProperty({ example: '2016-03', description: 'Confirms the month’s incomplete automatic events (by the 2nd of the next month).' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class PeriodQuery {
  @ApiProperty({ example: '2016-03-01' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2016-03-31' })
  @IsLocalDate()
  to!: string;
}
