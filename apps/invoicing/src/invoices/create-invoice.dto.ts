import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { InvoiceRecipientDto } from './invoice-recipient';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

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
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'invoiceDate must be a date YYYY-MM-DD' })
  invoiceDate!: string;

  @ApiProperty({ type: [InvoiceRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InvoiceRowDto)
  rows!: InvoiceRowDto[];
}
