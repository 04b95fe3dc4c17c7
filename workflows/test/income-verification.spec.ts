import { Context } from '@temporalio/activity';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { addBankingDays, localDateInZone, startOfDayInZone } from '@clientfees/domain';
import {
  AuthorityName,
  AuthorityQueues,
  cancelReviewUpdate,
  consentChangedSignal,
  ConsentCheck,
  DeathReportActivities,
  FeeDecisionActivities,
  FeeDecisionForInvoicing,
  incomeVerificationWorkflowId,
  IncomeVerificationInput,
  MALFORMED_ANSWER,
  PopulationFacts,
  PopulationRegisterActivities,
  ReportedDeath,
  resolveFetchProblemUpdate,
  ReviewActivities,
  ReviewState,
  reviewStatusQuery,
  reviewUpdate,
  TaskQueues,
} from '@clientfees/contracts';
import { eventually, prebuiltWorkflowBundle } from '@clientfees/testing';
import { incomeVerification } from '../src/workflows/income-verification';
import { populationRegisterChanges } from '../src/workflows/population-register-changes';
import { keepHistory, skipTo, timeSkippingServerPerTest, ZONE } from './lifecycle-harness';

const now = () => Context.current().info.currentAttemptScheduledTimestampMs;
const today = () => localDateInZone(now(), ZONE);
const ALL: AuthorityName[] = ['incomes-register', 'population-register', 'tax-administration'];

