import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CURRENCIES, type Currency } from '@clientfees/domain';
import { PageQuery } from '@clientfees/platform';
import { PAYMENT_STATUSES, type PaymentStatus } from './payment.queries';
import { REFUND_PROPOSAL_STATUSES, type RefundProposalStatus } from './credit-balance.queries';

export class RecordPaymentDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({
    example: 'cash-desk-2026-11-24-0017',
    description: 'The caller’s id for this payment. Sending the same id again records nothing new and answers the payment already recorded.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  externalId!: string;

  @ApiProperty({ example: '165.75', description: 'More than zero, point as the decimal separator.' })
  @IsString()
  amount!: string;

  @ApiProperty({ enum: CURRENCIES })
  @IsIn(CURRENCIES)
  currency!: Currency;

  @ApiProperty({ example: '2026-11-24', description: 'The day the money was paid (YYYY-MM-DD).' })
  @IsString()
  paidOn!: string;

  @ApiProperty({
    example: '1000000012',
    description: 'The creditor reference as paid: FI viitenumero (spaces and leading zeros allowed), RF form, or SE OCR. An empty or unknown one puts the payment in the unmatched queue.',
  })
  @IsString()
  @MaxLength(140)
  reference!: string;

  @ApiPropertyOptional({ example: 'Aino Testinen' })
  @IsOptional()
  @IsString()
  @MaxLength(140)
  debtorName?: string;
}

export class AllocatePaymentDto {
  @ApiProperty({ description: 'The invoice of the same organisation and currency to put the payment on.' })
  @IsUUID()
  invoiceId!: string;
}

export class OrganisationQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;
}

export class ListPaymentsQuery extends IntersectionType(OrganisationQuery, PageQuery) {
  @ApiPropertyOptional({ description: 'Only payments matched to this invoice.' })
  @IsOptional()
  @IsUUID()
  invoiceId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;
}

export class CreditBalanceQuery extends OrganisationQuery {
  @ApiPropertyOptional({ example: 'C-100234' })
  @IsOptional()
  @IsString()
  clientNumber?: string;
}

export class RefundProposalQuery extends OrganisationQuery {
  @ApiPropertyOptional({ enum: REFUND_PROPOSAL_STATUSES, description: 'All when left out.' })
  @IsOptional()
  @IsIn(REFUND_PROPOSAL_STATUSES)
  status?: RefundProposalStatus;
}
