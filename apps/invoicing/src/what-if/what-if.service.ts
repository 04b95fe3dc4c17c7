import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  compareHousehold,
  draftDatedRows,
  DomainValidationError,
  firstDayOfPeriod,
  isDomainValidationError,
  lastDayOfPeriod,
  localDateInZone,
  mergeWhatIfTallies,
  periodOf,
  RULE_TABLES,
  tallyWhatIf,
  validateWhatIfDraft,
  WhatIfClientResult,
  WhatIfDraft,
  WhatIfHousehold,
  whatIfRuleSets,
  WhatIfTallies,
} from '@clientfees/domain';
import { AccessClaims, WhatIfRunWorkflow, whatIfRunWorkflowId, type WorkflowFunctionOf } from '@clientfees/contracts';
import { conflict, Database, scopeOf, TEMPORAL_CLIENT } from '@clientfees/platform';
import { BillingInputs } from '../billing-data/billing-inputs';
import { ruleTableSet } from '../rule-tables/rule-period.queries';
import { putRulePeriod } from '../rule-tables/rule-table-changes';
import {
  approveWhatIfRunRow,
  batchMembers,
  batchTallies,
  completeWhatIfRunRow,
  failWhatIfRunRow,
  findWhatIfRun,
  insertWhatIfRun,
  listWhatIfRuns,
  organisationsOfRun,
  planWhatIfClients,
  storeWhatIfResults,
  WhatIfClientFilter,
  whatIfClients,
  WhatIfClientRow,
  WhatIfRun,
} from './what-if-run.queries';

/** Names a domain refusal by the request's own field (`draft.rows.0.value`). */
function inField<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isDomainValidationError(error)) throw new DomainValidationError(error.reason, error.field === undefined ? prefix : `${prefix}.${error.field}`);
    throw error;
  }
}

/** Households per batch: a batch is one read of the billing data and one write of results. */
export const WHAT_IF_HOUSEHOLDS_PER_BATCH = 2000;
/** Households compared between two turns of the event loop (a few tens of milliseconds). */
const YIELD_EVERY_HOUSEHOLDS = 100;
/** Up to this many clients the run is computed while the request waits; more go to the workflow. */
export const WHAT_IF_SYNC_LIMIT = 2000;

/**
 * What-if runs (docs/rules.md): a draft of next period's rule rows compared, client by client,
 * with the rules in force today, over the organisations' active clients. Billing is never
 * touched: the run reads billing data and writes only its own tables, until a second
 * administrator approves the draft into dated rule rows.
 */
