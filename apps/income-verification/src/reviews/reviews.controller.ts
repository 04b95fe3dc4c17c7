import { Body, ConflictException, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { cancelReviewUpdate, recalculateReviewUpdate, resolveFetchProblemUpdate, ReviewFailures, reviewUpdate, type AccessClaims } from '@clientfees/contracts';
import { localDateInZone } from '@clientfees/domain';
import { ApiRuleRefusal, AuditRead, CurrentUser, Database, MayDo, ruleRefused, Scope } from '@clientfees/platform';
import type { ServiceForFee } from '@clientfees/domain';
import * as q from './review.queries';
import * as decisions from './decision.queries';
import { changesOf, securityBanNow, securityBannedAmong } from '../population/population-change.queries';
import { ReviewsService } from './reviews.service';
import { CancelReviewDto, LegalBasisDto, OfficerReviewDto, ResolveFetchProblemDto, SelfReportedIncomeDto, StartReviewDto } from './reviews.dto';

/** The officer runs and reviews; the finance centre reads; nobody else sees incomes (domain.md §1, the access matrix). */
const OFFICER = 'client-fee-officer' as const;

/**
 * A review as people see it: a security ban masks the address (and a guardian's, which would lead
 * to the client) wherever it is shown, whether the person query or the change feed reported it.
 */
function view(c: q.ReviewCase, bannedByFeed: boolean) {
  const population = c.population as { securityBan?: boolean; address?: unknown } | null;
  const masked = population?.securityBan === true || bannedByFeed;
  return { ...c, population: masked && population ? { ...population, securityBan: true, address: 'security ban (turvakielto): not shown' } : population, deductionsCents: undefined };
}

/** A refusal of the review's workflow: the state 409, the role 403, a rule 422 naming the decision. */
async function refusals<T>(decision: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const problems = [{ field: 'review', reason: error.cause.message }];
      if (error.cause.type === ReviewFailures.state) throw new ConflictException({ statusCode: 409, message: error.cause.message, problems });
      if (error.cause.type === ReviewFailures.role) throw new ForbiddenException({ statusCode: 403, message: error.cause.message, problems });
      throw ruleRefused(decision, error.cause.message, 'review');
    }
    if ((error as Error).name === 'WorkflowNotFoundError') throw new NotFoundException('the review has no running workflow');
    throw error;
  }
}

