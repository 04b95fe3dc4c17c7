import { MonthlyDebtReviewWorkflow, WorkflowFunctionOf } from '@clientfees/contracts';
import { readPdf } from '@clientfees/documents/testing';
import { keepWorkflowHistory, startTimeSkippingServer } from '@clientfees/testing';
import { DebtFollowupStack, startDebtFollowupStack } from './debt-followup-stack';

const OFFICER = { roles: ['client-fee-officer' as const], user: 'officer-aino' };
const FINANCE = { roles: ['finance-centre' as const], user: 'finance-kim' };
const LENA = { roles: ['caseworker' as const], user: 'caseworker-lena' };
const OTHER_CASEWORKER = { roles: ['caseworker' as const], user: 'caseworker-olli' };
const NORTH_MANAGER = { roles: ['unit-manager' as const], user: 'manager-north', debitingAreas: ['ESPOO-NORTH'] };
const DEPUTY = { roles: ['deputy-head-of-social-services' as const], user: 'deputy-mats' };

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLIENT = { A: id(101), B: id(102), C: id(103), D: id(104), E: id(105) };

/**
 * Two month ends of seed 004's routine on the time-skipping server, the review started as its
 * Schedule starts it (no month end given: the day it runs on): new cases and the letter, a worked
 * case handed to its caseworker, an unattended one, an escalation at three months of claims, the
 * finance office told of a deceased client, a paid case closed — and who sees which case.
 */
