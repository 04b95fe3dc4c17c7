import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RULE_STATUSES } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';

export class NewPeriodDto {
  @ApiProperty({ example: '2027-01-01', description: 'The first day of the new period; the open period ends the day before.' })
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ example: 'STM ilmoitus 1234/2026 (12.11.2026), index review 1.1.2027' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  source!: string;

  @ApiPropertyOptional({ enum: RULE_STATUSES, default: 'confirmed', description: 'confirmed: read from the decree cited; check: from a secondary source; estimate: not yet published.' })
  @IsOptional()
  @IsIn(RULE_STATUSES, { message: `status must be one of ${RULE_STATUSES.join(', ')}` })
  status: (typeof RULE_STATUSES)[number] = 'confirmed';

  @ApiProperty({ description: 'Shaped like the current period’s value (see GET /rule-tables/{name}).', example: { bySize: ['733', '1353', '2123', '2625', '3177', '3650'], eachFurtherPerson: '437' } })
  @IsDefined()
  value!: unknown;
}

export class CorrectPeriodDto {
  @ApiPropertyOptional({ example: '2026-12-31', nullable: true, description: 'The period’s last day; the row’s own when omitted.' })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;

  @ApiProperty({ example: 'Suomen Pankin ilmoitus viitekorosta 1.7.–31.12.2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  source!: string;

  @ApiProperty({ enum: RULE_STATUSES, example: 'confirmed' })
  @IsIn(RULE_STATUSES, { message: `status must be one of ${RULE_STATUSES.join(', ')}` })
  status!: (typeof RULE_STATUSES)[number];

  @ApiProperty({ description: 'Shaped like the table’s value.', example: { referenceRatePercent: '2.50' } })
  @IsDefined()
  value!: unknown;

  @ApiProperty({ example: 'the Bank of Finland published the rate on 1.7.2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  grounds!: string;
}
