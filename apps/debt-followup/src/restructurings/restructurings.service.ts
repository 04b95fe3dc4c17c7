import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DomainValidationError, restructuringProblem, restructuringWriteOffDate } from '@clientfees/domain';
import { DebtRestructuringWorkflow, DebtRestructuringInput, DebtRestructuringState, debtRestructuringWorkflowId } from '@clientfees/contracts';
import { conflict, Database } from '@clientfees/platform';
import { enqueueWorkflowStart } from '../common/workflow-start.queries';
import { WorkflowStarter } from '../common/workflow-starter';
import { requireSettings } from '../settings/settings.service';
import {
  DebtRestructuring,
  findRestructuring,
  insertRestructuring,
  listRestructurings,
  recordRestructuringEvent,
  RestructuringEvent,
  restructuringEvents,
} from './debt-restructuring.queries';

export interface RecordRestructuring {
  organisationId: string;
  clientId: string;
  decisionReference: string;
  decidedOn: string;
  effectiveOn: string;
  invoiceIds: string[];
  note: string;
}

@Injectable()
export class RestructuringsService {
  constructor(
    private readonly db: Database,
    private readonly starter: WorkflowStarter,
  ) {}

  /**
   * Records a debt restructuring decision (the debt adviser informs the finance office of it,
   * seed 004) and starts its workflow: collection pauses, and the rest is proposed for write-off
   * five calendar years after the decision takes effect.
   */
  async record(actor: string, request: RecordRestructuring): Promise<DebtRestructuring> {
    const problem = restructuringProblem(request);
    if (problem) throw new DomainValidationError(problem.reason, problem.field);
    const writeOffOn = restructuringWriteOffDate(request.effectiveOn);
    const recorded = await this.db.transaction(async (tx) => {
      const settings = await requireSettings(tx, request.organisationId);
      const restructuring = await insertRestructuring(tx, { id: randomUUID(), ...request, writeOffOn, recordedBy: actor });
      if (!restructuring) {
        throw conflict(`decision ${request.decisionReference} is already recorded`, 'decisionReference', 'is already recorded');
      }
      const input: DebtRestructuringInput = {
        restructuringId: restructuring.id,
        organisationId: request.organisationId,
        clientId: request.clientId,
        effectiveOn: request.effectiveOn,
        writeOffOn,
        timeZone: settings.timeZone,
        invoiceIds: request.invoiceIds,
      };
      await enqueueWorkflowStart(tx, { workflowId: debtRestructuringWorkflowId(restructuring.id), workflowType: DebtRestructuringWorkflow.workflowType, args: [input] });
      return restructuring;
    });
    await this.starter.startNow([debtRestructuringWorkflowId(recorded.id)]);
    return recorded;
  }

  recordEvent(input: { restructuringId: string; kind: string; grounds: string; state: DebtRestructuringState; proposalId?: string }, idempotencyKey: string | undefined): Promise<void> {
    return this.db.transaction((tx) => recordRestructuringEvent(tx, input.restructuringId, { ...input, idempotencyKey }));
  }

  list(organisationId: string): Promise<DebtRestructuring[]> {
    return this.db.read((tx) => listRestructurings(tx, organisationId));
  }

  async details(id: string): Promise<{ restructuring: DebtRestructuring; events: RestructuringEvent[] }> {
    const found = await this.db.read(async (tx) => {
      const restructuring = await findRestructuring(tx, id);
      return restructuring && { restructuring, events: await restructuringEvents(tx, id) };
    });
    if (!found) throw new NotFoundException(`no debt restructuring ${id}`);
    return found;
  }
}
