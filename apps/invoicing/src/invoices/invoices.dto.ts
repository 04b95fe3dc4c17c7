import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { type RecipientKind, WRITE_OFF_GROUNDS, type WriteOffGround } from '@clientfees/domain';
import { INVOICE_STATES, InvoiceState } from '@clientfees/contracts';
import { IsLocalDate, PageQuery } from '@clientfees/platform';
import { RECIPIENT_KINDS } from './invoice-recipient';

/** A postal address (osoite / adress); the country defaults to the organisation's. */
export class PostalAddressDto {
  @ApiProperty({ example: 'Koivukuja 3 A 5' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  streetAddress!: string;

  @ApiProperty({ example: '02100' })
  @IsString()
  @Matches(/^[0-9A-Z -]{3,10}$/, { message: 'postalCode must be 3-10 digits, capital letters, spaces or dashes' })
  postalCode!: string;

  @ApiProperty({ example: 'Espoo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  city!: string;

  @ApiPropertyOptional({ example: 'FI', description: 'ISO 3166 alpha-2; the organisation’s country when omitted.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 alpha-2 code such as FI or SE' })
  country?: string;
}

export class InvoiceRecipientDto extends PostalAddressDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'The client, a guardian, trustee or relative, or the estate of a deceased client.' })
  @IsIn(RECIPIENT_KINDS)
  kind!: RecipientKind;

  @ApiProperty({ example: 'Aino Testinen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name!: string;
}

export class InvoiceRowDto {
  @ApiProperty({ example: 'Home care 6/2017' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ example: '123.45', description: 'Decimal amount in the organisation’s currency; negative for a deduction.' })
  @IsString()
  @Matches(/^-?\d{1,9}(\.\d{1,2})?$/, { message: 'amount must be a decimal string with at most two decimals, e.g. "123.45"' })
  amount!: string;
}

export class CreateInvoiceDto {
  @ApiProperty({ example: 'fi-demo-county' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: 'C-100234', description: 'The organisation’s client number. Never a personal identity code.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber!: string;

  @ApiProperty({ type: InvoiceRecipientDto })
  @IsDefined({ message: 'recipient is required' })
  @ValidateNested()
  @Type(() => InvoiceRecipientDto)
  recipient!: InvoiceRecipientDto;

  @ApiProperty({ example: '2017-07-25', description: 'Calendar date in the organisation’s time zone.' })
  @IsString()
  @IsLocalDate()
  invoiceDate!: string;

  @ApiProperty({ type: [InvoiceRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InvoiceRowDto)
  rows!: InvoiceRowDto[];
}

export class ListInvoicesQuery extends PageQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ enum: INVOICE_STATES })
  @IsOptional()
  @IsIn(INVOICE_STATES)
  state?: InvoiceState;
}

// ---- decisions on one invoice (invoice-decisions.controller.ts) ----

/** The reason a person gives for a decision on an invoice (recorded with the decision). */
export class ReasonDto {
  @ApiProperty({ example: 'transferred before the agreed payment date (staff error)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class WaiverDto {
  @ApiProperty({ example: 'collection would endanger the client’s livelihood; decision 2026/412' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  grounds!: string;
}

export class WriteOffDto {
  @ApiProperty({ enum: WRITE_OFF_GROUNDS, example: 'estate-without-assets', description: 'Why the debt is written off.' })
  @IsIn(WRITE_OFF_GROUNDS, { message: `grounds must be one of ${WRITE_OFF_GROUNDS.join(', ')}` })
  grounds!: WriteOffGround;

  @ApiProperty({ example: 'estate inventory 2026-10-02: no assets; decision 2026/77' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class CreditDto extends ReasonDto {
  @ApiProperty({ example: '23.45', description: 'The amount credited; the whole open amount credits the invoice in full.' })
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'amount must be a positive decimal string with at most two decimals' })
  amount!: string;
}

export class PaymentPlanDto {
  @ApiProperty({ example: 2, description: 'How many instalments, a month apart (2-24).' })
  @IsInt()
  @Min(2)
  @Max(24)
  instalments!: number;

  @ApiProperty({ example: '2026-12-15' })
  @IsLocalDate()
  firstDueDate!: string;
}
