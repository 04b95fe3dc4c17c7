import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { type DecidedService, LONG_TERM_CARE_TYPES } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';
import { SERVICE_KINDS } from './decided-service.queries';

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

export class CreateDecidedServiceDto {
  @ApiProperty({ example: 'HOME-CARE', description: 'The service code; one client’s periods of one code never overlap.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, { message: 'serviceCode must be 1-32 letters, digits, dots, dashes or underscores' })
  serviceCode!: string;

  @ApiProperty({ example: 'Regular home care' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({
    enum: SERVICE_KINDS,
    description:
      'fi-home-care (needs hoursPerMonth), fi-long-term-care (needs careType), se-elderly-care: income-based fees; fixed-monthly: a decided monthly fee (needs monthlyFee).',
  })
  @IsIn(SERVICE_KINDS, { message: `kind must be one of ${SERVICE_KINDS.join(', ')}` })
  kind!: DecidedService['kind'];

  @ApiProperty({ example: '2027-01-01' })
  @IsLocalDate()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Open-ended when omitted.' })
  @IsOptional()
  @IsLocalDate()
  validTo?: string;

  @ApiProperty({ example: '1450.00', description: 'What the service costs to produce a month: the income-based fee never exceeds it.' })
  @IsString()
  @Matches(AMOUNT, { message: 'serviceCost must be a decimal amount with at most two decimals, e.g. "1450.00"' })
  serviceCost!: string;

  @ApiPropertyOptional({ example: '12.5', description: 'fi-home-care: service hours a month (required); a decimal string or a number.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  @Matches(/^\d{1,4}(\.\d{1,2})?$/, { message: 'hoursPerMonth must be a decimal number of hours, e.g. "12.5"' })
  hoursPerMonth?: string;

  @ApiPropertyOptional({ enum: LONG_TERM_CARE_TYPES, description: 'fi-long-term-care: the kind of care (required).' })
  @IsOptional()
  @IsIn(LONG_TERM_CARE_TYPES, { message: `careType must be one of ${LONG_TERM_CARE_TYPES.join(', ')}` })
  careType?: string;

  @ApiPropertyOptional({ example: '35.00', description: 'fixed-monthly: the decided fee (required).' })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT, { message: 'monthlyFee must be a decimal amount with at most two decimals, e.g. "35.00"' })
  monthlyFee?: string;

  @ApiPropertyOptional({ default: true, description: 'Absences reduce this service’s fee (care fees; not support services).' })
  @IsOptional()
  @IsBoolean()
  absenceDeductible?: boolean;

  @ApiPropertyOptional({ default: false, description: 'SE care housing: food is charged per day.' })
  @IsOptional()
  @IsBoolean()
  includesCareHousingFood?: boolean;

  @ApiPropertyOptional({ example: 'SOS/2027/1234' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionReference?: string;
}

export class EndDecidedServiceDto {
  @ApiProperty({ example: '2027-06-30', description: 'The last day of the service.' })
  @IsLocalDate()
  validTo!: string;
}
