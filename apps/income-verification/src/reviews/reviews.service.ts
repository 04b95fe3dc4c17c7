import { Inject, Injectable, NotFoundException, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  addDays,
  addMonths,
  AUTHORITY_SOURCES,
  AuthoritySource,
  DomainValidationError,
  fetchPermission,
  firstDayOfMonth,
  householdOf,
  IncomeRecord,
  incomeSourcesOf,
  IncomeTypeTable,
  lastDayOfMonth,
  localDateInZone,
  Money,
  parseFinnishPersonalIdentityCode,
  PersonIncomeSummary,
  proposeFee,
  serviceForFeeOf,
  summarisePersonIncomes,
  validateFinnishPersonalIdentityCode,
} from '@clientfees/domain';
import {
  AuthorityName,
  AWAITING_REVIEW,
  ClientDeath,
  consentChangedSignal,
  ConsentCheck,
  DecisionRecorded,
  FeeDecisionForInvoicing,
  INCOME_VERIFICATION_WORKFLOW,
  incomeVerificationWorkflowId,
  OfficerReview,
  PersonRole,
  ProposalFacts,
  ReviewReason,
  ReviewState,
  SummaryFacts,
  TaskQueues,
} from '@clientfees/contracts';
import { Database, ScopeResolvers, TEMPORAL_CLIENT, Tx, uuidOwnerLookup } from '@clientfees/platform';
import type { ServiceForFee } from '@clientfees/domain';

/** Finnish wellbeing services counties: decisions are dated in Finnish time. */
const ZONE = 'Europe/Helsinki';
import { consentsOf } from '../consents/consent.queries';
import * as q from './review.queries';
import * as decisions from './decision.queries';
import { INCOME_TYPES, INCOME_TYPES_VERSION } from './income-types.provider';
import { INVOICING_CLIENTS, InvoicingClients, InvoicingUnavailable } from './invoicing-clients';

export interface StartReview {
  organisationId: string;
  clientId: string;
  reason: ReviewReason;
  /**
   * Only for a client invoicing does not know: the review's first activity asks invoicing for the
   * code by the client id, and invoicing's code is the one used. Without either, the code recorded
   * with the client's last review.
   */
  identityCode?: string;
  clientName?: string;
  service?: ServiceForFee;
  acceptsMaximumFee?: boolean;
  reviewDate: string;
}

