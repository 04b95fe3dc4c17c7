import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';

export class PriceListItemDto {
  @ApiProperty({ example: 'CARE-DAY' })
  @IsString()
  contentCode!: string;

  @ApiProperty({ example: '98.50', description: 'Price per unit (yksikköhinta) in the organisation’s currency.' })
  @Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'unitPrice must be a decimal amount with at most two decimals, e.g. "98.50"' })
  unitPrice!: string;
}

export class CreatePriceListDto {
  @ApiProperty({ example: 'ENHANCED-HOUSING' })
  @IsString()
  serviceCode!: string;

  @ApiPropertyOptional({ description: 'The unit (toimipaikka) the list is for; omit for the company’s list.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string;

  @ApiProperty({ example: 'Toimipaikkahinnasto 1-2016', description: 'Named after its start, as the seed advises.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2016-01-01', description: 'Valid from this day until further notice: until the day before the next list of the same unit starts.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ type: [PriceListItemDto], example: [{ contentCode: 'CARE-DAY', unitPrice: '98.50' }] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PriceListItemDto)
  items!: PriceListItemDto[];
}

export class PriceListDecisionDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ example: 'Prices within the rule book’s ceiling.' })
  @IsString()
  @IsNotEmpty()
  grounds!: string;
}
