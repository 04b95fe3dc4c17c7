import { Injectable } from '@nestjs/common';
import type { OwnShareInvoiceOutcome, OwnShareInvoiceRequest, OwnShareInvoicingActivities as Contract } from '@clientfees/contracts';
import { OwnShareInvoicing } from './own-share-invoicing';

/** Invoicing's side of the own share of service vouchers (invoicing task queue): a one-line delegation. */
@Injectable()
export class OwnShareInvoicingActivities implements Contract {
  constructor(private readonly ownShares: OwnShareInvoicing) {}

  createOwnShareInvoices(input: { organisationId: string; invoices: OwnShareInvoiceRequest[] }): Promise<OwnShareInvoiceOutcome[]> {
    return this.ownShares.create(input);
  }
}