/** The service's side of a review, in memory, with the authorities' behaviour set per test. */
function fakeService(options: { population?: Partial<PopulationFacts>; consent?: ConsentCheck } = {}) {
  const log = {
    states: [] as Array<[ReviewState, string | undefined]>,
    fetches: [] as Array<{ source: AuthorityName; person: string; day: string; outcome: string }>,
    problems: [] as string[],
    reminders: [] as string[],
    summarisedAfter: [] as number[],
    decisions: [] as unknown[],
    deaths: [] as unknown[],
    endedOnDeath: [] as string[],
    steps: [] as string[],
    toInvoicing: [] as FeeDecisionForInvoicing[],
  };
  let consent: ConsentCheck = options.consent ?? { permitted: ALL, refused: [], proceedWithoutRegisters: false };
  /** Incomes Register behaviour: answers, fails until a time, answers malformed once, or waits. */
  const incomesRegister = { outageUntilMs: 0, malformedOnce: false, gate: undefined as Promise<void> | undefined };
  const invoicingDownOnce = new Set<string>();
  const review: ReviewActivities = {
    async checkConsent() {
      return consent;
    },
    async beginReview(caseId) {
      await review.setReviewState(caseId, 'checking-consent');
      const check = await review.checkConsent(caseId);
      if (check.proceedWithoutRegisters || check.refused.length === 0) await review.setReviewState(caseId, 'fetching');
      return check;
    },
    async summariseAndPropose(caseId, withDecision) {
      await review.setReviewState(caseId, 'summarising');
      await review.summariseIncomes(caseId);
      const proposal = await review.proposeFee(caseId);
      if (withDecision) await review.setReviewState(caseId, 'awaiting-review', 'the official’s review of the proposed fee');
      return withDecision ? { ...proposal, remindOfficerAt: await review.reviewReminderAt(caseId) } : proposal;
    },
    async setReviewState(_caseId, state, detail) {
      log.states.push([state, detail]);
    },
    async reportFetchProblem(input) {
      log.problems.push(`${input.source}/${input.person}: ${input.problem}`);
    },
    async summariseIncomes() {
      log.summarisedAfter.push(log.fetches.filter((f) => f.outcome === 'ok').length);
      return { hasData: true, grossMonthly: '1770.50', netMonthly: '1460.66', notes: 0 };
    },
    async proposeFee() {
      return { fee: '142.10', maximumFee: null };
    },
    async reviewReminderAt() {
      return startOfDayInZone(addBankingDays('FI', today(), 3), ZONE) + 8 * 3600_000;
    },
    async remindOfficer() {
      log.reminders.push(today());
    },
    async recordDecision(_caseId, command) {
      log.decisions.push(command);
      return { decisionId: 'decision-1', fee: command.fee ?? '142.10', validFrom: command.validFrom, validTo: null };
    },
    async feeDecisionForInvoicing(decisionId) {
      const command = log.decisions.at(-1) as { fee?: string; validFrom: string };
      return {
        organisationId: 'fi-demo', clientId: 'client-case-1', decisionId, decidedOn: today(), decidedBy: 'officer-1', validFrom: command.validFrom, fee: command.fee ?? '142.10',
        service: { kind: 'fi-home-care', hoursPerMonth: '10' }, income: { grossMonthly: '1770.50', netMonthly: '1460.66', deductions: '0.00', householdSize: 1 },
        incomeSources: ['Incomes Register: 1001 Earnings-related old-age pension, 12 reports 03/2026–02/2027, latest report r-12'], rules: [],
      };
    },
    async endDecisionsOnDeath(input) {
      log.endedOnDeath.push(input.dateOfDeath);
      log.steps.push(`end decisions of ${input.clientId} on ${input.dateOfDeath}`);
    },
    async markDeathReported(changeId) {
      log.steps.push(`reported ${changeId}`);
    },
    async reportAddressChange(changeId) {
      // Invoicing's listener is down for the first attempt: the activity is retried.
      if (!invoicingDownOnce.has(changeId)) {
        invoicingDownOnce.add(changeId);
        throw new Error(`invoicing did not answer the address change ${changeId}`);
      }
      log.steps.push(`invoicing told of address ${changeId}`);
      return { applied: true, from: '2027-03-01', versionsChanged: 1 };
    },
    async startDueYearlyReviews() {
      throw new Error('the yearly reviews are not part of these tests');
    },
  };
  const deaths: DeathReportActivities = {
    async recordClientDeath(report) {
      log.deaths.push(report);
      log.steps.push(`debt follow-up told of ${report.clientId}`);
      return { estateCaseId: 'estate-1', firstReport: true };
    },
  };
  /** The change feed: unavailable until a time, then the deaths it holds. */
  const feed = { outageUntilMs: 0, deaths: [] as ReportedDeath[], addressChangeIds: [] as string[], polls: [] as Array<{ day: string; outcome: string }> };
  const population: PopulationRegisterActivities = {
    async fetchPopulationRecord(request) {
      log.fetches.push({ source: 'population-register', person: request.person, day: today(), outcome: 'ok' });
      return { found: true, dateOfDeath: null, securityBan: false, hasGuardian: false, householdSize: 1, hasSpouse: false, ...options.population };
    },
    async pollPopulationChanges() {
      if (now() < feed.outageUntilMs) {
        feed.polls.push({ day: today(), outcome: 'unavailable' });
        throw new Error('the change interface answered 503');
      }
      feed.polls.push({ day: today(), outcome: 'ok' });
      return { deaths: feed.deaths, addressChanges: 1, securityBanChanges: 1, addressChangeIds: feed.addressChangeIds, lastKey: 1042 };
    },
  };
  const incomes = {
    async fetchIncomesRegister(request: { person: string }) {
      if (incomesRegister.gate) await incomesRegister.gate;
      if (now() < incomesRegister.outageUntilMs) {
        log.fetches.push({ source: 'incomes-register', person: request.person, day: today(), outcome: 'unavailable' });
        throw new Error('503 the Incomes Register is unavailable');
      }
      if (incomesRegister.malformedOnce) {
        incomesRegister.malformedOnce = false;
        log.fetches.push({ source: 'incomes-register', person: request.person, day: today(), outcome: 'malformed' });
        throw ApplicationFailure.nonRetryable('the answer is not well-formed XML (line 1)', MALFORMED_ANSWER);
      }
      log.fetches.push({ source: 'incomes-register', person: request.person, day: today(), outcome: 'ok' });
      return { reports: 24 };
    },
  };
  const invoicing: FeeDecisionActivities = {
    async recordFeeDecision(decision) {
      log.toInvoicing.push(decision);
      return { recorded: true, incomeId: 'income-1' };
    },
  };
  const taxation = {
    async fetchTaxation(request: { person: string }) {
      log.fetches.push({ source: 'tax-administration', person: request.person, day: today(), outcome: 'ok' });
      return { decisions: 1 };
    },
  };
  return { review, deaths, population, incomes, taxation, invoicing, log, incomesRegister, feed, setConsent: (c: ConsentCheck) => (consent = c) };
}