@Injectable()
export class WhatIfService {
  constructor(
    private readonly db: Database,
    private readonly inputs: BillingInputs,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Starts a run: computed at once for a small population, by the whatIfRun workflow for a large one. */
  async start(organisationIds: string[], draft: WhatIfDraft, user: AccessClaims): Promise<WhatIfRun> {
    this.requireInScope(organisationIds, user);
    const organisations = await this.db.read((tx) => organisationsOfRun(tx, organisationIds));
    const missing = organisationIds.filter((id) => !organisations.some((o) => o.id === id));
    if (missing.length > 0) throw new NotFoundException(`no organisation ${missing.join(', ')}`);
    const today = localDateInZone(Date.now(), organisations[0].time_zone);
    const checked = inField('draft', () => validateWhatIfDraft(draft, today));
    checked.rows.forEach((row, i) => {
      const country = RULE_TABLES[row.table].country;
      const other = organisations.find((o) => o.country !== country);
      if (other) throw new DomainValidationError(`is a ${country} table but ${other.id} is in ${other.country}`, `draft.rows.${i}.table`);
    });

    const id = randomUUID();
    const todayPeriod = periodOf(today);
    const { population } = await this.db.transaction(async (tx) => {
      await insertWhatIfRun(tx, { id, organisationIds, draft: checked, period: periodOf(checked.validFrom), rulesOf: today, draftedBy: user.sub });
      return planWhatIfClients(tx, id, organisationIds, firstDayOfPeriod(todayPeriod), lastDayOfPeriod(todayPeriod), WHAT_IF_HOUSEHOLDS_PER_BATCH);
    });
    if (population <= WHAT_IF_SYNC_LIMIT) {
      const run = (await this.get(id, user))!;
      for (let batch = 0; batch < run.batches; batch++) await this.compareBatch(id, batch);
      await this.complete(id);
    } else {
      await this.temporal.workflow.start<WorkflowFunctionOf<typeof WhatIfRunWorkflow>>(WhatIfRunWorkflow.workflowType, {
        workflowId: whatIfRunWorkflowId(id),
        taskQueue: WhatIfRunWorkflow.taskQueue,
        args: [{ runId: id }],
      });
    }
    return this.get(id, user);
  }

  async get(id: string, user: AccessClaims): Promise<WhatIfRun> {
    const run = await this.db.read((tx) => findWhatIfRun(tx, id));
    if (!run || !this.inScope(run.organisationIds, user)) throw new NotFoundException(`no what-if run ${id}`);
    return run;
  }

  list(user: AccessClaims, limit: number): Promise<WhatIfRun[]> {
    return this.db.read((tx) => listWhatIfRuns(tx, scopeOf(user).organisations, limit));
  }

  async clients(id: string, user: AccessClaims, filter: WhatIfClientFilter): Promise<WhatIfClientRow[]> {
    const run = await this.get(id, user);
    if (filter.organisationId !== undefined && !run.organisationIds.includes(filter.organisationId)) return [];
    return this.db.read((tx) => whatIfClients(tx, id, filter));
  }

  /**
   * Turns the draft into dated rule rows: an administrator's act with grounds, never the
   * drafter's own, on a completed run whose period has not begun. Each row replaces whatever the
   * tables held for its period (estimates shipped for next year, say); the replaced rows are kept
   * with the approver and the grounds.
   */
  async approve(id: string, grounds: string, user: AccessClaims): Promise<WhatIfRun> {
    await this.get(id, user);
    await this.db.transaction(async (tx) => {
      const run = (await findWhatIfRun(tx, id, { lock: true }))!;
      if (run.state !== 'completed') throw conflict(`the run is ${run.state}: only a completed run is approved`, 'state');
      if (run.draftedBy === user.sub) throw conflict('the person who drafted the rows may not approve them: a second administrator approves', 'approvedBy', 'is the drafter');
      const [organisation] = await organisationsOfRun(tx, run.organisationIds);
      const today = localDateInZone(Date.now(), organisation.time_zone);
      if (run.validFrom <= today) throw conflict(`the period began on ${run.validFrom}: enter the rows as a correction of the rule table instead`, 'validFrom', 'has begun');
      const why = `what-if run ${id}, drafted by ${run.draftedBy}, approved by ${user.sub}: ${grounds}`;
      for (const row of draftDatedRows(run.draft)) {
        const { table, ...dated } = row;
        await putRulePeriod(tx, table, dated, user.sub, why);
      }
      await approveWhatIfRunRow(tx, id, user.sub, grounds);
    });
    return this.get(id, user);
  }

  // The run's steps, for the workflow's activities and for a small run computed in the request.

  async plan(id: string): Promise<number> {
    const run = await this.db.read((tx) => findWhatIfRun(tx, id));
    if (!run) throw new NotFoundException(`no what-if run ${id}`);
    return run.batches;
  }

  /** Compares one batch of households under today's rules and the draft; stores results and tally. */
  async compareBatch(id: string, batch: number): Promise<number> {
    const { run, members, tables } = await this.db.read(async (tx) => ({
      run: (await findWhatIfRun(tx, id))!,
      members: await batchMembers(tx, id, batch),
      tables: await ruleTableSet(tx),
    }));
    const rules = whatIfRuleSets(tables, run.draft, run.rulesOf);
    const households: WhatIfHousehold[] = [];
    for (const organisationId of [...new Set(members.map((m) => m.organisation_id))]) {
      const ofOrganisation = members.filter((m) => m.organisation_id === organisationId);
      const [inputs, priceList] = await Promise.all([
        this.inputs.load(organisationId, periodOf(run.rulesOf), ofOrganisation.map((m) => m.client_id)),
        this.inputs.priceList(organisationId, run.rulesOf),
      ]);
      let household: string | null = null;
      let clients: typeof ofOrganisation = [];
      const flush = () => {
        const loaded = clients.map((m) => inputs.get(m.client_id)).filter((c) => c !== undefined);
        if (loaded.length > 0) households.push({ organisationId, clients: loaded, priceList });
      };
      for (const member of ofOrganisation) {
        if (member.household !== household) {
          flush();
          household = member.household;
          clients = [];
        }
        clients.push(member);
      }
      flush();
    }
    const results: WhatIfClientResult[] = [];
    for (let i = 0; i < households.length; i++) {
      results.push(...compareHousehold(households[i], rules));
      // The comparison is CPU work on the service's one thread: let requests through now and then.
      if (i % YIELD_EVERY_HOUSEHOLDS === YIELD_EVERY_HOUSEHOLDS - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    const tallies = tallyWhatIf(results);
    await this.db.transaction((tx) => storeWhatIfResults(tx, id, batch, results, tallies));
    return results.length;
  }

  /** Adds the batches' tallies up and completes the run; returns its clients. */
  async complete(id: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const batches = await batchTallies(tx, id);
      const tallies = batches.reduce<WhatIfTallies>((sum, b) => mergeWhatIfTallies(sum, b.tallies), {});
      await completeWhatIfRunRow(tx, id, tallies);
      return batches.reduce((sum, b) => sum + b.clients, 0);
    });
  }

  async fail(id: string, reason: string): Promise<void> {
    await this.db.transaction((tx) => failWhatIfRunRow(tx, id, reason));
  }

  private inScope(organisationIds: readonly string[], user: AccessClaims): boolean {
    const mine = scopeOf(user).organisations;
    return organisationIds.every((id) => mine.includes(id));
  }

  /** A run names only the caller's organisations; another county's is answered as if it did not exist. */
  private requireInScope(organisationIds: readonly string[], user: AccessClaims): void {
    if (!this.inScope(organisationIds, user)) throw new NotFoundException(`no organisation ${organisationIds.filter((id) => !scopeOf(user).organisations.includes(id)).join(', ')}`);
  }
}
