import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { INTERRUPTION_REASONS, SERVICE_UNITS } from '@clientfees/domain';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export class SettlementOrganisationDto {
  @ApiProperty({ example: 'Kouvolan kaupunki' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['FI', 'SE'], example: 'FI' })
  @IsIn(['FI', 'SE'], { message: 'country must be FI or SE' })
  country!: 'FI' | 'SE';

  @ApiProperty({ enum: ['EUR', 'SEK'], example: 'EUR' })
  @IsIn(['EUR', 'SEK'], { message: 'currency must be EUR or SEK' })
  currency!: 'EUR' | 'SEK';

  @ApiProperty({ example: 'Europe/Helsinki', description: 'IANA time zone in which the settlement calendar runs.' })
  @IsString()
  timeZone!: string;

  @ApiProperty({ example: 'Kouvolan kaupunki', description: 'The payer (debtor) named in the payment file.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(70)
  payerName!: string;

  @ApiProperty({ example: 'FI2112345600000785', description: 'The account the providers are paid from.' })
  @IsString()
  payerIban!: string;

  @ApiProperty({ example: 'NDEAFIHH' })
  @IsString()
  payerBic!: string;

  @ApiPropertyOptional({ example: '0245437-2', description: 'The payer’s business ID (Y-tunnus), sent as its organisation id.' })
  @IsOptional()
  @IsString()
  payerBusinessId?: string;

  @ApiPropertyOptional({ example: 14, description: 'Days from the settlement on the 4th to the payment date (moved to a banking day). Default 14.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  paymentTermDays?: number;
}

export class ServiceContentDto {
  @ApiProperty({ example: 'CARE-DAY', description: 'Content code (palvelusisältö) that price lists and vouchers name.' })
  @Matches(CODE, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code!: string;

  @ApiProperty({ example: 'Hoivapalvelumaksu / vrk' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SERVICE_UNITS, example: 'day' })
  @IsIn(SERVICE_UNITS, { message: `unit must be one of ${SERVICE_UNITS.join(', ')}` })
  unit!: (typeof SERVICE_UNITS)[number];
}

export class RequiredAttachmentDto {
  @ApiProperty({ example: 'self-monitoring-plan', description: 'The kind an uploaded attachment names.' })
  @Matches(CODE, { message: 'kind must be 1-32 letters, digits, dots, dashes or underscores' })
  kind!: string;

  @ApiProperty({ enum: ['company', 'unit'], example: 'unit', description: 'Once for the company, or for every unit in the application.' })
  @IsIn(['company', 'unit'], { message: 'level must be company or unit' })
  level!: 'company' | 'unit';

  @ApiProperty({ example: 'Omavalvontasuunnitelma' })
  @IsString()
  @IsNotEmpty()
  description!: string;
}

export class VoucherServiceDto {
  @ApiProperty({ example: 'Tehostettu palveluasuminen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: true, description: 'A continuing daily service (housing): automatic recording and interruptions.' })
  @IsBoolean()
  continuingDaily!: boolean;

  @ApiProperty({ type: [ServiceContentDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServiceContentDto)
  contents!: ServiceContentDto[];

  @ApiProperty({ type: [RequiredAttachmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequiredAttachmentDto)
  requiredAttachments!: RequiredAttachmentDto[];
}

export class InterruptionBandDto {
  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  fromDay!: number;

  @ApiProperty({ example: 10, nullable: true, description: 'Null for the last, open-ended band.' })
  @IsOptional()
  @IsInt()
  toDay!: number | null;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;
}

export class InterruptionRuleDto {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ example: 'ENHANCED-HOUSING', description: 'Omit for every service without a rule of its own.' })
  @IsOptional()
  @Matches(CODE)
  serviceCode?: string;

  @ApiPropertyOptional({ enum: INTERRUPTION_REASONS, example: 'hospital', description: 'Omit for every reason without a rule of its own.' })
  @IsOptional()
  @IsIn(INTERRUPTION_REASONS, { message: `reason must be one of ${INTERRUPTION_REASONS.join(', ')}` })
  reason?: (typeof INTERRUPTION_REASONS)[number];

  @ApiProperty({ example: '2016-01-01' })
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ type: [InterruptionBandDto], example: [{ fromDay: 0, toDay: 10, percent: 100 }, { fromDay: 11, toDay: null, percent: 0 }] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InterruptionBandDto)
  bands!: InterruptionBandDto[];

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  returnDayPercent!: number;
}

export class OrganisationQuery {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;
}
