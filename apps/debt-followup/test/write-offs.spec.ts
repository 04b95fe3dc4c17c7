import { WorkflowUpdateFailedError } from '@temporalio/client';
import { debtRestructuringWorkflowId, WriteOffProposalMessages, writeOffProposalWorkflowId } from '@clientfees/contracts';
import { eventually, keepWorkflowHistory, startTimeSkippingServer } from '@clientfees/testing';
import { DebtFollowupStack, startDebtFollowupStack } from './debt-followup-stack';

const FINANCE = { roles: ['finance-centre' as const], user: 'finance-kim' };
const SUPERVISOR = { roles: ['billing-supervisor' as const], user: 'supervisor-sari', organisations: ['fi-demo'] };
const DIRECTOR = { roles: ['result-area-director' as const], user: 'director-dan', organisations: ['fi-demo'] };
const OTHER_SUPERVISOR = { roles: ['billing-supervisor' as const], user: 'supervisor-sven', organisations: ['se-demo'] };
const ADVISER = { roles: ['debt-adviser' as const], user: 'adviser-anna' };

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Write-off proposals signed by the responsible manager, and a debt restructuring whose rest is
 * written off five years after it takes effect, on the time-skipping server.
 */
describe('write-offs with signature (time-skipping)', () => {
  let stack: DebtFollowupStack;
  beforeAll(async () => {
    stack = await startDebtFollowupStack(await startTimeSkippingServer(), { schedules: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  function clientOwing(n: number, clientNumber: string, cents: number[], state: 'returned' | 'overdue' | 'at-agency' = 'returned') {
    const clientId = id(n);
    stack.invoicing.addClient({ clientId, clientNumber, name: `Client ${clientNumber}`, language: 'fi', debitingArea: 'ESPOO-SOUTH', status: 'active' });
    const invoices = cents.map((amountCents, i) =>
      stack.invoicing.addInvoice({ invoiceId: id(n * 10 + i), clientId, invoiceNumber: n * 10 + i, invoiceDate: '2026-09-25', state, rows: [{ description: 'Kotihoito', amountCents, on: '2026-08-31' }] }),
    );
    return { clientId, invoices };
  }
  const proposal = (proposalId: string, accept: (p: any) => boolean = () => true) => // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
    eventually(() => stack.ok('GET', `/write-off-proposals/${proposalId}`, FINANCE), accept);
  const writeOffs = () => stack.invoicing.calls.filter((call) => call.activity === 'writeOffInvoice');

  it('an unsigned proposal writes nothing off and reminds the manager weekly; another organisation’s manager, another role or a too small limit cannot sign', async () => {
    await stack.skipTo('2027-03-01');
    const { clientId, invoices } = clientOwing(11, 'C-4011', [4_20, 3_10]);
    const bad = await stack.call('POST', '/write-off-proposals', FINANCE, { organisationId: 'fi-demo', clientId, grounds: 'hardship', note: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].field).toBe('grounds');
    const prepared = await stack.ok('POST', '/write-off-proposals', FINANCE, { organisationId: 'fi-demo', clientId, grounds: 'uneconomic', note: 'two agency rounds; 7.30 left of 2026' });
    const awaiting = await proposal(prepared.id, (p) => p.state === 'awaiting-signature');
    expect(awaiting).toMatchObject({ total: '7.30', responsibleRole: 'billing-supervisor', clientNumber: 'C-4011', preparedBy: 'finance-kim' });
    expect(await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=write-off-signature', SUPERVISOR)).toEqual([
      expect.objectContaining({ subject: 'Sign or reject the write-off of 7.30 EUR of client C-4011 (uneconomic)', proposalId: prepared.id }),
    ]);

    // Two weeks unsigned: two reminders, nothing written off.
    await stack.skipTo('2027-03-15', 12);
    const reminders = await eventually(() => stack.ok('GET', '/inbox?organisationId=fi-demo&kind=write-off-reminder', SUPERVISOR), (items) => items.length === 2);
    expect(reminders.map((item: { subject: string }) => item.subject).sort()).toEqual([
      'Still unsigned: the write-off proposal of client C-4011 (7.30 EUR), reminder 1',
      'Still unsigned: the write-off proposal of client C-4011 (7.30 EUR), reminder 2',
    ]);
    expect(writeOffs()).toEqual([]);
    expect(invoices.map((invoice) => invoice.state)).toEqual(['returned', 'returned']);

    // A manager of another organisation: not even found over REST, and refused by the workflow itself.
    expect((await stack.call('POST', `/write-off-proposals/${prepared.id}/sign`, OTHER_SUPERVISOR, {})).status).toBe(404);
    const direct = stack.temporal.workflow.getHandle(writeOffProposalWorkflowId(prepared.id)).executeUpdate(WriteOffProposalMessages.sign, {
      args: [{ actor: 'supervisor-sven', role: 'billing-supervisor', organisations: ['se-demo'], note: '' }],
    });
    await expect(direct).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(direct).rejects.toMatchObject({ cause: { message: 'a manager of another organisation may not sign fi-demo’s write-offs' } });
    // Nor does another role sign.
    expect((await stack.call('POST', `/write-off-proposals/${prepared.id}/sign`, FINANCE, {})).status).toBe(403);
    expect(writeOffs()).toEqual([]);

    const signed = await stack.ok('POST', `/write-off-proposals/${prepared.id}/sign`, SUPERVISOR, { note: 'ok' });
    expect(signed).toEqual({ state: 'signed', decidedBy: 'supervisor-sari' });
    const done = await proposal(prepared.id, (p) => p.state === 'written-off');
    expect(done.invoices.map((invoice: { outcome: string; writtenOff: string }) => [invoice.outcome, invoice.writtenOff])).toEqual([
      ['written-off', '4.20'],
      ['written-off', '3.10'],
    ]);
    expect(writeOffs().map((call) => call.detail)).toEqual([
      `${invoices[0].invoiceId} below-collection-threshold by supervisor-sari (billing-supervisor)`,
      `${invoices[1].invoiceId} below-collection-threshold by supervisor-sari (billing-supervisor)`,
    ]);
    const again = await stack.call('POST', `/write-off-proposals/${prepared.id}/sign`, SUPERVISOR, {});
    expect(again.status).toBe(409);
    await stack.temporal.workflow.getHandle(writeOffProposalWorkflowId(prepared.id)).result();
    keepWorkflowHistory(stack.env.address, writeOffProposalWorkflowId(prepared.id), 'write-off-proposal-v1-refused-reminded-signed');
  });

  it('a proposal over the supervisor’s limit needs the result-area director; a rejected one writes nothing off', async () => {
    const large = clientOwing(12, 'C-4012', [6000_00]);
    const prepared = await stack.ok('POST', '/write-off-proposals', FINANCE, { organisationId: 'fi-demo', clientId: large.clientId, grounds: 'limitation', note: 'claims from 2021' });
    expect(await proposal(prepared.id, (p) => p.state === 'awaiting-signature')).toMatchObject({ total: '6000.00', responsibleRole: 'result-area-director' });
    const overLimit = await stack.call('POST', `/write-off-proposals/${prepared.id}/sign`, SUPERVISOR, {});
    expect(overLimit).toMatchObject({
      status: 422,
      body: { rule: 'signWriteOffProposal', problems: [{ field: 'signature', reason: 'billing-supervisor signs write-offs up to 5000.00 EUR; this proposal is 6000.00 EUR: it needs result-area-director' }] },
    });
    await stack.ok('POST', `/write-off-proposals/${prepared.id}/sign`, DIRECTOR, {});
    expect(await proposal(prepared.id, (p) => p.state === 'written-off')).toMatchObject({ decidedRole: 'result-area-director' });
    expect(large.invoices[0].state).toBe('written-off');

    const other = clientOwing(13, 'C-4013', [99_00]);
    const rejected = await stack.ok('POST', '/write-off-proposals', FINANCE, { organisationId: 'fi-demo', clientId: other.clientId, grounds: 'other', note: 'moved abroad' });
    await proposal(rejected.id, (p) => p.state === 'awaiting-signature');
    const noReason = await stack.call('POST', `/write-off-proposals/${rejected.id}/reject`, SUPERVISOR, { reason: '' });
    expect(noReason.status).toBe(400);
    await stack.ok('POST', `/write-off-proposals/${rejected.id}/reject`, SUPERVISOR, { reason: 'an address abroad is known: collect' });
    expect(await proposal(rejected.id, (p) => p.state === 'rejected')).toMatchObject({ decision: 'rejected', decisionNote: 'an address abroad is known: collect' });
    await stack.temporal.workflow.getHandle(writeOffProposalWorkflowId(rejected.id)).result();
    keepWorkflowHistory(stack.env.address, writeOffProposalWorkflowId(rejected.id), 'write-off-proposal-v1-rejected');
    expect(other.invoices[0].state).toBe('returned');
  });

  it('a debt restructuring pauses collection and, five years after it takes effect, proposes the rest for write-off', async () => {
    const { clientId, invoices } = clientOwing(14, 'C-4014', [300_00, 120_00], 'at-agency');
    invoices[1].state = 'overdue';
    const refused = await stack.call('POST', '/debt-restructurings', ADVISER, {
      organisationId: 'fi-demo',
      clientId,
      decisionReference: 'Espoon KO 2027/77',
      decidedOn: '2027-03-20',
      effectiveOn: '2027-03-01',
      invoiceIds: invoices.map((invoice) => invoice.invoiceId),
      note: '',
    });
    expect(refused).toMatchObject({ status: 400, body: { problems: [{ field: 'effectiveOn', reason: 'a decision takes effect on or after the day it is made' }] } });
    const decision = {
      organisationId: 'fi-demo',
      clientId,
      decisionReference: 'Espoon KO 2027/77',
      decidedOn: '2027-03-02',
      effectiveOn: '2027-04-01',
      invoiceIds: invoices.map((invoice) => invoice.invoiceId),
      note: 'payment programme of 36 months; informed by the debt adviser',
    };
    const recorded = await stack.ok('POST', '/debt-restructurings', ADVISER, decision);
    expect(recorded).toMatchObject({ writeOffOn: '2032-04-01', state: 'pausing-collection' });
    expect((await stack.call('POST', '/debt-restructurings', ADVISER, decision)).status).toBe(409);
    const inForce = await eventually(() => stack.ok('GET', `/debt-restructurings/${recorded.id}`, ADVISER), (r) => r.state === 'in-force');
    expect(inForce.events[0].grounds).toBe('1 invoice(s) recalled from the agency without costs, 1 held from transfer runs until 2032-04-01');
    expect(invoices[0].state).toBe('recalled');

    // The client pays the smaller invoice under the programme; five years pass (the timer is skipped).
    stack.invoicing.pay(invoices[1].invoiceId);
    await stack.skipTo('2032-03-31', 20);
    expect((await stack.ok('GET', `/debt-restructurings/${recorded.id}`, ADVISER)).state).toBe('in-force');
    await stack.skipTo('2032-04-01', 12);
    const proposed = await eventually(() => stack.ok('GET', `/debt-restructurings/${recorded.id}`, ADVISER), (r) => r.state === 'write-off-proposed' && r.proposalId);
    const rest = await proposal(proposed.proposalId, (p) => p.state === 'awaiting-signature');
    expect(rest).toMatchObject({ grounds: 'debt-restructuring', total: '300.00', restructuringId: recorded.id, preparedBy: 'system:debtRestructuring' });
    expect(stack.invoicing.calls.filter((call) => call.activity === 'clientLedger' && call.detail === clientId).map((call) => call.on)).toEqual(['2032-04-01']);

    await stack.ok('POST', `/write-off-proposals/${rest.id}/sign`, SUPERVISOR, {});
    const closed = await eventually(() => stack.ok('GET', `/debt-restructurings/${recorded.id}`, ADVISER), (r) => r.state === 'closed');
    expect(invoices.map((invoice) => invoice.state)).toEqual(['written-off', 'paid']);
    expect(closed.events.map((event: { kind: string }) => event.kind)).toEqual(['collection-paused', 'write-off-proposed', 'closed']);
    await stack.temporal.workflow.getHandle(debtRestructuringWorkflowId(recorded.id)).result();
    keepWorkflowHistory(stack.env.address, debtRestructuringWorkflowId(recorded.id), 'debt-restructuring-v1-written-off-after-five-years');
    expect(writeOffs().at(-1)!.detail).toBe(`${invoices[0].invoiceId} debt-restructuring by supervisor-sari (billing-supervisor)`);
  });

  it('counts the quarter’s write-offs, restructurings and estates in the reconciliation', async () => {
    const report = await stack.ok('GET', '/reconciliations/2027-Q1?organisationId=fi-demo', FINANCE);
    expect(report).toMatchObject({ quarter: '2027-Q1', from: '2027-01-01', to: '2027-03-31', currency: 'EUR', restructurings: { takenEffect: 0, inForce: 0 } });
    expect(report.writeOffs).toEqual([
      { grounds: 'limitation', proposals: 1, amount: '6000.00' },
      { grounds: 'uneconomic', proposals: 1, amount: '7.30' },
    ]);
    expect(report.writtenOff).toBe('6007.30');
    expect(report.monthEnds.map((m: { monthEnd: string }) => m.monthEnd)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    const q2 = await stack.ok('GET', '/reconciliations/2027-Q2?organisationId=fi-demo', { roles: ['debt-adviser'] });
    expect(q2.restructurings).toEqual({ takenEffect: 1, inForce: 1 });
    const badQuarter = await stack.call('GET', '/reconciliations/2027-Q5?organisationId=fi-demo', FINANCE);
    expect(badQuarter).toMatchObject({ status: 400, body: { problems: [{ field: 'quarter', reason: 'must be a quarter such as 2027-Q1' }] } });
  });
});
