import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AutoRecordingResult } from '@clientfees/contracts';
import {
  automaticEvent,
  checkOverrun,
  chooseInterruptionRule,
  completionRefusal,
  creditDeductionMonth,
  EventSpan,
  eventQuantity,
  eventValue,
  firstDayOfPeriod,
  grantPeriodOf,
  ownShareSpecification,
  interruptionCompensation,
  lastDayOfPeriod,
  parseBillingPeriod,
  parseLocalDate,
  periodOf,
  previousPeriod,
  splitInterruption,
  voucherPeriodRefusal,
} from '@clientfees/domain';
import { Database, Tx } from '@clientfees/platform';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/http';
import { addNotification, listInterruptionRules, SettlementOrganisation } from '../organisations/organisation.queries';
import { requireOrganisation, todayOf } from '../organisations/organisations.service';
import { listUnits } from '../providers/provider.queries';
import { firstOpenMonth } from '../settlements/settlement.queries';
import { findVoucher } from '../vouchers/voucher.queries';
import { OwnShareView, ownSharePdf } from './own-share-pdf';
import { loadPricing } from './pricing';
import { ChangeEventDto, CreditRequestDto, EndInterruptionDto, EventDecisionDto, RecordEventDto, RecordInterruptionDto } from './record.dto';
import {
  autoRecordingCandidates,
  completeEvents,
  completeInterruption,
  deleteEvent,
  deleteInterruption,
  eventOwner,
  findCreditOfEvent,
  findEvent,
  findInterruption,
  insertCredit,
  insertEvent,
  insertEvents,
  insertInterruption,
  insertRecordDecision,
  interruptionOwner,
  Interruption,
  listProviderEvents,
  listRecordDecisions,
  listVoucherEvents,
  listVoucherInterruptions,
  lockAutoRecording,
  logRecord,
  NewEvent,
  overlappingInterruption,
  pendingApprovals,
  recordedQuantity,
  recordingContext,
  RecordingContext,
  recordLog,
  ServiceEvent,
  setApproval,
  updateEvent,
  updateInterruptionEnd,
} from './record.queries';

