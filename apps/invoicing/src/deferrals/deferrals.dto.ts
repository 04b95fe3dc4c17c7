import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { DEFERRAL_APPROVAL_STATUSES, DeferralApprovalStatus } from './deferral-approval.queries';

export class DeferralRequestDto {
  @ApiProperty({ example: '2017-09-11', description: 'The new due date (calendar date in the organisation’s time zone).' })
  @IsString()
  @IsLocalDate()
  requestedDueDate!: string;

  @ApiProperty({ example: 'client waits for a housing allowance decision' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class DeferralDecisionDto {
  @ApiProperty({ description: 'true approves the requested due date, false denies it.' })
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({ example: 'approved: documented income drop' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note: string = '';
}

export class InboxQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ enum: DEFERRAL_APPROVAL_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(DEFERRAL_APPROVAL_STATUSES)
  status: DeferralApprovalStatus = 'pending';
}
