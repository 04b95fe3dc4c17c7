import { localDateInZone } from '@clientfees/domain';
import { eventually, ProcessStack, serviceApi, startIncomeVerificationDemo } from '@clientfees/testing';

/**
 * From the authority records to the invoice, as `npm start` leaves the system: the demo data
 * (`clientfees demo` with both services), among it income reviews waiting for the officer — one
 * of them for C-2019, the client without income, reviewed as the stand-ins' fictional Aino
 * Testinen — the official's adjusted decision, and the next billing run. Invoicing, income
 * verification, the stand-ins and the workflow worker run as processes on a real Temporal server
 * and Postgres.
 */
describe('a fee decision reaches billing', () => {
  let stack: ProcessStack;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'decided-fee-test');
  const incomes = serviceApi(() => stack.url('income-verification'), 'officer-1');

  beforeAll(async () => {
    stack = await startIncomeVerificationDemo();
  }, 180000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('a review ends in a decision, the next billing run bills the decided fee, and the invoice row’s explanation names the authority record and the rule version', async () => {
    const today = localDateInZone(Date.now(), 'Europe/Helsinki');
    const period = today.slice(0, 7);
    // C-2019 has home care (10 h a month, 1 100 € to produce) and no income: the demo's "income missing" error.
    const [client] = await invoicing.ok('GET', '/clients?organisationId=fi-demo&clientNumber=C-2019', ['client-fee-officer']);
    const officer = ['client-fee-officer'];

    // The demo left its three reviews waiting for the officer.
    const waitingReviews = await incomes.ok('GET', '/income-reviews?organisationId=fi-demo&state=awaiting-review', officer);
    expect(waitingReviews).toHaveLength(3);
    const review = waitingReviews.find((r: { clientId: string }) => r.clientId === client.id);
    const waiting = await incomes.ok('GET', `/income-reviews/${review.id}`, officer);
    // The demo named neither the identity code nor the service: both came from invoicing (its decided home care).
    expect(waiting.service).toEqual({ kind: 'fi-home-care', hoursPerMonth: '10.00', serviceCost: '1100.00' });
    expect(waiting.summary.client.lines.map((l: { typeCode: string }) => l.typeCode)).toEqual(['1001', '1002', 'capital-income']);
    // The rules would give 202.05 (18 % of the 1 820.50 € above the 698 € limit, 10 h); the official adjusts it.
    expect(waiting.proposal.fee).toBe('202.05');
    const decided = await incomes.ok('POST', `/income-reviews/${review.id}/decision`, officer, { action: 'adjust', fee: '180.00', reason: 'medicine costs (§ 10 c)', validFrom: `${period}-01` });

    // Invoicing holds the decision's income, with the link back to the decision.
    const [income] = await eventually(() => invoicing.ok('GET', `/clients/${client.id}/incomes`, officer), (list) => list.length === 1, 60000, 250);
    expect(income).toMatchObject({ validFrom: `${period}-01`, grossMonthlyIncome: '1820.50', source: expect.stringContaining(`fee decision ${decided.decisionId}`), feeDecision: { decisionId: decided.decisionId, fee: '180.00' } });
    expect((await incomes.ok('GET', `/income-reviews/${review.id}`, officer)).state).toBe('decided');

    // The next billing run: the demo's other error (C-2020's account string) fixed, then approved.
    const [selection] = await invoicing.ok('GET', '/selection-rules?organisationId=fi-demo', ['billing-supervisor']);
    const run = await invoicing.ok('POST', '/billing-runs', ['billing-supervisor'], { organisationId: 'fi-demo', period, selectionRuleId: selection.id });
    const calculated = await eventually(() => invoicing.ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 60000);
    const errors = await invoicing.ok('GET', `/billing-runs/${run.id}/clients?status=error`, ['finance-centre']);
    expect(errors.map((e: { clientNumber: string }) => e.clientNumber)).toEqual(['C-2020']);
    expect(calculated.counts.error).toBe(1);
    const [version] = await invoicing.ok('GET', `/clients/${errors[0].clientId}/billing-settings`, officer);
    await invoicing.ok('PATCH', `/clients/${errors[0].clientId}/billing-settings/${version.id}`, officer, { accountString: '4100-5230-SOUTH' });
    await invoicing.ok('POST', `/billing-runs/${run.id}/recalculate`, officer, { clientId: errors[0].clientId });
    // The journal lists C-2019 at the decided fee; the supervisor reviews it before approving.
    const journal = (await invoicing.ok('GET', `/billing-runs/${run.id}/journal.csv`, ['billing-supervisor'])) as string;
    expect(journal).toContain('C-2019;');
    // Another person than the one who started and recalculated the run reviews and approves it (four eyes).
    const approver = { sub: 'supervisor-sanna' };
    await invoicing.ok('POST', `/billing-runs/${run.id}/journal-review`, ['billing-supervisor'], undefined, approver);
    await invoicing.ok('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, approver);
    await eventually(() => invoicing.ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 90000);

    const billed = await invoicing.ok('GET', `/billing-runs/${run.id}/clients?limit=100`, ['finance-centre']);
    const mine = billed.find((c: { clientNumber: string }) => c.clientNumber === 'C-2019');
    expect(mine.invoiceId).not.toBeNull();
    const explained = await invoicing.ok('GET', `/invoices/${mine.invoiceId}/explanation`, ['finance-centre']);
    const careFee = explained.rows.find((row: { code: string }) => row.code === 'HOME-CARE');
    // The decided fee, not the rules' 202.05.
    expect(careFee).toMatchObject({ kind: 'care-fee', amountCents: 18000 });
    const lines: string[] = careFee.explanation.lines;
    expect(lines[0]).toBe(`fee decision ${decided.decisionId} of ${today}: 180.00 EUR a month, as the official decided`);
    // The authority record: the Incomes Register report behind the earnings-related pension.
    expect(lines).toContainEqual(expect.stringMatching(/^income from Incomes Register: 1001 .*, 12 reports 11\/2025–10\/2026, latest report [0-9a-f]{32}$/));
    // The rule version the decision used.
    expect(careFee.explanation.rules.map((r: { table: string; validFrom: string }) => `${r.table} ${r.validFrom}`)).toEqual(['FI home-care income limits 2026-01-01', 'FI home-care percentages 2021-07-01']);
    expect(lines).toContainEqual(expect.stringMatching(/^rule FI home-care percentages 2021-07-01– \(Act 734\/1992/));
    expect(JSON.stringify(explained)).not.toContain('120340');
  }, 300000);
});