type Fake = ReturnType<typeof fakeService>;

async function withReviewWorkers<T>(env: TestWorkflowEnvironment, fake: Fake, body: () => Promise<T>): Promise<T> {
  const c = env.nativeConnection;
  const workers = await Promise.all([
    Worker.create({ connection: c, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() }),
    Worker.create({ connection: c, taskQueue: TaskQueues.incomeVerification, activities: fake.review }),
    Worker.create({ connection: c, taskQueue: TaskQueues.debtFollowup, activities: fake.deaths }),
    Worker.create({ connection: c, taskQueue: AuthorityQueues.populationRegister, activities: fake.population }),
    Worker.create({ connection: c, taskQueue: AuthorityQueues.incomesRegister, activities: fake.incomes }),
    Worker.create({ connection: c, taskQueue: AuthorityQueues.taxAdministration, activities: fake.taxation }),
    Worker.create({ connection: c, taskQueue: TaskQueues.invoicing, activities: fake.invoicing }),
  ]);
  return workers.reduce<() => Promise<T>>((inner, worker) => () => worker.runUntil(inner()), body)();
}

const input = (caseId: string, withDecision = true): IncomeVerificationInput => ({ caseId, organisationId: 'fi-demo', clientId: `client-${caseId}`, reason: 'yearly-review', withDecision });
const start = (env: TestWorkflowEnvironment, caseId: string, withDecision = true) =>
  env.client.workflow.start(incomeVerification, { workflowId: incomeVerificationWorkflowId(caseId), taskQueue: TaskQueues.workflows, args: [input(caseId, withDecision)] });

type Handle = Awaited<ReturnType<typeof start>>;
const inState = (handle: Handle, state: ReviewState) => eventually(() => handle.query(reviewStatusQuery), (s) => s.state === state);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return error.cause?.message ?? '';
    throw error;
  }
  throw new Error('the update was accepted');
}

const officer = { actor: 'officer-1', role: 'client-fee-officer' };

