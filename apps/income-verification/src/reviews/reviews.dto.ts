import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LONG_TERM_CARE_TYPES } from '@clientfees/domain';
import { REVIEW_REASONS } from '@clientfees/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

export class ServiceDto {
  @ApiProperty({ enum: ['fi-home-care', 'fi-long-term-care'], example: 'fi-home-care' })
  @IsIn(['fi-home-care', 'fi-long-term-care'], { message: 'kind must be fi-home-care or fi-long-term-care' })
  kind!: 'fi-home-care' | 'fi-long-term-care';

  @ApiPropertyOptional({ example: '10', description: 'fi-home-care: service hours a month.' })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'hoursPerMonth must be a number of hours, e.g. "10"' })
  hoursPerMonth?: string;

  @ApiPropertyOptional({ enum: LONG_TERM_CARE_TYPES, description: 'fi-long-term-care: the kind of care.' })
  @IsOptional()
  @IsIn(LONG_TERM_CARE_TYPES, { message: `careType must be one of ${LONG_TERM_CARE_TYPES.join(', ')}` })
  careType?: string;

  @ApiProperty({ example: '1450.00', description: 'What the service costs to produce a month: the fee never exceeds it.' })
  @Matches(AMOUNT, { message: 'serviceCost must be an amount such as "1450.00"' })
  serviceCost!: string;
}

export class StartReviewDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: '6f1c2d3e-0000-4000-8000-000000000001', description: 'Invoicing’s client id (never an identity code).' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'clientId must be the client id, 1-64 letters, digits or dashes' })
  clientId!: string;

  @ApiProperty({ enum: REVIEW_REASONS, example: 'new-client', description: 'voucher-check: a service-voucher income check without a fee decision.' })
  @IsIn(REVIEW_REASONS, { message: `reason must be one of ${REVIEW_REASONS.join(', ')}` })
  reason!: (typeof REVIEW_REASONS)[number];

  @ApiPropertyOptional({
    example: '120340-902K',
    description:
      'Only for a client invoicing does not know. The review starts with the client id alone: its first step asks invoicing for the client’s personal identity code (a signed message only income verification may send), and invoicing’s code is used whatever this field says. For a client invoicing does not know, this code is used, or else the one recorded with the client’s last review; with neither, the review waits for the officer (no client to fetch for). Kept in the body, never logged, put in a URL or in the workflow.',
  })
  @IsOptional()
  @IsString()
  identityCode?: string;

  @ApiPropertyOptional({ example: 'Aino Testinen' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  clientName?: string;

  @ApiPropertyOptional({
    type: ServiceDto,
    description:
      'Only when invoicing gives none. The fee decision is for the one home care or long-term care service invoicing has decided for the client on the review date (its hours or care type and cost), whatever this field says; when invoicing does not know the client, or has none or several such services in force, this one is used, and without it the answer is 400 naming service with the reason. Not used by a voucher check. Invoicing unreachable: 503.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceDto)
  service?: ServiceDto;

  @ApiPropertyOptional({ default: false, description: 'The client accepts the maximum fee instead of disclosing income.' })
  @IsOptional()
  @IsBoolean()
  acceptsMaximumFee?: boolean;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'The review date (default today in Helsinki).' })
  @IsOptional()
  @Matches(DATE, { message: 'reviewDate must be a date YYYY-MM-DD' })
  reviewDate?: string;
}

export class LegalBasisDto {
  @ApiProperty({ example: 'The authority’s statutory right to obtain the income data needed for the client fee; the client declined consent on 2026-12-01.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  basis!: string;
}

export class SelfReportedIncomeDto {
  @ApiProperty({ enum: ['client', 'spouse'], example: 'client' })
  @IsIn(['client', 'spouse'], { message: 'person must be client or spouse' })
  person!: 'client' | 'spouse';

  @ApiProperty({ example: 'Rent from a summer cottage' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ example: '300.00' })
  @Matches(AMOUNT, { message: 'monthlyGross must be an amount such as "300.00"' })
  monthlyGross!: string;

  @ApiPropertyOptional({ example: '210.00', description: 'After tax; the gross amount when left out.' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'monthlyNet must be an amount such as "210.00"' })
  monthlyNet?: string;
}

export class OfficerReviewDto {
  @ApiProperty({ enum: ['confirm', 'adjust'], example: 'confirm' })
  @IsIn(['confirm', 'adjust'], { message: 'action must be confirm or adjust' })
  action!: 'confirm' | 'adjust';

  @ApiPropertyOptional({ example: '120.00', description: 'adjust: the fee the official decides.' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'fee must be an amount such as "120.00"' })
  fee?: string;

  @ApiPropertyOptional({ example: 'Medicine costs (§ 10 c) shown by the client' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiProperty({ example: '2027-01-01', description: 'The first day the decision applies.' })
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;
}

export class ResolveFetchProblemDto {
  @ApiProperty({ enum: ['retry', 'continue-without'], example: 'retry' })
  @IsIn(['retry', 'continue-without'], { message: 'action must be retry or continue-without' })
  action!: 'retry' | 'continue-without';

  @ApiProperty({ example: 'The register confirmed a transient fault.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;
}

export class CancelReviewDto {
  @ApiProperty({ example: 'The client moved out of the county.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
