import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '@clientfees/platform';
import { GRANT_PERIODS } from '@clientfees/domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export class VoucherClientDto {
  @ApiProperty({ example: '3f6a2b1c-0d4e-4f5a-9b8c-7d6e5f4a3b2c', description: 'Invoicing’s client id; never an identity code.' })
  @Matches(ID, { message: 'clientId must be 1-64 letters, digits, dots, dashes or underscores' })
  clientId!: string;

  @ApiProperty({ example: 'C-3001' })
  @Matches(ID, { message: 'clientNumber must be 1-64 letters, digits, dots, dashes or underscores' })
  clientNumber!: string;

  @ApiProperty({ example: 'Aino Testinen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class VoucherContentDto {
  @ApiProperty({ example: 'CARE-DAY' })
  @IsString()
  contentCode!: string;

  @ApiProperty({ example: '82.00', description: 'The voucher’s value per unit (setelin arvo).' })
  @Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'unitValue must be a decimal amount with at most two decimals, e.g. "82.00"' })
  unitValue!: string;

  @ApiPropertyOptional({ example: 600, description: 'The granted amount per period in base units (days, minutes, visits): 10 h/week = 600.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  grantedQuantity?: number;

  @ApiPropertyOptional({ enum: GRANT_PERIODS, example: 'week' })
  @IsOptional()
  @IsIn(GRANT_PERIODS, { message: `grantedPer must be one of ${GRANT_PERIODS.join(', ')}` })
  grantedPer?: (typeof GRANT_PERIODS)[number];
}

export class GrantVoucherDto {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: 'PS-2016-0042', description: 'The voucher number the client gives the provider.' })
  @Matches(ID, { message: 'number must be 1-64 letters, digits, dots, dashes or underscores' })
  number!: string;

  @ApiProperty({ type: VoucherClientDto })
  @ValidateNested()
  @Type(() => VoucherClientDto)
  client!: VoucherClientDto;

  @ApiProperty({ example: 'ENHANCED-HOUSING' })
  @IsString()
  serviceCode!: string;

  @ApiProperty({ example: '2016-01-01' })
  @IsLocalDate()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2016-12-31', description: 'Omit for a voucher valid until further notice.' })
  @IsOptional()
  @IsLocalDate()
  validTo?: string;

  @ApiProperty({ type: [VoucherContentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VoucherContentDto)
  contents!: VoucherContentDto[];
}

export class ReservationDto {
  @ApiProperty({ example: 'PS-2016-0042', description: 'The number the client gave.' })
  @IsString()
  voucherNumber!: string;

  @ApiProperty({ example: 'CARE-DAY', description: 'One content of the voucher (seed 003 §4.1.1).' })
  @IsString()
  contentCode!: string;

  @ApiProperty({ description: 'The provider unit that provides the service.' })
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId!: string;

  @ApiProperty({ example: true, description: 'The terms and the contract with the client are accepted.' })
  @Equals(true, { message: 'termsAccepted must be true: a reservation accepts the voucher’s terms' })
  termsAccepted!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ClientDeathDto {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: '3f6a2b1c-0d4e-4f5a-9b8c-7d6e5f4a3b2c' })
  @IsString()
  @IsNotEmpty()
  clientId!: string;

  @ApiProperty({ example: '2016-03-31' })
  @IsLocalDate()
  dateOfDeath!: string;

  @ApiProperty({ example: 'death certificate seen by the caseworker', description: 'Where the fact comes from.' })
  @IsString()
  @IsNotEmpty()
  source!: string;
}

export class VoucherListQuery {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  clientId?: string;

  @ApiPropertyOptional({ example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
