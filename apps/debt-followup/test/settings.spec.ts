import { debtReviewScheduleId, MonthlyDebtReviewWorkflow } from '@clientfees/contracts';
import { startDevServer } from '@clientfees/testing';
import { DebtFollowupStack, startDebtFollowupStack } from './debt-followup-stack';

const ADMIN = { roles: ['administrator' as const] };

/** The service with the Temporal dev server: settings, the month-end Schedule, health, bad input. */
describe('debt follow-up settings and the month-end Schedule (dev server)', () => {
  let stack: DebtFollowupStack;
  beforeAll(async () => {
    stack = await startDebtFollowupStack(await startDevServer());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers health with the database, Temporal and its worker up', async () => {
    const health = await stack.call('GET', '/health', ADMIN);
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } });
  });

  it('keeps a Schedule per organisation on every month’s last day in its own time zone', async () => {
    const schedule = await stack.env.client.schedule.getHandle(debtReviewScheduleId('se-demo')).describe();
    expect(schedule.spec.timezone).toBe('Europe/Stockholm');
    const calendars = schedule.spec.calendars!;
    const days = (month: string) => calendars.filter((c) => (c.month as Array<{ start: string }>).some((range) => range.start === month)).map((c) => (c.dayOfMonth as Array<{ start: number }>)[0].start);
    expect(days('JANUARY')).toEqual([31]);
    expect(days('APRIL')).toEqual([30]);
    expect(days('FEBRUARY').sort()).toEqual([28, 29]);
    expect(calendars.every((c) => (c.hour as Array<{ start: number }>)[0].start === 20)).toBe(true);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: MonthlyDebtReviewWorkflow.workflowType, args: [{ organisationId: 'se-demo' }] });

    await stack.ok('PUT', '/organisations/se-demo/debt-follow-up', ADMIN, { country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm', monthEndReview: false });
    await expect(stack.env.client.schedule.getHandle(debtReviewScheduleId('se-demo')).describe()).rejects.toThrow(/not found/i);
  });

  it('stores who signs write-offs up to what amount, and refuses what cannot be', async () => {
    const saved = await stack.ok('PUT', '/organisations/fi-demo/debt-follow-up', ADMIN, {
      country: 'FI',
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      signingLimits: [
        { role: 'billing-supervisor', maxAmount: '2500.00' },
        { role: 'result-area-director', maxAmount: null },
      ],
      signatureReminderDays: 5,
    });
    expect(saved).toMatchObject({ signingLimits: [{ role: 'billing-supervisor', maxAmount: '2500.00' }, { role: 'result-area-director', maxAmount: null }], signatureReminderDays: 5, updatedBy: 'test-administrator' });
    const wrongCurrency = await stack.call('PUT', '/organisations/fi-demo/debt-follow-up', ADMIN, { country: 'FI', currency: 'SEK', timeZone: 'Europe/Helsinki' });
    expect(wrongCurrency.body.problems).toEqual([{ field: 'currency', reason: 'an organisation in FI bills in EUR' }]);
    const twice = await stack.call('PUT', '/organisations/fi-demo/debt-follow-up', ADMIN, {
      country: 'FI',
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      signingLimits: [
        { role: 'billing-supervisor', maxAmount: '1.00' },
        { role: 'billing-supervisor', maxAmount: '2.00' },
      ],
    });
    expect(twice.body.problems).toEqual([{ field: 'signingLimits.1.role', reason: 'is named twice' }]);
    const caseworkerSigns = await stack.call('PUT', '/organisations/fi-demo/debt-follow-up', ADMIN, { country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', signingLimits: [{ role: 'caseworker', maxAmount: null }] });
    expect(caseworkerSigns.status).toBe(400);
    expect((await stack.call('PUT', '/organisations/fi-demo/debt-follow-up', { roles: ['finance-centre'] }, { country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki' })).status).toBe(403);
    expect((await stack.call('GET', '/organisations/fi-demo/debt-follow-up', { roles: ['finance-centre'], organisations: ['se-demo'] })).status).toBe(404);
  });

  it('refuses work for an organisation without settings (409) and a resource id that is not one (404)', async () => {
    const noSettings = await stack.call('POST', '/deaths', { roles: ['client-fee-officer'], organisations: ['fi-other'] }, {
      organisationId: 'fi-other',
      clientId: '11111111-2222-4333-8444-555555555555',
      dateOfDeath: '2026-01-01',
      sourceReference: 'x',
    });
    expect(noSettings).toMatchObject({ status: 409, body: { problems: [{ field: 'organisationId', reason: 'has no debt follow-up settings yet' }] } });
    expect((await stack.call('GET', '/debt-cases/not-a-uuid', { roles: ['finance-centre'] })).status).toBe(404);
    expect((await stack.call('GET', '/estate-cases/11111111-2222-4333-8444-555555555555', { roles: ['finance-centre'] })).status).toBe(404);
  });
});
