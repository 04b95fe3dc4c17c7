import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { PERIOD_PATTERN } from '../billing-period';

/** Hours or pieces: a positive decimal with at most two decimals, sent as a string or a number. */
const IsQuantity = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value)),
    IsString({ message: 'quantity must be a positive decimal, e.g. "1.5"' }),
    Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'quantity must be a positive decimal with at most two decimals, e.g. "1.5"' }),
  );

export class CreateRegistrationDto {
  @ApiProperty({ example: 'CLEANING', description: 'A price-list item valid on performedOn.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'itemCode must be 1-32 letters, digits, dots, dashes or underscores' })
  itemCode!: string;

  @ApiProperty({ example: '2027-01-12', description: 'The day the service was performed; its month is the billing period.' })
  @IsLocalDate()
  performedOn!: string;

  @ApiProperty({ example: '1.5', description: 'Hours (time) or pieces (quantity): a positive decimal with at most two decimals, as a string or a number.' })
  @IsQuantity()
  quantity!: string;
}

export class ChangeQuantityDto {
  @ApiProperty({ example: '2', description: 'The corrected hours or pieces.' })
  @IsQuantity()
  quantity!: string;
}

export class RegistrationsQuery {
  @ApiPropertyOptional({ example: '2027-01', description: 'Only this billing period (YYYY-MM).' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be a month YYYY-MM' })
  period?: string;
}