describe('incomeVerification over Easter 2027', () => {
  // The Wednesday before Easter: the official's review waits over the Easter holidays.
  const server = timeSkippingServerPerTest('2027-03-24');

  it('fetches every source, proposes the fee, reminds the official three banking days on and records the decision', async () => {
    const { env } = server;
    const fake = fakeService();
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-1');
      const waiting = await inState(handle, 'awaiting-review');
      expect(waiting.proposal).toEqual({ fee: '142.10', maximumFee: null });
      expect(fake.log.fetches.map((f) => f.source).sort()).toEqual(['incomes-register', 'population-register', 'tax-administration']);

      expect(await refusal(handle.executeUpdate(reviewUpdate, { args: [{ action: 'confirm', validFrom: '2027-05-01', actor: 'cw-1', role: 'caseworker' }] }))).toMatch(/^the caseworker role may not make a fee decision/);
      expect(await refusal(handle.executeUpdate(reviewUpdate, { args: [{ action: 'adjust', fee: '100.00', validFrom: '2027-05-01', ...officer }] }))).toBe('an adjusted fee needs the reason for departing from the proposal');

      // Good Friday 26.3 and Easter Monday 29.3 are no banking days: Wednesday + 3 banking days is Wednesday 31.3.
      await skipTo(env, '2027-03-30');
      expect(fake.log.reminders).toEqual([]);
      await skipTo(env, '2027-03-31');
      await eventually(async () => fake.log.reminders, (r) => r.length === 1);
      expect(fake.log.reminders).toEqual(['2027-03-31']);

      const decision = await handle.executeUpdate(reviewUpdate, { args: [{ action: 'adjust', fee: '120.00', reason: 'the client’s medicine costs (§ 10 c)', validFrom: '2027-05-01', ...officer }] });
      expect(decision).toEqual({ decisionId: 'decision-1', fee: '120.00', validFrom: '2027-05-01', validTo: null });
      // Invoicing is told the decided fee, once the decision is recorded.
      expect(await handle.result()).toMatchObject({ state: 'decided', decision, invoicing: { recorded: true, incomeId: 'income-1' } });
      expect(fake.log.toInvoicing).toEqual([expect.objectContaining({ decisionId: 'decision-1', fee: '120.00', validFrom: '2027-05-01' })]);
      // The first reminder's time came with the proposal: reviewReminderAt ran only for the second.
      const activities = (await handle.fetchHistory()).events?.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : [])) ?? [];
      expect(activities.filter((name) => name === 'reviewReminderAt')).toHaveLength(1);
      expect(activities.indexOf('reviewReminderAt')).toBeGreaterThan(activities.indexOf('remindOfficer'));
    });
    keepHistory(env, incomeVerificationWorkflowId('case-1'), 'income-verification-v1-adjusted-decision');
    // Since the consent and summary steps are one activity each (patch review-steps-in-one-activity).
    keepHistory(env, incomeVerificationWorkflowId('case-1'), 'income-verification-v2-steps-in-one-activity');
    // Since the summary step answers the first reminder's time too.
    keepHistory(env, incomeVerificationWorkflowId('case-1'), 'income-verification-v3-first-reminder-with-proposal');
  });

  it('waits out an Incomes Register outage and summarises only once the register has answered', async () => {
    const { env } = server;
    const fake = fakeService();
    fake.incomesRegister.outageUntilMs = startOfDayInZone('2027-03-25', ZONE) + 14 * 3600_000;
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-outage');
      await skipTo(env, '2027-03-25');
      expect((await handle.query(reviewStatusQuery)).state).toBe('fetching');
      await skipTo(env, '2027-03-26');
      await inState(handle, 'awaiting-review');
    });
    const attempts = fake.log.fetches.filter((f) => f.source === 'incomes-register');
    expect(attempts.length).toBeGreaterThan(3);
    expect(attempts.at(-1)).toMatchObject({ outcome: 'ok', day: '2027-03-25' });
    expect(attempts.slice(0, -1).every((a) => a.outcome === 'unavailable')).toBe(true);
    // The summary saw all three sources: the outage never became "no income".
    expect(fake.log.summarisedAfter).toEqual([3]);
  });

  it('reports a malformed answer to the officer and fetches again when the officer says so', async () => {
    const { env } = server;
    const fake = fakeService();
    fake.incomesRegister.malformedOnce = true;
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-malformed');
      const stuck = await inState(handle, 'awaiting-officer');
      expect(stuck.waitingFor).toBe('incomes-register (client): the answer is not well-formed XML (line 1)');
      expect(fake.log.problems).toEqual(['incomes-register/client: the answer is not well-formed XML (line 1)']);
      expect(fake.log.summarisedAfter).toEqual([]);
      expect(await refusal(handle.executeUpdate(resolveFetchProblemUpdate, { args: [{ action: 'retry', note: ' ', actor: 'officer-1' }] }))).toBe('say why (note)');
      await handle.executeUpdate(resolveFetchProblemUpdate, { args: [{ action: 'retry', note: 'the register confirmed a transient fault', actor: 'officer-1' }] });
      await inState(handle, 'awaiting-review');
    });
    expect(fake.log.fetches.filter((f) => f.source === 'incomes-register').map((f) => f.outcome)).toEqual(['malformed', 'ok']);
  });

  it('waits while consent is declined and fetches once the officer records a legal basis', async () => {
    const { env } = server;
    const fake = fakeService({ consent: { permitted: [], refused: ALL.map((source) => ({ source, reason: "the client's consent is declined" })), proceedWithoutRegisters: false } });
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-declined');
      const waiting = await inState(handle, 'awaiting-consent');
      expect(waiting.waitingFor).toContain("incomes-register: the client's consent is declined");
      expect(fake.log.fetches).toEqual([]);
      fake.setConsent({ permitted: ALL, refused: [], proceedWithoutRegisters: false });
      await handle.signal(consentChangedSignal);
      await inState(handle, 'awaiting-review');
    });
    expect(fake.log.fetches).toHaveLength(3);
  });

  it('stops fetching when consent is withdrawn in the middle of the review', async () => {
    const { env } = server;
    const fake = fakeService();
    let release!: () => void;
    fake.incomesRegister.gate = new Promise((resolve) => (release = resolve));
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-withdrawn');
      await eventually(async () => fake.log.fetches.length, (n) => n >= 2);
      fake.setConsent({ permitted: ['population-register'], refused: [{ source: 'incomes-register', reason: "the client's consent is withdrawn" }, { source: 'tax-administration', reason: "the client's consent is withdrawn" }], proceedWithoutRegisters: false });
      await handle.signal(consentChangedSignal);
      const waiting = await inState(handle, 'awaiting-consent');
      expect(waiting.waitingFor).toContain('consent is withdrawn');
      release();
      expect(fake.log.summarisedAfter).toEqual([]);
      await handle.executeUpdate(cancelReviewUpdate, { args: [{ actor: 'officer-1', reason: 'the client will report income in writing' }] });
      expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    });
  });

  it('ends the decision of a deceased client on the date of death and tells debt follow-up', async () => {
    const { env } = server;
    const fake = fakeService({ population: { dateOfDeath: '2026-10-12' } });
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-deceased');
      expect(await handle.result()).toMatchObject({ state: 'closed-deceased' });
    });
    expect(fake.log.endedOnDeath).toEqual(['2026-10-12']);
    expect(fake.log.deaths).toEqual([expect.objectContaining({ clientId: 'client-case-deceased', dateOfDeath: '2026-10-12', source: 'population-register', reportedBy: 'income-verification' })]);
    expect(fake.log.summarisedAfter).toEqual([]);
  });

  it('ends a service-voucher income check with the summary, without a decision', async () => {
    const { env } = server;
    const fake = fakeService();
    await withReviewWorkers(env, fake, async () => {
      const handle = await start(env, 'case-voucher', false);
      expect(await handle.result()).toMatchObject({ state: 'completed', proposal: { fee: '142.10' } });
    });
    expect(fake.log.decisions).toEqual([]);
  });
});

