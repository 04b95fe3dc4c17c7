import { ApiProperty } from '@nestjs/swagger';
import { type Currency, CURRENCIES, Money } from '@clientfees/domain';
import type { OutboxDelivery } from '@clientfees/platform';
import { PAYMENT_SOURCES, PAYMENT_STATUSES, type Payment, type PaymentAllocation, type PaymentSource, type PaymentStatus } from './payment.queries';
import { type CreditBalance, REFUND_PROPOSAL_STATUSES, type RefundProposal, type RefundProposalStatus } from './credit-balance.queries';
import { type PaymentReversal, REVERSAL_STATUSES, type ReversalStatus } from './payment-reversal.queries';

const money = (cents: number, currency: Currency) => Money.ofMinor(cents, currency).toDecimalString();

/**
 * A reversal's row whose invoice lifecycle had ended and was not resumed: a paid invoice is
 * reopened with a new lifecycle run (which receives the row), so this is an invoice that stayed
 * closed — credited, waived, written off, or still paid by other payments.
 */
const REVERSAL_AFTER_LIFECYCLE = 'the invoice’s lifecycle had ended and the invoice stayed closed when the bank took the payment back: the reversal’s note says what a person decides';

const REVERSAL_NOTE =
  'Why it is unresolved, or what a person must still do about an applied one: an invoice that was credited, waived or written off stays closed and a ' +
  'person decides whether the client owes the money taken back; a refund already approved is recovered by a person. A paid invoice is reopened and ' +
  'its lifecycle resumed without a note (its timeline records the reopening).';

export class PaymentAllocationView {
  @ApiProperty() id!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ example: '165.75', description: 'Negative for a reversal’s row, which takes back the allocation it names.' }) amount!: string;
  @ApiProperty({ nullable: true }) reversesAllocationId!: string | null;
  @ApiProperty({ example: 'system:payments', description: '`system:payments` when matched by reference, else who allocated it.' }) allocatedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, description: 'When the invoice’s lifecycle workflow received the payment; null while delivery is pending.' })
  signalledAt!: string | null;
  @ApiProperty({ nullable: true }) deliveryNote!: string | null;

  static of(allocation: PaymentAllocation, currency: Currency, delivery: OutboxDelivery | undefined): PaymentAllocationView {
    return {
      id: allocation.id,
      invoiceId: allocation.invoiceId,
      amount: money(allocation.amountCents, currency),
      reversesAllocationId: allocation.reversesAllocationId,
      allocatedBy: allocation.allocatedBy,
      createdAt: allocation.createdAt.toISOString(),
      signalledAt: delivery?.deliveredAt?.toISOString() ?? null,
      deliveryNote: delivery?.outcome === 'workflow-ended' && allocation.reversesAllocationId ? REVERSAL_AFTER_LIFECYCLE : (delivery?.note ?? null),
    };
  }
}

export class PaymentCreditView {
  @ApiProperty() creditBalanceId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty({ example: '34.25', description: 'The part of the payment beyond what the invoice had open.' }) amount!: string;
  @ApiProperty() refundProposalId!: string;
  @ApiProperty({ enum: REFUND_PROPOSAL_STATUSES }) refundStatus!: RefundProposalStatus;
}

export interface PaymentDetails {
  payment: Payment;
  allocations: PaymentAllocation[];
  /** The allocations' payment signals, by allocation id. */
  deliveries: Map<string, OutboxDelivery>;
  credit: CreditBalance | null;
  refund: RefundProposal | null;
  /** What the payment recovered of a written-off invoice's credit loss; null if nothing. */
  recoveredCents: number | null;
}

