import { allHandlersFinished, condition, executeChild, ParentClosePolicy, setHandler } from '@temporalio/workflow';
import { addDays, addMonths, estateDebtsSettled, inventoryFollowUp, localDateInZone, startOfDayInZone } from '@clientfees/domain/workflow';
import { DecedentEstateInput, DecedentEstateMessages, DecedentEstateStatus, EstateEvent, writeOffProposalWorkflowId } from '@clientfees/contracts';
import { debt, invoicing, vouchers } from './activities';
import { EstateCase } from './estate-case';
import { writeOffProposal } from './write-off-proposal';

const SYSTEM = 'system:decedentEstate';
/** Between triggers, the estate's ledger is looked at once a week. */
const SETTLEMENT_CHECK = '7 days';

/**
 * The estate of a deceased client (kuolinpesä / dödsbo), one per death (issue 13; seeds 002,
 * 003, 004):
 *
 *   death recorded ─► billing stops on the date of death: settings end, charges for later days
 *                     credited, open invoices held        ║ vouchers close the day after (seed 003)
 *   the estate's contact entered ─► open and final invoices go to the estate
 *   inventory due 3 months after the death ─ missing ─► the investigator is reminded, monthly
 *   no assets (SE: dödsboanmälan) ─► write-off proposal ─► signed ─► written off
 *   the agency's estate steps (demand, second demand, payment order) shown on the case
 *   inventory recorded and every debt paid, written off or returned ─► closed
 */
export async function decedentEstate(input: DecedentEstateInput): Promise<DecedentEstateStatus> {
  const estate = new EstateCase(input);
  handleEstateMessages(estate);

  await stopBilling(estate);
  const vouchersClosed = closeVouchers(estate);
  const watching = watchSettlement(estate);

  await awaitInventory(estate);
  if (!estate.settled && inventoryFollowUp(estate.inventory!.outcome) === 'propose-write-off') await proposeWriteOff(estate);

  await watching;
  await vouchersClosed;
  estate.closedOn = localDateInZone(Date.now(), input.timeZone);
  await record(estate, 'closed', SYSTEM, 'every debt of the estate is paid, written off or returned', { closedOn: estate.closedOn });
  await condition(allHandlersFinished);
  return estate.status();
}

function record(estate: EstateCase, kind: EstateEvent['kind'], actor: string, grounds: string, detail?: Record<string, unknown>): Promise<void> {
  return debt.recordEstateEvent({ estateCaseId: estate.input.estateCaseId, kind, actor, grounds, detail, state: estate.state });
}

function handleEstateMessages(estate: EstateCase): void {
  const { input } = estate;
  setHandler(DecedentEstateMessages.status, () => estate.status());
  setHandler(
    DecedentEstateMessages.setContact,
    async (command) => {
      // Held invoices are released only after the billing stop has held them.
      await condition(() => !estate.stoppingBilling);
      estate.contact = command.contact;
      await record(estate, 'contact-entered', command.actor, `the estate's ${command.contact.kind} ${command.contact.name} receives the invoices`, { contact: command.contact });
      const { invoiceIds } = await invoicing.redirectInvoicesToEstate({ organisationId: input.organisationId, clientId: input.clientId, estateCaseId: input.estateCaseId, contact: command.contact, actor: command.actor });
      estate.heldInvoiceIds = [];
      await record(estate, 'invoices-to-estate', SYSTEM, `${invoiceIds.length} open invoice(s) now go to the estate`, { invoiceIds });
      return estate.status();
    },
    { validator: (command) => estate.validateContact(command) },
  );
  setHandler(
    DecedentEstateMessages.recordInventory,
    async (command) => {
      estate.inventoryBeingRecorded = command;
      await debt.recordEstateEvent({
        estateCaseId: input.estateCaseId,
        kind: 'inventory-recorded',
        actor: command.actor,
        grounds: `${command.outcome} (${command.inventoryDate}, ${command.documentReference}): ${command.note}`,
        detail: { outcome: command.outcome, inventoryDate: command.inventoryDate, documentReference: command.documentReference },
        state: 'awaiting-settlement',
      });
      // Only now does the estate go on, so that what follows is recorded after the inventory.
      estate.inventory = command;
      return estate.status();
    },
    { validator: (command) => estate.validateInventory(command) },
  );
  setHandler(DecedentEstateMessages.agencyStep, async (step) => {
    if (estate.agencySteps.some((seen) => seen.reportId === step.reportId)) return;
    estate.agencySteps.push(step);
    estate.debtsMayHaveChanged = true;
    await record(estate, 'agency-step', 'collection-agency', `${step.step} (${step.reportedOn}) for invoice ${step.invoiceId}`, { ...step });
  });
  setHandler(DecedentEstateMessages.debtsChanged, () => {
    estate.debtsMayHaveChanged = true;
  });
}

