import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Country, Currency, Money, SIGNER_ROLES } from '@clientfees/domain';
import type { OrganisationSettings } from './organisation-settings.queries';

export class SigningLimitDto {
  @ApiProperty({ enum: SIGNER_ROLES, example: 'billing-supervisor' })
  @IsIn(SIGNER_ROLES)
  role!: string;

  @ApiProperty({ example: '5000.00', nullable: true, description: 'The largest proposal this role signs; null: no limit.' })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Matches(/^\d+(\.\d{1,2})?$/, { message: 'maxAmount must be an amount such as 5000.00, or null' })
  maxAmount!: string | null;
}

export class PutDebtFollowupSettingsDto {
  @ApiProperty({ enum: ['FI', 'SE'] })
  @IsIn(['FI', 'SE'])
  country!: Country;

  @ApiProperty({ enum: ['EUR', 'SEK'] })
  @IsIn(['EUR', 'SEK'])
  currency!: Currency;

  @ApiProperty({ enum: ['Europe/Helsinki', 'Europe/Stockholm'], example: 'Europe/Helsinki' })
  @IsIn(['Europe/Helsinki', 'Europe/Stockholm'])
  timeZone!: string;

  @ApiPropertyOptional({
    type: [SigningLimitDto],
    description: 'Who signs write-off proposals and up to what amount. Default: the billing supervisor up to 5000.00, the result-area director without a limit.',
    example: [
      { role: 'billing-supervisor', maxAmount: '5000.00' },
      { role: 'result-area-director', maxAmount: null },
    ],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SigningLimitDto)
  signingLimits?: SigningLimitDto[];

  @ApiPropertyOptional({ default: 7, description: 'An unsigned proposal reminds the responsible manager every this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  signatureReminderDays?: number;

  @ApiPropertyOptional({ default: true, description: 'Run the month-end debt review on the last day of every month (a Temporal Schedule).' })
  @IsOptional()
  @IsBoolean()
  monthEndReview?: boolean;
}

export class DebtFollowupSettingsView {
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: ['FI', 'SE'] }) country!: Country;
  @ApiProperty({ enum: ['EUR', 'SEK'] }) currency!: Currency;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [SigningLimitDto] }) signingLimits!: SigningLimitDto[];
  @ApiProperty() signatureReminderDays!: number;
  @ApiProperty() monthEndReview!: boolean;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;

  static of(settings: OrganisationSettings): DebtFollowupSettingsView {
    const { signingLimits, ...rest } = settings;
    const amount = (cents: number | null) => (cents === null ? null : Money.ofMinor(cents, settings.currency).toDecimalString());
    return { ...rest, signingLimits: signingLimits.map((limit) => ({ role: limit.role, maxAmount: amount(limit.maxCents) })) };
  }
}