export class PaymentView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: PAYMENT_SOURCES }) source!: PaymentSource;
  @ApiProperty({
    description:
      'camt.054: `<receiving account>/<kind>:<id>` from the bank’s own references (acctsvcr, uetr, txid, e2e; derived from the content when it has none), `#n` for an id the file repeats; REST: the caller’s id.',
  })
  externalId!: string;
  @ApiProperty({ nullable: true, description: 'The receiving account the bank reported it on.' }) account!: string | null;
  @ApiProperty({ nullable: true, description: 'The camt.054 file that brought it.' }) fileId!: string | null;
  @ApiProperty({ example: '165.75' }) amount!: string;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty({ example: '2026-11-24' }) bookingDate!: string;
  @ApiProperty({ example: '2026-11-24', nullable: true }) valueDate!: string | null;
  @ApiProperty({ example: '2026-11-23', nullable: true, description: 'The day the payer paid (camt.054 AccptncDtTm), when the bank reports it.' }) payerPaymentDate!: string | null;
  @ApiProperty({ example: '2026-11-24', description: 'The day the payment counts from (interest, payment plans): the payer’s date, else the value date, else the booking date.' })
  paidOn!: string;
  @ApiProperty({ nullable: true, description: 'The first reference as the payer or bank gave it.' }) reference!: string | null;
  @ApiProperty({ type: [String], description: 'Every reference and referred document number of the remittance, in file order.' }) references!: string[];
  @ApiProperty({ type: [String], description: 'Credit notes the payer deducted in this payment, settled against their invoices.' }) settledCreditNoteIds!: string[];
  @ApiProperty({ nullable: true, example: '1000000012' }) normalisedReference!: string | null;
  @ApiProperty({ nullable: true }) debtorName!: string | null;
  @ApiProperty({ nullable: true, description: 'The invoice it was matched or allocated to.' }) invoiceId!: string | null;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  @ApiProperty({ nullable: true }) unmatchedReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [PaymentAllocationView] }) allocations!: PaymentAllocationView[];
  @ApiProperty({ type: PaymentCreditView, nullable: true }) credit!: PaymentCreditView | null;
  @ApiProperty({
    example: '165.75',
    nullable: true,
    type: String,
    description: 'Paid to a written-off invoice: the part booked as a recovered credit loss (up to what was written off), not on the credit balance.',
  })
  recoveredCreditLoss!: string | null;

  static of({ payment, allocations, deliveries, credit, refund, recoveredCents }: PaymentDetails): PaymentView {
    return {
      id: payment.id,
      organisationId: payment.organisationId,
      source: payment.source,
      externalId: payment.externalId,
      account: payment.account,
      fileId: payment.fileId,
      amount: money(payment.amountCents, payment.currency),
      currency: payment.currency,
      bookingDate: payment.bookingDate,
      valueDate: payment.valueDate,
      payerPaymentDate: payment.payerPaymentDate,
      paidOn: payment.paidOn,
      reference: payment.reference,
      references: payment.references,
      settledCreditNoteIds: payment.settledCreditNoteIds,
      normalisedReference: payment.normalisedReference,
      debtorName: payment.debtorName,
      invoiceId: payment.invoiceId,
      status: payment.status,
      unmatchedReason: payment.unmatchedReason,
      createdAt: payment.createdAt.toISOString(),
      allocations: allocations.map((allocation) => PaymentAllocationView.of(allocation, payment.currency, deliveries.get(allocation.id))),
      credit:
        credit && refund
          ? {
              creditBalanceId: credit.id,
              clientNumber: credit.clientNumber,
              amount: money(credit.amountCents, credit.currency),
              refundProposalId: refund.id,
              refundStatus: refund.status,
            }
          : null,
      recoveredCreditLoss: recoveredCents === null ? null : money(recoveredCents, payment.currency),
    };
  }
}

class ImportedPaymentView {
  @ApiProperty() externalId!: string;
  @ApiProperty({ example: '165.75' }) amount!: string;
  @ApiProperty({ nullable: true, description: 'Null for a duplicate: recorded before.' }) paymentId!: string | null;
  @ApiProperty({ enum: ['allocated', 'refund-proposed', 'unmatched', 'duplicate'] }) status!: string;
  @ApiProperty({ nullable: true }) unmatchedReason!: string | null;
}

class ImportedReversalView {
  @ApiProperty() externalId!: string;
  @ApiProperty({ example: '40.00' }) amount!: string;
  @ApiProperty({ nullable: true }) reversalId!: string | null;
  @ApiProperty({ enum: ['applied', 'unresolved', 'duplicate'], description: '`applied`: the payment taken back was found and undone; `unresolved`: a person finds it.' })
  status!: string;
  @ApiProperty({ nullable: true }) reversesPaymentId!: string | null;
  @ApiProperty({ nullable: true, description: REVERSAL_NOTE }) note!: string | null;
}

class IgnoredItemView {
  @ApiProperty({ example: '40.00' }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[2]/NtryDtls/TxDtls[3]' }) at!: string;
  @ApiProperty({ example: 'A debit: money paid out of the account (a fee or an outgoing payment), not a client payment' }) reason!: string;
}

export class ImportSummaryView {
  @ApiProperty({ description: 'The recorded file; the same id again when the message was imported before.' }) fileId!: string;
  @ApiProperty({ example: 'NDEAFIHH-2026-11-24-000123' }) messageId!: string;
  @ApiProperty({ example: 'camt.054.001.02' }) version!: string;
  @ApiProperty({ type: [String], description: 'The receiving accounts the file reports on.' }) accounts!: string[];
  @ApiProperty({ description: 'Payments recorded now.' }) created!: number;
  @ApiProperty({ description: 'Payments recorded before (same message, or the same transaction in another file): left as they were.' }) duplicates!: number;
  @ApiProperty({ description: 'New payments put on invoices (an overpayment counts here too).' }) allocated!: number;
  @ApiProperty({ description: 'New payments put in the unmatched queue.' }) unmatched!: number;
  @ApiProperty({ description: 'Cents put on clients’ credit balances by this import.' }) creditBalanceCents!: number;
  @ApiProperty({ description: 'Reversals that found and undid the payment they take back.' }) reversalsApplied!: number;
  @ApiProperty({ description: 'Reversals waiting for a person (GET /payments/reversals?status=unresolved).' }) reversalsUnresolved!: number;
  @ApiProperty({ type: [ImportedPaymentView], description: 'Every money-received transaction of the file, in file order.' }) payments!: ImportedPaymentView[];
  @ApiProperty({ type: [ImportedReversalView], description: 'Every reversal of the file, in file order.' }) reversals!: ImportedReversalView[];
  @ApiProperty({ type: [IgnoredItemView], description: 'Everything else, with its amount and the reason it is not money received.' }) ignored!: IgnoredItemView[];
}

export class ReversalView {
  @ApiProperty() id!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty({ nullable: true }) account!: string | null;
  @ApiProperty({ example: '40.00' }) amount!: string;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty() bookingDate!: string;
  @ApiProperty({ type: [String] }) references!: string[];
  @ApiProperty({ nullable: true, example: 'MD06: refund request by the payer' }) returnReason!: string | null;
  @ApiProperty({ nullable: true }) reversesPaymentId!: string | null;
  @ApiProperty({ nullable: true, enum: ['bank-reference', 'amount-reference-date'] }) foundBy!: string | null;
  @ApiProperty({ enum: REVERSAL_STATUSES }) status!: ReversalStatus;
  @ApiProperty({ nullable: true, description: REVERSAL_NOTE }) note!: string | null;
  @ApiProperty() fileId!: string;
  @ApiProperty() createdAt!: string;

