import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AccessClaims } from '@clientfees/contracts';
import { caseworkerStepProblem, caseworkerTaskDone, DomainValidationError } from '@clientfees/domain';
import { Database, Tx } from '@clientfees/platform';
import { areasOf, caseworkerOnly } from '../common/caller';
import { INVOICING_MESSAGES, InvoicingMessages } from '../common/invoicing-messages';
import {
  addCaseworkerStep,
  assignOpenCaseworkerTasks,
  CaseworkerStepRecord,
  caseworkerSteps,
  CaseworkerTask,
  completeCaseworkerTask,
  findCaseworkerTask,
  listCaseworkerTasks,
} from '../caseworker-tasks/caseworker-task.queries';
import { addInboxItems } from '../inbox/inbox.queries';
import { DebtLetter, findLetter, lettersOfCase } from '../letters/debt-letter.queries';
import { renderDebtLetter } from '../letters/letter-pdf';
import { findReview } from '../debt-reviews/debt-review.queries';
import { appendDebtCaseEvents, assignDebtCase, DebtCase, DebtCaseEvent, debtCaseEvents, DebtCaseFilter, findDebtCase, listDebtCases } from './debt-case.queries';

export interface DebtCaseDetails {
  debtCase: DebtCase;
  events: DebtCaseEvent[];
  letters: DebtLetter[];
  tasks: Array<CaseworkerTask & { steps: CaseworkerStepRecord[] }>;
}

/**
 * Debt cases as people see and work them. Scope has kept the caller to their organisation (and a
 * unit manager to their areas); here a caller who is only a caseworker is kept to the cases they
 * are the caseworker of — anything else is answered as if it did not exist (404).
 */
@Injectable()
export class DebtCasesService {
  constructor(
    private readonly db: Database,
    @Inject(INVOICING_MESSAGES) private readonly invoicing: InvoicingMessages,
  ) {}

  list(user: AccessClaims, filter: Omit<DebtCaseFilter, 'areas' | 'caseworker' | 'limit'>): Promise<DebtCase[]> {
    return this.db.read((tx) =>
      listDebtCases(tx, { ...filter, areas: areasOf(user), caseworker: caseworkerOnly(user) ? user.sub : undefined, limit: 1000 }),
    );
  }

  async details(user: AccessClaims, id: string): Promise<DebtCaseDetails> {
    return this.db.read(async (tx) => {
      const debtCase = await this.visibleCase(tx, user, id);
      const tasks = await listCaseworkerTasks(tx, { organisationId: debtCase.organisationId, debtCaseId: id });
      return {
        debtCase,
        events: await debtCaseEvents(tx, id),
        letters: await lettersOfCase(tx, id),
        tasks: await Promise.all(tasks.map(async (task) => ({ ...task, steps: await caseworkerSteps(tx, task.id) }))),
      };
    });
  }

  /** The fee officer who works on the case (or nobody); the flag "unattended" goes with a handler. */
  async setHandler(user: AccessClaims, id: string, handler: string | null): Promise<DebtCaseDetails> {
    await this.db.transaction(async (tx) => {
      const debtCase = await this.visibleCase(tx, user, id);
      await assignDebtCase(tx, id, { handler });
      await appendDebtCaseEvents(tx, [
        { debtCaseId: id, kind: 'handler', actor: user.sub, grounds: handler ? `${handler} works on the case` : `nobody works on the case any more (was ${debtCase.handler ?? 'nobody'})` },
      ]);
    });
    return this.details(user, id);
  }

