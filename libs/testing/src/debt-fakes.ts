import { Context } from '@temporalio/activity';
import { addDays, debtClientPosition, isAfter, isBefore, localDateInZone, RegisterMove } from '@clientfees/domain';
import type {
  ClientLedger,
  DebtClient,
  DebtInvoicingActivities,
  DebtListPage,
  DebtListRequest,
  InvoiceCopy,
  InvoiceState,
  LedgerEntry,
  VoucherDeathActivities,
} from '@clientfees/contracts';
import { FAKE_ZONE } from './fakes';

/**
 * An in-memory stand-in for invoicing's side of debt follow-up (`DebtInvoicingActivities` and its
 * TCP messages, `messages`), with
 * invoices a test sets up and moves (pays, sends to the agency), recording each call with the
 * server day it happened on. The workflow and service tests of debt follow-up stand on it; the
 * real one is invoicing's `DebtInvoicingActivities` (tests/integration/estate-across-services.spec.ts).
 */

export interface FakeDebtInvoice {
  invoiceId: string;
  clientId: string;
  invoiceNumber: number;
  invoiceDate: string;
  dueDate: string;
  period: string;
  /** Rows with the day they bill: a death credits the rows after it. */
  rows: Array<{ description: string; amountCents: number; on: string }>;
  paidCents: number;
  creditedCents: number;
  state: InvoiceState;
  recipient: InvoiceCopy['recipient'];
  /** Held for the estate's contact: not sent to the deceased. */
  held: boolean;
  /** A payment plan being kept: the lifecycle refuses a write-off. */
  planKept?: boolean;
}

export interface FakeDebtClient extends Omit<DebtClient, 'creditBalanceCents' | 'movedOn' | 'moveArea' | 'movedTo'> {
  creditBalanceCents?: number;
  dateOfDeath?: string;
  /** The population register's moves, as invoicing keeps them: the list reports each once (`reportedMoveOf`). */
  moves?: RegisterMove[];
}

const CLOSED: readonly InvoiceState[] = ['paid', 'credited', 'waived', 'written-off'];