  static of(reversal: PaymentReversal): ReversalView {
    return {
      id: reversal.id,
      externalId: reversal.externalId,
      account: reversal.account,
      amount: money(reversal.amountCents, reversal.currency),
      currency: reversal.currency,
      bookingDate: reversal.bookingDate,
      references: reversal.references,
      returnReason: reversal.returnReason,
      reversesPaymentId: reversal.reversesPaymentId,
      foundBy: reversal.foundBy,
      status: reversal.status,
      note: reversal.note,
      fileId: reversal.fileId,
      createdAt: reversal.createdAt.toISOString(),
    };
  }
}

class CreditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '34.25' }) amount!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty({ nullable: true }) invoiceId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true }) refundProposalId!: string | null;
  @ApiProperty({ enum: REFUND_PROPOSAL_STATUSES, nullable: true }) refundStatus!: RefundProposalStatus | null;
}

export class ClientCreditBalanceView {
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty({ example: '34.25', description: 'Everything the client paid beyond their invoices.' }) total!: string;
  @ApiProperty({ example: '34.25', description: 'The part whose refund waits for the finance centre’s approval.' }) awaitingRefundApproval!: string;
  @ApiProperty({ example: '0.00', description: 'The part approved for refund (paid back outside this service).' }) approvedForRefund!: string;
  @ApiProperty({ type: [CreditEntryView] }) entries!: CreditEntryView[];

  /** Groups credit rows (of one organisation) by client and currency. */
  static group(credits: CreditBalance[], refunds: RefundProposal[]): ClientCreditBalanceView[] {
    const refundOf = new Map(refunds.map((refund) => [refund.creditBalanceId, refund]));
    const groups = new Map<string, CreditBalance[]>();
    for (const credit of credits) {
      const key = `${credit.clientNumber}\u0000${credit.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), credit]);
    }
    return [...groups.values()].map((rows) => {
      const { organisationId, clientNumber, currency } = rows[0];
      const sum = (filter: (row: CreditBalance) => boolean) => money(rows.filter(filter).reduce((total, row) => total + row.amountCents, 0), currency);
      return {
        organisationId,
        clientNumber,
        currency,
        total: sum(() => true),
        awaitingRefundApproval: sum((row) => refundOf.get(row.id)?.status === 'proposed'),
        approvedForRefund: sum((row) => refundOf.get(row.id)?.status === 'approved'),
        entries: rows.map((row) => ({
          id: row.id,
          amount: money(row.amountCents, row.currency),
          paymentId: row.paymentId,
          invoiceId: row.invoiceId,
          createdAt: row.createdAt.toISOString(),
          refundProposalId: refundOf.get(row.id)?.id ?? null,
          refundStatus: refundOf.get(row.id)?.status ?? null,
        })),
      };
    });
  }
}

export class RefundProposalView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty({ example: '34.25' }) amount!: string;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty() paymentId!: string;
  @ApiProperty() creditBalanceId!: string;
  @ApiProperty({ enum: REFUND_PROPOSAL_STATUSES }) status!: RefundProposalStatus;
  @ApiProperty({ nullable: true }) approvedBy!: string | null;
  @ApiProperty({ nullable: true }) approvedAt!: string | null;
  @ApiProperty() createdAt!: string;

  static of(refund: RefundProposal): RefundProposalView {
    return {
      id: refund.id,
      organisationId: refund.organisationId,
      clientNumber: refund.clientNumber,
      amount: money(refund.amountCents, refund.currency),
      currency: refund.currency,
      paymentId: refund.paymentId,
      creditBalanceId: refund.creditBalanceId,
      status: refund.status,
      approvedBy: refund.approvedBy,
      approvedAt: refund.approvedAt?.toISOString() ?? null,
      createdAt: refund.createdAt.toISOString(),
    };
  }
}
