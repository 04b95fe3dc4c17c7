import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@clientfees/platform';
import { PERIOD_PATTERN } from '../billing-data/billing-period';

export class StartBillingRunDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: '2026-11', description: 'The billing period, a calendar month.' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a billing period YYYY-MM' })
  period!: string;

  @ApiProperty({ description: 'The saved selection of debiting areas to bill.' })
  @IsUUID('4', { message: 'selectionRuleId must be a UUID' })
  selectionRuleId!: string;

  @ApiPropertyOptional({
    enum: ['monthly', 'correction'],
    default: 'monthly',
    description: 'A correction run bills the selection’s clients not yet invoiced for the period (missed, or released for remaking).',
  })
  @IsOptional()
  @IsIn(['monthly', 'correction'], { message: 'kind must be monthly or correction' })
  kind?: 'monthly' | 'correction';
}

export class RemakeDto {
  @ApiProperty({ description: 'A billing-run invoice credited in full.' })
  @IsUUID('4', { message: 'invoiceId must be a UUID' })
  invoiceId!: string;

  @ApiProperty({ example: 'wrong income used; corrected income from the tax authority' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class CancelDto {
  @ApiProperty({ example: 'selection rule was wrong; restarting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class RecalculateDto {
  @ApiPropertyOptional({ description: 'Recalculate this client (and their spouse); the whole selection when omitted.' })
  @IsOptional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class RunClientsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['not-calculated', 'calculated', 'error'] })
  @IsOptional()
  @IsIn(['not-calculated', 'calculated', 'error'])
  status?: 'not-calculated' | 'calculated' | 'error';

  @ApiPropertyOptional({ description: 'The last client number of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

export class SelectionScheduleDto {
  @ApiPropertyOptional({ example: 5, description: 'Day of the month (1-28) the monthly run starts; null: no Schedule.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  billingDay!: number | null;

  @ApiPropertyOptional({ example: 3, description: 'ISO weekday (1 = Monday) of the weekly correction run; null: none.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  correctionWeekday!: number | null;
}