export function fakeDebtInvoicing(options: { organisationId?: string; currency?: 'EUR' | 'SEK'; municipalityCodes?: readonly string[] } = {}) {
  const organisationId = options.organisationId ?? 'fi-demo';
  const currency = options.currency ?? 'EUR';
  const clients = new Map<string, FakeDebtClient>();
  const invoices = new Map<string, FakeDebtInvoice>();
  const calls: Array<{ activity: string; on: string; detail: string }> = [];
  const on = () => localDateInZone(Context.current().info.currentAttemptScheduledTimestampMs, FAKE_ZONE);
  const call = (activity: string, detail: string) => calls.push({ activity, on: on(), detail });

  const total = (invoice: FakeDebtInvoice) => invoice.rows.reduce((sum, row) => sum + row.amountCents, 0);
  const open = (invoice: FakeDebtInvoice) => (CLOSED.includes(invoice.state) ? 0 : Math.max(0, total(invoice) - invoice.creditedCents - invoice.paidCents));
  const entry = (invoice: FakeDebtInvoice): LedgerEntry => ({
    invoiceId: invoice.invoiceId,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    totalCents: total(invoice) - invoice.creditedCents,
    openCents: open(invoice),
    state: invoice.state,
  });
  const ofClient = (clientId: string) => [...invoices.values()].filter((invoice) => invoice.clientId === clientId);
  const clientNumberOf = (clientId: string) => clients.get(clientId)?.clientNumber ?? 'unknown';

  /** A page of the debt list, as invoicing answers it (its activity before the patch, its TCP message after). */
  const debtList = (input: DebtListRequest, asked: string): DebtListPage => {
    const due = [...invoices.values()]
      .filter((invoice) => open(invoice) > 0 && isBefore(invoice.dueDate, input.asOf) && (!input.after || invoice.invoiceId > input.after))
      .sort((a, b) => a.invoiceId.localeCompare(b.invoiceId));
    const page = due.slice(0, input.limit);
    call(asked, `${input.asOf}: ${page.length}`);
    const pageClients = [...new Set(page.map((invoice) => invoice.clientId))].map((id) => {
      const client = clients.get(id)!;
      // As invoicing tells it (`debtClientPosition`); a client set up as closed stays closed.
      const { status, ...moved } = debtClientPosition({ dateOfDeath: client.dateOfDeath ?? null, settingsValidTo: null, moves: client.moves ?? [], municipalityCodes: options.municipalityCodes ?? [] }, input.asOf);
      const { moves: _moves, ...rest } = client;
      return { ...rest, status: client.status === 'active' || status === 'deceased' ? status : client.status, ...moved, creditBalanceCents: client.creditBalanceCents ?? 0 };
    });
    return {
      asOf: input.asOf,
      currency,
      claims: page.map((invoice) => ({
        invoiceId: invoice.invoiceId,
        clientId: invoice.clientId,
        invoiceNumber: invoice.invoiceNumber,
        invoiceDate: invoice.invoiceDate,
        dueDate: invoice.dueDate,
        period: invoice.period,
        openCents: open(invoice),
        state: invoice.state,
      })),
      clients: pageClients.map(({ dateOfDeath: _died, ...client }) => client),
      nextAfter: due.length > page.length ? page[page.length - 1].invoiceId : undefined,
    };
  };

  const activities: DebtInvoicingActivities = {
    async listDebtClaims(input) {
      return debtList(input, 'listDebtClaims');
    },
    async clientLedger(input): Promise<ClientLedger> {
      const wanted = input.invoiceIds ? new Set(input.invoiceIds) : undefined;
      call('clientLedger', input.clientId);
      return {
        organisationId,
        clientId: input.clientId,
        clientNumber: clientNumberOf(input.clientId),
        currency,
        entries: ofClient(input.clientId)
          .filter((invoice) => !wanted || wanted.has(invoice.invoiceId))
          .map(entry),
      };
    },
    async stopBillingAtDeath(input) {
      const client = clients.get(input.clientId)!;
      client.dateOfDeath = input.dateOfDeath;
      const credited: Array<{ invoiceId: string; invoiceNumber: number; amountCents: number }> = [];
      for (const invoice of ofClient(input.clientId)) {
        const after = invoice.rows.filter((row) => isAfter(row.on, input.dateOfDeath)).reduce((sum, row) => sum + row.amountCents, 0) - invoice.creditedCents;
        if (after > 0 && !CLOSED.includes(invoice.state)) {
          invoice.creditedCents += after;
          credited.push({ invoiceId: invoice.invoiceId, invoiceNumber: invoice.invoiceNumber, amountCents: after });
          if (open(invoice) === 0) invoice.state = 'credited';
        }
      }
      const held = ofClient(input.clientId).filter((invoice) => open(invoice) > 0);
      for (const invoice of held) invoice.held = true;
      call('stopBillingAtDeath', `${input.dateOfDeath}: credited ${credited.map((c) => c.amountCents).join(',')}`);
      return { clientNumber: client.clientNumber, settingsEnded: 1, credited, heldInvoiceIds: held.map((invoice) => invoice.invoiceId) };
    },
    async redirectInvoicesToEstate(input) {
      const deceased = clients.get(input.clientId)!;
      const redirected = ofClient(input.clientId).filter((invoice) => open(invoice) > 0);
      for (const invoice of redirected) {
        invoice.recipient = { name: `${deceased.name} kuolinpesä c/o ${input.contact.name}`, streetAddress: input.contact.streetAddress, postalCode: input.contact.postalCode, city: input.contact.city };
        invoice.held = false;
      }
      call('redirectInvoicesToEstate', input.contact.name);
      return { invoiceIds: redirected.map((invoice) => invoice.invoiceId) };
    },
    async writeOffInvoice(input) {
      const invoice = invoices.get(input.invoiceId)!;
      const amountCents = open(invoice);
      call('writeOffInvoice', `${input.invoiceId} ${input.grounds} by ${input.actor} (${input.role})`);
      if (amountCents === 0) return { outcome: 'nothing-open', amountCents: 0 };
      if (invoice.planKept) return { outcome: 'refused', amountCents: 0, reason: 'the client is paying by a payment plan that is being kept' };
      invoice.state = 'written-off';
      return { outcome: 'written-off', amountCents };
    },
    async pauseCollection(input) {
      const recalled: string[] = [];
      const paused: string[] = [];
      for (const id of input.invoiceIds) {
        const invoice = invoices.get(id)!;
        if (invoice.state === 'at-agency' || invoice.state === 'reminded') {
          invoice.state = 'recalled';
          recalled.push(id);
        } else if (!CLOSED.includes(invoice.state)) paused.push(id);
      }
      call('pauseCollection', `until ${input.until}: recalled ${recalled.length}, paused ${paused.length}`);
      return { recalled, paused };
    },
  };

  return {
    activities,
    calls,
    clients,
    invoices,
    addClient(client: FakeDebtClient) {
      clients.set(client.clientId, client);
    },
    /** An invoice due 14 days after its date unless told otherwise, unpaid, overdue. */
    addInvoice(invoice: Partial<FakeDebtInvoice> & Pick<FakeDebtInvoice, 'invoiceId' | 'clientId' | 'invoiceNumber' | 'invoiceDate' | 'rows'>): FakeDebtInvoice {
      const client = clients.get(invoice.clientId)!;
      const full: FakeDebtInvoice = {
        dueDate: addDays(invoice.invoiceDate, 14),
        period: invoice.invoiceDate.slice(0, 7),
        paidCents: 0,
        creditedCents: 0,
        state: 'overdue',
        recipient: { name: client.name, streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
        held: false,
        ...invoice,
      };
      invoices.set(full.invoiceId, full);
      return full;
    },
    pay(invoiceId: string) {
      const invoice = invoices.get(invoiceId)!;
      invoice.paidCents = total(invoice) - invoice.creditedCents;
      invoice.state = 'paid';
    },
    openCents: (invoiceId: string) => open(invoices.get(invoiceId)!),
    /** Invoicing's TCP messages: the letters' invoice copies and the month end's debt list. */
    messages: {
      async debtList(request: DebtListRequest): Promise<DebtListPage> {
        return debtList(request, 'debtList');
      },
      async copies(_organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]> {
        return invoiceIds.flatMap((id) => {
          const invoice = invoices.get(id);
          if (!invoice) return [];
          return [
            {
              invoiceId: id,
              invoiceNumber: invoice.invoiceNumber,
              invoiceDate: invoice.invoiceDate,
              dueDate: invoice.dueDate,
              paymentReference: `${invoice.invoiceNumber}${invoice.invoiceNumber % 7}`,
              paymentReferenceInternational: null,
              recipient: invoice.recipient,
              rows: invoice.rows.map((row) => ({ description: row.description, amountCents: row.amountCents })),
              totalCents: total(invoice),
              currency,
            },
          ];
        });
      },
    },
  };
}

/** Provider settlement's voucher closing, recording the calls. */
export function fakeVoucherClosing() {
  const calls: Array<{ clientId: string; dateOfDeath: string; on: string }> = [];
  const activities: VoucherDeathActivities = {
    async closeVouchersAfterDeath(input) {
      calls.push({ clientId: input.clientId, dateOfDeath: input.dateOfDeath, on: localDateInZone(Context.current().info.currentAttemptScheduledTimestampMs, FAKE_ZONE) });
      return { closedVoucherIds: [`voucher-of-${input.clientId}`] };
    },
  };
  return { activities, calls };
}
