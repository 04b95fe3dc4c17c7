import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { OwnShareInvoiceOutcome, OwnShareInvoiceRequest } from '@clientfees/contracts';
import { invoiceRecipientOf, localDateInZone, paymentReferencesFor, validateFinnishPersonalIdentityCode, validateSwedishPersonalIdentityNumber } from '@clientfees/domain';
import { Database, SERVICE_LOGGER, Tx } from '@clientfees/platform';
import { settingsInForceOn } from '../billing-data/billing-settings/billing-setting.queries';
import { findClient } from '../billing-data/clients/client.queries';
import { insertInvoice, invoicesOfOwnShares, NewInvoice, takeInvoiceNumbers } from '../invoices/invoice.queries';
import type { InvoiceRecipient } from '../invoices/invoice-recipient';
import { InvoicesService } from '../invoices/invoices.service';
import { findOrganisation, Organisation } from '../organisations/organisation.queries';

const ACTOR = 'system:voucher-settlement';

/** An own-share invoice names its settled month. */
type OwnShareInvoice = NewInvoice & { billingPeriod: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client's own share of service vouchers becomes an invoice (issue 12 §8, ADR 0031): rows as
 * provider settlement drew them up, the recipient from the client's billing settings, a number of
 * the organisation's series, and the invoice lifecycle. The own-share record's id is the natural
 * key: a resent request answers with the invoice it made.
 */
@Injectable()
export class OwnShareInvoicing {
  constructor(
    private readonly db: Database,
    private readonly invoices: InvoicesService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async create(input: { organisationId: string; invoices: OwnShareInvoiceRequest[] }): Promise<OwnShareInvoiceOutcome[]> {
    // One answer per own share: a record named twice in one request is invoiced once.
    const unique = [...new Map(input.invoices.map((request) => [request.ownShareId, request])).values()];
    const answers = new Map((await this.createOnce(input.organisationId, unique)).map((outcome) => [outcome.ownShareId, outcome]));
    return input.invoices.map((request) => answers.get(request.ownShareId)!);
  }

  private async createOnce(organisationId: string, requests: OwnShareInvoiceRequest[]): Promise<OwnShareInvoiceOutcome[]> {
    const input = { organisationId, invoices: requests };
    const made: OwnShareInvoice[] = [];
    const outcomes = await this.db.transaction(async (tx) => {
      const organisation = await findOrganisation(tx, input.organisationId);
      if (!organisation) return input.invoices.map((request) => refused(request, `invoicing has no organisation ${input.organisationId}`));
      const existing = new Map((await invoicesOfOwnShares(tx, organisation.id, input.invoices.map((request) => request.ownShareId))).map((found) => [found.ownShareId, found]));
      const invoiceDate = localDateInZone(Date.now(), organisation.timeZone);
      const answers: OwnShareInvoiceOutcome[] = [];
      const accepted: Array<{ request: OwnShareInvoiceRequest; recipient: InvoiceRecipient }> = [];
      for (const request of input.invoices) {
        const found = existing.get(request.ownShareId);
        if (found) {
          answers.push({ ownShareId: request.ownShareId, outcome: 'invoiced', invoiceId: found.id, invoiceNumber: Number(found.invoiceNumber) });
          continue;
        }
        const problem = requestProblem(request, organisation.id);
        const recipient = problem ? null : await recipientOf(tx, organisation, request, invoiceDate);
        if (problem || typeof recipient === 'string') {
          answers.push(refused(request, problem ?? (recipient as string)));
          continue;
        }
        accepted.push({ request, recipient: recipient! });
      }
      if (accepted.length > 0) {
        const first = await takeInvoiceNumbers(tx, organisation.id, accepted.length);
        for (const [i, { request, recipient }] of accepted.entries()) {
          const references = paymentReferencesFor(organisation.country, first + i);
          const invoice: OwnShareInvoice = {
            id: randomUUID(),
            organisationId: organisation.id,
            invoiceNumber: first + i,
            paymentReference: references.national,
            paymentReferenceInternational: references.international,
            recipient,
            clientNumber: request.clientNumber,
            currency: organisation.currency,
            totalCents: request.totalCents,
            invoiceDate,
            createdBy: ACTOR,
            ownShareId: request.ownShareId,
            billingPeriod: request.month,
            // An invoice row's text is at most 200 characters, as for one made by hand.
            rows: request.rows.map((row) => ({ ...row, description: row.description.slice(0, 200) })),
          };
          await insertInvoice(tx, invoice, `own share of service vouchers ${invoice.billingPeriod} (provider settlement)`);
          made.push(invoice);
          answers.push({ ownShareId: request.ownShareId, outcome: 'invoiced', invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber });
        }
      }
      return answers;
    });
    // After the commit, as for an invoice made by hand: what cannot start now, the lifecycle starter retries.
    for (const invoice of made) {
      try {
        await this.invoices.startLifecycle({ ...invoice, state: 'issued' });
      } catch (error) {
        this.logger.warn({ err: error, invoiceId: invoice.id }, 'own-share invoice lifecycle not started yet; it will be retried');
      }
    }
    if (made.length > 0) this.logger.info({ organisationId: input.organisationId, invoices: made.length }, 'own-share invoices created');
    return outcomes;
  }
}

function refused(request: OwnShareInvoiceRequest, reason: string): OwnShareInvoiceOutcome {
  return { ownShareId: request.ownShareId, outcome: 'refused', reason };
}

/** What makes a request one invoicing must not invoice as sent (the rows do not add up, …). */
function requestProblem(request: OwnShareInvoiceRequest, organisationId: string): string | undefined {
  if (request.organisationId !== organisationId) return `the own share belongs to ${request.organisationId}, not ${organisationId}`;
  if (!UUID.test(request.ownShareId)) return 'ownShareId: must be a UUID';
  if (!UUID.test(request.clientId)) return `client ${request.clientId} is not one of invoicing's clients`;
  if (validateFinnishPersonalIdentityCode(request.clientNumber).valid || validateSwedishPersonalIdentityNumber(request.clientNumber).valid) return 'clientNumber: a personal identity code may not be used as a client number';
  if (request.rows.length === 0) return 'rows: an own-share invoice has rows';
  if (!request.rows.every((row) => Number.isSafeInteger(row.amountCents))) return 'rows: amounts are whole cents';
  const sum = request.rows.reduce((total, row) => total + row.amountCents, 0);
  if (sum !== request.totalCents) return `totalCents: the rows add up to ${sum}, not ${request.totalCents}`;
  if (request.totalCents <= 0) return 'totalCents: an own share of zero or less makes no invoice';
  return undefined;
}

/** Whom the invoice goes to: the recipient of the client's billing settings on the invoice date, as billing takes it; a string says why there is none. */
async function recipientOf(tx: Tx, organisation: Organisation, request: OwnShareInvoiceRequest, invoiceDate: string): Promise<InvoiceRecipient | string> {
  const client = await findClient(tx, request.clientId);
  if (!client || client.organisationId !== organisation.id) return `client ${request.clientId} is not one of invoicing's clients`;
  if (client.clientNumber !== request.clientNumber) return `client number ${request.clientNumber} is not the client's (${client.clientNumber})`;
  const settings = await settingsInForceOn(tx, client.id, invoiceDate);
  const recipient = settings ? invoiceRecipientOf(settings, client.name) : null;
  if (!recipient) return `client ${client.clientNumber} has no billing settings with an address to invoice`;
  return { ...recipient, country: recipient.country ?? organisation.country };
}