/**
 * Service events and interruptions (seed 003 §4.3): recorded by the provider on a reserved
 * content, valued by the price list and voucher in force on each date, checked against the
 * voucher's grant; editable until settled, afterwards corrected only by a credit request.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  eventOwnerOf(id: string) {
    return this.db.read((tx) => eventOwner(tx, id));
  }

  interruptionOwnerOf(id: string) {
    return this.db.read((tx) => interruptionOwner(tx, id));
  }

  // ---- events ----------------------------------------------------------------------------------

  async recordEvent(voucherId: string, dto: RecordEventDto, actor: string): Promise<ServiceEvent> {
    return this.db.transaction(async (tx) => {
      const context = await this.reservedContent(tx, voucherId, dto.contentCode);
      const organisation = await requireOrganisation(tx, context.organisationId);
      const unitId = await this.providerUnit(tx, context, dto.unitId);
      const span = { startDate: parseLocalDate(dto.startDate, 'startDate'), endDate: parseLocalDate(dto.endDate, 'endDate'), minutes: dto.minutes, visits: dto.visits };
      if (dto.complete) this.requireCompletable(span.endDate, organisation);
      const id = randomUUID();
      const valued = await this.value(tx, organisation, context, unitId, span, null);
      await insertEvent(tx, { id, ...valued, status: dto.complete ? 'complete' : 'incomplete', automatic: false, note: dto.note ?? null }, actor);
      if (valued.approval === 'pending') await this.tellApprovers(tx, context, id);
      return (await findEvent(tx, id))!;
    });
  }

  async changeEvent(id: string, dto: ChangeEventDto, actor: string): Promise<ServiceEvent> {
    return this.db.transaction(async (tx) => {
      const event = await this.unsettledEvent(tx, id);
      const context = (await recordingContext(tx, event.voucherId, event.contentCode))!;
      const organisation = await requireOrganisation(tx, event.organisationId);
      const unitId = await this.providerUnit(tx, context, dto.unitId ?? event.unitId);
      const span: EventSpan = {
        startDate: parseLocalDate(dto.startDate ?? event.startDate, 'startDate'),
        endDate: parseLocalDate(dto.endDate ?? event.endDate, 'endDate'),
        minutes: dto.minutes ?? (event.unit === 'hour' ? event.quantity : undefined),
        visits: dto.visits ?? (event.unit === 'visit' ? event.quantity : undefined),
      };
      if (event.status === 'complete') this.requireCompletable(span.endDate, organisation);
      const valued = await this.value(tx, organisation, context, unitId, span, id);
      // A change that overruns the grant waits for approval (again); one back within it needs none.
      const approval = valued.approval === 'pending' ? 'pending' : event.approval === 'pending' ? 'not-needed' : event.approval;
      await updateEvent(tx, id, { ...valued, approval, note: dto.note ?? event.note });
      await logRecord(tx, 'event', id, 'changed', actor, { before: { startDate: event.startDate, endDate: event.endDate, quantity: event.quantity, unitId: event.unitId } });
      if (approval === 'pending' && event.approval !== 'pending') await this.tellApprovers(tx, context, id);
      return (await findEvent(tx, id))!;
    });
  }

  async completeEvent(id: string, actor: string): Promise<ServiceEvent> {
    return this.db.transaction(async (tx) => {
      const event = await this.unsettledEvent(tx, id);
      if (event.status === 'complete') conflict('event', 'the event is complete already');
      this.requireCompletable(event.endDate, await requireOrganisation(tx, event.organisationId));
      await completeEvents(tx, [id], actor);
      return (await findEvent(tx, id))!;
    });
  }

  async deleteEvent(id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.unsettledEvent(tx, id);
      await deleteEvent(tx, id, actor);
      await logRecord(tx, 'event', id, 'deleted', actor);
    });
  }

  async event(id: string) {
    return this.db.read(async (tx) => {
      const event = (await findEvent(tx, id)) ?? notFound(`event ${id}`);
      return { ...event, decisions: await listRecordDecisions(tx, id), credit: (await findCreditOfEvent(tx, id)) ?? null, log: await recordLog(tx, 'event', id) };
    });
  }

  voucherEvents(voucherId: string) {
    return this.db.read((tx) => listVoucherEvents(tx, voucherId));
  }

  providerEvents(providerId: string, month: string, onlyIncomplete: boolean) {
    return this.db.read((tx) => listProviderEvents(tx, providerId, parseBillingPeriod(month, 'month'), onlyIncomplete));
  }

  /** Confirms the provider's incomplete events of a month (the automatic ones by the 2nd, §4.3.2). */
  async confirmMonth(providerId: string, month: string, actor: string): Promise<{ confirmed: number }> {
    return this.db.transaction(async (tx) => {
      const events = await listProviderEvents(tx, providerId, parseBillingPeriod(month, 'month'), true);
      if (events.length === 0) return { confirmed: 0 };
      const organisation = await requireOrganisation(tx, events[0].organisationId);
      const today = todayOf(organisation, this.clock.now());
      const ready = events.filter((event) => event.settlementId === null && completionRefusal(event.endDate, today) === undefined);
      return { confirmed: await completeEvents(tx, ready.map((event) => event.id), actor) };
    });
  }

  approvals(organisationId: string, providerId: string | undefined) {
    return this.db.read((tx) => pendingApprovals(tx, organisationId, providerId));
  }

  /**
   * The municipality's decision on an overrun (§4.3.5.6): approve, reject, or approve and raise a
   * credit request for the whole event, deducted in the settlement after the one that pays it.
   */
  async decideEvent(id: string, dto: EventDecisionDto, actor: string): Promise<ServiceEvent> {
    return this.db.transaction(async (tx) => {
      const event = (await findEvent(tx, id, true)) ?? notFound(`event ${id}`);
      if (event.approval !== 'pending') conflict('event', `the event is ${event.approval === 'not-needed' ? 'within the grant' : event.approval}: only an event waiting for manual approval is decided`);
      await insertRecordDecision(tx, { id: randomUUID(), organisationId: event.organisationId, eventId: id, decision: dto.decision, grounds: dto.grounds }, actor);
      await setApproval(tx, id, dto.decision === 'reject' ? 'rejected' : 'approved');
      if (dto.decision === 'approve-with-credit') await this.raiseCredit(tx, event, `overrun: ${dto.grounds}`, actor);
      await logRecord(tx, 'event', id, dto.decision, actor, { grounds: dto.grounds });
      return (await findEvent(tx, id))!;
    });
  }

  /** A correction of a paid (or paying) event (§4.3.8): its whole value is deducted in the next settlement. */
  async requestCredit(id: string, dto: CreditRequestDto, actor: string) {
    return this.db.transaction(async (tx) => {
      const event = (await findEvent(tx, id, true)) ?? notFound(`event ${id}`);
      if (event.approval === 'rejected') conflict('event', 'a rejected event is never paid: there is nothing to credit');
      if (await findCreditOfEvent(tx, id)) conflict('event', 'the event has a credit request already');
      await this.raiseCredit(tx, event, dto.reason, actor);
      await logRecord(tx, 'event', id, 'credit requested', actor, { reason: dto.reason });
      return (await findCreditOfEvent(tx, id))!;
    });
  }

  // ---- interruptions ---------------------------------------------------------------------------

  async recordInterruption(voucherId: string, dto: RecordInterruptionDto, actor: string): Promise<Interruption> {
    return this.db.transaction(async (tx) => {
      const context = await this.reservedContent(tx, voucherId, dto.contentCode);
      if (!context.continuingDaily || context.unit !== 'day') badRequest('contentCode', 'interruptions are recorded for continuing services counted in days only (seed 003 §4.3.5)');
      const startDate = parseLocalDate(dto.startDate, 'startDate');
      const endDate = dto.endDate === undefined ? null : parseLocalDate(dto.endDate, 'endDate');
      if (endDate !== null && endDate < startDate) badRequest('endDate', `must not be before the start (${startDate})`);
      const refusal = voucherPeriodRefusal({ validFrom: context.voucherValidFrom, validTo: context.voucherValidTo }, { startDate, endDate });
      if (refusal) badRequest('startDate', refusal);
      if (await overlappingInterruption(tx, context.contentId, startDate, endDate, null)) conflict('startDate', 'another interruption of the content overlaps these days');
      const id = randomUUID();
      await insertInterruption(
        tx,
        { id, organisationId: context.organisationId, providerId: context.providerId!, unitId: context.reservedUnitId!, voucherId, voucherContentId: context.contentId, reason: dto.reason, startDate, endDate, returned: dto.returned ?? true, note: dto.note ?? null },
        actor,
      );
      if (dto.complete) await this.completeInterruption(tx, id, actor);
      return (await findInterruption(tx, id))!;
    });
  }

  /** Gives the end date (the return day, or the day the provider learnt the client will not return) and completes. */
  async endInterruption(id: string, dto: EndInterruptionDto, actor: string): Promise<Interruption> {
    return this.db.transaction(async (tx) => {
      const interruption = await this.unsettledInterruption(tx, id);
      const endDate = parseLocalDate(dto.endDate, 'endDate');
      if (endDate < interruption.startDate) badRequest('endDate', `must not be before the start (${interruption.startDate})`);
      const context = (await recordingContext(tx, interruption.voucherId, interruption.contentCode))!;
      const refusal = voucherPeriodRefusal({ validFrom: context.voucherValidFrom, validTo: context.voucherValidTo }, { startDate: interruption.startDate, endDate });
      if (refusal) badRequest('endDate', refusal);
      if (await overlappingInterruption(tx, interruption.voucherContentId, interruption.startDate, endDate, id)) conflict('endDate', 'another interruption of the content overlaps these days');
      await updateInterruptionEnd(tx, id, endDate, dto.returned ?? interruption.returned);
      await logRecord(tx, 'interruption', id, 'ended', actor, { endDate });
      if (dto.complete) await this.completeInterruption(tx, id, actor);
      return (await findInterruption(tx, id))!;
    });
  }

  async deleteInterruption(id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.unsettledInterruption(tx, id);
      await deleteInterruption(tx, id, actor);
    });
  }

  async interruption(id: string) {
    return this.db.read(async (tx) => {
      const interruption = (await findInterruption(tx, id)) ?? notFound(`interruption ${id}`);
      return { ...interruption, log: await recordLog(tx, 'interruption', id) };
    });
  }

  voucherInterruptions(voucherId: string) {
    return this.db.read((tx) => listVoucherInterruptions(tx, voucherId));
  }

  // ---- the client's own share -------------------------------------------------------------------

  /** The own-share specification of a voucher for a period (omavastuuerittely, §4.3.7). */
  async ownShare(voucherId: string, from: string, to: string): Promise<OwnShareView & { organisationName: string }> {
    return this.db.read(async (tx) => {
      const voucher = (await findVoucher(tx, voucherId)) ?? notFound(`voucher ${voucherId}`);
      const organisation = await requireOrganisation(tx, voucher.organisationId);
      const events = (await listVoucherEvents(tx, voucherId)).map((event) => ({ ...event }));
      const spec = ownShareSpecification(events, parseLocalDate(from, 'from'), parseLocalDate(to, 'to'), organisation.currency);
      return {
        organisationName: organisation.name,
        voucherNumber: voucher.number,
        clientName: voucher.client.name,
        clientNumber: voucher.client.clientNumber,
        serviceCode: voucher.serviceCode,
        from: spec.from,
        to: spec.to,
        currency: organisation.currency,
        events: spec.events.map((event) => ({ contentCode: event.contentCode, startDate: event.startDate, endDate: event.endDate, quantity: event.quantity, unit: event.unit, priceCents: event.priceCents, voucherValueCents: event.voucherValueCents, ownShareCents: event.ownShareCents, awaitingApproval: event.awaitingApproval })),
        price: spec.price,
        voucherValue: spec.voucherValue,
        ownShare: spec.ownShare,
      };
    });
  }

  async ownSharePdf(voucherId: string, from: string, to: string): Promise<Buffer> {
    const view = await this.ownShare(voucherId, from, to);
    return ownSharePdf(view, view.organisationName);
  }

  // ---- automatic recording (activity) ----------------------------------------------------------

  /** The night of the 4th (§4.3.2): incomplete whole-month events for continuing daily services. */
  async recordAutomaticEvents(input: { organisationId: string; month: string }): Promise<AutoRecordingResult> {
    const month = parseBillingPeriod(input.month, 'month');
    return this.db.transaction(async (tx) => {
      const organisation = await requireOrganisation(tx, input.organisationId);
      // One run per organisation at a time; a repeated run finds the month recorded and makes nothing.
      await lockAutoRecording(tx, input.organisationId);
      const candidates = await autoRecordingCandidates(tx, input.organisationId, firstDayOfPeriod(month), lastDayOfPeriod(month), firstDayOfPeriod(previousPeriod(month)));
      const pricing = await loadPricing(tx, input.organisationId, organisation.currency);
      const events: NewEvent[] = [];
      for (const row of candidates) {
        const outcome = automaticEvent(
          {
            unit: row.unit,
            serviceRecordsAutomatically: row.continuingDaily,
            validFrom: row.validFrom,
            validTo: row.validTo,
            latest: row.latestKind === null ? null : { unitId: row.latestUnitId!, kind: row.latestKind, open: row.latestOpen },
            recordedLastMonth: row.recordedLastMonth,
            recordedThisMonth: row.recordedThisMonth,
          },
          month,
        );
        if (!outcome.record) continue;
        const span = { startDate: outcome.startDate, endDate: outcome.endDate };
        let value;
        try {
          value = eventValue('day', span, pricing.valuesOn({ ...row, unitId: outcome.unitId }), organisation.currency);
        } catch {
          // No price list in force: nothing to value the month with; the provider records it by hand.
          continue;
        }
        events.push({
          id: randomUUID(),
          organisationId: row.organisationId,
          providerId: row.providerId,
          unitId: outcome.unitId,
          voucherId: row.voucherId,
          voucherContentId: row.contentId,
          startDate: outcome.startDate,
          endDate: outcome.endDate,
          quantity: eventQuantity('day', span),
          priceCents: value.price.minorUnits,
          voucherValueCents: value.voucherValue.minorUnits,
          ownShareCents: value.ownShare.minorUnits,
          status: 'incomplete',
          approval: 'not-needed',
          automatic: true,
          note: null,
        });
      }
      await insertEvents(tx, events, 'system:voucherAutoRecording');
      return { month, recorded: events.length };
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private async reservedContent(tx: Tx, voucherId: string, contentCode: string): Promise<RecordingContext> {
    const context = (await recordingContext(tx, voucherId, contentCode)) ?? notFound(`content ${contentCode} on the voucher`);
    if (context.providerId === null) conflict('contentCode', 'the content is not reserved: a provider reserves it before recording');
    return context;
  }

  private async providerUnit(tx: Tx, context: RecordingContext, unitId: string | undefined): Promise<string> {
    const chosen = unitId ?? context.reservedUnitId!;
    if (!(await listUnits(tx, context.providerId!)).some((unit) => unit.id === chosen)) notFound(`unit ${chosen} of the provider`);
    return chosen;
  }

  private requireCompletable(endDate: string | null, organisation: SettlementOrganisation): void {
    const refusal = completionRefusal(endDate, todayOf(organisation, this.clock.now()));
    if (refusal) conflict('complete', refusal);
  }

  /** Units, value and the overrun check of an event on the content (§4.3.1, §4.3.5.6). */
  private async value(tx: Tx, organisation: SettlementOrganisation, context: RecordingContext, unitId: string, span: EventSpan, exceptEventId: string | null) {
    const quantity = eventQuantity(context.unit, span);
    const refusal = voucherPeriodRefusal({ validFrom: context.voucherValidFrom, validTo: context.voucherValidTo }, span);
    if (refusal) badRequest('startDate', refusal);
    const pricing = await loadPricing(tx, context.organisationId, organisation.currency, context.providerId!);
    const value = eventValue(context.unit, span, pricing.valuesOn({ providerId: context.providerId!, unitId, serviceCode: context.serviceCode, contentCode: context.contentCode, unitValueCents: context.unitValueCents }), organisation.currency);
    let approval: 'not-needed' | 'pending' = 'not-needed';
    if (context.grantedQuantity !== null && context.grantedPer !== null) {
      const period = grantPeriodOf(span.startDate, context.grantedPer);
      const before = await recordedQuantity(tx, context.contentId, period.from, period.to, exceptEventId);
      if (checkOverrun({ quantity: context.grantedQuantity, per: context.grantedPer }, before, quantity).exceeds) approval = 'pending';
    }
    return {
      organisationId: context.organisationId,
      providerId: context.providerId!,
      unitId,
      voucherId: context.voucherId,
      voucherContentId: context.contentId,
      startDate: span.startDate,
      endDate: span.endDate,
      quantity,
      priceCents: value.price.minorUnits,
      voucherValueCents: value.voucherValue.minorUnits,
      ownShareCents: value.ownShare.minorUnits,
      approval,
    };
  }

  private async tellApprovers(tx: Tx, context: RecordingContext, eventId: string): Promise<void> {
    await addNotification(tx, {
      organisationId: context.organisationId,
      providerId: null,
      audience: 'approvers',
      subjectKind: 'event',
      subjectId: eventId,
      message: `An event on voucher ${context.voucherNumber} (${context.contentCode}) exceeds the granted amount and waits for manual approval`,
    });
  }

  private async raiseCredit(tx: Tx, event: ServiceEvent, reason: string, actor: string): Promise<void> {
    const open = (await firstOpenMonth(tx, event.organisationId)) ?? periodOf(event.endDate);
    await insertCredit(
      tx,
      {
        id: randomUUID(),
        organisationId: event.organisationId,
        providerId: event.providerId,
        eventId: event.id,
        amountCents: event.voucherValueCents,
        reason,
        deductInMonth: creditDeductionMonth({ endDate: event.endDate, settledInMonth: event.settledInMonth }, open),
      },
      actor,
    );
  }

  private async unsettledEvent(tx: Tx, id: string): Promise<ServiceEvent> {
    const event = (await findEvent(tx, id, true)) ?? notFound(`event ${id}`);
    if (event.settlementId !== null) conflict('event', `the event was settled in ${event.settledInMonth}: a settled event is corrected by a credit request`);
    return event;
  }

  private async unsettledInterruption(tx: Tx, id: string): Promise<Interruption> {
    const interruption = (await findInterruption(tx, id, true)) ?? notFound(`interruption ${id}`);
    if (interruption.settlementId !== null) conflict('interruption', 'the interruption was settled: a settled interruption is not changed');
    if (interruption.status === 'complete') conflict('interruption', 'the interruption is complete');
    return interruption;
  }

  /** Fixes the rule, the days at their percentages and the compensation (§4.3.5.1-2). */
  private async completeInterruption(tx: Tx, id: string, actor: string): Promise<void> {
    const interruption = (await findInterruption(tx, id))!;
    const organisation = await requireOrganisation(tx, interruption.organisationId);
    this.requireCompletable(interruption.endDate, organisation);
    const context = (await recordingContext(tx, interruption.voucherId, interruption.contentCode))!;
    const rule = chooseInterruptionRule(await listInterruptionRules(tx, interruption.organisationId), { serviceCode: context.serviceCode, reason: interruption.reason, startDate: interruption.startDate });
    const split = splitInterruption(interruption.startDate, interruption.endDate!, rule, { returned: interruption.returned });
    const pricing = await loadPricing(tx, interruption.organisationId, organisation.currency, interruption.providerId);
    const compensation = interruptionCompensation(
      split,
      pricing.valuesOn({ providerId: interruption.providerId, unitId: interruption.unitId, serviceCode: context.serviceCode, contentCode: context.contentCode, unitValueCents: context.unitValueCents }),
      organisation.currency,
    );
    await completeInterruption(
      tx,
      id,
      { rule: { validFrom: rule.validFrom, serviceCode: rule.serviceCode, reason: rule.reason, bands: rule.bands, returnDayPercent: rule.returnDayPercent }, days: split.days, compensatedDays: split.compensatedDays, uncompensatedDays: split.uncompensatedDays, compensationCents: compensation.minorUnits },
      actor,
    );
  }
}
