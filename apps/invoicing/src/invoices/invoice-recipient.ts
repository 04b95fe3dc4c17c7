import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Who receives the invoice (laskun saaja / fakturamottagare), domain.md §3. */
export const RECIPIENT_KINDS = ['client', 'guardian', 'trustee', 'relative', 'estate'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface InvoiceRecipient {
  kind: RecipientKind;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2; defaults to the organisation's country. */
  country: string;
}

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
