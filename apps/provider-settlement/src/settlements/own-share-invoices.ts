import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { OwnShareInvoiceOutcome, OwnShareInvoiceRequest } from '@clientfees/contracts';
import { Currency, ownShareInvoice } from '@clientfees/domain';
import { Database, Tx } from '@clientfees/platform';
import { notFound } from '../common/http';
import {
  carriedOwnShares,
  creditedOwnShares,
  insertOwnShareInvoices,
  NewOwnShareInvoice,
  ownSharesOfSettlement,
  ownSharesToInvoice,
  recordOwnShareOutcome,
  settledOwnShareEvents,
} from './own-share-invoice.queries';
import { findSettlement } from './settlement.queries';

/**
 * The client's own share becomes an invoice (issue 12 §8, ADR 0031): the settlement draws up each
 * client's own share of what it paid, in its own transaction; the settlement workflow then sends
 * those waiting to invoicing and links each to the invoice invoicing made.
 */
@Injectable()
export class OwnShareInvoices {
  constructor(private readonly db: Database) {}

  /**
   * In the settlement's transaction, after its items point at it: per client the events it paid,
   * the credits it deducted for events whose own share was billed before, and what the client's
   * last own-share record carried.
   */
  async drawUp(tx: Tx, settlement: { id: string; organisationId: string; month: string }, currency: Currency): Promise<number> {
    const events = await settledOwnShareEvents(tx, settlement.id);
    const credits = await creditedOwnShares(tx, settlement.id);
    const carried = await carriedOwnShares(tx, settlement.organisationId);
    const clients = new Map<string, { clientNumber: string; events: typeof events; credits: typeof credits; carriedInCents: number }>();
    const clientOf = (clientId: string, clientNumber: string) => {
      let found = clients.get(clientId);
      if (!found) clients.set(clientId, (found = { clientNumber, events: [], credits: [], carriedInCents: 0 }));
      return found;
    };
    for (const event of events) if (event.ownShareCents > 0) clientOf(event.clientId, event.clientNumber).events.push(event);
    for (const credit of credits) clientOf(credit.clientId, credit.clientNumber).credits.push(credit);
    for (const carry of carried) clientOf(carry.clientId, carry.clientNumber).carriedInCents = carry.carriedOutCents;

    const records: NewOwnShareInvoice[] = [];
    for (const [clientId, client] of clients) {
      const draft = ownShareInvoice({ events: client.events, credits: client.credits, carriedInCents: client.carriedInCents, currency });
      if (draft.rows.length === 0) continue;
      records.push({
        id: randomUUID(),
        clientId,
        clientNumber: client.clientNumber,
        rows: [...draft.rows],
        totalCents: draft.total.minorUnits,
        invoicedCents: draft.invoiced.minorUnits,
        carriedOutCents: draft.carriedOut.minorUnits,
        state: draft.invoiced.isPositive() ? 'to-invoice' : 'nothing-to-invoice',
      });
    }
    await insertOwnShareInvoices(tx, settlement, records);
    return records.length;
  }

  /** Activity: the organisation's own shares still without an invoice, a page at a time. */
  toInvoice(input: { organisationId: string; after?: string; limit: number }): Promise<OwnShareInvoiceRequest[]> {
    return this.db.read((tx) => ownSharesToInvoice(tx, input.organisationId, input.after ?? null, Math.min(Math.max(input.limit, 1), 500)));
  }

  /** Activity: each own share linked to its invoice (or its problem noted), once. */
  async record(input: { outcomes: OwnShareInvoiceOutcome[] }): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const outcome of input.outcomes) await recordOwnShareOutcome(tx, outcome);
    });
  }

  /** The municipality's view: every client's own share of the settlement and its invoice. */
  async ofSettlement(settlementId: string) {
    return this.db.read(async (tx) => {
      if (!(await findSettlement(tx, settlementId))) notFound(`settlement ${settlementId}`);
      return ownSharesOfSettlement(tx, settlementId);
    });
  }
}
