import { ProviderSettlementWorkflows, voucherAutoRecordingScheduleId, voucherSettlementScheduleId, voucherSettlementStatusQuery } from '@clientfees/contracts';
import { addMonths, firstDayOfMonth, lastDayOfMonth, localDateInZone } from '@clientfees/domain';
import { eventually, startDevServer } from '@clientfees/testing';
import { grantAndReserve, HOUSING, ORGANISATION, providerUser, setUpOrganisation, setUpProvider, SettlementStack, startSettlementStack, ZONE } from './settlement-stack';

/**
 * The organisation's two Temporal Schedules on the dev server (the time-skipping server has no
 * Schedules): their calendars in the organisation's zone, and the workflows they start, which
 * take their month from the day they run.
 */
describe('the voucher month’s Schedules', () => {
  let stack: SettlementStack;
  const today = localDateInZone(Date.now(), ZONE);
  const thisMonth = firstDayOfMonth(today);
  const lastMonth = addMonths(thisMonth, -1);

  beforeAll(async () => {
    stack = await startSettlementStack(await startDevServer(), { schedules: true });
    await setUpOrganisation(stack);
  }, 90000);

  afterAll(() => stack?.stop());

  const recentWorkflowIds = async (scheduleId: string) =>
    (await stack.temporal.schedule.getHandle(scheduleId).describe()).info.recentActions.map((action) => action.action.workflow.workflowId);

  it('records automatically on the 4th at 01:00 and settles from the 1st at 06:00, Helsinki time', async () => {
    const recording = await stack.temporal.schedule.getHandle(voucherAutoRecordingScheduleId(ORGANISATION)).describe();
    expect(recording.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 4, end: 4, step: 1 }], hour: [{ start: 1, end: 1, step: 1 }] });
    expect(recording.spec.timezone).toBe(ZONE);
    expect(recording.action).toMatchObject({ type: 'startWorkflow', workflowType: ProviderSettlementWorkflows.voucherAutoRecording, args: [{ organisationId: ORGANISATION, timeZone: ZONE }] });
    const settlement = await stack.temporal.schedule.getHandle(voucherSettlementScheduleId(ORGANISATION)).describe();
    expect(settlement.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 6, end: 6, step: 1 }] });
    expect(settlement.spec.timezone).toBe(ZONE);
    expect(settlement.action).toMatchObject({ type: 'startWorkflow', workflowType: ProviderSettlementWorkflows.voucherSettlement, args: [{ organisationId: ORGANISATION, timeZone: ZONE }] });
  });

  it('starts automatic recording of this month and the settlement of last month when triggered', async () => {
    const { unitId } = await setUpProvider(stack, 'hoivala', '0245437-2', addMonths(thisMonth, -2));
    const voucher = await grantAndReserve(stack, 'hoivala', unitId, { serviceCode: HOUSING, contentCode: 'CARE-DAY', unitValue: '82.00' }, addMonths(thisMonth, -2));
    await stack.ok(providerUser('hoivala'), 'POST', `/vouchers/${voucher.id}/events`, { contentCode: 'CARE-DAY', startDate: lastMonth, endDate: lastDayOfMonth(lastMonth), complete: true });

    await stack.temporal.schedule.getHandle(voucherAutoRecordingScheduleId(ORGANISATION)).trigger();
    const [recordingId] = await eventually(() => recentWorkflowIds(voucherAutoRecordingScheduleId(ORGANISATION)), (ids) => ids.length === 1, 30000);
    expect(await stack.temporal.workflow.getHandle(recordingId).result()).toEqual({ month: thisMonth.slice(0, 7), recorded: 1 });
    const recorded = (await stack.ok(providerUser('hoivala'), 'GET', `/vouchers/${voucher.id}/events`)).filter((event: { automatic: boolean }) => event.automatic);
    expect(recorded).toMatchObject([{ startDate: thisMonth, endDate: lastDayOfMonth(thisMonth), status: 'incomplete', unitId }]);

    await stack.temporal.schedule.getHandle(voucherSettlementScheduleId(ORGANISATION)).trigger();
    const [settlementId] = await eventually(() => recentWorkflowIds(voucherSettlementScheduleId(ORGANISATION)), (ids) => ids.length === 1, 30000);
    const settling = stack.temporal.workflow.getHandle(settlementId);
    // Last month's settlement: before the 4th it waits for confirmations and approvals, after it settles at once.
    const status = await eventually(() => settling.query(voucherSettlementStatusQuery), (s) => s.settlementId !== '', 30000);
    expect(status.month).toBe(lastMonth.slice(0, 7));
    if ((await settling.describe()).status.name === 'RUNNING') await settling.terminate('test: the settlement itself is walked on the time-skipping server (voucher-month.spec.ts)');
  }, 120000);
});
