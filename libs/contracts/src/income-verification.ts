import { defineWorkflow } from './workflow-definitions';
import type { RegisterAddressApplied } from './invoicing';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * Income verification (tulotietojen selvitys / inkomstutredning, seed 001): the incomeVerification
 * workflow, its activities, the official's review and the messages between the service and the
 * workflow. Identity codes never travel here: activities look them up from the client id.
 */

/**
 * Activity task queues, one per authority, so that however many reviews run, the fetches wait in
 * the authority's queue; the worker polling it runs a few fetches per call slot, and each call
 * passes the authority's concurrency gate (ADRs 0019, 0034).
 */
export const AuthorityQueues = {
  incomesRegister: 'income-verification.incomes-register',
  populationRegister: 'income-verification.population-register',
  taxAdministration: 'income-verification.tax-administration',
} as const;

export type ReviewReason = 'new-client' | 'yearly-review' | 'change-reported' | 'voucher-check';
export const REVIEW_REASONS: readonly ReviewReason[] = ['new-client', 'yearly-review', 'change-reported', 'voucher-check'];

export const REVIEW_STATES = [
  'checking-consent',
  'awaiting-consent',
  'fetching',
  'awaiting-officer',
  'summarising',
  'awaiting-review',
  'decided',
  'completed',
  'closed-deceased',
  'cancelled',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
/** What a review in awaiting-review waits for, as the officer reads it. */
export const AWAITING_REVIEW = 'the official’s review of the proposed fee';

export interface IncomeVerificationInput {
  caseId: string;
  organisationId: string;
  /** Invoicing's client id: never an identity code. */
  clientId: string;
  reason: ReviewReason;
  /** False for a service-voucher income check: the review ends with the summary, no fee decision. */
  withDecision: boolean;
}

export type PersonRole = 'client' | 'spouse';
export type AuthorityName = 'incomes-register' | 'population-register' | 'tax-administration';

export interface FetchRequest {
  caseId: string;
  person: PersonRole;
}

export interface ConsentCheck {
  /** The sources the review may fetch from, by consent or the officer's recorded legal basis. */
  permitted: AuthorityName[];
  /** Why the others may not be fetched. */
  refused: Array<{ source: AuthorityName; reason: string }>;
  /** The officer decided to go on without the registers (self-reported income or the maximum fee). */
  proceedWithoutRegisters: boolean;
}

/** What the population register told the review: no identity codes, no addresses. */
export interface PopulationFacts {
  found: boolean;
  dateOfDeath: string | null;
  securityBan: boolean;
  hasGuardian: boolean;
  householdSize: number;
  hasSpouse: boolean;
}

export interface SummaryFacts {
  hasData: boolean;
  grossMonthly: string;
  netMonthly: string;
  notes: number;
}

export interface ProposalFacts {
  fee: string;
  maximumFee: null | 'no-income-data' | 'accepts-maximum-fee';
}

/** The official's review (virkamiehen päätös): confirm the proposal, or adjust it with a reason. */
export interface OfficerReview {
  action: 'confirm' | 'adjust';
  /** adjust: the fee the official decides, a decimal string. */
  fee?: string;
  /** adjust: why the official departs from the proposal; confirm: optional note. */
  reason?: string;
  /** The first day the decision applies, YYYY-MM-DD. */
  validFrom: string;
  actor: string;
  role: string;
}

export interface DecisionRecorded {
  decisionId: string;
  fee: string;
  validFrom: string;
  validTo: string | null;
}

/** The officer's way out of a fetch problem the workflow cannot solve alone. */
export interface FetchProblemResolution {
  action: 'retry' | 'continue-without';
  note: string;
  actor: string;
}

export interface ReviewStatus {
  caseId: string;
  state: ReviewState;
  /** Why the review waits for the officer, in words the officer can act on. */
  waitingFor?: string;
  proposal?: ProposalFacts;
  decision?: DecisionRecorded;
  /** What invoicing made of the decision: the income the billing run will use, or why not. */
  invoicing?: FeeDecisionRecorded;
}

/**
 * A fee decision as invoicing needs it: the income (from validFrom, ending the income before it)
 * and the decided fee for the service it was decided for, with where the incomes came from and
 * the rule versions, so that an invoice row's explanation leads back to the authority record.
 * The clientId is invoicing's client id.
 */
export interface FeeDecisionForInvoicing {
  organisationId: string;
  clientId: string;
  decisionId: string;
  decidedOn: string;
  decidedBy: string;
  validFrom: string;
  /** The monthly fee as decided, EUR decimal string. */
  fee: string;
  service: { kind: 'fi-home-care' | 'fi-long-term-care'; hoursPerMonth: string | null };
  income: { grossMonthly: string; netMonthly: string; deductions: string; householdSize: number };
  incomeSources: string[];
  rules: Array<{ table: string; validFrom: string; validTo: string | null; source: string }>;
}

export type FeeDecisionRecorded = { recorded: true; incomeId: string } | { recorded: false; reason: string };

/** Invoicing's side of a fee decision (invoicing task queue). */
export interface FeeDecisionActivities {
  /** Records the decision's income for the billing runs; repeating it changes nothing. */
  recordFeeDecision(decision: FeeDecisionForInvoicing): Promise<FeeDecisionRecorded>;
}

/** Activities on the income-verification task queue (the service's database and rules). */
export interface ReviewActivities {
  checkConsent(caseId: string): Promise<ConsentCheck>;
  /**
   * The consent step in one activity: records checking-consent, checks the consent, and records
   * fetching when the review may go on (every source permitted, or the officer decided to go on).
   */
  beginReview(caseId: string): Promise<ConsentCheck>;
  setReviewState(caseId: string, state: ReviewState, detail?: string): Promise<void>;
  /** A malformed or unexpected answer, kept for the officer with what was wrong. */
  reportFetchProblem(input: { caseId: string; source: AuthorityName; person: PersonRole; problem: string }): Promise<void>;
  summariseIncomes(caseId: string): Promise<SummaryFacts>;
  proposeFee(caseId: string): Promise<ProposalFacts>;
  /**
   * summarising ─► the income summary ─► the fee proposal ─► (with a decision) awaiting-review,
   * in one activity, each step recorded as it is done; with a decision, also when to remind the
   * officer first (as reviewReminderAt would answer), so the review needs no activity for it.
   */
  summariseAndPropose(caseId: string, withDecision: boolean): Promise<ProposalFacts & { remindOfficerAt?: number }>;
  /** When to remind the officer of a review still waiting (a few banking days on), epoch ms. */
  reviewReminderAt(caseId: string): Promise<number>;
  remindOfficer(caseId: string): Promise<void>;
  recordDecision(caseId: string, review: OfficerReview): Promise<DecisionRecorded>;
  /** The recorded decision as invoicing needs it. */
  feeDecisionForInvoicing(decisionId: string): Promise<FeeDecisionForInvoicing>;
  /** The client died: the client's decisions in force end on the date of death; repeating it changes nothing. */
  endDecisionsOnDeath(input: ClientDeath): Promise<void>;
  /** The death from the change feed has been told to debt follow-up: it is not reported again. */
  markDeathReported(changeId: string): Promise<void>;
  /**
   * Tells invoicing (a signed message, ADR 0013) of an address change or security ban from the
   * change feed, for the client's billing settings; marks it reported. Repeating it changes nothing.
   */
  reportAddressChange(changeId: string): Promise<RegisterAddressApplied>;
  /**
   * Opens a yearly review for every client whose fee decision turns one year old (within the
   * organisation's lead time) and starts its incomeVerification workflow; idempotent per decision.
   */
  startDueYearlyReviews(input: { organisationId: string }): Promise<{ opened: number; started: number }>;
}

export interface ClientDeath {
  organisationId: string;
  clientId: string;
  dateOfDeath: string;
}

/** A death the population register's change feed reported for a client: no identity code. */
export interface ReportedDeath extends ClientDeath {
  changeId: string;
  /** The feed entry: `population register change feed, key 1042, 2026-11-03`. */
  sourceReference: string;
}

export interface PopulationChangesPolled {
  /** Deaths not yet told to debt follow-up (new ones and any left over from an earlier poll). */
  deaths: ReportedDeath[];
  addressChanges: number;
  securityBanChanges: number;
  /** Address changes and security bans not yet told to invoicing (population change ids, oldest first). */
  addressChangeIds: string[];
  /** The feed key the organisation has read up to. */
  lastKey: number;
}

export interface IncomesRegisterActivities {
  /** Earnings and benefit payment reports of the review's 12 months; stores them, returns how many. */
  fetchIncomesRegister(request: FetchRequest): Promise<{ reports: number }>;
}

export interface PopulationRegisterActivities {
  fetchPopulationRecord(request: FetchRequest): Promise<PopulationFacts>;
  /**
   * Reads the population register's change feed (muutokset after the organisation's last key) for
   * the organisation's clients; records deaths, address changes and security bans; advances the key.
   */
  pollPopulationChanges(input: { organisationId: string }): Promise<PopulationChangesPolled>;
}

export interface TaxAdministrationActivities {
  fetchTaxation(request: FetchRequest): Promise<{ decisions: number }>;
}

/** Failure type of an answer the adapter cannot read: not retried, shown to the officer. */
export const MALFORMED_ANSWER = 'MalformedAuthorityAnswer';
/** Failure type of a refused fetch (no consent or legal basis any more): not retried. */
export const FETCH_NOT_PERMITTED = 'FetchNotPermitted';
export const ReviewFailures = { role: 'ReviewRoleRefused', refused: 'ReviewRefused', state: 'ReviewStateConflict' } as const;


export const consentChangedSignal = defineSignal<[]>('consentChanged');
export const reviewUpdate = defineUpdate<DecisionRecorded, [OfficerReview]>('review');
export const resolveFetchProblemUpdate = defineUpdate<ReviewStatus, [FetchProblemResolution]>('resolveFetchProblem');
/** Re-summarise and re-propose after the officer added self-reported income or deductions. */
export const recalculateReviewUpdate = defineUpdate<ReviewStatus, [{ actor: string }]>('recalculate');
export const cancelReviewUpdate = defineUpdate<ReviewStatus, [{ actor: string; reason: string }]>('cancelReview');
export const reviewStatusQuery = defineQuery<ReviewStatus>('status');

export const INCOME_VERIFICATION_WORKFLOW = 'incomeVerification';
export const YEARLY_REVIEW_WORKFLOW = 'yearlyIncomeReviews';
export const POPULATION_CHANGES_WORKFLOW = 'populationRegisterChanges';
export interface OrganisationScheduleInput {
  organisationId: string;
}

export interface PopulationChangesResult {
  deaths: number;
  addressChanges: number;
  securityBanChanges: number;
}

export const incomeVerificationWorkflowId = (caseId: string): string => `income-verification-${caseId}`;
export const yearlyReviewScheduleId = (organisationId: string): string => `yearly-income-review-${organisationId}`;
export const populationChangesScheduleId = (organisationId: string): string => `population-changes-${organisationId}`;

// The income-verification workflows as their callers start them (never by a string name).
export const IncomeVerificationWorkflow = defineWorkflow<[IncomeVerificationInput], ReviewStatus>('incomeVerification');
export const PopulationRegisterChangesWorkflow = defineWorkflow<[OrganisationScheduleInput], PopulationChangesResult>('populationRegisterChanges');
export const YearlyIncomeReviewsWorkflow = defineWorkflow<[OrganisationScheduleInput], { opened: number; started: number }>('yearlyIncomeReviews');