  /** The client's caseworker; an open hand-over goes to them at once. */
  async setCaseworker(user: AccessClaims, id: string, caseworker: string | null): Promise<DebtCaseDetails> {
    await this.db.transaction(async (tx) => {
      const debtCase = await this.visibleCase(tx, user, id);
      await assignDebtCase(tx, id, { caseworker });
      await assignOpenCaseworkerTasks(tx, id, caseworker);
      await appendDebtCaseEvents(tx, [{ debtCaseId: id, kind: 'caseworker', actor: user.sub, grounds: caseworker ? `${caseworker} is the client’s caseworker` : 'no caseworker named' }]);
      const open = await listCaseworkerTasks(tx, { organisationId: debtCase.organisationId, debtCaseId: id, status: 'open' });
      if (caseworker && open.length > 0) {
        await addInboxItems(tx, [
          {
            organisationId: debtCase.organisationId,
            recipientRole: 'caseworker',
            recipientUser: caseworker,
            kind: 'caseworker-task',
            subject: `Contact client ${debtCase.clientNumber} about unpaid fees and offer support`,
            detail: { clientNumber: debtCase.clientNumber },
            debtCaseId: id,
            idempotencyKey: `task-assigned:${open[0].id}:${caseworker}`,
          },
        ]);
      }
    });
    return this.details(user, id);
  }

  /** The letter as a PDF, with copies of its invoices from invoicing. */
  async letterPdf(user: AccessClaims, letterId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const found = await this.db.read(async (tx) => {
      const letter = await findLetter(tx, letterId);
      if (!letter) return undefined;
      const debtCase = await this.visibleCase(tx, user, letter.debtCaseId, `debt letter ${letterId}`);
      const review = await findReview(tx, letter.reviewId);
      return { letter, debtCase, monthEnd: review!.monthEnd };
    });
    if (!found) throw new NotFoundException(`no debt letter ${letterId}`);
    const { letter, debtCase, monthEnd } = found;
    const copies = await this.invoicing.copies(letter.organisationId, letter.claims.map((claim) => claim.invoiceId));
    const latest = [...copies].sort((a, b) => b.invoiceDate.localeCompare(a.invoiceDate))[0];
    const recipient = latest?.recipient ?? { name: debtCase.clientName, streetAddress: '', postalCode: '', city: '' };
    const pdf = await renderDebtLetter(letter, monthEnd, recipient, copies);
    return { pdf, fileName: `debt-letter-${debtCase.clientNumber}-${monthEnd}.pdf` };
  }

  listTasks(user: AccessClaims, organisationId: string, status?: string): Promise<CaseworkerTask[]> {
    return this.db.read((tx) => listCaseworkerTasks(tx, { organisationId, status, areas: areasOf(user), assignedTo: caseworkerOnly(user) ? user.sub : undefined }));
  }

  /** A caseworker's step with its outcome; the task is done when every step has one. */
  async recordStep(user: AccessClaims, taskId: string, step: { step: string; outcome: string; note?: string }): Promise<CaseworkerTask & { steps: CaseworkerStepRecord[] }> {
    const problem = caseworkerStepProblem(step.step, step.outcome, step.note);
    if (problem) throw new DomainValidationError(problem.reason, problem.field);
    return this.db.transaction(async (tx) => {
      const task = await findCaseworkerTask(tx, taskId, true);
      if (!task || (caseworkerOnly(user) && task.assignedTo !== user.sub)) throw new NotFoundException(`no caseworker task ${taskId}`);
      if (task.status === 'done') throw new DomainValidationError('the task is done: its steps are recorded', 'taskId');
      await addCaseworkerStep(tx, taskId, { ...step, actor: user.sub });
      await appendDebtCaseEvents(tx, [{ debtCaseId: task.debtCaseId, kind: `caseworker-${step.step}`, actor: user.sub, grounds: `${step.step}: ${step.outcome}${step.note ? ` (${step.note})` : ''}` }]);
      const steps = await caseworkerSteps(tx, taskId);
      if (caseworkerTaskDone(steps)) await completeCaseworkerTask(tx, taskId);
      return { ...(await findCaseworkerTask(tx, taskId))!, steps };
    });
  }

  private async visibleCase(tx: Tx, user: AccessClaims, id: string, what = `debt case ${id}`): Promise<DebtCase> {
    const debtCase = await findDebtCase(tx, id);
    if (!debtCase || (caseworkerOnly(user) && debtCase.caseworker !== user.sub)) throw new NotFoundException(`no ${what}`);
    return debtCase;
  }
}
