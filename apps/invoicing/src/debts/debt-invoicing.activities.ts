import { Injectable } from '@nestjs/common';
import type {
  ClientLedger,
  DebtInvoicingActivities as Contract,
  DebtListPage,
  EstateRecipient,
  PauseCollectionRequest,
  StopBillingAtDeathRequest,
  StopBillingAtDeathResult,
  WriteOffInvoiceRequest,
  WriteOffInvoiceResult,
} from '@clientfees/contracts';
import { activityScheduledAt } from '@clientfees/platform';
import { DebtsService } from './debts.service';

/** What debt follow-up's workflows ask of invoicing, on its task queue; each is safe to retry. */
@Injectable()
export class DebtInvoicingActivities implements Contract {
  constructor(private readonly debts: DebtsService) {}

  listDebtClaims(input: { organisationId: string; asOf: string; after?: string; limit: number }): Promise<DebtListPage> {
    return this.debts.debtList(input);
  }

  clientLedger(input: { organisationId: string; clientId: string; invoiceIds?: string[] }): Promise<ClientLedger> {
    return this.debts.ledger(input);
  }

  stopBillingAtDeath(input: StopBillingAtDeathRequest): Promise<StopBillingAtDeathResult> {
    return this.debts.stopBillingAtDeath(input);
  }

  redirectInvoicesToEstate(input: { organisationId: string; clientId: string; estateCaseId: string; contact: EstateRecipient; actor: string }): Promise<{ invoiceIds: string[] }> {
    return this.debts.redirectToEstate(input);
  }

  writeOffInvoice(input: WriteOffInvoiceRequest): Promise<WriteOffInvoiceResult> {
    return this.debts.writeOff(input);
  }

  pauseCollection(input: PauseCollectionRequest): Promise<{ recalled: string[]; paused: string[] }> {
    return this.debts.pauseCollection(input, activityScheduledAt());
  }
}
