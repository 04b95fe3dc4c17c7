import { patched, setHandler } from '@temporalio/workflow';
import { mayDo, Money, RESULT_AREA_DIRECTOR, transitionRefusal, writeOffRefusal } from '@clientfees/domain/workflow';
import { creditInvoiceUpdate, recallUpdate, waiveCollectionUpdate, writeOffUpdate } from '@clientfees/contracts';
import { refuse, refuseIf } from '../refuse';
import { collection, invoicing } from './activities';
import { leaveAgency } from './collection';
import type { Lifecycle } from './state';

// A person's decisions on the invoice. Each is an update whose validator asks the domain's rule
// (who may decide, and whether the invoice's state allows it) and refuses with the rule's
// reason; the handler then carries the decision out through activities and records the step.

/** Transferred to the agency in error (seed 000): taken back, and the client pays no collection costs. */
export function handleRecall(lifecycle: Lifecycle): void {
  setHandler(
    recallUpdate,
    async (command) => {
      lifecycle.recallRequest = command;
      await collection.recallFromAgency({ invoiceId: lifecycle.input.invoiceId, reason: command.reason, actor: command.actor });
      await lifecycle.moveTo('recalled', `recalled from the agency without collection costs: ${command.reason}`, command.actor);
      return { ...lifecycle.status };
    },
    {
      validator: (_command) => {
        if (lifecycle.closedBy) refuse('state', `the invoice is being ${lifecycle.closedBy}`);
        refuseIf(transitionRefusal(lifecycle.state, 'recalled', { agencyPlan: lifecycle.agencyPlan }));
      },
    },
  );
}

/** Waiving, writing off and crediting: the decisions that may close the invoice. */
export function handleClosingDecisions(lifecycle: Lifecycle): void {
  const { status, input } = lifecycle;

  // Waiving collection of a justified invoice (perinnästä luopuminen): the result-area director's decision (seed 000).
  setHandler(
    waiveCollectionUpdate,
    async (command) => {
      await leaveAgency(lifecycle, `collection waived: ${command.grounds}`, command.actor);
      lifecycle.closedBy = 'waived';
      await lifecycle.moveTo('waived', `collection waived by the result-area director: ${command.grounds}`, command.actor);
      return { ...status };
    },
    {
      validator: (command) => {
        if (!mayDo(command.role, 'invoice.waive')) refuse('rule', `only the result-area director may waive collection, not ${command.role}`);
        if (!command.grounds?.trim()) refuse('rule', 'a waiver needs its grounds');
        refuseIf(transitionRefusal(status.state, 'waived'));
      },
    },
  );

  // A credit loss (luottotappio / avskrivning): the billing supervisor's or the result-area director's decision.
  setHandler(
    writeOffUpdate,
    async (command) => {
      // Histories with a write-off carry this marker; lifecycles that never get one replay as
      // before (the handler adds commands only when a write-off is decided).
      patched('written-off-state');
      const amountCents = lifecycle.openCents();
      // At once, so that no timer moves the invoice on (e.g. to the agency) while the activities run.
      lifecycle.closedBy = 'written-off';
      status.writtenOff = { amountCents, grounds: command.grounds, note: command.note, decidedBy: command.actor };
      // Reminded: the agency's reminder service is told to stop, without costs for the client.
      await leaveAgency(lifecycle, `written off (${command.grounds}): ${command.note}`, command.actor);
      const who = command.role === RESULT_AREA_DIRECTOR ? 'the result-area director' : 'the billing supervisor';
      const amount = Money.ofMinor(amountCents, input.currency).toString();
      await lifecycle.moveTo('written-off', `${amount} written off by ${who} (${command.grounds}): ${command.note}`, command.actor);
      return { ...status };
    },
    {
      validator: (command) => {
        if (lifecycle.closedBy) refuse('state', `the invoice is already ${lifecycle.closedBy}`);
        const { state } = status;
        const openCents = lifecycle.openCents();
        const agencyPlan = state === 'in-payment-plan' && lifecycle.agencyPlan;
        refuseIf(writeOffRefusal({ state, role: command.role, grounds: command.grounds, note: command.note, openCents, agencyPlan }));
      },
    },
  );

  // A credit note (hyvityslasku / kreditfaktura) in full or in part; in full it closes the invoice.
  setHandler(
    creditInvoiceUpdate,
    async (command) => {
      const full = command.amountCents >= lifecycle.openCents();
      if (full) await leaveAgency(lifecycle, `credited: ${command.reason}`, command.actor);
      await invoicing.recordCreditNote({ invoiceId: input.invoiceId, amountCents: command.amountCents, reason: command.reason, actor: command.actor });
      status.totalCents -= command.amountCents;
      if (status.totalCents <= 0 || (full && status.paidCents === 0)) {
        lifecycle.closedBy = 'credited';
        await lifecycle.moveTo('credited', `credited in full: ${command.reason}`, command.actor);
      }
      return { ...status };
    },
    {
      validator: (command) => {
        if (!mayDo(command.role, 'invoice.credit')) refuse('rule', `role ${command.role} may not credit invoices`);
        if (!Number.isSafeInteger(command.amountCents) || command.amountCents <= 0) refuse('rule', 'a credit is a positive amount');
        if (command.amountCents > lifecycle.openCents()) refuse('rule', `the credit is more than the ${lifecycle.openCents()} cents still open`);
        refuseIf(transitionRefusal(status.state, 'credited'));
      },
    },
  );
}
