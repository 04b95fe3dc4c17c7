import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  InvoiceLifecycleInput,
  InvoiceLifecycleStatus,
  InvoiceLifecycleWorkflow,
  invoiceLifecycleWorkflowId,
  InvoiceState,
  lifecycleStatusQuery,
  SearchAttributes,
} from '@clientfees/contracts';
import { RefusalField, WorkflowMessages } from './workflow-messages';

/**
 * The invoice lifecycles (one workflow per invoice, ADR 0005) as the services reach them: start
 * one, send a person's decision, ask where it stands. Signals that must arrive go through the
 * service's SignalOutbox instead (ADR 0008).
 */
@Injectable()
export class InvoiceLifecycles {
  constructor(private readonly workflows: WorkflowMessages) {}

  /**
   * Starts the invoice's lifecycle with the search attributes the finance centre lists by (never
   * an identity code). The workflow id comes from the invoice id, so a second start is a no-op.
   */
  start(input: InvoiceLifecycleInput, state: InvoiceState): Promise<'started' | 'already-started'> {
    return this.workflows.start(InvoiceLifecycleWorkflow, invoiceLifecycleWorkflowId(input.invoiceId), [input], {
      typedSearchAttributes: [
        { key: SearchAttributes.invoiceState, value: state },
        { key: SearchAttributes.organisationId, value: input.organisationId },
        { key: SearchAttributes.amountCents, value: input.totalCents },
        { key: SearchAttributes.clientNumber, value: input.clientNumber },
      ],
    });
  }

  /**
   * A person's decision on the invoice. The lifecycle's validator refuses what the role or the
   * invoice's state does not allow: 422 (a rule) or 409 (the state), the problem named `field`.
   * An invoice whose lifecycle has ended (written off, paid, credited) answers 409 with the state
   * `currentState` finds it in; one that does not exist for the caller, 404.
   */
  decide<Ret, Command>(
    invoiceId: string,
    update: UpdateDefinition<Ret, [Command]>,
    command: Command,
    field: RefusalField,
    currentState: () => Promise<string | undefined>,
  ): Promise<Ret> {
    return this.workflows.update(invoiceLifecycleWorkflowId(invoiceId), update, [command], { field, subject: `invoice ${invoiceId}`, currentState });
  }

  status(invoiceId: string): Promise<InvoiceLifecycleStatus> {
    return this.workflows.query(invoiceLifecycleWorkflowId(invoiceId), lifecycleStatusQuery);
  }
}
