import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import {
  OpenedVoucherSettlement,
  ProviderSettlementWorkflows,
  TaskQueues,
  VoucherMonthInput,
  VoucherSettlementResult,
  voucherSettlementWorkflowId,
} from '@clientfees/contracts';
import { firstDayOfPeriod, isSettledIn, lastDayOfPeriod, Money, parseBillingPeriod, settleProvider, settlementPaymentDate } from '@clientfees/domain';
import { Database, TEMPORAL_CLIENT } from '@clientfees/platform';
import { Clock } from '../common/clock';
import { notFound } from '../common/http';
import { addNotification } from '../organisations/organisation.queries';
import { requireOrganisation, todayOf } from '../organisations/organisations.service';
import { OwnShareInvoices } from './own-share-invoices';
import { pain001, ProviderPayment } from './payment-file';
import {
  carriedAmounts,
  dueCredits,
  findSettlement,
  listSettlements,
  markApproversReminded,
  markProvidersReminded,
  openSettlement,
  paymentFileOf,
  payees,
  pendingApprovalCount,
  providerSettlements,
  ProviderSettlementRow,
  settlementCandidates,
  settlementLines,
  SettlementLine,
  settlementOwner,
  settlementsOfProvider,
  storeSettlement,
  unconfirmedByProvider,
} from './settlement.queries';
import { specificationPdf } from './specification-pdf';

/**
 * The monthly settlement (tilitys, seed 003 §4.3.5.2-§4.3.8), run by the `voucherSettlement`
 * workflow: reminders by the 2nd and the 3rd, then on the 4th each provider's events,
 * interruptions at their percentages and credits, the payment file, and the month locked.
 */