describe('populationRegisterChanges', () => {
  const server = timeSkippingServerPerTest('2027-03-24');

  it('waits out an outage of the change interface, then ends each deceased client’s decisions, tells debt follow-up and marks the death reported; tells invoicing of each address change, retrying while it does not answer', async () => {
    const { env } = server;
    const fake = fakeService();
    // Down from the Wednesday before Easter until Easter Monday morning.
    fake.feed.outageUntilMs = startOfDayInZone('2027-03-29', ZONE) + 8 * 3600_000;
    fake.feed.deaths = [
      { changeId: 'change-1', organisationId: 'fi-demo', clientId: 'client-lyyli', dateOfDeath: '2027-03-20', sourceReference: 'population register change feed, key 1042, recorded 2027-03-21' },
      { changeId: 'change-2', organisationId: 'fi-demo', clientId: 'client-eino', dateOfDeath: '2027-03-22', sourceReference: 'population register change feed, key 1042, recorded 2027-03-23' },
    ];
    fake.feed.addressChangeIds = ['change-3', 'change-4'];
    await withReviewWorkers(env, fake, async () => {
      const result = await env.client.workflow.execute(populationRegisterChanges, { workflowId: 'population-changes-fi-demo', taskQueue: TaskQueues.workflows, args: [{ organisationId: 'fi-demo' }] });
      expect(result).toEqual({ deaths: 2, addressChanges: 1, securityBanChanges: 1 });
    });
    // Retried with backoff over the holiday weekend, never giving up, read once it answered.
    expect(fake.feed.polls.filter((p) => p.outcome === 'unavailable').length).toBeGreaterThan(3);
    expect(fake.feed.polls.at(-1)).toEqual({ day: '2027-03-29', outcome: 'ok' });
    expect(fake.log.steps).toEqual([
      'end decisions of client-lyyli on 2027-03-20',
      'debt follow-up told of client-lyyli',
      'reported change-1',
      'end decisions of client-eino on 2027-03-22',
      'debt follow-up told of client-eino',
      'reported change-2',
      'invoicing told of address change-3',
      'invoicing told of address change-4',
    ]);
    expect(fake.log.deaths[0]).toEqual({
      organisationId: 'fi-demo', clientId: 'client-lyyli', dateOfDeath: '2027-03-20', source: 'population-register',
      sourceReference: 'population register change feed, key 1042, recorded 2027-03-21', reportedBy: 'income-verification',
    });
  });
});
