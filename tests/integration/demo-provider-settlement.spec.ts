import { addDays, firstDayOfMonth, localDateInZone } from '@clientfees/domain';
import { loadDemo, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

/**
 * The service vouchers a newcomer meets after `npm start`: the demo loader (`clientfees demo`)
 * fills provider settlement through its REST API and the real application workflow; a second
 * run adds nothing.
 */
describe('the service-voucher demo', () => {
  let stack: ProcessStack;
  const { ok } = serviceApi(() => stack.url('provider-settlement'), 'demo-test');
  const demo = () =>
    loadDemo(['--only', 'provider-settlement', '--provider-settlement-url', stack.url('provider-settlement')]);

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['provider-settlement', 'workflows'] });
    await stack.start('provider-settlement');
    await stack.start('workflows');
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('has two providers, last month’s events with an interruption, and an overrun waiting for approval', async () => {
    const stdout = await demo();
    expect(stdout).toContain('service vouchers of fi-demo ready: providers kotiranta and aamurusko, 5 vouchers');

    const today = localDateInZone(Date.now(), 'Europe/Helsinki');
    const month = addDays(firstDayOfMonth(today), -1).slice(0, 7);
    const providers = await ok('GET', '/providers?organisationId=fi-demo', ['client-fee-officer']);
    expect(providers.map((p: { id: string }) => p.id).sort()).toEqual(['aamurusko', 'kotiranta']);
    for (const id of ['aamurusko', 'kotiranta']) {
      const provider = await ok('GET', `/providers/${id}`, ['client-fee-officer']);
      expect(provider.services.map((s: { serviceCode: string }) => s.serviceCode).sort()).toEqual(['ENHANCED-HOUSING', 'HOME-CARE']);
    }
    expect(await ok('GET', '/vouchers?organisationId=fi-demo', ['client-fee-officer'])).toHaveLength(5);

    const events = await ok('GET', `/providers/kotiranta/events?month=${month}`, ['client-fee-officer']);
    // Two whole-month housing events around the hospital stay, one whole month, five home-care visits.
    expect(events).toHaveLength(8);
    expect(events.every((event: { startDate: string }) => event.startDate.startsWith(month))).toBe(true);
    expect(await ok('GET', `/providers/aamurusko/events?month=${month}`, ['client-fee-officer'])).toHaveLength(2);

    const interruptions = await ok('GET', `/reports/interruptions?organisationId=fi-demo&from=${month}&to=${month}`, ['client-fee-officer']);
    expect(interruptions).toEqual([expect.objectContaining({ reason: 'hospital', startDate: `${month}-10`, endDate: `${month}-20`, compensatedDays: 11, settled: false })]);

    const approvals = await ok('GET', '/approvals?organisationId=fi-demo', ['client-fee-officer']);
    expect(approvals).toEqual([expect.objectContaining({ approval: 'pending', providerId: 'kotiranta', quantity: 120 })]);

    // Loaded once: a second run finds the vouchers.
    expect(await demo()).toBe('service vouchers of fi-demo already loaded\n');
  }, 120000);
});
