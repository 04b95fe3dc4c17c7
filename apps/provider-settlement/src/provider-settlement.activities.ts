import { Injectable } from '@nestjs/common';
import type {
  ApplicationDecisionCommand,
  AutoRecordingResult,
  OpenedVoucherSettlement,
  OwnShareInvoiceOutcome,
  OwnShareInvoiceRequest,
  ProviderSettlementActivities as Contract,
  VoucherDeathActivities,
  VoucherSettlementResult,
} from '@clientfees/contracts';
import { FeedbackService } from './feedback/feedback.service';
import { ApplicationsService } from './providers/applications.service';
import { RecordsService } from './records/records.service';
import { OwnShareInvoices } from './settlements/own-share-invoices';
import { SettlementsService } from './settlements/settlements.service';
import { VouchersService } from './vouchers/vouchers.service';

/** The service's Temporal activities (provider-settlement task queue): one-line delegations. */
@Injectable()
export class ProviderSettlementActivities implements Contract, VoucherDeathActivities {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly records: RecordsService,
    private readonly settlements: SettlementsService,
    private readonly feedback: FeedbackService,
    private readonly vouchers: VouchersService,
    private readonly ownShares: OwnShareInvoices,
  ) {}

  recordApplicationDecision(input: { applicationId: string; decisionId: string; command: ApplicationDecisionCommand }): Promise<void> {
    return this.applications.recordDecision(input);
  }

  remindApplicationHandlers(input: { applicationId: string; waitingDays: number }): Promise<void> {
    return this.applications.remindHandlers(input);
  }

  recordAutomaticEvents(input: { organisationId: string; month: string }): Promise<AutoRecordingResult> {
    return this.records.recordAutomaticEvents(input);
  }

  openVoucherSettlement(input: { organisationId: string; month: string }): Promise<OpenedVoucherSettlement> {
    return this.settlements.open(input);
  }

  remindProvidersToConfirm(input: { settlementId: string }): Promise<number> {
    return this.settlements.remindProviders(input);
  }

  remindApprovers(input: { settlementId: string }): Promise<number> {
    return this.settlements.remindApprovers(input);
  }

  settleVoucherMonth(input: { settlementId: string }): Promise<VoucherSettlementResult> {
    return this.settlements.settle(input);
  }

  ownSharesToInvoice(input: { organisationId: string; after?: string; limit: number }): Promise<OwnShareInvoiceRequest[]> {
    return this.ownShares.toInvoice(input);
  }

  recordOwnShareInvoices(input: { outcomes: OwnShareInvoiceOutcome[] }): Promise<void> {
    return this.ownShares.record(input);
  }

  remindReclamationHandler(input: { feedbackId: string }): Promise<boolean> {
    return this.feedback.remindHandler(input);
  }

  closeVouchersAfterDeath(input: { organisationId: string; clientId: string; dateOfDeath: string }): Promise<{ closedVoucherIds: string[] }> {
    return this.vouchers.closeVouchersAfterDeath(input);
  }
}
