import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { DebtFollowupFailures } from '@clientfees/contracts';
import { conflict, TEMPORAL_CLIENT } from '@clientfees/platform';

/**
 * Sends a person's decision to a workflow as a Temporal update. The workflow's validator refuses
 * what the person's role, organisation or limit, or the process's state, does not allow; the
 * refusal comes back as 400 (a rule) or 409 (the state) with the workflow's reason.
 */
@Injectable()
export class WorkflowUpdates {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async execute<Ret, Arg>(workflowId: string, update: UpdateDefinition<Ret, [Arg]>, argument: Arg, field: string): Promise<Ret> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [argument] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const problems = [{ field, reason: error.cause.message }];
        if (error.cause.type === DebtFollowupFailures.state) throw conflict(error.cause.message, field);
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.cause.message, problems });
      }
      if ((error as Error).name === 'WorkflowNotFoundError') throw conflict('the process is not running (finished or not started yet)', field, 'the process is not running');
      throw error;
    }
  }

  /** The workflow's query, or undefined when it has not started yet. */
  async query<Ret>(workflowId: string, query: QueryDefinition<Ret>): Promise<Ret | undefined> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).query(query);
    } catch (error) {
      if ((error as Error).name === 'WorkflowNotFoundError') return undefined;
      throw error;
    }
  }
}

export function notFound(kind: string, id: string): NotFoundException {
  return new NotFoundException(`no ${kind} ${id}`);
}
