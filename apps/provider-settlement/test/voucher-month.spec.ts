import { WorkflowHandle } from '@temporalio/client';
import { ProviderSettlementWorkflows, TaskQueues, voucherAutoRecordingWorkflowId, voucherSettlementStatusQuery, voucherSettlementWorkflowId } from '@clientfees/contracts';
import { readPdf } from '@clientfees/documents/testing';
import { eventually, keepWorkflowHistory, startTimeSkippingServer } from '@clientfees/testing';
import { xsdProblems } from './support/xsd';
import {
  FINANCE,
  grantAndReserve,
  HOME_CARE,
  HOUSING,
  OFFICER,
  ORGANISATION,
  providerUser,
  setUpOrganisation,
  setUpProvider,
  SettlementStack,
  skipTo,
  startSettlementStack,
  ZONE,
} from './settlement-stack';

const kotiranta = providerUser('kotiranta');
const aamurusko = providerUser('aamurusko');

/**
 * Two months of Kouvola's service vouchers on the time-skipping server, through REST and the real
 * workflows: January recorded by hand (an overrun of the week's 10 hours, an interruption that
 * runs into February), January settled on 4.2. with its payment file, February recorded
 * automatically on the 4th, confirmed by one provider by the 2nd and not by the other, and
 * February settled on 4.3.: the interruption a month later, the credit deducted, the provider
 * without a bank account in January paid once it gave one.
 */