/** Billing ends on the date of death; later charges are credited; open invoices wait for the estate. */
async function stopBilling(estate: EstateCase): Promise<void> {
  const { input } = estate;
  const stopped = await invoicing.stopBillingAtDeath({ organisationId: input.organisationId, clientId: input.clientId, dateOfDeath: input.dateOfDeath, estateCaseId: input.estateCaseId, actor: SYSTEM });
  estate.creditedInvoiceIds = stopped.credited.map((credit) => credit.invoiceId);
  estate.heldInvoiceIds = estate.contact ? [] : stopped.heldInvoiceIds;
  estate.stoppingBilling = false;
  const credited = stopped.credited.map((credit) => `invoice ${credit.invoiceNumber} credited ${credit.amountCents} cents`).join('; ');
  await record(estate, 'billing-stopped', SYSTEM, `billing ends on the date of death ${input.dateOfDeath}: ${stopped.settingsEnded} setting(s) ended${credited ? `; ${credited}` : ''}; ${stopped.heldInvoiceIds.length} open invoice(s) held until the estate's contact is known`, { ...stopped });
}

/** Service vouchers close the day after the death (seed 003); provider settlement does it. */
async function closeVouchers(estate: EstateCase): Promise<void> {
  const { input } = estate;
  const { closedVoucherIds } = await vouchers.closeVouchersAfterDeath({ organisationId: input.organisationId, clientId: input.clientId, dateOfDeath: input.dateOfDeath });
  await record(estate, 'vouchers-closed', 'provider-settlement', `${closedVoucherIds.length} service voucher(s) closed from ${addDays(input.dateOfDeath, 1)}`, { closedVoucherIds });
}

/** Waits for the inventory; from the day after its deadline the investigator is reminded monthly. */
async function awaitInventory(estate: EstateCase): Promise<void> {
  const zone = estate.input.timeZone;
  const recorded = () => estate.inventory !== undefined;
  while (!recorded()) {
    const remindOn = addDays(addMonths(estate.inventoryDeadline, estate.inventoryReminders), 1);
    if (await condition(recorded, Math.max(1, startOfDayInZone(remindOn, zone) - Date.now()))) break;
    estate.inventoryReminders += 1;
    await debt.remindEstateInvestigator({ estateCaseId: estate.input.estateCaseId, inventoryDeadline: estate.inventoryDeadline, reminder: estate.inventoryReminders });
    await record(estate, 'inventory-reminder', SYSTEM, `no estate inventory by its deadline ${estate.inventoryDeadline}: reminder ${estate.inventoryReminders} to the estate investigator`);
  }
}

/** An estate without assets: the finance office's proposal, prepared automatically for the manager's signature. */
async function proposeWriteOff(estate: EstateCase): Promise<void> {
  const { input } = estate;
  const inventory = estate.inventory!;
  const { proposalId } = await debt.openWriteOffProposal({
    organisationId: input.organisationId,
    clientId: input.clientId,
    grounds: 'estate-without-assets',
    note: `estate inventory ${inventory.inventoryDate} (${inventory.documentReference}): ${inventory.outcome}`,
    preparedBy: SYSTEM,
    estateCaseId: input.estateCaseId,
    proposalKey: `estate-${input.estateCaseId}`,
  });
  estate.writeOffProposalId = proposalId;
  estate.awaitingWriteOff = true;
  await record(estate, 'write-off-proposed', SYSTEM, `the estate has no assets: write-off proposal ${proposalId} sent for signature`, { proposalId });
  const result = await executeChild(writeOffProposal, {
    workflowId: writeOffProposalWorkflowId(proposalId),
    args: [{ proposalId, organisationId: input.organisationId }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  estate.awaitingWriteOff = false;
  estate.debtsMayHaveChanged = true;
  await record(estate, 'write-off-decided', result.decidedBy ?? SYSTEM, `write-off proposal ${proposalId}: ${result.state}`, { proposalId, state: result.state, writtenOffCents: result.writtenOffCents });
}

/** Until the inventory is recorded and every debt is settled: the ledger on each trigger, and weekly. */
async function watchSettlement(estate: EstateCase): Promise<void> {
  const { input } = estate;
  for (;;) {
    estate.debtsMayHaveChanged = false;
    const ledger = await invoicing.clientLedger({ organisationId: input.organisationId, clientId: input.clientId });
    estate.settled = estateDebtsSettled(ledger.entries);
    if (estate.settled && estate.inventory && !estate.awaitingWriteOff) return;
    await condition(() => estate.debtsMayHaveChanged || (estate.settled && estate.inventory !== undefined && !estate.awaitingWriteOff), SETTLEMENT_CHECK);
    if (estate.settled && estate.inventory && !estate.awaitingWriteOff) return;
  }
}
