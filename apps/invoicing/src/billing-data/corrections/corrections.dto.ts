import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PERIOD_PATTERN } from '../billing-period';

export class CreateCorrectionDto {
  @ApiProperty({ example: '2027-01', description: 'The billing period the correction concerns (never changed afterwards). Billed on the next invoice.' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a month YYYY-MM' })
  period!: string;

  @ApiProperty({ example: '-12.40', description: 'Signed, non-zero: a deduction is negative.' })
  @IsString()
  @Matches(/^-?\d{1,9}(\.\d{1,2})?$/, { message: 'amount must be a signed decimal amount with at most two decimals, e.g. "-12.40"' })
  amount!: string;

  @ApiProperty({ example: 'Food basket 12.1. not delivered', description: 'The invoice text.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  text!: string;

  @ApiPropertyOptional({ example: 'FOOD-BASKET', description: 'The price-list item corrected; unit staff must name a piece-priced item.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'itemCode must be 1-32 letters, digits, dots, dashes or underscores' })
  itemCode?: string;
}
