import { ApplicationFailure, CancellationScope, condition, isCancellation, patched, proxyActivities, setHandler, ActivityFailure } from '@temporalio/workflow';
import {
  AuthorityName,
  AuthorityQueues,
  AWAITING_REVIEW,
  cancelReviewUpdate,
  consentChangedSignal,
  DeathReportActivities,
  DecisionRecorded,
  FeeDecisionActivities,
  FeeDecisionRecorded,
  FETCH_NOT_PERMITTED,
  FetchProblemResolution,
  IncomesRegisterActivities,
  IncomeVerificationInput,
  MALFORMED_ANSWER,
  OfficerReview,
  PersonRole,
  PopulationFacts,
  PopulationRegisterActivities,
  ProposalFacts,
  recalculateReviewUpdate,
  resolveFetchProblemUpdate,
  ReviewActivities,
  ReviewFailures,
  ReviewState,
  ReviewStatus,
  reviewStatusQuery,
  reviewUpdate,
  TaskQueues,
  TaxAdministrationActivities,
} from '@clientfees/contracts';
import { mayDo } from '@clientfees/domain/workflow';

const review = proxyActivities<ReviewActivities>({
  taskQueue: TaskQueues.incomeVerification,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});
/**
 * The consent step and the summary step, which every review takes and which only update the
 * review's own row (a retry does the same again): a shorter start-to-close timeout, so a task
 * lost on its way to the worker (seen from a loaded dev server, BENCHMARKS.md) costs 20 seconds,
 * not a minute.
 */
