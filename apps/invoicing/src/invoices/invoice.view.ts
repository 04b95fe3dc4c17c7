import { ApiProperty } from '@nestjs/swagger';
import { Money, PROTECTED_ADDRESS_MARKER, shownRecipient } from '@clientfees/domain';
import { INVOICE_STATES, InvoiceState, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import type { InvoiceWithHistory } from './invoice.queries';
import { InvoiceRecipientDto } from './invoices.dto';

class InvoiceRowView {
  @ApiProperty() lineNumber!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ example: '123.45' }) amount!: string;
}

export class InvoiceRecipientView extends InvoiceRecipientDto {
  @ApiProperty({
    description: `A security ban (turvakielto / skyddad identitet) protects the client's address now: an invoice to the client, also one made before the ban, shows "${PROTECTED_ADDRESS_MARKER}" as streetAddress and empty postalCode and city, for every role, until the ban is lifted. The invoice keeps in storage the address it was sent to. Another recipient's (guardian, trustee, relative, estate) own address is shown.`,
  })
  addressProtected!: boolean;
}

class InvoiceEventView {
  @ApiProperty({ enum: INVOICE_STATES }) state!: InvoiceState;
  @ApiProperty() actor!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() occurredAt!: string;
}

export class InvoiceView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ example: 1, description: 'Gapless per organisation.' }) invoiceNumber!: number;
  @ApiProperty({ example: '1000000012', description: 'FI creditor reference or SE OCR reference.' }) paymentReference!: string;
  @ApiProperty({ example: 'RF471000000012', nullable: true, description: 'FI: the RF creditor reference.' })
  paymentReferenceInternational!: string | null;
  @ApiProperty({ type: InvoiceRecipientView }) recipient!: InvoiceRecipientView;
  @ApiProperty() clientNumber!: string;
  @ApiProperty({ enum: ['EUR', 'SEK'] }) currency!: string;
  @ApiProperty({ example: '123.45' }) total!: string;
  @ApiProperty({ example: '2017-07-25' }) invoiceDate!: string;
  @ApiProperty({ example: '2017-08-11', nullable: true, description: 'Null until the lifecycle workflow has set it.' })
  dueDate!: string | null;
  @ApiProperty({ enum: INVOICE_STATES }) state!: InvoiceState;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The estate case (debt follow-up) the invoice of a deceased client waits for: not sent nor transferred until the estate’s contact is known.',
  })
  heldForEstate!: string | null;
  @ApiProperty({ description: 'The Temporal workflow that runs this invoice’s lifecycle.' }) workflowId!: string;
  @ApiProperty({ type: [InvoiceRowView] }) rows!: InvoiceRowView[];
  @ApiProperty({ type: [InvoiceEventView], description: 'Every state change, oldest first.' }) events!: InvoiceEventView[];

  static of(invoice: InvoiceWithHistory): InvoiceView {
    const money = (cents: number) => Money.ofMinor(cents, invoice.currency).toDecimalString();
    return {
      id: invoice.id,
      organisationId: invoice.organisationId,
      invoiceNumber: invoice.invoiceNumber,
      paymentReference: invoice.paymentReference,
      paymentReferenceInternational: invoice.paymentReferenceInternational,
      recipient: shownRecipient(invoice.recipient, invoice.clientAddressProtected),
      clientNumber: invoice.clientNumber,
      currency: invoice.currency,
      total: money(invoice.totalCents),
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      state: invoice.state,
      heldForEstate: invoice.heldForEstate,
      workflowId: invoiceLifecycleWorkflowId(invoice.id),
      rows: invoice.rows.map((row) => ({ lineNumber: row.lineNumber, description: row.description, amount: money(row.amountCents) })),
      events: invoice.events.map((event) => ({ state: event.state, actor: event.actor, reason: event.reason, occurredAt: event.occurredAt.toISOString() })),
    };
  }
}
