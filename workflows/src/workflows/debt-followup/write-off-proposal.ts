import { allHandlersFinished, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { addDays, lifecycleWriteOffGround, localDateInZone, signatureRefusal, startOfDayInZone, WriteOffProposalGround, WriteOffProposalState } from '@clientfees/domain/workflow';
import {
  DebtFollowupFailures,
  LedgerEntry,
  SignatureCommand,
  WriteOffProposalFacts,
  WriteOffProposalInput,
  WriteOffProposalMessages,
  WriteOffProposalStatus,
} from '@clientfees/contracts';
import { debt, invoicing } from './activities';

/**
 * A write-off proposal (avskrivningsunderlag / luottotappioesitys), seed 004: the finance office
 * prepares it with the documentation from the ledger, the responsible manager signs or rejects
 * it, and only a signed proposal writes the invoices off, each through its lifecycle.
 *
 *   documented from the ledger ─► awaiting signature ─ every N days unsigned ─► reminder
 *   signed (role, organisation, limit) ─► each open invoice written off ─► written-off
 *   rejected ─► rejected          nothing open when documented ─► void
 */
export async function writeOffProposal(input: WriteOffProposalInput): Promise<WriteOffProposalStatus> {
  const status: WriteOffProposalStatus = { state: 'preparing', totalCents: 0, responsibleRole: null, remindersSent: 0, writtenOffCents: 0 };
  const known: { facts?: WriteOffProposalFacts; signature?: SignatureCommand } = {};
  handleDecisions(input, status, () => known.facts, (command) => (known.signature = command));

  const facts = (known.facts = await debt.loadWriteOffProposal(input.proposalId));
  const ledger = await invoicing.clientLedger({ organisationId: facts.organisationId, clientId: facts.clientId, invoiceIds: facts.invoiceIds ?? undefined });
  const documentation = await debt.documentWriteOffProposal({ proposalId: input.proposalId, ledger });
  if (documentation.invoiceCount === 0) {
    status.state = 'void';
    await debt.closeWriteOffProposal({ proposalId: input.proposalId, state: 'void' });
    return status;
  }
  status.totalCents = documentation.totalCents;
  status.responsibleRole = documentation.responsibleRole;
  status.state = 'awaiting-signature';

  const decision = await awaitDecision(input.proposalId, facts, status);
  await condition(allHandlersFinished);
  if (decision === 'rejected') {
    await debt.closeWriteOffProposal({ proposalId: input.proposalId, state: 'rejected' });
    return status;
  }
  await writeOffEach(input.proposalId, facts, known.signature!, ledger.entries.filter((entry) => entry.openCents > 0), status);
  status.state = 'written-off';
  await debt.closeWriteOffProposal({ proposalId: input.proposalId, state: 'written-off' });
  return status;
}

/** The manager's signature and rejection: updates whose validator holds the role, organisation and limit. */
function handleDecisions(input: WriteOffProposalInput, status: WriteOffProposalStatus, facts: () => WriteOffProposalFacts | undefined, signed: (command: SignatureCommand) => void): void {
  const refuse = (command: { role: string; organisations: string[] }) => {
    const known = facts();
    const refusal = signatureRefusal({
      state: status.state,
      role: command.role,
      signerOrganisations: command.organisations ?? [],
      organisationId: input.organisationId,
      amountCents: status.totalCents,
      currency: known?.currency ?? 'EUR',
      limits: known?.signingLimits ?? [],
    });
    if (refusal) throw ApplicationFailure.nonRetryable(refusal.reason, refusal.kind === 'state' ? DebtFollowupFailures.state : DebtFollowupFailures.refused);
  };
  setHandler(WriteOffProposalMessages.status, () => ({ ...status }));
  setHandler(
    WriteOffProposalMessages.sign,
    async (command) => {
      status.state = 'signed';
      status.decidedBy = command.actor;
      signed(command);
      await debt.recordWriteOffDecision({ proposalId: input.proposalId, decision: 'signed', actor: command.actor, role: command.role, note: command.note });
      return { ...status };
    },
    { validator: (command) => refuse(command) },
  );
  setHandler(
    WriteOffProposalMessages.reject,
    async (command) => {
      status.state = 'rejected';
      status.decidedBy = command.actor;
      await debt.recordWriteOffDecision({ proposalId: input.proposalId, decision: 'rejected', actor: command.actor, role: command.role, note: command.reason });
      return { ...status };
    },
    {
      validator: (command) => {
        refuse(command);
        if (!command.reason?.trim()) throw ApplicationFailure.nonRetryable('a rejection needs its reason', DebtFollowupFailures.refused);
      },
    },
  );
}

/** Waits for the signature or the rejection; an unsigned proposal reminds the manager every N days. */
async function awaitDecision(proposalId: string, facts: WriteOffProposalFacts, status: WriteOffProposalStatus): Promise<WriteOffProposalState> {
  const documentedOn = localDateInZone(Date.now(), facts.timeZone);
  const decided = () => status.state !== 'awaiting-signature';
  for (let reminder = 1; !decided(); reminder++) {
    const remindAt = startOfDayInZone(addDays(documentedOn, facts.reminderDays * reminder), facts.timeZone);
    if (await condition(decided, Math.max(1, remindAt - Date.now()))) break;
    status.remindersSent = reminder;
    await debt.remindWriteOffSigner({ proposalId, reminder });
  }
  return status.state;
}

async function writeOffEach(proposalId: string, facts: WriteOffProposalFacts, signature: SignatureCommand, open: LedgerEntry[], status: WriteOffProposalStatus): Promise<void> {
  const grounds = lifecycleWriteOffGround(facts.grounds as WriteOffProposalGround);
  for (const entry of open) {
    const result = await invoicing.writeOffInvoice({
      invoiceId: entry.invoiceId,
      grounds,
      note: `write-off proposal ${proposalId} signed by ${signature.actor}: ${facts.note}`,
      actor: signature.actor,
      role: signature.role,
      proposalId,
    });
    status.writtenOffCents += result.outcome === 'written-off' ? result.amountCents : 0;
    await debt.recordWriteOffResult({ proposalId, invoiceId: entry.invoiceId, ...result });
  }
}
