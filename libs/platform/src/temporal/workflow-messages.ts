import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  Client,
  ScheduleOptionsAction,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowStartOptions,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, type QueryDefinition, type SignalDefinition, type UpdateDefinition } from '@temporalio/common';
import { RefusalKind, refusalKindOf, WorkflowDefinition } from '@clientfees/contracts';
import { conflict, ruleRefused } from '../http/problems';
import { TEMPORAL_CLIENT } from '../tokens';

/** What became of a signal: delivered, or the workflow is not there (ended, or never started). */
export type SignalOutcome = 'signalled' | 'not-found';

/** The field a refusal names in `problems`: one for every kind, or one per kind. */
export type RefusalField = string | Partial<Record<RefusalKind, string>> & { rule: string };

/** How a decision's failures are answered (see `WorkflowMessages.update`). */
export interface DecisionAnswers {
  field: RefusalField;
  /** What is decided on ('invoice 42'): the 404 says `no <subject>`, the 409 `<subject> is <state> …`. */
  subject: string;
  /** The state of the thing decided on as stored (undefined: it does not exist for the caller). */
  currentState?: () => Promise<string | undefined>;
}

/**
 * Starts, signals, updates and queries workflows through the typed definitions in
 * libs/contracts: the one place where a service meets Temporal's client. A workflow that is not
 * there answers `not-found` (a signal), or to a decision 404 when the thing does not exist and 409
 * with its state when its process has ended; a validator's refusal becomes 400, 403 or 409 by
 * its kind, with its reason: a rule 422 naming the decision whose rule refused (the update's
 * name, e.g. `deferDueDate`), the role 403, the state 409 with the current state.
 */
@Injectable()
export class WorkflowMessages {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /** Starts the workflow; a second start of the same id finds it running and changes nothing. */
  async start<Args extends unknown[], Result>(
    workflow: WorkflowDefinition<Args, Result>,
    workflowId: string,
    args: Args,
    options: Pick<WorkflowStartOptions, 'typedSearchAttributes'> = {},
  ): Promise<'started' | 'already-started'> {
    try {
      // The definition typed `args`; Temporal's own call takes the registered name.
      await this.client.workflow.start(workflow.workflowType, { ...options, workflowId, taskQueue: workflow.taskQueue, args });
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
      throw error;
    }
  }

  /** The action a Schedule takes to start this workflow. */
  scheduleAction<Args extends unknown[], Result>(workflow: WorkflowDefinition<Args, Result>, workflowId: string, args: Args): ScheduleOptionsAction {
    return { type: 'startWorkflow', workflowType: workflow.workflowType, workflowId, taskQueue: workflow.taskQueue, args };
  }

  /** Any other failure (Temporal unreachable) is thrown: the caller's outbox tries again. */
  async signal<Args extends unknown[]>(workflowId: string, signal: SignalDefinition<Args>, ...args: Args): Promise<SignalOutcome> {
    try {
      await this.client.workflow.getHandle(workflowId).signal(signal, ...args);
      return 'signalled';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return 'not-found';
      throw error;
    }
  }

  /**
   * Sends a person's decision. `field` names the problem of a refusal. A workflow that is not
   * running is a 404 only when the thing itself does not exist: when `currentState`
   * finds it, its process has ended and the answer is a 409 with the state it ended in. A state
   * refusal carries the current state too.
   */
  async update<Ret, Args extends [unknown, ...unknown[]]>(
    workflowId: string,
    update: UpdateDefinition<Ret, Args>,
    args: Args,
    answers: DecisionAnswers,
  ): Promise<Ret> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(update, { args });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) {
        const field = typeof answers.field === 'string' ? answers.field : (answers.field[refusal.kind] ?? answers.field.rule);
        if (refusal.kind === 'state') throw conflict(refusal.reason, field, refusal.reason, await answers.currentState?.());
        if (refusal.kind === 'role') throw new ForbiddenException({ statusCode: 403, message: refusal.reason, problems: [{ field, reason: refusal.reason }] });
        throw ruleRefused(update.name, refusal.reason, field);
      }
      if (error instanceof WorkflowNotFoundError) {
        const state = await answers.currentState?.();
        if (state === undefined) throw new NotFoundException(`no ${answers.subject}`);
        throw conflict(`${answers.subject} is ${state} and takes no more decisions`, 'state', `is ${state}`, state);
      }
      throw error;
    }
  }

  query<Ret>(workflowId: string, query: QueryDefinition<Ret, []>): Promise<Ret> {
    return this.client.workflow.getHandle(workflowId).query(query);
  }
}

/** A validator's refusal (its kind and reason), or undefined for any other error. */
export function refusalOf(error: unknown): { kind: RefusalKind; reason: string } | undefined {
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return undefined;
  const kind = refusalKindOf(error.cause.type);
  return kind ? { kind, reason: error.cause.message } : undefined;
}
