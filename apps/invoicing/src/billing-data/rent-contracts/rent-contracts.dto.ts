import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { HOUSING_TYPES, HousingType } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';

export class CreateRentContractDto {
  @ApiProperty({ enum: HOUSING_TYPES, description: 'care (vårdbostad) or service-apartment (servicelägenhet).' })
  @IsIn(HOUSING_TYPES, { message: 'housing must be care or service-apartment' })
  housing!: HousingType;

  @ApiProperty({ example: '2027-03-14', description: 'The move-in day; the contract date follows from it (care: day 1-14 → the 17th, else the 1st of next month; service apartment: 1-14 → the 1st, else the 17th).' })
  @IsLocalDate()
  moveIn!: string;

  @ApiProperty({ example: '6200.00' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'monthlyRent must be a decimal amount with at most two decimals, e.g. "6200.00"' })
  monthlyRent!: string;

  @ApiPropertyOptional({ default: false, description: 'A rent-free month was granted: deducted on the invoice of the period after the contract start’s period.' })
  @IsOptional()
  @IsBoolean()
  rentFreeMonth?: boolean;
}

export class MoveOutDto {
  @ApiProperty({ example: '2027-09-05' })
  @IsLocalDate()
  moveOut!: string;

  @ApiProperty({ enum: ['half', 'full'], description: 'Rent for the month of moving out: half → the contract ends on the 14th, full → on the last day of the month.' })
  @IsIn(['half', 'full'], { message: 'rent must be half or full' })
  rent!: 'half' | 'full';
}
