import { Injectable } from '@nestjs/common';
import type { ClientLedger, WriteOffProposalActivitiesContract, OpenWriteOffProposal, WriteOffDocumentation, WriteOffInvoiceResult, WriteOffProposalFacts } from '@clientfees/contracts';
import { activityScheduledAt } from '@clientfees/platform';
import { localDateInZone } from '@clientfees/domain';
import { WriteOffProposalsService } from './write-off-proposals.service';

/** The write-off proposal's activities: one-line delegations. */
@Injectable()
export class WriteOffProposalActivities implements WriteOffProposalActivitiesContract {
  constructor(private readonly proposals: WriteOffProposalsService) {}

  openWriteOffProposal(input: OpenWriteOffProposal): Promise<{ proposalId: string }> {
    return this.proposals.open(input);
  }

  loadWriteOffProposal(proposalId: string): Promise<WriteOffProposalFacts> {
    return this.proposals.facts(proposalId);
  }

  documentWriteOffProposal(input: { proposalId: string; ledger: ClientLedger }): Promise<WriteOffDocumentation> {
    return this.proposals.document(input.proposalId, input.ledger);
  }

  remindWriteOffSigner(input: { proposalId: string; reminder: number }): Promise<void> {
    return this.proposals.remind(input.proposalId, input.reminder);
  }

  recordWriteOffDecision(input: { proposalId: string; decision: 'signed' | 'rejected'; actor: string; role: string; note: string }): Promise<void> {
    return this.proposals.recordDecision(input);
  }

  recordWriteOffResult(input: { proposalId: string; invoiceId: string } & WriteOffInvoiceResult): Promise<void> {
    return this.proposals.recordResult(input);
  }

  async closeWriteOffProposal(input: { proposalId: string; state: 'written-off' | 'rejected' | 'void' }): Promise<void> {
    const facts = await this.proposals.facts(input.proposalId);
    await this.proposals.close(input.proposalId, input.state, localDateInZone(activityScheduledAt(), facts.timeZone));
  }
}
