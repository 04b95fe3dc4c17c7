import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { FeeCalculationType, RecipientKind } from '@clientfees/domain';
import { IsLocalDate } from '@clientfees/platform';
import { RECIPIENT_KINDS } from '../../invoices/invoice-recipient';
import { PostalAddressDto } from '../../invoices/invoices.dto';

export const FEE_CALCULATION_TYPES: readonly FeeCalculationType[] = ['single', 'couple'];
const PARISH_CODE = /^[0-9A-Za-z]{1,12}$/;

export class RecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'The client, a guardian, trustee or relative, or the estate of a deceased client.' })
  @IsIn(RECIPIENT_KINDS, { message: `recipient.kind must be one of ${RECIPIENT_KINDS.join(', ')}` })
  kind!: RecipientKind;

  @ApiPropertyOptional({ example: 'Pekka Testinen', description: 'Required unless the client receives the invoice.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name?: string;

  @ApiPropertyOptional({ type: PostalAddressDto, description: 'Required unless the client receives the invoice (then the residence address is used).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}

export class CreateBillingSettingsDto {
  @ApiProperty({ example: 'ESPOO-NORTH', description: 'Debiting area (laskutusalue / debiteringsområde): what selection rules select by.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/, { message: 'debitingArea must be 1-40 letters, digits, spaces, dots, dashes or underscores' })
  debitingArea!: string;

  @ApiProperty({ enum: FEE_CALCULATION_TYPES, description: 'single, or couple (married or cohabiting: calculated with the spouse).' })
  @IsIn(FEE_CALCULATION_TYPES, { message: 'feeCalculationType must be single or couple' })
  feeCalculationType!: FeeCalculationType;

  @ApiProperty({ description: 'Accepts the maximum fee: no income is then needed.' })
  @IsBoolean()
  acceptsMaximumFee!: boolean;

  @ApiPropertyOptional({ example: '1280', description: 'SE: the parish (församling) code.' })
  @IsOptional()
  @Matches(PARISH_CODE, { message: 'parishCode must be 1-12 letters or digits' })
  parishCode?: string;

  @ApiPropertyOptional({ example: '4100-5230-HOME', description: 'The cost-centre account string invoice rows are booked to.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  accountString?: string;

  @ApiProperty({ type: RecipientDto })
  @IsDefined({ message: 'recipient is required' })
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient!: RecipientDto;

  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  residenceAddress?: PostalAddressDto;

  @ApiPropertyOptional({
    example: '2027-02-01',
    description:
      'The first version may start on any day (default today). A change takes effect from the billing period after the current one: it defaults to the first day of next month and may not be earlier.',
  })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string;
}

export class BillingSettingCorrectionDto {
  @ApiPropertyOptional({ example: '4100-5230-HOME', description: 'The cost-centre account string (a bookkeeping fix, any time).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  accountString?: string;

  @ApiPropertyOptional({ example: '1280', description: 'SE: the parish (församling) code.' })
  @IsOptional()
  @Matches(PARISH_CODE, { message: 'parishCode must be 1-12 letters or digits' })
  parishCode?: string;

  @ApiPropertyOptional({ type: PostalAddressDto, description: 'Only where the version has no residence address yet.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  residenceAddress?: PostalAddressDto;

  @ApiPropertyOptional({ type: RecipientDto, description: 'Only the estate of a deceased client, so that the final invoice arrives.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient?: RecipientDto;
}