/** Opens transactions, applies the domain's rules, talks to the review's workflow. */
@Injectable()
export class ReviewsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly resolvers: ScopeResolvers,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(INCOME_TYPES) private readonly table: IncomeTypeTable,
    @Inject(INCOME_TYPES_VERSION) private readonly tableVersion: string,
    @Inject(INVOICING_CLIENTS) private readonly invoicingClients: InvoicingClients,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('income-review', uuidOwnerLookup((id) => this.db.read(async (tx) => q.findCase(tx, id)).then((c) => (c ? { organisationId: c.organisationId } : undefined))));
    this.resolvers.register('fee-decision', uuidOwnerLookup((id) => this.db.read(async (tx) => decisions.findDecision(tx, id)).then((d) => (d ? { organisationId: d.organisationId } : undefined))));
  }

  async start(input: StartReview, actor: string): Promise<q.ReviewCase> {
    const withDecision = input.reason !== 'voucher-check';
    const service = withDecision ? await this.decidedServiceFor(input) : (input.service ?? null);
    const created = await this.db.transaction(async (tx) => {
      // A fallback for a client invoicing does not know; identifyClient puts invoicing's in its place.
      const given = input.identityCode ? parseFinnishPersonalIdentityCode(input.identityCode, 'identityCode').value : undefined;
      const known = given ? undefined : await q.knownIdentityOf(tx, input.organisationId, input.clientId);
      const c = await q.insertCase(tx, { organisationId: input.organisationId, clientId: input.clientId, reason: input.reason, withDecision, service, acceptsMaximumFee: input.acceptsMaximumFee ?? false, reviewDate: input.reviewDate, startedBy: actor });
      const identityCode = given ?? known?.identityCode;
      if (identityCode) await q.savePerson(tx, c.id, 'client', identityCode, input.clientName ?? known?.name ?? '');
      return c;
    });
    await this.startWorkflows([created]);
    return created;
  }

  /**
   * The service the fee decision is for: the one home care or long-term care service invoicing has
   * decided for the client on the review date (libs/domain serviceForFeeOf); the service in the
   * request only when invoicing gives none (a client it does not know, none or several in force).
   */
  private async decidedServiceFor(input: StartReview): Promise<ServiceForFee> {
    const answer = await this.invoicingClients.decidedServicesOf(input.organisationId, input.clientId).catch((error: Error) => {
      if (error instanceof InvoicingUnavailable) throw new ServiceUnavailableException(`the client’s decided services cannot be read from invoicing right now: try again in a moment (${error.message})`);
      throw error;
    });
    const found = answer.known ? serviceForFeeOf(answer.services, input.reviewDate) : { service: null, reason: answer.reason };
    if (found.service) return found.service;
    if (input.service) return input.service;
    throw new DomainValidationError(`${found.reason}: name the service the fee decision is for`, 'service');
  }

  /**
   * Starts each review's workflow (once: the workflow id is the case's) and marks it started; a
   * review whose start failed is started by the next yearly-review run.
   */
  async startWorkflows(cases: ReadonlyArray<Pick<q.ReviewCase, 'id' | 'organisationId' | 'clientId' | 'reason' | 'withDecision'>>): Promise<void> {
    await Promise.all(
      cases.map((c) =>
        this.temporal.workflow
          .start(INCOME_VERIFICATION_WORKFLOW, {
            workflowId: incomeVerificationWorkflowId(c.id),
            taskQueue: TaskQueues.workflows,
            args: [{ caseId: c.id, organisationId: c.organisationId, clientId: c.clientId, reason: c.reason, withDecision: c.withDecision }],
          })
          .catch((error: Error) => {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          }),
      ),
    );
    await this.db.transaction((tx) => q.markWorkflowStarted(tx, cases.map((c) => c.id)));
  }

  get(id: string): Promise<q.ReviewCase> {
    return this.db.read(async (tx) => {
      const c = await q.findCase(tx, id);
      if (!c) throw new NotFoundException('no such income review');
      return c;
    });
  }

  handle(caseId: string) {
    return this.temporal.workflow.getHandle(incomeVerificationWorkflowId(caseId));
  }

  /** Tells the client's open reviews that consent or a legal basis changed. */
  async signalConsentChanged(organisationId: string, clientId: string): Promise<void> {
    const open = await this.db.read((tx) => q.openCasesOf(tx, organisationId, clientId));
    await Promise.all(open.map((id) => this.handle(id).signal(consentChangedSignal).catch(() => undefined)));
  }

  async recordLegalBasis(caseId: string, basis: string, actor: string): Promise<void> {
    const c = await this.db.transaction(async (tx) => {
      const found = await q.findCase(tx, caseId, { lock: true });
      if (!found) throw new NotFoundException('no such income review');
      await q.updateCase(tx, caseId, { legalBasis: { basis, recordedBy: actor, recordedAt: new Date().toISOString() } });
      return found;
    });
    await this.handle(c.id).signal(consentChangedSignal);
  }

  async proceedWithoutRegisters(caseId: string): Promise<void> {
    await this.db.transaction((tx) => q.updateCase(tx, caseId, { proceedWithoutRegisters: true }));
    await this.handle(caseId).signal(consentChangedSignal);
  }

  async addSelfReported(caseId: string, entry: { person: PersonRole; description: string; monthlyGross: string; monthlyNet?: string }, actor: string): Promise<string> {
    const gross = Money.parse(entry.monthlyGross, 'EUR', 'monthlyGross');
    const net = entry.monthlyNet === undefined ? gross : Money.parse(entry.monthlyNet, 'EUR', 'monthlyNet');
    if (gross.isNegative() || net.isNegative() || net.isGreaterThan(gross)) throw new DomainValidationError('must be between 0 and the gross amount', 'monthlyNet');
    return this.db.transaction((tx) => q.insertSelfReported(tx, caseId, { person: entry.person, description: entry.description, grossCents: gross.minorUnits, netCents: net.minorUnits, recordedBy: actor }));
  }

  // --- what the workflow's activities do ---

  async checkConsent(caseId: string): Promise<ConsentCheck> {
    return this.db.read(async (tx) => {
      const c = await this.caseOrThrow(tx, caseId);
      const consents = await consentsOf(tx, c.organisationId, c.clientId);
      const permitted: AuthorityName[] = [];
      const refused: ConsentCheck['refused'] = [];
      for (const source of AUTHORITY_SOURCES) {
        const permission = fetchPermission(consents, source, c.reviewDate, c.legalBasis ?? undefined);
        if (permission.allowed) permitted.push(source);
        else refused.push({ source, reason: permission.reason });
      }
      return { permitted, refused, proceedWithoutRegisters: c.proceedWithoutRegisters };
    });
  }

  /**
   * The review's consent step (the workflow's first activity): checking-consent, who the client
   * is, the check, and fetching when it may go on.
   */
  async beginReview(caseId: string): Promise<ConsentCheck> {
    await this.setState(caseId, 'checking-consent');
    await this.identifyClient(caseId);
    const check = await this.checkConsent(caseId);
    if (check.proceedWithoutRegisters || check.refused.length === 0) await this.setState(caseId, 'fetching');
    return check;
  }

  /**
   * Who the review's client is, by the client id: invoicing's identity code and name (a signed TCP
   * message only income verification may send). A client invoicing does not know keeps the code the
   * officer gave or the one of its last review; with none, the fetching reports to the officer that
   * there is no client to fetch for. The code is stored with the case, never in the workflow. A
   * yearly review the schedule opened has the code of the review it follows, which came the same
   * way: it is not asked again (7,000 of them are a routine batch).
   */
  async identifyClient(caseId: string): Promise<void> {
    const c = await this.db.read((tx) => this.caseOrThrow(tx, caseId));
    if (c.followsDecisionId !== null) return;
    const identity = await this.invoicingClients.identityOf(c.organisationId, c.clientId, `income review ${c.id} (${c.reason}), started by ${c.startedBy}`);
    if (!identity.known || !validateFinnishPersonalIdentityCode(identity.identityCode).valid) return;
    await this.db.transaction((tx) => q.savePerson(tx, caseId, 'client', identity.identityCode, identity.name));
  }

  /** summarising ─► summary ─► proposal ─► awaiting-review (with a decision), each recorded as it is done. */
  async summariseAndPropose(caseId: string, withDecision: boolean): Promise<ProposalFacts> {
    await this.setState(caseId, 'summarising');
    await this.summarise(caseId);
    const proposal = await this.propose(caseId);
    if (withDecision) await this.setState(caseId, 'awaiting-review', AWAITING_REVIEW);
    return proposal;
  }

  /** The grounds a fetch stands on right now; throws when there are none any more. */
  async groundsFor(tx: Tx, c: q.ReviewCase, source: AuthoritySource): Promise<string | undefined> {
    const permission = fetchPermission(await consentsOf(tx, c.organisationId, c.clientId), source, c.reviewDate, c.legalBasis ?? undefined);
    return permission.allowed ? `${permission.grounds}: ${permission.detail}` : undefined;
  }

  async setState(caseId: string, state: ReviewState, detail?: string): Promise<void> {
    await this.db.transaction((tx) => q.updateCase(tx, caseId, { state, waitingFor: detail ?? null }));
  }

  async reportFetchProblem(input: { caseId: string; source: string; person: string; problem: string }): Promise<void> {
    await this.db.transaction((tx) => q.insertProblem(tx, input.caseId, input.source, input.person, input.problem));
  }

  /** The review's 12 months of payment dates: the full months before the review, and the days after (late reports). */
  paymentSpan(reviewDate: string): { from: string; to: string } {
    return { from: firstDayOfMonth(addMonths(reviewDate, -13)), to: reviewDate };
  }

  async summarise(caseId: string): Promise<SummaryFacts> {
    return this.db.transaction(async (tx) => {
      const c = await this.caseOrThrow(tx, caseId);
      const person = async (role: PersonRole) => {
        const { records, unknownCodes } = await q.recordsOf(tx, caseId, role);
        const reported: IncomeRecord[] = (await q.selfReportedOf(tx, caseId, role)).map((r) => ({
          source: 'self-reported', reportId: r.id, register: 'self-reported', typeCode: 'self-reported', payer: null, paymentDate: null,
          earningPeriod: { start: firstDayOfMonth(c.reviewDate), end: lastDayOfMonth(c.reviewDate) }, gross: Money.ofMinor(r.monthly_gross_cents, 'EUR').toDecimalString(),
          withheld: Money.ofMinor(r.monthly_gross_cents - r.monthly_net_cents, 'EUR').toDecimalString(), description: r.description,
        }));
        return summarisePersonIncomes({ reviewDate: c.reviewDate, records: [...records, ...reported], table: this.table, unknownCodes });
      };
      const client = await person('client');
      const hasSpouse = (c.population as { hasSpouse?: boolean } | null)?.hasSpouse === true;
      const spouse = hasSpouse ? await person('spouse') : undefined;
      await q.updateCase(tx, caseId, { summary: { client, spouse: spouse ?? null } });
      return { hasData: client.hasData, grossMonthly: client.grossMonthly, netMonthly: client.netMonthly, notes: client.notes.length };
    });
  }

  async propose(caseId: string): Promise<ProposalFacts> {
    return this.db.transaction(async (tx) => {
      const c = await this.caseOrThrow(tx, caseId);
      const summary = c.summary as { client: ReturnType<typeof summarisePersonIncomes>; spouse: ReturnType<typeof summarisePersonIncomes> | null };
      const population = (c.population ?? {}) as { residents?: Array<{ ref: string; birthDate: string; isSpouse: boolean }> };
      const household = householdOf(c.reviewDate, population.residents ?? []);
      const service: ServiceForFee = c.service ?? { kind: 'fi-home-care', hoursPerMonth: '0', serviceCost: '0.00' };
      const proposal = proposeFee({
        date: this.decisionStart(c.reviewDate), service, household, client: summary.client, spouse: summary.spouse ?? undefined,
        acceptsMaximumFee: c.acceptsMaximumFee, deductions: Money.ofMinor(c.deductionsCents, 'EUR').toDecimalString(),
      });
      await q.updateCase(tx, caseId, { proposal: { ...proposal, household } });
      return { fee: proposal.fee, maximumFee: proposal.maximumFee };
    });
  }

  /** A decision applies from the first day of the month after the review by default. */
  decisionStart(reviewDate: string): string {
    return firstDayOfMonth(addMonths(reviewDate, 1));
  }

  async recordDecision(caseId: string, review: OfficerReview): Promise<DecisionRecorded> {
    return this.db.transaction(async (tx) => {
      const existing = await decisions.decisionOfCase(tx, caseId);
      if (existing) return { decisionId: existing.id, fee: Money.ofMinor(existing.feeCents, 'EUR').toDecimalString(), validFrom: existing.validFrom, validTo: existing.validTo };
      const c = await this.caseOrThrow(tx, caseId);
      const proposal = c.proposal as { fee: string; explanation: { rules: unknown[] } };
      const fee = review.action === 'adjust' ? Money.parse(review.fee!, 'EUR', 'fee') : Money.parse(proposal.fee, 'EUR', 'fee');
      const decision = await decisions.insertDecision(
        tx,
        {
          organisationId: c.organisationId, clientId: c.clientId, caseId, feeCents: fee.minorUnits, proposedFeeCents: Money.parse(proposal.fee, 'EUR').minorUnits, action: review.action, reason: review.reason ?? null,
          validFrom: review.validFrom, service: c.service, incomes: c.summary, proposal: c.proposal, ruleVersions: { fee: proposal.explanation.rules, incomeTypes: this.tableVersion, summaryRules: 'income-summary 1 (12-month window, regular vs averaged)' },
          decidedBy: review.actor,
        },
        addDays(review.validFrom, -1),
      );
      return { decisionId: decision.id, fee: fee.toDecimalString(), validFrom: decision.validFrom, validTo: decision.validTo };
    });
  }

  /** The decision as invoicing needs it: the income it rests on, the fee, the authority records and the rule versions. */
  async feeDecisionForInvoicing(decisionId: string): Promise<FeeDecisionForInvoicing> {
    const { d, c } = await this.db.read(async (tx) => {
      const d = await decisions.findDecision(tx, decisionId);
      if (!d) throw new NotFoundException(`no fee decision ${decisionId}`);
      return { d, c: await this.caseOrThrow(tx, d.caseId) };
    });
    const service = d.service as ServiceForFee;
    const incomes = d.incomes as { client: PersonIncomeSummary; spouse: PersonIncomeSummary | null };
    const proposal = d.proposal as { incomeUsed: { grossMonthly: string; netMonthly: string; householdSize: number } };
    const rules = (d.ruleVersions as { fee: FeeDecisionForInvoicing['rules'] }).fee;
    return {
      organisationId: d.organisationId,
      clientId: d.clientId,
      decisionId: d.id,
      decidedOn: localDateInZone(Date.parse(d.decidedAt), ZONE),
      decidedBy: d.decidedBy,
      validFrom: d.validFrom,
      fee: Money.ofMinor(d.feeCents, 'EUR').toDecimalString(),
      service: { kind: service.kind, hoursPerMonth: service.kind === 'fi-home-care' ? service.hoursPerMonth : null },
      income: { grossMonthly: proposal.incomeUsed.grossMonthly, netMonthly: proposal.incomeUsed.netMonthly, deductions: Money.ofMinor(c.deductionsCents, 'EUR').toDecimalString(), householdSize: proposal.incomeUsed.householdSize },
      incomeSources: [...incomeSourcesOf('client', incomes.client), ...(incomes.spouse ? incomeSourcesOf('spouse', incomes.spouse) : [])],
      rules,
    };
  }

  async endDecisionsOnDeath(death: ClientDeath): Promise<void> {
    await this.db.transaction((tx) => decisions.endDecisionsOnDeath(tx, death.organisationId, death.clientId, death.dateOfDeath));
  }

  async caseOrThrow(tx: Tx, caseId: string): Promise<q.ReviewCase> {
    const c = await q.findCase(tx, caseId);
    if (!c) throw new Error(`income review ${caseId} does not exist`);
    return c;
  }

  validIdentity(code: string): boolean {
    return validateFinnishPersonalIdentityCode(code).valid;
  }
}
