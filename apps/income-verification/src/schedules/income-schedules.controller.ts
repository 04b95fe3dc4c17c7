import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import type { AccessClaims } from '@clientfees/contracts';
import { MAX_YEARLY_REVIEW_LEAD_DAYS } from '@clientfees/domain';
import { CurrentUser, Database, MayDo, Scope } from '@clientfees/platform';
import { settingsHistoryOf } from './schedule-settings.queries';
import { IncomeSchedulesService } from './income-schedules.service';

export class IncomeScheduleSettingsDto {
  @ApiProperty({ example: 60, description: 'How often the population register’s change feed is read, in minutes (5-1440).' })
  @IsInt({ message: 'changeFeedEveryMinutes must be a whole number of minutes' })
  @Min(5, { message: 'changeFeedEveryMinutes must be at least 5' })
  @Max(1440, { message: 'changeFeedEveryMinutes must be at most 1440 (once a day)' })
  changeFeedEveryMinutes!: number;

  @ApiProperty({ example: 30, description: 'How many days before a decision’s first anniversary its yearly review opens (0-90).' })
  @IsInt({ message: 'yearlyReviewLeadDays must be a whole number of days' })
  @Min(0, { message: 'yearlyReviewLeadDays must be at least 0' })
  @Max(MAX_YEARLY_REVIEW_LEAD_DAYS, { message: `yearlyReviewLeadDays must be at most ${MAX_YEARLY_REVIEW_LEAD_DAYS}` })
  yearlyReviewLeadDays!: number;

  @ApiProperty({ example: 6, description: 'The hour (0-23, the organisation’s time) the yearly reviews open each day.' })
  @IsInt({ message: 'yearlyReviewHour must be an hour 0-23' })
  @Min(0, { message: 'yearlyReviewHour must be an hour 0-23' })
  @Max(23, { message: 'yearlyReviewHour must be an hour 0-23' })
  yearlyReviewHour!: number;

  @ApiProperty({ enum: ['Europe/Helsinki', 'Europe/Stockholm'], example: 'Europe/Helsinki' })
  @IsIn(['Europe/Helsinki', 'Europe/Stockholm'], { message: 'timeZone must be Europe/Helsinki or Europe/Stockholm' })
  timeZone!: string;
}

@ApiTags('schedules')
@Controller('organisations/:organisationId/income-verification-schedules')
export class IncomeSchedulesController {
  constructor(
    private readonly schedules: IncomeSchedulesService,
    private readonly db: Database,
  ) {}

  @Put()
  @MayDo('income-schedule.configure')
  @Scope.organisationFromParam('organisationId')
  @ApiOperation({ summary: 'Sets the organisation’s change-feed and yearly-review Schedules; the earlier settings are kept with who set them.' })
  configure(@Param('organisationId') organisationId: string, @Body() body: IncomeScheduleSettingsDto, @CurrentUser() user: AccessClaims) {
    return this.schedules.configure({ organisationId, ...body, changedBy: user.sub });
  }

  @Get()
  @MayDo('income-review.read')
  @Scope.organisationFromParam('organisationId')
  @ApiOperation({ summary: 'The settings in force first, then the earlier ones.' })
  history(@Param('organisationId') organisationId: string) {
    return this.db.read((tx) => settingsHistoryOf(tx, organisationId));
  }
}