describe('a voucher month from recording to settlement (seed 003 §4.3)', () => {
  let stack: SettlementStack;

  beforeAll(async () => {
    stack = await startSettlementStack(await startTimeSkippingServer());
  }, 60000);

  afterAll(() => stack?.stop());

  const settlementOf = async (month: string): Promise<WorkflowHandle> => {
    await stack.ok(FINANCE, 'POST', '/settlements', { organisationId: ORGANISATION, month });
    return stack.temporal.workflow.getHandle(voucherSettlementWorkflowId(ORGANISATION, month));
  };
  const phaseOf = (handle: WorkflowHandle) => handle.query(voucherSettlementStatusQuery);
  const settledView = async (month: string) => {
    const [settlement] = (await stack.ok(FINANCE, 'GET', `/settlements?organisationId=${ORGANISATION}`)).filter((s: { month: string }) => s.month === month);
    return stack.ok(FINANCE, 'GET', `/settlements/${settlement.id}`);
  };
  const euros = (cents: number) => (cents / 100).toFixed(2);

  it('records, reminds, approves and settles January and February', async () => {
    await skipTo(stack, '2027-01-04');
    await setUpOrganisation(stack);
    const { unitId: kotirantaUnit } = await setUpProvider(stack, 'kotiranta', '0245437-2', '2027-01-01');
    const { unitId: aamuruskoUnit } = await setUpProvider(stack, 'aamurusko', '1572860-0', '2027-01-01', { bankAccount: false });
    const housing = { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '82.00' };
    const steady = await grantAndReserve(stack, 'kotiranta', kotirantaUnit, housing, '2027-01-01');
    const away = await grantAndReserve(stack, 'kotiranta', kotirantaUnit, housing, '2027-01-01');
    const homeCare = await grantAndReserve(stack, 'kotiranta', kotirantaUnit, { serviceCode: HOME_CARE, contentCode: 'CARE-HOUR', unitValue: '35.00', grantedQuantity: 600, grantedPer: 'week' }, '2027-01-01');
    const other = await grantAndReserve(stack, 'aamurusko', aamuruskoUnit, housing, '2027-01-01');

    // ---- January, recorded by hand on the 31st --------------------------------------------------
    await skipTo(stack, '2027-01-31');
    const day = (voucher: { id: string }, provider = kotiranta, startDate = '2027-01-01', endDate = '2027-01-31', complete = true) =>
      stack.ok(provider, 'POST', `/vouchers/${voucher.id}/events`, { contentCode: 'CARE-DAY', startDate, endDate, complete });
    const steadyJanuary = await day(steady);
    await day(away, kotiranta, '2027-01-01', '2027-01-24');
    const interruption = await stack.ok(kotiranta, 'POST', `/vouchers/${away.id}/interruptions`, { contentCode: 'CARE-DAY', reason: 'hospital', startDate: '2027-01-25', complete: false });
    await day(other, aamurusko);
    // Seed §4.3.5.6: 10 h a week granted; 2 h, 2 h 15 min, 2 h, 2 h 15 min, 2 h → the fifth goes to manual approval.
    const hours = [];
    for (const [date, minutes] of [['2027-01-25', 120], ['2027-01-26', 135], ['2027-01-27', 120], ['2027-01-28', 135], ['2027-01-29', 120]] as const) {
      hours.push(await stack.ok(kotiranta, 'POST', `/vouchers/${homeCare.id}/events`, { contentCode: 'CARE-HOUR', startDate: date, endDate: date, minutes, complete: true }));
    }
    expect(hours.map((event) => event.approval)).toEqual(['not-needed', 'not-needed', 'not-needed', 'not-needed', 'pending']);
    expect((await stack.ok(OFFICER, 'GET', `/approvals?organisationId=${ORGANISATION}`)).map((event: { id: string }) => event.id)).toEqual([hours[4].id]);

    // ---- the January settlement: the Schedule's run of 1.2. ------------------------------------
    await skipTo(stack, '2027-02-01');
    const january = await settlementOf('2027-01');
    await eventually(() => phaseOf(january), (status) => status.approverReminders === 1);
    const approverInbox = await stack.ok(OFFICER, 'GET', `/notifications?organisationId=${ORGANISATION}`);
    expect(approverInbox.some((notice: { audience: string; message: string }) => notice.audience === 'approvers' && /decide them by the 3rd/.test(notice.message))).toBe(true);

    // 2.2.: approved, with a credit request for the whole event (2 h × 35 € = 70 €) deducted next month.
    await skipTo(stack, '2027-02-02');
    const decided = await stack.ok(OFFICER, 'POST', `/events/${hours[4].id}/decision`, { decision: 'approve-with-credit', grounds: 'the week’s 10 h were exceeded by 30 min' });
    expect(decided.approval).toBe('approved');
    expect((await stack.ok(OFFICER, 'GET', `/events/${hours[4].id}`)).credit).toMatchObject({ amountCents: 7000, deductInMonth: '2027-02' });

    // Nothing is settled before the 4th.
    await skipTo(stack, '2027-02-03', 20);
    expect((await phaseOf(january)).phase).toBe('awaiting-approvals');
    await skipTo(stack, '2027-02-04', 7);
    const januaryResult = await eventually(() => phaseOf(january), (status) => status.phase === 'settled', 30000);
    expect(januaryResult.approverReminders).toBe(1);
    await january.result();
    keepWorkflowHistory(stack.env.address, january.workflowId, 'voucher-settlement-v2-approver-reminded-then-settled-own-shares-invoiced');
    const januaryView = await settledView('2027-01');
    expect(januaryView).toMatchObject({ state: 'settled', settledOn: '2027-02-04', paymentDate: '2027-02-18' });
    const paid = Object.fromEntries(januaryView.providers.map((p: { providerId: string; payableCents: number; carriedOutCents: number }) => [p.providerId, [euros(p.payableCents), euros(p.carriedOutCents)]]));
    // Kotiranta: 31 × 82 + 24 × 82 + 10.5 h × 35 = 2542 + 1968 + 367.50; the open interruption waits.
    // Aamurusko gave no bank account: its 31 × 82 waits for the next settlement after it gives one.
    expect(paid).toEqual({ kotiranta: ['4877.50', '0.00'], aamurusko: ['0.00', '2542.00'] });
    const januaryFile = (await stack.call(FINANCE, 'GET', `/settlements/${januaryView.id}/payment-file.xml`)).body as string;
    expect(await xsdProblems(januaryFile)).toBe('');
    expect(januaryFile).toContain('<ReqdExctnDt><Dt>2027-02-18</Dt></ReqdExctnDt>');
    expect(januaryFile.match(/<CdtTrfTxInf>/g)).toHaveLength(1);
    expect(januaryFile).toContain('<InstdAmt Ccy="EUR">4877.50</InstdAmt>');

    // ---- the clients' own shares of January become invoices (issue 12 §8) ---------------------
    // Price 98.50 € a day, voucher 82.00 € → 16.50 € a day; home care 40.00 € − 35.00 € = 5.00 € an hour.
    const ownShares = async (view: { id: string }) =>
      Object.fromEntries(
        (await stack.ok(FINANCE, 'GET', `/settlements/${view.id}/own-shares`)).map((o: { clientId: string; state: string; invoicedCents: number; carriedOutCents: number; invoiceNumber: number | null }) => [
          o.clientId,
          [o.state, euros(o.invoicedCents), euros(o.carriedOutCents), o.invoiceNumber !== null],
        ]),
      );
    expect(await ownShares(januaryView)).toEqual({
      [steady.clientId]: ['invoiced', '511.50', '0.00', true], // 31 × 16.50
      [away.clientId]: ['invoiced', '396.00', '0.00', true], // 24 × 16.50; the interruption has no own share
      [homeCare.clientId]: ['invoiced', '52.50', '0.00', true], // 10.5 h × 5.00, the approved overrun included
      [other.clientId]: ['invoiced', '511.50', '0.00', true], // paid later to its provider, but settled: billed now
    });
    expect(januaryResult.phase).toBe('settled');
    expect(await january.result()).toMatchObject({ ownShareInvoices: { invoiced: 4, refused: 0 } });
    const sentForHomeCare = stack.invoicing.requests.find((request) => request.clientId === homeCare.clientId)!;
    expect(sentForHomeCare).toMatchObject({ month: '2027-01', clientNumber: expect.stringMatching(/^C-3\d+$/), totalCents: 5250 });
    expect(sentForHomeCare.rows.map((row) => [row.quantity, row.amountCents])).toEqual([['2.00', 1000], ['2.25', 1125], ['2.00', 1000], ['2.25', 1125], ['2.00', 1000]]);
    expect(sentForHomeCare.rows[1].description).toContain('2.25 h, hinta 90.00, setelin arvo 78.75, omavastuu 11.25');
    // A provider user never sees the clients' own shares of a settlement.
    expect((await stack.call(kotiranta, 'GET', `/settlements/${januaryView.id}/own-shares`)).status).toBe(404);
    // Settling January again sends nothing twice.
    const sentInJanuary = stack.invoicing.requests.length;
    const again = await stack.temporal.workflow.execute(ProviderSettlementWorkflows.voucherSettlement, {
      workflowId: `${voucherSettlementWorkflowId(ORGANISATION, '2027-01')}-again`,
      taskQueue: TaskQueues.workflows,
      args: [{ organisationId: ORGANISATION, timeZone: ZONE, month: '2027-01' }],
    });
    expect(again).toMatchObject({ settlementId: januaryView.id, ownShareInvoices: { invoiced: 0, refused: 0 } });
    expect(stack.invoicing.requests).toHaveLength(sentInJanuary);

    // The settled month is locked: a paid event is corrected only by a credit request.
    const locked = await stack.call(kotiranta, 'PATCH', `/events/${steadyJanuary.id}`, { endDate: '2027-01-30' });
    expect([locked.status, locked.body.problems[0].reason]).toEqual([409, 'the event was settled in 2027-01: a settled event is corrected by a credit request']);

    // ---- February: automatic recording in the night of the 4th ---------------------------------
    // Started as the Schedule starts it (no month: the month of the day it runs).
    const auto = await stack.temporal.workflow.execute(ProviderSettlementWorkflows.voucherAutoRecording, {
      workflowId: voucherAutoRecordingWorkflowId(ORGANISATION, '2027-02'),
      taskQueue: TaskQueues.workflows,
      args: [{ organisationId: ORGANISATION, timeZone: ZONE }],
    });
    // The steady client and Aamurusko's; not the one in hospital (open interruption), not home care (hours).
    expect(auto).toEqual({ month: '2027-02', recorded: 2 });
    keepWorkflowHistory(stack.env.address, voucherAutoRecordingWorkflowId(ORGANISATION, '2027-02'), 'voucher-auto-recording-v1');
    const [steadyFebruary] = (await stack.ok(kotiranta, 'GET', `/vouchers/${steady.id}/events`)).filter((event: { startDate: string }) => event.startDate === '2027-02-01');
    expect(steadyFebruary).toMatchObject({ endDate: '2027-02-28', status: 'incomplete', automatic: true, unitId: kotirantaUnit, quantity: 28 });
    expect((await stack.ok(kotiranta, 'GET', `/vouchers/${away.id}/events`)).some((event: { startDate: string }) => event.startDate >= '2027-02-01')).toBe(false);

    // 8.2.: back from hospital. Days 0-10 (25.1.-4.2.) at 100 %, 5.-7.2. at 0 %, the return day at 100 %.
    await skipTo(stack, '2027-02-08');
    const ended = await stack.ok(kotiranta, 'POST', `/interruptions/${interruption.id}/end`, { endDate: '2027-02-08', complete: true });
    expect([ended.compensatedDays, ended.uncompensatedDays, ended.compensationCents]).toEqual([12, 3, 98400]);
    await day(away, kotiranta, '2027-02-09', '2027-02-28', false);
    await skipTo(stack, '2027-02-10');
    await stack.ok(aamurusko, 'PUT', '/providers/aamurusko/bank-account', { iban: 'FI1410093000123458', bic: 'NDEAFIHH' });

    // ---- March 1st: Kotiranta confirms February; Aamurusko does not ---------------------------
    await skipTo(stack, '2027-03-01', 9);
    expect(await stack.ok(kotiranta, 'POST', '/providers/kotiranta/events/confirm', { month: '2027-02' })).toEqual({ confirmed: 2 });
    const february = await settlementOf('2027-02');
    await eventually(() => phaseOf(february), (status) => status.providerReminders === 1);
    await skipTo(stack, '2027-03-02', 9);
    await eventually(() => phaseOf(february), (status) => status.providerReminders === 2);
    const aamuruskoInbox = await stack.ok(aamurusko, 'GET', `/notifications?organisationId=${ORGANISATION}`);
    expect(aamuruskoInbox.filter((notice: { message: string }) => /incomplete: confirm them by the 2nd/.test(notice.message))).toHaveLength(2);
    expect(await stack.ok(kotiranta, 'GET', `/notifications?organisationId=${ORGANISATION}`)).not.toContainEqual(expect.objectContaining({ subjectKind: 'settlement' }));

    await skipTo(stack, '2027-03-04', 7);
    await eventually(() => phaseOf(february), (status) => status.phase === 'settled', 30000);
    await february.result();
    keepWorkflowHistory(stack.env.address, february.workflowId, 'voucher-settlement-v2-providers-reminded-then-settled-own-shares-invoiced');
    const februaryView = await settledView('2027-02');
    const februaryPaid = Object.fromEntries(februaryView.providers.map((p: { providerId: string; payableCents: number }) => [p.providerId, euros(p.payableCents)]));
    // Kotiranta: 28 × 82 + 20 × 82 + the interruption 984 − the credit 70 = 2296 + 1640 + 984 − 70.
    // Aamurusko: January's 2542 now that it has an account; its unconfirmed February is left out.
    expect(februaryPaid).toEqual({ kotiranta: '4850.00', aamurusko: '2542.00' });
    const februaryFile = (await stack.call(FINANCE, 'GET', `/settlements/${februaryView.id}/payment-file.xml`)).body as string;
    expect(await xsdProblems(februaryFile)).toBe('');
    expect(februaryFile).toContain('<CtrlSum>7392.00</CtrlSum>');
    const unconfirmed = (await stack.ok(aamurusko, 'GET', '/providers/aamurusko/events?month=2027-02')).filter((event: { automatic: boolean }) => event.automatic);
    expect(unconfirmed).toMatchObject([{ status: 'incomplete', settlementId: null }]);

    // February's own shares: 28 × 16.50 and 20 × 16.50; the credited overrun gives home care its 10.00 back
    // on this month's invoice, not by changing January's — with nothing else to bill, it is carried.
    expect(await ownShares(februaryView)).toEqual({
      [steady.clientId]: ['invoiced', '462.00', '0.00', true],
      [away.clientId]: ['invoiced', '330.00', '0.00', true],
      [homeCare.clientId]: ['nothing-to-invoice', '0.00', '-10.00', false],
    });
    const credited = (await stack.ok(FINANCE, 'GET', `/settlements/${februaryView.id}/own-shares`)).find((o: { clientId: string }) => o.clientId === homeCare.clientId);
    expect(credited.rows).toMatchObject([{ kind: 'voucher-own-share-credit', eventId: hours[4].id, amountCents: -1000 }]);

    // Kotiranta's specification lists the interruption and the credit.
    const lines = (await stack.ok(kotiranta, 'GET', '/providers/kotiranta/settlements/2027-02')).lines;
    expect(lines.map((line: { kind: string; amountCents: number }) => [line.kind, line.amountCents]).sort()).toEqual([
      ['credit', 7000],
      ['event', 164000],
      ['event', 229600],
      ['interruption', 98400],
    ]);
    const pdf = await stack.call(kotiranta, 'GET', '/providers/kotiranta/settlements/2027-02/specification.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = readPdf(pdf.bytes).pages.join(" ").replace(/\s+/g, " ");
    expect(text).toContain('Keskeytys / interruption');
    expect(text).toContain('-70.00 EUR');
    expect(text).toContain('4850.00 EUR');
  }, 300000);
});
