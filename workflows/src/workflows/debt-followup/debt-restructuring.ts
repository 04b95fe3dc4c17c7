import { condition, executeChild, ParentClosePolicy, setHandler } from '@temporalio/workflow';
import { startOfDayInZone } from '@clientfees/domain/workflow';
import { DebtRestructuringInput, DebtRestructuringMessages, DebtRestructuringStatus, writeOffProposalWorkflowId } from '@clientfees/contracts';
import { debt, invoicing } from './activities';
import { writeOffProposal } from './write-off-proposal';

const SYSTEM = 'system:debtRestructuring';

/**
 * A debt restructuring decision (skuldsanering / velkajärjestely), seed 004:
 *
 *   decision recorded ─► collection of the invoices it covers pauses (recalled from the agency
 *                        without costs, held from transfer runs)
 *   5 calendar years after it takes effect (a durable timer) ─► what is left goes to a write-off
 *   proposal (ground: debt restructuring), prepared automatically for the manager's signature
 */
export async function debtRestructuring(input: DebtRestructuringInput): Promise<DebtRestructuringStatus> {
  const status: DebtRestructuringStatus = { state: 'pausing-collection', writeOffOn: input.writeOffOn };
  setHandler(DebtRestructuringMessages.status, () => ({ ...status }));

  const paused = await invoicing.pauseCollection({
    organisationId: input.organisationId,
    invoiceIds: input.invoiceIds,
    until: input.writeOffOn,
    reason: `debt restructuring ${input.restructuringId} in force from ${input.effectiveOn}`,
    actor: SYSTEM,
  });
  status.state = 'in-force';
  await debt.recordRestructuringEvent({
    restructuringId: input.restructuringId,
    kind: 'collection-paused',
    grounds: `${paused.recalled.length} invoice(s) recalled from the agency without costs, ${paused.paused.length} held from transfer runs until ${input.writeOffOn}`,
    state: status.state,
  });

  // Five years: a durable timer, kept by Temporal across restarts and deployments.
  const writeOffAt = startOfDayInZone(input.writeOffOn, input.timeZone);
  await condition(() => false, Math.max(1, writeOffAt - Date.now()));

  const { proposalId } = await debt.openWriteOffProposal({
    organisationId: input.organisationId,
    clientId: input.clientId,
    grounds: 'debt-restructuring',
    note: `five years since the debt restructuring took effect on ${input.effectiveOn}`,
    invoiceIds: input.invoiceIds,
    preparedBy: SYSTEM,
    restructuringId: input.restructuringId,
    proposalKey: `restructuring-${input.restructuringId}`,
  });
  status.state = 'write-off-proposed';
  status.proposalId = proposalId;
  await debt.recordRestructuringEvent({ restructuringId: input.restructuringId, kind: 'write-off-proposed', grounds: `write-off proposal ${proposalId} prepared for signature`, state: status.state, proposalId });
  const result = await executeChild(writeOffProposal, {
    workflowId: writeOffProposalWorkflowId(proposalId),
    args: [{ proposalId, organisationId: input.organisationId }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  status.state = 'closed';
  await debt.recordRestructuringEvent({ restructuringId: input.restructuringId, kind: 'closed', grounds: `write-off proposal ${proposalId} ${result.state}`, state: status.state, proposalId });
  return status;
}