@Injectable()
export class SettlementsService {
  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly clock: Clock,
    private readonly ownShares: OwnShareInvoices,
  ) {}

  ownerOf(id: string) {
    return this.db.read((tx) => settlementOwner(tx, id));
  }

  /** Starts the month's settlement workflow now (the Schedule starts it on the 1st). */
  async start(organisationId: string, month: string): Promise<{ workflowId: string }> {
    const organisation = await this.db.read((tx) => requireOrganisation(tx, organisationId));
    const input: VoucherMonthInput = { organisationId, timeZone: organisation.timeZone, month: parseBillingPeriod(month, 'month') };
    const workflowId = voucherSettlementWorkflowId(organisationId, input.month!);
    await this.temporal.workflow.start(ProviderSettlementWorkflows.voucherSettlement, { workflowId, taskQueue: TaskQueues.workflows, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' });
    return { workflowId };
  }

  list(organisationId: string, providerId: string | undefined) {
    return this.db.read((tx) => listSettlements(tx, organisationId, providerId));
  }

  async view(id: string) {
    return this.db.read(async (tx) => {
      const settlement = (await findSettlement(tx, id)) ?? notFound(`settlement ${id}`);
      return { ...settlement, providers: await providerSettlements(tx, id) };
    });
  }

  async paymentFile(id: string): Promise<string> {
    const file = await this.db.read((tx) => paymentFileOf(tx, id));
    if (!file?.paymentFile) notFound(`payment file of settlement ${id}`);
    return file.paymentFile;
  }

  ofProvider(providerId: string) {
    return this.db.read((tx) => settlementsOfProvider(tx, providerId));
  }

  async providerMonth(providerId: string, month: string) {
    return this.db.read(async (tx) => {
      const settlement = (await settlementsOfProvider(tx, providerId)).find((candidate) => candidate.month === month) ?? notFound(`settlement of ${month} for the provider`);
      return { ...settlement, lines: await settlementLines(tx, settlement.id, providerId) };
    });
  }

  async specification(providerId: string, month: string): Promise<Buffer> {
    const { organisation, settlement, provider, lines } = await this.db.read(async (tx) => {
      const found = (await settlementsOfProvider(tx, providerId)).find((candidate) => candidate.month === month) ?? notFound(`settlement of ${month} for the provider`);
      const settlementRecord = (await findSettlement(tx, found.id))!;
      const [providerRow] = await providerSettlements(tx, found.id, providerId);
      return { organisation: await requireOrganisation(tx, settlementRecord.organisationId), settlement: settlementRecord, provider: providerRow, lines: await settlementLines(tx, found.id, providerId) };
    });
    return specificationPdf({ organisation, settlement, provider, lines });
  }

  // ---- activities -------------------------------------------------------------------------------

  async open(input: { organisationId: string; month: string }): Promise<OpenedVoucherSettlement> {
    const month = parseBillingPeriod(input.month, 'month');
    const settlement = await this.db.transaction(async (tx) => {
      await requireOrganisation(tx, input.organisationId);
      return openSettlement(tx, randomUUID(), input.organisationId, month);
    });
    return { settlementId: settlement.id, month, alreadySettled: settlement.state === 'settled' };
  }

  async remindProviders(input: { settlementId: string }): Promise<number> {
    return this.db.transaction(async (tx) => {
      const settlement = (await findSettlement(tx, input.settlementId, true))!;
      const waiting = await unconfirmedByProvider(tx, settlement.organisationId, firstDayOfPeriod(settlement.month), lastDayOfPeriod(settlement.month));
      for (const { providerId, events } of waiting) {
        await addNotification(tx, {
          organisationId: settlement.organisationId,
          providerId,
          audience: 'provider',
          subjectKind: 'settlement',
          subjectId: settlement.id,
          message: `${events} event(s) of ${settlement.month} are incomplete: confirm them by the 2nd, or they are not settled this month`,
        });
      }
      if (waiting.length > 0) await markProvidersReminded(tx, settlement.id);
      return waiting.length;
    });
  }

  async remindApprovers(input: { settlementId: string }): Promise<number> {
    return this.db.transaction(async (tx) => {
      const settlement = (await findSettlement(tx, input.settlementId, true))!;
      const pending = await pendingApprovalCount(tx, settlement.organisationId, lastDayOfPeriod(settlement.month));
      if (pending > 0) {
        await addNotification(tx, {
          organisationId: settlement.organisationId,
          providerId: null,
          audience: 'approvers',
          subjectKind: 'settlement',
          subjectId: settlement.id,
          message: `${pending} event(s) of ${settlement.month} or earlier wait for manual approval: decide them by the 3rd, or their payment moves to a later settlement`,
        });
        await markApproversReminded(tx, settlement.id);
      }
      return pending;
    });
  }

  /** Settles the month once: a repeated call answers with what the first one stored. */
  async settle(input: { settlementId: string }): Promise<VoucherSettlementResult> {
    return this.db.transaction(async (tx) => {
      const settlement = (await findSettlement(tx, input.settlementId, true)) ?? notFound(`settlement ${input.settlementId}`);
      if (settlement.state === 'settled') return this.summary(settlement.id, settlement.month, await providerSettlements(tx, settlement.id), settlement.paymentFileId);
      const organisation = await requireOrganisation(tx, settlement.organisationId);
      const { currency } = organisation;
      const month = settlement.month;

      const due = (await settlementCandidates(tx, organisation.id, lastDayOfPeriod(month))).filter((item) =>
        isSettledIn({ endDate: item.endDate, complete: item.status === 'complete', approval: item.approval, settled: false }, month),
      );
      const credits = await dueCredits(tx, organisation.id, month);
      const carried = await carriedAmounts(tx, organisation.id);
      const lines: SettlementLine[] = [
        ...due.map((item) => ({ providerId: item.providerId, kind: item.kind, itemId: item.id, voucherNumber: item.voucherNumber, clientNumber: item.clientNumber, contentCode: item.contentCode, unitId: item.unitId, startDate: item.startDate, endDate: item.endDate, quantity: item.quantity, amountCents: item.amountCents ?? 0 })),
        ...credits.map((credit) => ({ providerId: credit.providerId, kind: 'credit' as const, itemId: credit.id, voucherNumber: credit.voucherNumber, clientNumber: credit.clientNumber, contentCode: credit.contentCode, unitId: null, startDate: credit.startDate, endDate: credit.endDate, quantity: null, amountCents: credit.amountCents })),
      ];

      const sums = new Map<string, { events: number; interruptions: number; credits: number }>();
      for (const line of lines) {
        const sum = sums.get(line.providerId) ?? { events: 0, interruptions: 0, credits: 0 };
        sum[line.kind === 'event' ? 'events' : line.kind === 'interruption' ? 'interruptions' : 'credits'] += line.amountCents;
        sums.set(line.providerId, sum);
      }
      const providers: ProviderSettlementRow[] = [];
      const payments: ProviderPayment[] = [];
      for (const payee of await payees(tx, organisation.id)) {
        const sum = sums.get(payee.providerId) ?? { events: 0, interruptions: 0, credits: 0 };
        const carriedIn = carried.get(payee.providerId) ?? 0;
        if (sum.events === 0 && sum.interruptions === 0 && sum.credits === 0 && carriedIn === 0) continue;
        const totals = settleProvider({
          events: Money.ofMinor(sum.events, currency),
          interruptions: Money.ofMinor(sum.interruptions, currency),
          credits: Money.ofMinor(sum.credits, currency),
          carriedIn: Money.ofMinor(carriedIn, currency),
          hasBankAccount: payee.iban !== null && payee.bic !== null,
        });
        providers.push({
          providerId: payee.providerId,
          eventsCents: sum.events,
          interruptionsCents: sum.interruptions,
          creditsCents: sum.credits,
          carriedInCents: carriedIn,
          totalCents: totals.total.minorUnits,
          payableCents: totals.payable.minorUnits,
          carriedOutCents: totals.carriedOut.minorUnits,
          iban: payee.iban,
          bic: payee.bic,
        });
        if (totals.payable.isPositive()) {
          payments.push({ providerId: payee.providerId, name: payee.name, iban: payee.iban!, bic: payee.bic!, amountCents: totals.payable.minorUnits, remittance: `Palvelusetelitilitys ${month} ${organisation.name}` });
        }
      }

      const settledOn = todayOf(organisation, this.clock.now());
      const paymentDate = settlementPaymentDate(organisation.country, settledOn, organisation.paymentTermDays);
      const paymentFileId = payments.length > 0 ? `PS-${organisation.id}-${month}`.slice(0, 35) : null;
      const paymentFile = paymentFileId ? pain001({ messageId: paymentFileId, createdAt: new Date(this.clock.now()), organisation, paymentDate, payments }) : null;
      await storeSettlement(tx, settlement.id, { lines, providers, settledOn, paymentDate, paymentFileId, paymentFile });
      // The clients' own shares of what was paid, to be invoiced (issue 12 §8): in the same transaction.
      await this.ownShares.drawUp(tx, settlement, currency);
      return this.summary(settlement.id, month, providers, paymentFileId);
    });
  }

  private summary(settlementId: string, month: string, providers: readonly ProviderSettlementRow[], paymentFileId: string | null): VoucherSettlementResult {
    return {
      settlementId,
      month,
      providers: providers.length,
      paidCents: providers.reduce((sum, provider) => sum + provider.payableCents, 0),
      carriedCents: providers.reduce((sum, provider) => sum + provider.carriedOutCents, 0),
      paymentFileId,
    };
  }
}
