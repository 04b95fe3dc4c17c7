import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RULE_STATUSES, RULE_TABLE_NAMES } from '@clientfees/domain';
import { IsLocalDate, PageQuery } from '@clientfees/platform';

export class WhatIfDraftRowDto {
  @ApiProperty({ enum: RULE_TABLE_NAMES, example: 'fi-home-care-income-limits' })
  @IsIn(RULE_TABLE_NAMES, { message: `table must be one of ${RULE_TABLE_NAMES.join(', ')}` })
  table!: (typeof RULE_TABLE_NAMES)[number];

  @ApiPropertyOptional({ nullable: true, example: null, description: 'Null: until further notice. A Swedish row ends with its year.' })
  @IsOptional()
  @IsLocalDate()
  validTo: string | null = null;

  @ApiProperty({ example: 'index review 1.1.2027: työeläkeindeksi +5 % assumed, STM notice not yet published' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  source!: string;

  @ApiPropertyOptional({ enum: RULE_STATUSES, default: 'estimate', description: 'Until the figures are decided, an estimate.' })
  @IsOptional()
  @IsIn(RULE_STATUSES, { message: `status must be one of ${RULE_STATUSES.join(', ')}` })
  status?: (typeof RULE_STATUSES)[number];

  @ApiProperty({
    description: 'Shaped like the table’s current value (GET /rule-tables/{name}).',
    example: { bySize: ['733', '1353', '2123', '2625', '3177', '3650'], eachFurtherPerson: '437' },
  })
  @IsDefined()
  value!: unknown;
}

export class WhatIfDraftDto {
  @ApiProperty({ example: '2027-01-01', description: 'The first day of a month after today: the period the draft is for.' })
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ type: [WhatIfDraftRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WhatIfDraftRowDto)
  rows!: WhatIfDraftRowDto[];
}

export class StartWhatIfRunDto {
  @ApiProperty({ example: ['fi-demo'], description: 'The organisations whose active clients are compared; all must be the caller’s.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  organisationIds!: string[];

  @ApiProperty({ type: WhatIfDraftDto })
  @ValidateNested()
  @Type(() => WhatIfDraftDto)
  draft!: WhatIfDraftDto;
}

export class ApproveWhatIfRunDto {
  @ApiProperty({ example: 'STM notice of 12.11.2026 confirms the +5 % index review' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  grounds!: string;
}

export class WhatIfClientsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'fi-demo' })
  @IsOptional()
  @IsString()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ['more', 'less', 'same'] })
  @IsOptional()
  @IsIn(['more', 'less', 'same'], { message: 'direction must be more, less or same' })
  direction?: 'more' | 'less' | 'same';

  @ApiPropertyOptional({ enum: ['zero', 'maximum'], description: 'Only the clients who start or stop paying (zero), or reach or leave the maximum.' })
  @IsOptional()
  @IsIn(['zero', 'maximum'], { message: 'crosses must be zero or maximum' })
  crosses?: 'zero' | 'maximum';

  @ApiPropertyOptional({ enum: ['compared', 'not-compared'] })
  @IsOptional()
  @IsIn(['compared', 'not-compared'], { message: 'status must be compared or not-compared' })
  status?: 'compared' | 'not-compared';

  @ApiPropertyOptional({ description: 'The client number after which the page starts (with organisationId).' })
  @IsOptional()
  @IsString()
  afterClientNumber?: string;
}

export class WhatIfRunsQuery extends PageQuery {}