describe('the month-end debt review (time-skipping)', () => {
  let stack: DebtFollowupStack;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON
  const caseOf = async (clientId: string, caller: any = OFFICER) => (await stack.ok('GET', `/debt-cases?organisationId=fi-demo&clientId=${clientId}`, caller))[0];
  /**
   * Starts the review as its Schedule does (no month end given: the day it runs on); `history`
   * names the finished run's history kept for the replay test (`RECORD_HISTORIES=1`).
   */
  const review = async (history: string) => {
    const workflowId = `debt-review-fi-demo-${await stack.env.currentTimeMs()}`;
    const summary = await stack.temporal.workflow.execute<WorkflowFunctionOf<typeof MonthlyDebtReviewWorkflow>>(MonthlyDebtReviewWorkflow.workflowType, {
      args: [{ organisationId: 'fi-demo' }],
      taskQueue: MonthlyDebtReviewWorkflow.taskQueue,
      workflowId,
    });
    keepWorkflowHistory(stack.env.address, workflowId, history);
    return summary;
  };

  beforeAll(async () => {
    stack = await startDebtFollowupStack(await startTimeSkippingServer(), { schedules: false });
    const fake = stack.invoicing;
    fake.addClient({ clientId: CLIENT.A, clientNumber: 'C-3001', name: 'Aino Testinen', language: 'fi', debitingArea: 'ESPOO-NORTH', status: 'active' });
    fake.addClient({ clientId: CLIENT.B, clientNumber: 'C-3002', name: 'Britt Exempel', language: 'sv', debitingArea: 'ESPOO-SOUTH', status: 'active' });
    fake.addClient({ clientId: CLIENT.C, clientNumber: 'C-3003', name: 'Lempi Korhonen', language: 'fi', debitingArea: 'ESPOO-NORTH', status: 'active' });
    fake.addClient({ clientId: CLIENT.D, clientNumber: 'C-3004', name: 'Veikko Nieminen', language: 'fi', debitingArea: 'ESPOO-NORTH', status: 'active', dateOfDeath: '2027-01-10' });
    // Siiri moved on 20.1., but the population register's change reached invoicing only on 5.2.,
    // after January's list was made: invoicing reports it on February's list (`reportedMoveOf`).
    fake.addClient({ clientId: CLIENT.E, clientNumber: 'C-3005', name: 'Siiri Laine', language: 'fi', debitingArea: 'ESPOO-SOUTH', status: 'active', moves: [{ effectiveDate: '2027-01-20', recordedOn: '2027-02-05' }] });
    const invoice = (n: number, clientId: string, period: string, invoiceDate: string, cents: number) =>
      fake.addInvoice({ invoiceId: id(n), clientId, invoiceNumber: n, invoiceDate, period, rows: [{ description: `Kotihoito ${period}`, amountCents: cents, on: `${period}-28` }] });
    invoice(1, CLIENT.A, '2026-12', '2027-01-05', 120_50);
    invoice(2, CLIENT.B, '2026-12', '2027-01-05', 96_30);
    invoice(3, CLIENT.C, '2026-11', '2026-12-05', 150_00);
    invoice(4, CLIENT.C, '2026-12', '2027-01-05', 150_00);
    invoice(5, CLIENT.C, '2027-01', '2027-02-05', 150_00);
    invoice(6, CLIENT.D, '2026-12', '2027-01-05', 210_00);
    invoice(7, CLIENT.E, '2027-01', '2027-01-27', 80_00);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('January: four new cases nobody works on, letters in the client’s language with invoice copies, the deceased told to the finance office', async () => {
    await stack.skipTo('2027-01-31', 20);
    const summary = await review('monthly-debt-review-v2-new-cases-letters');
    expect(summary).toMatchObject({ monthEnd: '2027-01-31', claims: 5, clients: 4, openCents: 726_80, newCases: 4, unattendedCases: 4, workedCases: 0, letters: 3, handedOver: 0, escalated: 0, closedCases: 0, financeNotices: 1 });
    // Debt follow-up read the list from invoicing's messages itself; no page passed through the workflow.
    expect(stack.invoicing.calls.filter((call) => call.activity === 'debtList' || call.activity === 'listDebtClaims').map((call) => `${call.activity} ${call.detail}`)).toEqual(['debtList 2027-01-31: 5']);

    const a = await caseOf(CLIENT.A);
    expect(a).toMatchObject({ clientNumber: 'C-3001', state: 'open', flags: ['new', 'unattended'], openAmount: '120.50', months: 1, openedOn: '2027-01-31', language: 'fi' });
    const d = await caseOf(CLIENT.D);
    expect(d).toMatchObject({ clientStatus: 'deceased', flags: ['new', 'unattended'] });
    expect((await stack.ok('GET', `/debt-cases/${d.id}`, OFFICER)).letters).toEqual([]);
    // Siiri's invoice is not yet past its due date at the month end: no case.
    expect(await caseOf(CLIENT.E)).toBeUndefined();

    // The letters: Finnish to Aino, Swedish to Britt, each with a copy of the invoice.
    const finnish = (await stack.ok('GET', `/debt-cases/${a.id}`, OFFICER)).letters[0];
    expect(finnish).toMatchObject({ language: 'fi', total: '120.50', claims: [{ invoiceNumber: 1, dueDate: '2027-01-19', openAmount: '120.50' }] });
    const pdf = await stack.call('GET', finnish.pdf, OFFICER);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const read = readPdf(pdf.bytes);
    expect(read.title).toBe('Muistutus maksamattomista asiakasmaksuista');
    expect(read.pages[0]).toMatch(/Aino Testinen\s+Koivukuja 3 A 5\s+02100 Espoo/);
    expect(read.pages[0]).toMatch(/erääntyneet maksamatta \(tilanne\s+31\.1\.2027\)/);
    expect(read.pages[0]).toMatch(/1 5\.1\.2027 19\.1\.2027 120,50 €/);
    expect(read.pages[1]).toMatch(/Laskukopio – lasku 1[\s\S]*Kotihoito 2026-12 120,50 €/);
    const b = await caseOf(CLIENT.B);
    const swedish = readPdf((await stack.call('GET', (await stack.ok('GET', `/debt-cases/${b.id}`, OFFICER)).letters[0].pdf, OFFICER)).bytes);
    expect(swedish.title).toBe('Påminnelse om obetalda avgifter');
    expect(swedish.pages[0]).toMatch(/obetalda efter förfallodagen\s+\(läge\s+2027-01-31\)/);
    expect(swedish.pages[1]).toMatch(/Fakturakopia – faktura 2/);

    const financeInbox = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=finance-notice', FINANCE);
    expect(financeInbox.map((item: { subject: string }) => item.subject)).toEqual(['Debt case of client C-3004: the client has died']);
    const unattended = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=unattended-cases', OFFICER);
    expect(unattended.map((item: { subject: string }) => item.subject)).toEqual(['4 debt case(s) nobody works on at 2027-01-31']);
    const northList = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=unit-manager-list', NORTH_MANAGER);
    expect(northList).toEqual([expect.objectContaining({ subject: 'Debt cases of ESPOO-NORTH at 2027-01-31: 3', debitingArea: 'ESPOO-NORTH' })]);
  });

  it('February: a paid case closes, the lettered ones go to the caseworker, three months of claims escalate to the deputy head', async () => {
    const b = await caseOf(CLIENT.B);
    await stack.ok('PUT', `/debt-cases/${b.id}/handler`, OFFICER, { handler: 'officer-aino' });
    await stack.ok('PUT', `/debt-cases/${b.id}/caseworker`, OFFICER, { caseworker: 'caseworker-lena' });
    stack.invoicing.pay(id(1));

    await stack.skipTo('2027-02-28', 20);
    const summary = await review('monthly-debt-review-v2-closed-handed-over-escalated');
    expect(summary).toMatchObject({ monthEnd: '2027-02-28', claims: 6, newCases: 1, closedCases: 1, handedOver: 2, escalated: 1, letters: 2, workedCases: 1, financeNotices: 1 });

    expect(await caseOf(CLIENT.A)).toMatchObject({ state: 'closed', closedOn: '2027-02-28', openAmount: '0.00' });
    // Britt's case, worked by its handler, still unpaid after the letter: her caseworker's task.
    expect(await caseOf(CLIENT.B)).toMatchObject({ state: 'handed-over', flags: ['worked', 'handed-over'], caseworker: 'caseworker-lena' });
    const lenaInbox = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=caseworker-task', LENA);
    expect(lenaInbox.map((item: { subject: string }) => item.subject)).toEqual(['Contact client C-3002 about unpaid fees and offer support']);
    // Lempi's debt now covers November, December and January: the deputy head is told; nobody
    // is her caseworker yet, so the unit manager of her area is asked to name one.
    const c = await caseOf(CLIENT.C);
    expect(c).toMatchObject({ state: 'handed-over', escalated: true, months: 3, openAmount: '450.00', flags: ['unattended', 'escalated', 'handed-over'] });
    const escalations = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=escalation', DEPUTY);
    expect(escalations).toEqual([expect.objectContaining({ subject: 'The debts of client C-3003 cover 3 months of claims (2027-02-28)', detail: expect.objectContaining({ openAmount: '450.00' }) })]);
    const caseworkerNeeded = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=caseworker-needed', NORTH_MANAGER);
    expect(caseworkerNeeded.map((item: { subject: string }) => item.subject)).toEqual(['Name a caseworker for client C-3003: the debt is still unpaid after the letter']);
    // The January invoice got its own letter; December's and November's are not sent twice.
    const cLetters = (await stack.ok('GET', `/debt-cases/${c.id}`, OFFICER)).letters;
    expect(cLetters.map((letter: { claims: Array<{ invoiceNumber: number }> }) => letter.claims.map((claim) => claim.invoiceNumber))).toEqual([[3, 4], [5]]);
    // Siiri's January invoice fell due in February: a new case. Her move of 20.1. was recorded on
    // 5.2., after January's list: February's list reports it, and the finance office is told when
    // it took effect (once: the January notice of Veikko's death is not repeated); she still gets the letter.
    // The organisation's municipalities are not known here, so the move counts as any address change: area unknown (ADR 0035).
    expect(await caseOf(CLIENT.E)).toMatchObject({ flags: ['new', 'unattended'], clientStatus: 'moved' });
    const financeInbox = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=finance-notice', FINANCE);
    expect(financeInbox.map((item: { subject: string }) => item.subject).sort()).toEqual([
      'Debt case of client C-3004: the client has died',
      'Debt case of client C-3005: the client has moved, area unknown (the population register’s address change took effect on 2027-01-20)',
    ]);
    expect(financeInbox.find((item: { subject: string }) => item.subject.includes('C-3005')).detail).toMatchObject({ notice: 'moved', movedOn: '2027-01-20', moveArea: 'area-unknown' });

    // The same month end again (by hand): nothing is done twice.
    await stack.ok('POST', '/debt-reviews', FINANCE, { organisationId: 'fi-demo', monthEnd: '2027-02-28' });
    const reviews = await stack.ok('GET', '/debt-reviews?organisationId=fi-demo', FINANCE);
    expect(reviews.map((r: { monthEnd: string; status: string }) => [r.monthEnd, r.status])).toEqual([
      ['2027-02-28', 'completed'],
      ['2027-01-31', 'completed'],
    ]);
    expect((await stack.ok('GET', `/debt-cases/${c.id}`, OFFICER)).letters).toHaveLength(2);
  });

  it('the caseworker records contact, support and the guardianship consideration with their outcomes', async () => {
    const tasks = await stack.ok('GET', '/caseworker-tasks?organisationId=fi-demo', LENA);
    expect(tasks).toEqual([expect.objectContaining({ clientNumber: 'C-3002', status: 'open', assignedTo: 'caseworker-lena', openAmount: '96.30' })]);
    const task = tasks[0].id;
    const wrongOutcome = await stack.call('POST', `/caseworker-tasks/${task}/steps`, LENA, { step: 'support', outcome: 'reached' });
    expect(wrongOutcome).toMatchObject({ status: 400, body: { problems: [{ field: 'outcome', reason: 'a support step ends accepted, declined, not-needed' }] } });
    await stack.ok('POST', `/caseworker-tasks/${task}/steps`, LENA, { step: 'contact', outcome: 'reached', note: 'home visit 3.3.' });
    await stack.ok('POST', `/caseworker-tasks/${task}/steps`, LENA, { step: 'support', outcome: 'accepted', note: 'direct debit set up with her son' });
    const done = await stack.ok('POST', `/caseworker-tasks/${task}/steps`, LENA, { step: 'guardianship', outcome: 'considered-not-needed' });
    expect(done).toMatchObject({ status: 'done', steps: [{ step: 'contact', actor: 'caseworker-lena' }, { step: 'support' }, { step: 'guardianship', outcome: 'considered-not-needed' }] });
    const b = await caseOf(CLIENT.B);
    const events = (await stack.ok('GET', `/debt-cases/${b.id}`, LENA)).events;
    expect(events.map((e: { kind: string; actor: string }) => `${e.kind} ${e.actor}`)).toEqual([
      'opened system:monthlyDebtReview',
      'letter system:monthlyDebtReview',
      'handler officer-aino',
      'caseworker officer-aino',
      'handed-over system:monthlyDebtReview',
      'caseworker-contact caseworker-lena',
      'caseworker-support caseworker-lena',
      'caseworker-guardianship caseworker-lena',
    ]);
  });

  it('shows a case to the finance office, the fee officers, the client’s caseworker and the unit manager of the client’s unit only', async () => {
    const b = await caseOf(CLIENT.B);
    const c = await caseOf(CLIENT.C);
    expect((await stack.call('GET', `/debt-cases/${b.id}`, LENA)).status).toBe(200);
    expect((await stack.call('GET', `/debt-cases/${b.id}`, OTHER_CASEWORKER)).status).toBe(404);
    expect(await stack.ok('GET', '/debt-cases?organisationId=fi-demo', OTHER_CASEWORKER)).toEqual([]);
    expect((await stack.ok('GET', '/debt-cases?organisationId=fi-demo', LENA)).map((x: { clientNumber: string }) => x.clientNumber)).toEqual(['C-3002']);
    const letter = (await stack.ok('GET', `/debt-cases/${b.id}`, LENA)).letters[0];
    expect((await stack.call('GET', letter.pdf, OTHER_CASEWORKER)).status).toBe(404);

    const north = await stack.ok('GET', '/debt-cases?organisationId=fi-demo', NORTH_MANAGER);
    expect(north.map((x: { clientNumber: string }) => x.clientNumber).sort()).toEqual(['C-3001', 'C-3003', 'C-3004']);
    expect((await stack.call('GET', `/debt-cases/${b.id}`, NORTH_MANAGER)).status).toBe(404);
    expect((await stack.call('GET', `/debt-cases/${c.id}`, NORTH_MANAGER)).status).toBe(200);
    expect((await stack.call('GET', `/debt-cases/${c.id}`, { roles: ['finance-centre'], organisations: ['se-demo'] })).status).toBe(404);
    expect((await stack.call('GET', `/debt-cases/${c.id}`, { roles: ['debt-adviser'] })).status).toBe(403);
    expect((await stack.call('GET', '/debt-cases?organisationId=fi-demo', { roles: ['billing-supervisor'] })).status).toBe(403);
  });
});
