import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Country, Currency, isDomainValidationError, transferSchedule } from '@clientfees/domain';

/** The run day checked by the domain's `transferSchedule(kind, day)` against the chosen kind. */
@ValidatorConstraint({ name: 'transferScheduleDay' })
class TransferScheduleDay implements ValidatorConstraintInterface {
  private refusal(day: unknown, args: ValidationArguments): string | undefined {
    const { transferScheduleKind } = args.object as PutOrganisationDto;
    // A wrong kind is reported on its own field.
    if (transferScheduleKind !== 'weekly' && transferScheduleKind !== 'monthly') return undefined;
    try {
      transferSchedule(transferScheduleKind, day as number, { day: 'transferScheduleDay' });
      return undefined;
    } catch (error) {
      if (isDomainValidationError(error)) return error.reason;
      throw error;
    }
  }

  validate(day: unknown, args: ValidationArguments): boolean {
    return this.refusal(day, args) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.refusal(args.value, args) ?? 'not a valid transfer-run day';
  }
}

export class PutOrganisationDto {
  @ApiProperty({ example: 'Länsi-Uusimaa wellbeing services county' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['FI', 'SE'] })
  @IsIn(['FI', 'SE'])
  country!: Country;

  @ApiProperty({ enum: ['EUR', 'SEK'] })
  @IsIn(['EUR', 'SEK'])
  currency!: Currency;

  @ApiProperty({ example: 'Europe/Helsinki', enum: ['Europe/Helsinki', 'Europe/Stockholm'] })
  @IsIn(['Europe/Helsinki', 'Europe/Stockholm'])
  timeZone!: string;

  @ApiProperty({ example: 14, description: 'Calendar days from the invoice date before banking days are added.' })
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermDays!: number;

  @ApiProperty({ example: 3, description: 'Banking days added after the payment term.' })
  @IsInt()
  @Min(0)
  @Max(30)
  dueDateBankingDays!: number;

  @ApiPropertyOptional({ default: 3, description: 'Months past the original due date a client-fee officer may defer.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  deferralOfficerMonths: number = 3;

  @ApiPropertyOptional({ default: 12, description: 'Months past the original due date the billing supervisor may defer.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36)
  deferralSupervisorMonths: number = 12;

  @ApiPropertyOptional({ default: 3, description: 'Banking days before the supervisor is reminded of a waiting deferral.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  deferralApprovalReminderBankingDays: number = 3;

  @ApiPropertyOptional({ default: 17, description: 'Days after the due date before the agency’s reminder service may take an unpaid invoice.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  transferAfterDaysOverdue: number = 17;

  @ApiPropertyOptional({ enum: ['weekly', 'monthly'], default: 'weekly' })
  @IsOptional()
  @IsIn(['weekly', 'monthly'])
  transferScheduleKind: 'weekly' | 'monthly' = 'weekly';

  @ApiPropertyOptional({
    default: 2,
    description: 'weekly: ISO weekday (1 Monday … 7 Sunday; 2 = Tuesday); monthly: day of the month 1-31 (a shorter month runs on its last day).',
  })
  @IsOptional()
  @IsInt()
  @Validate(TransferScheduleDay)
  transferScheduleDay: number = 2;

  @ApiPropertyOptional({ default: 14, description: 'Days from the reminder to its due date.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  reminderDueDays: number = 14;

  @ApiPropertyOptional({
    example: '2.10',
    nullable: true,
    description:
      'Reminder fee; never above the legal cap. When omitted: 2.10 € in Finland; in Sweden 60 kr if reminderFeeBasis is recorded, else none. A Swedish fee without reminderFeeBasis is refused (lag 1981:739 2 §).',
  })
  @IsOptional()
  @Matches(/^\d{1,4}(\.\d{1,2})?$/, { message: 'reminderFee must be a decimal string such as "2.10"' })
  reminderFee?: string;

  @ApiPropertyOptional({
    example: 'agreed in the fee decision’s terms of payment (avgiftsbeslut) since 1.1.2024',
    nullable: true,
    description:
      'SE: where the client agreed to a reminder fee when the debt arose (lag 1981:739 om ersättning för inkassokostnader m.m. 2 §). Without it no reminder fee is charged in Sweden.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reminderFeeBasis?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['FI21 1234 5600 0007 85'],
    description: 'The IBANs clients pay into. A camt.054 file for any other account is refused (400); none registered, every file is refused.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  bankAccounts?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['FI21 1234 5600 0007 85'],
    description:
      'The accounts the organisation’s payments arrive on (IBAN, bankgiro or plusgiro); replaces the registered ones when given. A bank file is imported ' +
      'only under the organisation its accounts are registered to; an account another organisation holds is a conflict (409).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[0-9A-Za-z][0-9A-Za-z -]{3,40}$/, { each: true, message: 'receivingAccounts must be account numbers (letters, digits, spaces and hyphens)' })
  receivingAccounts?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['049', '078', '149', '224', '235', '257', '444', '710', '755', '927'],
    description:
      'The municipalities the organisation serves: a wellbeing services county its member municipalities by their three-digit municipality number ' +
      '(kuntanumero), a Swedish municipality its four-digit municipality code (kommunkod). The month-end debt list counts a client as moved when the ' +
      'population register reports a home municipality that is none of these (seed 004: utflyttade); while the list is empty the area is not known and ' +
      'every address change counts. Replaces the list when given, kept as it is when left out; each change is kept in the history. A malformed code or ' +
      'one named twice is refused with 400 naming `municipalityCodes[i]`.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  municipalityCodes?: unknown[];
}