@ApiTags('income-reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly db: Database,
  ) {}

  @Post('income-reviews')
  @MayDo('income-determination.prepare')
  @Scope.organisationFromBody()
  @ApiOperation({
    summary: 'Starts a client’s income review (new client, yearly review, change reported, or a service-voucher check without a decision).',
    description: 'The client id is enough: the review’s first step looks the client’s identity code up in invoicing. identityCode is a fallback for a client invoicing does not know.',
  })
  async start(@Body() body: StartReviewDto, @CurrentUser() user: AccessClaims) {
    const c = await this.reviews.start({ ...body, service: body.service as ServiceForFee | undefined, reviewDate: body.reviewDate ?? localDateInZone(Date.now(), 'Europe/Helsinki') }, user.sub);
    return view(c, false);
  }

  @Get('income-reviews')
  @MayDo('income-review.read')
  @AuditRead('income')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The organisation’s reviews, newest first; `state=awaiting-review` lists those waiting for the official.' })
  async list(@Query('organisationId') organisationId: string, @Query('state') state?: string, @Query('clientId') clientId?: string) {
    const { cases, banned } = await this.db.read(async (tx) => {
      const cases = await q.casesOf(tx, organisationId, { state, clientId });
      return { cases, banned: await securityBannedAmong(tx, organisationId, [...new Set(cases.map((c) => c.clientId))]) };
    });
    return cases.map((c) => view(c, banned.has(c.clientId)));
  }

  @Get('income-reviews/:id')
  @MayDo('income-review.read')
  @AuditRead('income')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'A review with its income summary (each figure with its source, report and rule), proposal and fetch problems.' })
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const c = await this.reviews.get(id);
    const [problems, decision, banned] = await this.db.read((tx) => Promise.all([q.problemsOf(tx, id), decisions.decisionOfCase(tx, id), securityBanNow(tx, c.organisationId, c.clientId)]));
    return { ...view(c, banned), problems, decision: decision ?? null };
  }

  @Post('income-reviews/:id/legal-basis')
  @HttpCode(204)
  @MayDo('income-determination.prepare')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'Records the officer’s legal basis for fetching without the client’s consent; the review goes on.' })
  async legalBasis(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LegalBasisDto, @CurrentUser() user: AccessClaims) {
    await this.reviews.recordLegalBasis(id, body.basis, user.sub);
  }

  @Post('income-reviews/:id/proceed-without-registers')
  @HttpCode(204)
  @MayDo('income-determination.prepare')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'Goes on without the registers: the client reports income (self-reported) or accepts the maximum fee.' })
  async proceedWithout(@Param('id', new ParseUUIDPipe()) id: string) {
    await this.reviews.proceedWithoutRegisters(id);
  }

  @Post('income-reviews/:id/self-reported-incomes')
  @MayDo('income-determination.prepare')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'Adds income the client reports; it enters the summary marked as self-reported (recalculate to update a proposal).' })
  async selfReported(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SelfReportedIncomeDto, @CurrentUser() user: AccessClaims) {
    return { id: await this.reviews.addSelfReported(id, body, user.sub) };
  }

  @Post('income-reviews/:id/recalculate')
  @MayDo('income-determination.prepare')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'Summarises and proposes again (after self-reported income was added).' })
  async recalculate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AccessClaims) {
    return refusals(recalculateReviewUpdate.name, () => this.reviews.handle(id).executeUpdate(recalculateReviewUpdate, { args: [{ actor: user.sub }] }));
  }

  @ApiRuleRefusal('an adjusted fee is an amount and states the reason for departing from the proposal (rule `review`)')
  @Post('income-reviews/:id/decision')
  @MayDo('fee-decision.make')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'The official’s fee decision: confirm the proposal, or adjust it with a reason. 422 naming the rule when a rule refuses it, 403 for a role that may not decide, 409 when the review is not awaiting it.' })
  async decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: OfficerReviewDto, @CurrentUser() user: AccessClaims) {
    const role = user.roles.includes(OFFICER) ? OFFICER : user.roles[0];
    return refusals(reviewUpdate.name, () => this.reviews.handle(id).executeUpdate(reviewUpdate, { args: [{ ...body, actor: user.sub, role }] }));
  }

  @Post('income-reviews/:id/resolve-fetch-problem')
  @MayDo('income-determination.prepare')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'After a malformed answer: fetch again, or go on without that source.' })
  async resolve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveFetchProblemDto, @CurrentUser() user: AccessClaims) {
    return refusals(resolveFetchProblemUpdate.name, () => this.reviews.handle(id).executeUpdate(resolveFetchProblemUpdate, { args: [{ ...body, actor: user.sub }] }));
  }

  @Post('income-reviews/:id/cancel')
  @MayDo('income-determination.prepare')
  @Scope.resource('income-review')
  @ApiOperation({ summary: 'Cancels a review that has not ended.' })
  async cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelReviewDto, @CurrentUser() user: AccessClaims) {
    return refusals(cancelReviewUpdate.name, () => this.reviews.handle(id).executeUpdate(cancelReviewUpdate, { args: [{ actor: user.sub, reason: body.reason }] }));
  }

  @Get('clients/:clientId/fetch-log')
  @MayDo('income-review.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Every fetch of the client’s data: who, which source, why (consent or legal basis) and the outcome.' })
  async fetchLog(@Param('clientId') clientId: string, @Query('organisationId') organisationId: string) {
    return this.db.read((tx) => q.fetchLogOf(tx, organisationId, clientId));
  }

  @Get('clients/:clientId/fee-decisions')
  @MayDo('income-review.read')
  @AuditRead('income')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The client’s fee decisions with validity, incomes and rule versions.' })
  async decisionsOf(@Param('clientId') clientId: string, @Query('organisationId') organisationId: string) {
    return this.db.read((tx) => decisions.decisionsOf(tx, organisationId, clientId));
  }

  @Get('clients/:clientId/population-changes')
  @MayDo('income-review.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'What the population register’s change feed reported of the client: deaths, address changes (hidden under a security ban) and security bans.' })
  async populationChanges(@Param('clientId') clientId: string, @Query('organisationId') organisationId: string) {
    const changes = await this.db.read((tx) => changesOf(tx, organisationId, clientId));
    const banned = changes.filter((c) => c.kind === 'security-ban').at(-1)?.detail.active === true;
    return changes.map((c) => (banned && c.kind === 'address' ? { ...c, detail: { hidden: true } } : c));
  }
}
