import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Money, WRITE_OFF_PROPOSAL_GROUNDS } from '@clientfees/domain';
import type { WriteOffProposalStatus } from '@clientfees/contracts';
import type { WriteOffProposalDetails } from './write-off-proposals.service';
import type { WriteOffProposal } from './write-off-proposal.queries';

export class PrepareWriteOffProposalDto {
  @ApiProperty({ example: 'fi-demo' }) @IsString() organisationId!: string;
  @ApiProperty({ example: '3f1c7a52-2d55-4c83-9a4e-7f7b6c1e9a10', description: 'The client’s id in invoicing.' }) @IsUUID() clientId!: string;
  @ApiProperty({ enum: WRITE_OFF_PROPOSAL_GROUNDS, example: 'uneconomic' }) @IsIn(WRITE_OFF_PROPOSAL_GROUNDS) grounds!: string;
  @ApiProperty({ example: 'two agency rounds without result; 4.20 left of a 2019 invoice' }) @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
  @ApiPropertyOptional({ type: [String], description: 'The invoices proposed; absent: every open invoice of the client.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  invoiceIds?: string[];
}

export class SignWriteOffProposalDto {
  @ApiPropertyOptional({ example: 'signed at the finance meeting 12.3.2027' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RejectWriteOffProposalDto {
  @ApiProperty({ example: 'the estate inventory lists a summer cottage: collect from the estate' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class ProposalsQuery {
  @ApiProperty({ example: 'fi-demo' }) @IsString() organisationId!: string;
  @ApiPropertyOptional({ enum: ['preparing', 'awaiting-signature', 'signed', 'rejected', 'written-off', 'void'] })
  @IsOptional()
  @IsIn(['preparing', 'awaiting-signature', 'signed', 'rejected', 'written-off', 'void'])
  state?: string;
}

class ProposalInvoiceView {
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ example: 1042 }) invoiceNumber!: number;
  @ApiProperty({ example: '2026-09-25' }) invoiceDate!: string;
  @ApiProperty({ nullable: true }) dueDate!: string | null;
  @ApiProperty({ example: '120.50' }) total!: string;
  @ApiProperty({ example: '120.50', description: 'Open when the proposal was documented.' }) open!: string;
  @ApiProperty({ example: 'returned' }) state!: string;
  @ApiProperty({ enum: ['written-off', 'nothing-open', 'refused'], nullable: true }) outcome!: string | null;
  @ApiProperty({ nullable: true, example: '120.50' }) writtenOff!: string | null;
  @ApiProperty({ nullable: true }) outcomeReason!: string | null;
}

export class WriteOffProposalView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ nullable: true, example: 'C-2001' }) clientNumber!: string | null;
  @ApiProperty({ enum: WRITE_OFF_PROPOSAL_GROUNDS }) grounds!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['preparing', 'awaiting-signature', 'signed', 'rejected', 'written-off', 'void'] }) state!: string;
  @ApiProperty({ example: '412.50' }) total!: string;
  @ApiProperty({ enum: ['EUR', 'SEK'] }) currency!: string;
  @ApiProperty({ nullable: true, example: 'billing-supervisor', description: 'The manager it goes to: the lowest signing limit that covers it.' }) responsibleRole!: string | null;
  @ApiProperty() preparedBy!: string;
  @ApiProperty() preparedAt!: string;
  @ApiProperty({ nullable: true }) estateCaseId!: string | null;
  @ApiProperty({ nullable: true }) restructuringId!: string | null;
  @ApiProperty({ nullable: true, enum: ['signed', 'rejected'] }) decision!: string | null;
  @ApiProperty({ nullable: true }) decidedBy!: string | null;
  @ApiProperty({ nullable: true }) decidedRole!: string | null;
  @ApiProperty({ nullable: true }) decisionNote!: string | null;
  @ApiProperty({ nullable: true }) decidedAt!: string | null;

  static of(proposal: WriteOffProposal): WriteOffProposalView {
    return {
      id: proposal.id,
      organisationId: proposal.organisationId,
      clientId: proposal.clientId,
      clientNumber: proposal.clientNumber,
      grounds: proposal.grounds,
      note: proposal.note,
      state: proposal.state,
      total: Money.ofMinor(proposal.totalCents, proposal.currency).toDecimalString(),
      currency: proposal.currency,
      responsibleRole: proposal.responsibleRole,
      preparedBy: proposal.preparedBy,
      preparedAt: proposal.preparedAt,
      estateCaseId: proposal.estateCaseId,
      restructuringId: proposal.restructuringId,
      decision: proposal.decision,
      decidedBy: proposal.decidedBy,
      decidedRole: proposal.decidedRole,
      decisionNote: proposal.decisionNote,
      decidedAt: proposal.decidedAt,
    };
  }
}

export class WriteOffProposalDetailsView extends WriteOffProposalView {
  @ApiProperty({ type: [ProposalInvoiceView], description: 'The documentation from the ledger and what each write-off came to.' }) invoices!: ProposalInvoiceView[];

  static details({ proposal, invoices }: WriteOffProposalDetails): WriteOffProposalDetailsView {
    const money = (cents: number) => Money.ofMinor(cents, proposal.currency).toDecimalString();
    return {
      ...WriteOffProposalView.of(proposal),
      invoices: invoices.map((invoice) => ({
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.invoiceNumber,
        invoiceDate: invoice.invoiceDate,
        dueDate: invoice.dueDate,
        total: money(invoice.totalCents),
        open: money(invoice.openCents),
        state: invoice.state,
        outcome: invoice.outcome,
        writtenOff: invoice.writtenOffCents === null ? null : money(invoice.writtenOffCents),
        outcomeReason: invoice.outcomeReason,
      })),
    };
  }
}

export class DecisionView {
  @ApiProperty({ enum: ['signed', 'rejected'] }) state!: string;
  @ApiProperty() decidedBy!: string;

  static of(status: WriteOffProposalStatus): DecisionView {
    return { state: status.state, decidedBy: status.decidedBy ?? '' };
  }
}
