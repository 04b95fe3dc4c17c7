import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DeferralRequestDto {
  @ApiProperty({ example: '2017-09-11', description: 'The new due date (calendar date in the organisation’s time zone).' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'requestedDueDate must be a date YYYY-MM-DD' })
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
