import { TaskQueues } from './task-queues';

/**
 * A workflow type as its callers see it: the name the worker registers it under, the queue it
 * runs on, and (as a type only) its signature. Callers start workflows and Schedules through
 * these, never through a string, so a renamed workflow or a changed input breaks the build
 * instead of a running system.
 */
export interface WorkflowDefinition<Args extends unknown[], Result> {
  readonly workflowType: string;
  readonly taskQueue: string;
  /** Never set: carries the signature for the type checker. */
  readonly signature?: (...args: Args) => Promise<Result>;
}

/** The function a definition stands for, for `client.workflow.start<…>` and `satisfies` checks. */
export type WorkflowFunctionOf<D> = D extends WorkflowDefinition<infer Args, infer Result> ? (...args: Args) => Promise<Result> : never;

export function defineWorkflow<Args extends unknown[], Result>(workflowType: string, taskQueue: string = TaskQueues.workflows): WorkflowDefinition<Args, Result> {
  return Object.freeze({ workflowType, taskQueue });
}

/**
 * How a workflow's update validator refuses a person's decision (the ApplicationFailure type it
 * throws), and what the REST API answers: a rule 422 naming the decision, the role 403, the state of the
 * thing decided on 409. The reason goes to the caller as it is.
 */
export type RefusalKind = 'rule' | 'role' | 'state';

export const REFUSAL_FAILURE_TYPES: Readonly<Record<RefusalKind, string>> = Object.freeze({
  rule: 'RuleRefused',
  role: 'RoleRefused',
  state: 'StateConflict',
});

/** The kind of a refusal from its failure type; undefined for anything else (a real failure). */
export function refusalKindOf(failureType: string | undefined | null): RefusalKind | undefined {
  return (Object.keys(REFUSAL_FAILURE_TYPES) as RefusalKind[]).find((kind) => REFUSAL_FAILURE_TYPES[kind] === failureType);
}
