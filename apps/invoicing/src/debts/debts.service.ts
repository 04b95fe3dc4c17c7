import { HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { chargeAfterDeath, estateRecipientName, isClosedInvoiceState, localDateInZone, Money, shownRecipient } from '@clientfees/domain';
import {
  ClientLedger,
  creditInvoiceUpdate,
  DebtListPage,
  EstateRecipient,
  feeReductionSignal,
  InvoiceCopy,
  invoiceLifecycleWorkflowId,
  InvoiceState,
  PauseCollectionRequest,
  recallUpdate,
  StopBillingAtDeathRequest,
  StopBillingAtDeathResult,
  WriteOffInvoiceRequest,
  WriteOffInvoiceResult,
  writeOffUpdate,
} from '@clientfees/contracts';
import { Database, InvoiceLifecycles, SERVICE_LOGGER, WorkflowMessages } from '@clientfees/platform';
import type { Tx } from '@clientfees/platform';
import { clientNumbersUnderSecurityBan, endSettingsOnDeath, setEstateRecipientOnDeath } from '../billing-data/billing-settings/billing-setting.queries';
import { findClient, updateClient } from '../billing-data/clients/client.queries';
import { endDecidedServicesOnDeath } from '../billing-data/decided-services/decided-service.queries';
import { findInvoice, holdInvoicesForEstate, readdressInvoicesToEstate } from '../invoices/invoice.queries';
import { findOrganisation, Organisation } from '../organisations/organisation.queries';
import { clientLedgerEntries, creditedForDeath, debtClaimsPage, debtClients, DebtLedgerEntry, invoiceCopies } from './debt.queries';

/** Where an invoice is with the agency's reminder service or collection: recalled before a pause. */
const AT_AGENCY: readonly InvoiceState[] = ['reminded', 'at-agency', 'in-payment-plan'];
/** The reason of a credit note for charges after a death begins with this (a retried stop credits nothing twice). */
const DEATH_CREDIT = 'charges after the death';
/** Credits for charges after a death are the fee officers' kind of credit (the role the lifecycle's validator asks). */
const CREDITING_ROLE = 'client-fee-officer';

const isClosed = (state: InvoiceState) => isClosedInvoiceState(state);
/** The lifecycle writes these off only once recalled from the agency (`reminded` it recalls itself). */
const RECALLED_BEFORE_WRITE_OFF: readonly InvoiceState[] = ['at-agency', 'in-payment-plan'];
/** A refusal that retrying cannot change: the workflow sees it at once. */
const final = (message: string) => ApplicationFailure.nonRetryable(message, 'DebtInvoicingRefused');
/** The lifecycle's validator refused (400, 403 or 409 from InvoiceLifecycles); a lifecycle not running (404) is not a refusal. */
const isRefusal = (error: unknown): error is HttpException => error instanceof HttpException && !(error instanceof NotFoundException);

/**
 * Invoicing's side of debt follow-up (issue 13): the month's debt list, a client's ledger, the
 * billing stop at a death with its credits and held invoices, the estate as the recipient, and the
 * lifecycle's write-off and collection pause. Every change to an invoice goes through its
 * lifecycle's typed messages in libs/contracts (sent through InvoiceLifecycles and WorkflowMessages)
 * or invoice.queries.ts, with its event.
 */
@Injectable()
export class DebtsService {
  constructor(
    private readonly db: Database,
    private readonly lifecycles: InvoiceLifecycles,
    private readonly workflows: WorkflowMessages,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** The invoice's stored state, for the answer to a decision its ended lifecycle cannot take (409). */
  private stateOf(invoiceId: string): () => Promise<string | undefined> {
    return async () => (await this.db.read((tx) => findInvoice(tx, invoiceId)))?.state;
  }

  debtList(input: { organisationId: string; asOf: string; after?: string; limit: number }): Promise<DebtListPage> {
    return this.db.read(async (tx) => {
      const organisation = await this.organisation(tx, input.organisationId);
      const { claims, nextAfter } = await debtClaimsPage(tx, input);
      const clients = await debtClients(tx, organisation.id, [...new Set(claims.map((claim) => claim.clientId))], input.asOf);
      return { asOf: input.asOf, currency: organisation.currency, claims, clients, ...(nextAfter ? { nextAfter } : {}) };
    });
  }

  async ledger(input: { organisationId: string; clientId: string; invoiceIds?: string[] }): Promise<ClientLedger> {
    return this.db.read(async (tx) => {
      const organisation = await this.organisation(tx, input.organisationId);
      const client = await this.client(tx, organisation.id, input.clientId);
      const entries = await clientLedgerEntries(tx, { organisationId: organisation.id, clientNumber: client.clientNumber, invoiceIds: input.invoiceIds });
      return {
        organisationId: organisation.id,
        clientId: client.id,
        clientNumber: client.clientNumber,
        currency: organisation.currency,
        entries: entries.map(({ invoiceId, invoiceNumber, invoiceDate, dueDate, totalCents, openCents, state }) => ({ invoiceId, invoiceNumber, invoiceDate, dueDate, totalCents, openCents, state })),
      };
    });
  }

  /**
   * Billing stops on the date of death (seed 002: the final invoice covers up to it): the client's
   * settings and decided services end on it, what billed invoices charge for later days is
   * credited through each invoice's lifecycle (`chargeAfterDeath`), and what stays open is held
   * for the estate. Safe to repeat: nothing ends, is credited or held twice.
   */
  async stopBillingAtDeath(input: StopBillingAtDeathRequest): Promise<StopBillingAtDeathResult> {
    const { organisation, client, settingsEnded } = await this.db.transaction(async (tx) => {
      const organisation = await this.organisation(tx, input.organisationId);
      const client = await this.client(tx, organisation.id, input.clientId, true);
      if (client.dateOfDeath === null) await updateClient(tx, client.id, { dateOfDeath: input.dateOfDeath });
      else if (client.dateOfDeath !== input.dateOfDeath) this.logger.warn({ clientId: client.id }, 'the estate’s date of death differs from the client register’s; billing ends on the estate’s');
      const ended = (await endSettingsOnDeath(tx, client.id, input.dateOfDeath)) + (await endDecidedServicesOnDeath(tx, client.id, input.dateOfDeath));
      return { organisation, client, settingsEnded: ended };
    });

    const credited: StopBillingAtDeathResult['credited'] = [];
    for (const entry of await this.entriesOf(organisation, client.clientNumber)) {
      const amountCents = await this.creditDue(entry, organisation, input.dateOfDeath);
      if (amountCents <= 0) continue;
      const grounds = chargeAfterDeath({ period: entry.billingPeriod!, dateOfDeath: input.dateOfDeath, total: Money.ofMinor(entry.billedCents, organisation.currency) }).grounds;
      await this.lifecycles.decide(
        entry.invoiceId,
        creditInvoiceUpdate,
        { amountCents, reason: `${DEATH_CREDIT} on ${input.dateOfDeath} (estate case ${input.estateCaseId}): ${grounds}`, actor: input.actor, role: CREDITING_ROLE },
        'amountCents',
        this.stateOf(entry.invoiceId),
      );
      credited.push({ invoiceId: entry.invoiceId, invoiceNumber: entry.invoiceNumber, amountCents });
    }

    const open = (await this.entriesOf(organisation, client.clientNumber)).filter((entry) => entry.openCents > 0 && !isClosed(entry.state));
    const heldInvoiceIds = await this.db.transaction((tx) =>
      holdInvoicesForEstate(tx, {
        invoiceIds: open.map((entry) => entry.invoiceId),
        estateCaseId: input.estateCaseId,
        actor: input.actor,
        reason: `held for the estate of the client who died on ${input.dateOfDeath}: not sent until the estate's contact is known`,
      }),
    );
    const already = open.filter((entry) => entry.heldForEstate === input.estateCaseId).map((entry) => entry.invoiceId);
    return { clientNumber: client.clientNumber, settingsEnded, credited, heldInvoiceIds: [...new Set([...heldInvoiceIds, ...already])] };
  }

  /**
   * The estate (kuolinpesä / dödsbo) becomes the recipient of the client's open invoices and of
   * the final invoice (the settings in force on the date of death); held invoices are released.
   */
  redirectToEstate(input: { organisationId: string; clientId: string; estateCaseId: string; contact: EstateRecipient; actor: string }): Promise<{ invoiceIds: string[] }> {
    return this.db.transaction(async (tx) => {
      const organisation = await this.organisation(tx, input.organisationId);
      const client = await this.client(tx, organisation.id, input.clientId, true);
      if (client.dateOfDeath === null) throw final(`client ${client.clientNumber} has no date of death: their invoices do not go to an estate`);
      const language = organisation.country === 'SE' ? 'sv' : 'fi';
      const name = estateRecipientName(language, client.name, input.contact.name);
      const address = { streetAddress: input.contact.streetAddress, postalCode: input.contact.postalCode, city: input.contact.city, country: input.contact.country };
      const open = (await clientLedgerEntries(tx, { organisationId: organisation.id, clientNumber: client.clientNumber })).filter((entry) => !isClosed(entry.state));
      await readdressInvoicesToEstate(tx, {
        invoiceIds: open.map((entry) => entry.invoiceId),
        recipient: { kind: 'estate', name, ...address },
        actor: input.actor,
        reason: `the estate's ${input.contact.kind} is known (estate case ${input.estateCaseId}): the invoice goes to ${name}`,
      });
      await setEstateRecipientOnDeath(tx, client.id, client.dateOfDeath, { name, address });
      return { invoiceIds: open.map((entry) => entry.invoiceId) };
    });
  }

  /**
   * Writes the invoice off through its lifecycle's `writeOff` update (the lifecycle recalls it
   * from the agency first). Nothing open: nothing done. A refusal of the lifecycle is answered,
   * not thrown: the proposal keeps it. A retry after a write-off by the same decision finds it.
   */
  async writeOff(input: WriteOffInvoiceRequest): Promise<WriteOffInvoiceResult> {
    const invoice = await this.db.read((tx) => findInvoice(tx, input.invoiceId));
    if (!invoice) throw final(`no invoice ${input.invoiceId}`);
    if (invoice.state === 'written-off') {
      const status = await this.lifecycles.status(invoice.id);
      const ours = status.writtenOff?.decidedBy === input.actor && status.writtenOff.note.includes(input.proposalId);
      return ours ? { outcome: 'written-off', amountCents: status.writtenOff!.amountCents } : { outcome: 'nothing-open', amountCents: 0 };
    }
    if (isClosed(invoice.state)) return { outcome: 'nothing-open', amountCents: 0 };
    try {
      // In collection at the agency (or in the agency's payment plan), the lifecycle writes off
      // only what was recalled first: the signed proposal recalls it, without costs for the client.
      // A retry after the recall finds the invoice recalled and writes it off.
      if (RECALLED_BEFORE_WRITE_OFF.includes(invoice.state)) {
        const reason = `to be written off by the signed write-off proposal ${input.proposalId}`;
        await this.lifecycles.decide(invoice.id, recallUpdate, { reason, actor: input.actor }, 'reason', this.stateOf(invoice.id));
      }
      const status = await this.lifecycles.decide(
        invoice.id,
        writeOffUpdate,
        { grounds: input.grounds, note: `${input.note} (write-off proposal ${input.proposalId})`, actor: input.actor, role: input.role },
        'grounds',
        this.stateOf(invoice.id),
      );
      return { outcome: 'written-off', amountCents: status.writtenOff?.amountCents ?? 0 };
    } catch (error) {
      if (isRefusal(error)) {
        const now = await this.db.read((tx) => findInvoice(tx, invoice.id));
        if (now && isClosed(now.state)) return { outcome: 'nothing-open', amountCents: 0 };
        return { outcome: 'refused', amountCents: 0, reason: error.message };
      }
      throw error;
    }
  }

  /**
   * Collection of the invoices pauses until the end of `until` (a debt restructuring): those with
   * the agency are recalled without costs, and every open one's lifecycle holds reminders and
   * transfers back until then (the same pause a § 11 decision sets).
   */
  async pauseCollection(input: PauseCollectionRequest, todayMs: number): Promise<{ recalled: string[]; paused: string[] }> {
    const recalled: string[] = [];
    const paused: string[] = [];
    const organisation = await this.db.read((tx) => this.organisation(tx, input.organisationId));
    for (const invoiceId of input.invoiceIds) {
      const invoice = await this.db.read((tx) => findInvoice(tx, invoiceId));
      if (!invoice || invoice.organisationId !== input.organisationId) throw final(`no invoice ${invoiceId} of ${input.organisationId}`);
      if (isClosed(invoice.state)) continue;
      if (AT_AGENCY.includes(invoice.state)) {
        try {
          await this.lifecycles.decide(invoice.id, recallUpdate, { reason: input.reason, actor: input.actor }, 'reason', this.stateOf(invoice.id));
          recalled.push(invoice.id);
        } catch (error) {
          if (!isRefusal(error)) throw error;
          this.logger.warn({ invoiceId: invoice.id, reason: error.message }, 'invoice not recalled for a collection pause');
        }
      }
      // The § 11 decision's pause: reminders and transfers held back until `until`. A retried
      // activity may send it again; a pause only grows, so twice is once.
      const outcome = await this.workflows.signal(invoiceLifecycleWorkflowId(invoice.id), feeReductionSignal, {
        decisionId: `collection-pause:${input.reason}`,
        validFrom: localDateInZone(todayMs, organisation.timeZone),
        validTo: input.until,
      });
      if (outcome === 'not-found') throw new Error(`invoice ${invoice.id} is open but its lifecycle is not running: collection not paused`);
      paused.push(invoice.id);
    }
    return { recalled, paused };
  }

  /** Copies as the reminder letter prints them: a security ban in force masks the client's address (libs/domain shownRecipient). */
  copies(input: { organisationId: string; invoiceIds: string[] }): Promise<InvoiceCopy[]> {
    return this.db.read(async (tx) => {
      const stored = await invoiceCopies(tx, input.organisationId, input.invoiceIds);
      const underBan = await clientNumbersUnderSecurityBan(tx, input.organisationId, stored.map((copy) => copy.clientNumber));
      return stored.map(({ clientNumber, recipient, ...copy }) => ({ ...copy, recipient: shownRecipient(recipient, underBan.has(clientNumber)) }));
    });
  }

  private entriesOf(organisation: Organisation, clientNumber: string): Promise<DebtLedgerEntry[]> {
    return this.db.read((tx) => clientLedgerEntries(tx, { organisationId: organisation.id, clientNumber }));
  }

  /** What is still to credit of a billed invoice for days after the death, at most what is open. */
  private async creditDue(entry: DebtLedgerEntry, organisation: Organisation, dateOfDeath: string): Promise<number> {
    if (entry.billingPeriod === null || isClosed(entry.state) || !entry.lifecycleStarted || entry.openCents <= 0) return 0;
    const { credit } = chargeAfterDeath({ period: entry.billingPeriod, dateOfDeath, total: Money.ofMinor(entry.billedCents, organisation.currency) });
    const done = await this.db.read((tx) => creditedForDeath(tx, entry.invoiceId, DEATH_CREDIT));
    return Math.min(credit.minorUnits - done, entry.openCents);
  }

  private async organisation(tx: Tx, id: string): Promise<Organisation> {
    const organisation = await findOrganisation(tx, id);
    if (!organisation) throw final(`no organisation ${id} in invoicing`);
    return organisation;
  }

  private async client(tx: Tx, organisationId: string, clientId: string, lock = false) {
    const client = await findClient(tx, clientId, { lock });
    if (!client || client.organisationId !== organisationId) throw final(`no client ${clientId} of ${organisationId} in invoicing`);
    return client;
  }
}