const reviewStep = proxyActivities<Pick<ReviewActivities, 'beginReview' | 'summariseAndPropose'>>({
  taskQueue: TaskQueues.incomeVerification,
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/**
 * An authority outage waits and retries, backing off to half an hour between attempts, for as
 * long as it lasts: a review never goes on as if the client had no income. An answer that cannot
 * be read, or a fetch no longer permitted, is not retried: it goes to the officer. A fetch
 * heartbeats while it runs (every few seconds, once it has run that long), so a fetch whose task
 * never reached a worker, or whose worker died, is tried again after the heartbeat timeout
 * instead of the whole start-to-close timeout, and a cancelled review's fetch is told at once.
 */
const authority = <T>(taskQueue: string) =>
  proxyActivities<T>({
    taskQueue,
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: '20 seconds',
    retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: [MALFORMED_ANSWER, FETCH_NOT_PERMITTED] },
  });
const incomesRegister = authority<IncomesRegisterActivities>(AuthorityQueues.incomesRegister);
const populationRegister = authority<PopulationRegisterActivities>(AuthorityQueues.populationRegister);
const taxAdministration = authority<TaxAdministrationActivities>(AuthorityQueues.taxAdministration);
/** Invoicing takes the decision's income and fee for its billing runs. */
const invoicing = proxyActivities<FeeDecisionActivities>({ taskQueue: TaskQueues.invoicing, startToCloseTimeout: '1 minute', retry: { maximumInterval: '10 minutes' } });
const deaths = proxyActivities<DeathReportActivities>({ taskQueue: TaskQueues.debtFollowup, startToCloseTimeout: '1 minute', retry: { maximumInterval: '10 minutes' } });

const FINAL: readonly ReviewState[] = ['decided', 'completed', 'closed-deceased', 'cancelled'];

/**
 * One client's income review (seed 001), for one reason (new client, yearly review, change
 * reported, service-voucher check):
 *
 *   consent (or the officer's legal basis) ─► every permitted source fetched in parallel
 *     (Incomes Register, tax administration, population register; the spouse's too when the
 *     register shows one) ─► deceased? end the decision, tell debt follow-up, stop
 *   ─► income summary ─► fee proposal ─► the official's review (confirm or adjust with a reason;
 *     reminded while it waits) ─► fee decision with validity dates, incomes and rule versions
 *   ─► invoicing records the decided fee and its income for the next billing run
 *
 * A consent withdrawn while fetching stops the fetching and waits for the officer. A voucher
 * check ends with the summary and proposal, without a decision.
 */
export async function incomeVerification(input: IncomeVerificationInput): Promise<ReviewStatus> {
  const r = new Review(input);
  r.install();

  let population: PopulationFacts | undefined;
  while (population === undefined) {
    const permitted = await r.awaitConsent();
    if (r.cancelled) return r.finish('cancelled');
    population = await r.fetchWhileConsentHolds(permitted);
    if (r.cancelled) return r.finish('cancelled');
  }

  if (population.dateOfDeath) {
    await review.endDecisionsOnDeath({ organisationId: input.organisationId, clientId: input.clientId, dateOfDeath: population.dateOfDeath });
    await deaths.recordClientDeath({
      organisationId: input.organisationId,
      clientId: input.clientId,
      dateOfDeath: population.dateOfDeath,
      source: 'population-register',
      sourceReference: `population register person query, income review ${input.caseId}`,
      reportedBy: 'income-verification',
    });
    return r.finish('closed-deceased');
  }

  await r.summariseAndPropose();
  if (!input.withDecision) return r.finish('completed');
  await r.awaitOfficersReview();
  if (r.cancelled) return r.finish('cancelled');
  const decided = await r.finish('decided');
  // Reviews decided before the decision fed invoicing replay without this step.
  if (!patched(DECISION_TO_INVOICING)) return decided;
  await r.tellInvoicing();
  return r.status();
}

const DECISION_TO_INVOICING = 'fee-decision-to-invoicing';
/**
 * Since this patch the consent step (checking-consent, the check, fetching) and the summary step
 * (summarising, summary, proposal, awaiting-review) are one activity each instead of three and
 * four: the same states recorded in the same order, with less than half of a review's workflow
 * tasks and history events (BENCHMARKS.md). Reviews begun before it replay the old steps.
 */
const FEWER_STEPS = 'review-steps-in-one-activity';

/** The review's state and its phases; the main function above reads as the process. */
class Review {
  state: ReviewState = 'checking-consent';
  waitingFor?: string;
  proposal?: ProposalFacts;
  /**
   * The first reminder's time, answered with the proposal. Reviews whose summary step answered
   * without it (recorded before it did) ask reviewReminderAt, as their histories show; the branch
   * follows the recorded result, so replay takes the same one.
   */
  firstReminderAt?: number;
  decision?: DecisionRecorded;
  invoicing?: FeeDecisionRecorded;
  cancelled = false;
  private consentChanged = false;
  private resolution?: FetchProblemResolution;
  private busy = 0;

  constructor(private readonly input: IncomeVerificationInput) {}

  status = (): ReviewStatus => ({ caseId: this.input.caseId, state: this.state, waitingFor: this.waitingFor, proposal: this.proposal, decision: this.decision, invoicing: this.invoicing });

  install(): void {
    setHandler(reviewStatusQuery, this.status);
    setHandler(consentChangedSignal, () => void (this.consentChanged = true));
    setHandler(
      reviewUpdate,
      async (command) => {
        this.busy++;
        try {
          this.decision = await review.recordDecision(this.input.caseId, command);
          return this.decision;
        } finally {
          this.busy--;
        }
      },
      { validator: (command) => this.validateReview(command) },
    );
    setHandler(
      resolveFetchProblemUpdate,
      (command) => {
        this.resolution = command;
        return this.status();
      },
      {
        validator: (command) => {
          if (this.state !== 'awaiting-officer') throw ApplicationFailure.nonRetryable(`the review is ${this.state}: there is no fetch problem to resolve`, ReviewFailures.state);
          if (!command.note?.trim()) throw ApplicationFailure.nonRetryable('say why (note)', ReviewFailures.refused);
        },
      },
    );
    setHandler(
      recalculateReviewUpdate,
      async (_command) => {
        this.busy++;
        try {
          await this.summariseAndPropose();
        } finally {
          this.busy--;
        }
        return this.status();
      },
      { validator: (_command) => this.requireState('awaiting-review') },
    );
    setHandler(
      cancelReviewUpdate,
      (command) => {
        this.cancelled = true;
        this.waitingFor = `cancelled by ${command.actor}: ${command.reason}`;
        return this.status();
      },
      {
        validator: (command) => {
          if (FINAL.includes(this.state)) throw ApplicationFailure.nonRetryable(`the review is ${this.state}`, ReviewFailures.state);
          if (!command.reason?.trim()) throw ApplicationFailure.nonRetryable('say why the review is cancelled (reason)', ReviewFailures.refused);
        },
      },
    );
  }

  private requireState(state: ReviewState): void {
    if (this.state !== state) throw ApplicationFailure.nonRetryable(`the review is ${this.state}, not ${state}`, ReviewFailures.state);
  }

  private validateReview(command: OfficerReview): void {
    this.requireState('awaiting-review');
    if (this.busy > 0 || this.decision) throw ApplicationFailure.nonRetryable('the review is being recalculated or decided: try again in a moment', ReviewFailures.state);
    if (!mayDo(command.role, 'fee-decision.make')) {
      throw ApplicationFailure.nonRetryable(`the ${command.role} role may not make a fee decision; the client-fee officer decides`, ReviewFailures.role);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(command.validFrom ?? '')) throw ApplicationFailure.nonRetryable('validFrom must be a date YYYY-MM-DD', ReviewFailures.refused);
    if (command.action === 'adjust') {
      if (!/^\d{1,7}(\.\d{1,2})?$/.test(command.fee ?? '')) throw ApplicationFailure.nonRetryable('an adjusted fee must be an amount such as "120.50"', ReviewFailures.refused);
      if (!command.reason?.trim()) throw ApplicationFailure.nonRetryable('an adjusted fee needs the reason for departing from the proposal', ReviewFailures.refused);
    } else if (command.action !== 'confirm') {
      throw ApplicationFailure.nonRetryable('action must be confirm or adjust', ReviewFailures.refused);
    }
  }

  async setState(state: ReviewState, waitingFor?: string): Promise<void> {
    this.state = state;
    this.waitingFor = waitingFor;
    await review.setReviewState(this.input.caseId, state, waitingFor);
  }

  async finish(state: ReviewState): Promise<ReviewStatus> {
    await this.setState(state, state === 'cancelled' ? this.waitingFor : undefined);
    return this.status();
  }

  /** The sources the review may fetch: waits for the officer while consent is missing. */
  async awaitConsent(): Promise<AuthorityName[]> {
    const together = patched(FEWER_STEPS);
    if (together) this.state = 'checking-consent';
    else await this.setState('checking-consent');
    for (;;) {
      this.consentChanged = false;
      const check = together ? await reviewStep.beginReview(this.input.caseId) : await review.checkConsent(this.input.caseId);
      if (check.proceedWithoutRegisters || check.refused.length === 0) {
        // beginReview has recorded fetching already.
        if (together) [this.state, this.waitingFor] = ['fetching', undefined];
        return check.permitted;
      }
      await this.setState('awaiting-consent', check.refused.map((r) => `${r.source}: ${r.reason}`).join('; '));
      await condition(() => this.consentChanged || this.cancelled);
      if (this.cancelled) return [];
    }
  }

  /**
   * Fetches everything permitted; a consent change meanwhile is checked at once, and a source no
   * longer permitted stops the fetching (undefined: back to the consent step).
   */
  async fetchWhileConsentHolds(permitted: AuthorityName[]): Promise<PopulationFacts | undefined> {
    if (this.state !== 'fetching') await this.setState('fetching');
    const scope = new CancellationScope();
    const work = scope.run(() => this.fetchEverything(permitted));
    let outcome: 'done' | 'withdrawn' | undefined;
    work.then(
      () => void (outcome ??= 'done'),
      () => void (outcome ??= 'done'),
    );
    for (;;) {
      await condition(() => outcome !== undefined || this.consentChanged || this.cancelled);
      if (outcome === 'done') return await work;
      if (this.cancelled) {
        scope.cancel();
        await work.catch(() => undefined);
        return undefined;
      }
      this.consentChanged = false;
      const check = await review.checkConsent(this.input.caseId);
      if (check.proceedWithoutRegisters || permitted.every((source) => check.permitted.includes(source))) continue;
      outcome = 'withdrawn';
      scope.cancel();
      await work.catch((error) => {
        if (!isCancellation(error)) throw error;
      });
      return undefined;
    }
  }

  private async fetchEverything(permitted: AuthorityName[]): Promise<PopulationFacts> {
    const may = (source: AuthorityName) => permitted.includes(source);
    const [population] = await Promise.all([
      may('population-register') ? this.fetch('population-register', 'client', () => populationRegister.fetchPopulationRecord({ caseId: this.input.caseId, person: 'client' })) : undefined,
      may('incomes-register') ? this.fetch('incomes-register', 'client', () => incomesRegister.fetchIncomesRegister({ caseId: this.input.caseId, person: 'client' })) : undefined,
      may('tax-administration') ? this.fetch('tax-administration', 'client', () => taxAdministration.fetchTaxation({ caseId: this.input.caseId, person: 'client' })) : undefined,
    ]);
    const facts: PopulationFacts = population ?? { found: false, dateOfDeath: null, securityBan: false, hasGuardian: false, householdSize: 1, hasSpouse: false };
    if (facts.hasSpouse && !facts.dateOfDeath) {
      await Promise.all([
        may('incomes-register') ? this.fetch('incomes-register', 'spouse', () => incomesRegister.fetchIncomesRegister({ caseId: this.input.caseId, person: 'spouse' })) : undefined,
        may('tax-administration') ? this.fetch('tax-administration', 'spouse', () => taxAdministration.fetchTaxation({ caseId: this.input.caseId, person: 'spouse' })) : undefined,
      ]);
    }
    return facts;
  }

  /** One source for one person; a malformed answer waits for the officer to retry or go on without it. */
  private async fetch<T>(source: AuthorityName, person: PersonRole, call: () => Promise<T>): Promise<T | undefined> {
    for (;;) {
      try {
        return await call();
      } catch (error) {
        const cause = error instanceof ActivityFailure ? error.cause : undefined;
        if (!(cause instanceof ApplicationFailure) || (cause.type !== MALFORMED_ANSWER && cause.type !== FETCH_NOT_PERMITTED)) throw error;
        await review.reportFetchProblem({ caseId: this.input.caseId, source, person, problem: cause.message });
        this.resolution = undefined;
        await this.setState('awaiting-officer', `${source} (${person}): ${cause.message}`);
        await condition(() => this.resolution !== undefined || this.cancelled);
        const resolution = this.resolution as FetchProblemResolution | undefined;
        if (this.cancelled || resolution?.action === 'continue-without') {
          await this.setState('fetching');
          return undefined;
        }
        await this.setState('fetching');
      }
    }
  }

  async summariseAndPropose(): Promise<void> {
    if (patched(FEWER_STEPS)) {
      [this.state, this.waitingFor] = ['summarising', undefined];
      const { remindOfficerAt, ...proposal } = await reviewStep.summariseAndPropose(this.input.caseId, this.input.withDecision);
      [this.proposal, this.firstReminderAt] = [proposal, remindOfficerAt];
      if (this.input.withDecision) [this.state, this.waitingFor] = ['awaiting-review', AWAITING_REVIEW];
      return;
    }
    await this.setState('summarising');
    await review.summariseIncomes(this.input.caseId);
    this.proposal = await review.proposeFee(this.input.caseId);
    if (this.input.withDecision) await this.setState('awaiting-review', AWAITING_REVIEW);
  }

  /** Waits for the official's decision, reminding them every few banking days. */
  async awaitOfficersReview(): Promise<void> {
    const decided = () => (this.decision !== undefined && this.busy === 0) || this.cancelled;
    while (!decided()) {
      const remindAt = this.firstReminderAt ?? (await review.reviewReminderAt(this.input.caseId));
      this.firstReminderAt = undefined;
      if (await condition(decided, Math.max(1, remindAt - Date.now()))) break;
      await review.remindOfficer(this.input.caseId);
    }
  }

  /** The decided fee and the income it rests on go to invoicing, for the next billing run. */
  async tellInvoicing(): Promise<void> {
    const decision = await review.feeDecisionForInvoicing(this.decision!.decisionId);
    this.invoicing = await invoicing.recordFeeDecision(decision);
  }
}
