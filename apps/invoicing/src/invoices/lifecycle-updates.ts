import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DeferralFailures, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import { TEMPORAL_CLIENT } from '@clientfees/platform';

/**
 * Sends a person's decision to an invoice's lifecycle as a Temporal update. The workflow's
 * validator refuses what the person's role or the invoice's state does not allow; the refusal
 * comes back as 400 (a rule) or 409 (the invoice's state) with the workflow's reason.
 */
@Injectable()
export class LifecycleUpdates {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /**
   * `field` names the problem in a refusal; give `{ rule, state }` to name a different field for
   * a refusal because of the invoice's state (409) than for a broken rule (400).
   */
  async execute<T>(invoiceId: string, update: string, argument: unknown, field: string | { rule: string; state: string }): Promise<T> {
    const handle = this.temporal.workflow.getHandle(invoiceLifecycleWorkflowId(invoiceId));
    try {
      return await handle.executeUpdate<T, [unknown]>(update, { args: [argument] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const conflict = error.cause.type === DeferralFailures.wrongState;
        const named = typeof field === 'string' ? field : conflict ? field.state : field.rule;
        const problems = [{ field: named, reason: error.cause.message }];
        if (conflict) throw new ConflictException({ statusCode: 409, message: error.cause.message, problems });
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.cause.message, problems });
      }
      if ((error as Error).name === 'WorkflowNotFoundError') throw new NotFoundException(`no open lifecycle for invoice ${invoiceId}`);
      throw error;
    }
  }
}
