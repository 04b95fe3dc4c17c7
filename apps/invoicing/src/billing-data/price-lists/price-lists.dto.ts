import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { PriceListItem } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';
import { PRICE_UNITS } from './price-list.queries';

export class CreatePriceListItemDto {
  @ApiProperty({ example: 'CLEANING', description: 'The item code registrations and corrections name.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code!: string;

  @ApiProperty({ example: 'Cleaning' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PRICE_UNITS, description: 'hour (registered as time), piece (as quantity) or day.' })
  @IsIn(PRICE_UNITS, { message: 'unit must be hour, piece or day' })
  unit!: PriceListItem['unit'];

  @ApiProperty({ example: '32.50', description: 'Price per unit in the organisation’s currency.' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'price must be a decimal amount with at most two decimals, e.g. "32.50"' })
  price!: string;

  @ApiProperty({ description: 'Unit staff may correct piece-priced items (food basket, rent, lost alarm button).' })
  @IsBoolean()
  piecePriced!: boolean;

  @ApiProperty({ description: 'Counts towards a maximum fee: corrections to it are the billing team’s.' })
  @IsBoolean()
  affectsMaximumFee!: boolean;

  @ApiProperty({ example: '2027-01-01', description: 'The first day of the price; the open price of the same code ends the day before.' })
  @IsLocalDate()
  validFrom!: string;
}

export class PriceListQuery {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The day the prices are valid on; today in the organisation’s time zone when omitted.' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}
