import { ApplicationFailure } from '@temporalio/workflow';
import { estateContactProblem, estateDates, inventoryOutcomeRefusal, isAfter, isBefore, isLocalDate, localDateInZone, mayDo, whoMay } from '@clientfees/domain/workflow';
import {
  AgencyEstateStepSignal,
  DebtFollowupFailures,
  DecedentEstateInput,
  DecedentEstateStatus,
  EstateContactCommand,
  EstateInventoryCommand,
  EstateState,
  EstateRecipient,
} from '@clientfees/contracts';

/** What the decedentEstate workflow knows of its estate; the status query shows it. */
export class EstateCase {
  readonly inventoryDeadline: string;
  stoppingBilling = true;
  contact?: EstateRecipient;
  /** Recorded (its event written); `inventoryBeingRecorded` while the event is being written. */
  inventory?: EstateInventoryCommand;
  inventoryBeingRecorded?: EstateInventoryCommand;
  heldInvoiceIds: string[] = [];
  creditedInvoiceIds: string[] = [];
  writeOffProposalId?: string;
  awaitingWriteOff = false;
  readonly agencySteps: AgencyEstateStepSignal[] = [];
  inventoryReminders = 0;
  /** Every debt is paid, written off or returned (as last checked). */
  settled = false;
  /** A signal or a step that may have settled debts: check the ledger again. */
  debtsMayHaveChanged = false;
  closedOn?: string;

  constructor(readonly input: DecedentEstateInput) {
    this.inventoryDeadline = estateDates(input.country, input.dateOfDeath).inventoryDeadline;
  }

  get state(): EstateState {
    if (this.closedOn) return 'closed';
    if (this.stoppingBilling) return 'stopping-billing';
    if (this.awaitingWriteOff) return 'awaiting-write-off';
    if (this.inventory) return 'awaiting-settlement';
    if (!this.contact) return 'awaiting-contact';
    return this.inventoryReminders > 0 ? 'inventory-overdue' : 'awaiting-inventory';
  }

  status(): DecedentEstateStatus {
    return {
      state: this.state,
      dateOfDeath: this.input.dateOfDeath,
      inventoryDeadline: this.inventoryDeadline,
      contact: this.contact,
      inventory: this.inventory && { outcome: this.inventory.outcome, inventoryDate: this.inventory.inventoryDate, recordedBy: this.inventory.actor },
      heldInvoiceIds: [...this.heldInvoiceIds],
      creditedInvoiceIds: [...this.creditedInvoiceIds],
      writeOffProposalId: this.writeOffProposalId,
      agencySteps: [...this.agencySteps],
      inventoryReminders: this.inventoryReminders,
      closedOn: this.closedOn,
    };
  }

  /** The estate investigator's entry of the estate's contact person and address. */
  validateContact(command: EstateContactCommand): void {
    this.validateInvestigator(command.role);
    const problem = estateContactProblem(command.contact ?? ({} as EstateRecipient));
    if (problem) refuse(`${problem.field}: ${problem.reason}`);
  }

  /** The estate inventory's outcome (FI perunkirjoitus, SE bouppteckning or dödsboanmälan). */
  validateInventory(command: EstateInventoryCommand): void {
    this.validateInvestigator(command.role);
    const recorded = this.inventory ?? this.inventoryBeingRecorded;
    if (recorded) refuse(`the inventory was already recorded by ${recorded.actor}`, DebtFollowupFailures.state);
    const outcome = inventoryOutcomeRefusal(this.input.country, command.outcome);
    if (outcome) refuse(outcome);
    if (!isLocalDate(command.inventoryDate)) refuse('inventoryDate: must be a date in the form YYYY-MM-DD');
    if (isBefore(command.inventoryDate, this.input.dateOfDeath)) refuse('inventoryDate: an estate inventory is made after the death');
    if (isAfter(command.inventoryDate, localDateInZone(Date.now(), this.input.timeZone))) refuse('inventoryDate: is in the future');
    if (!command.documentReference?.trim()) refuse('documentReference: say where the inventory document is');
  }

  private validateInvestigator(role: string): void {
    if (this.closedOn) refuse('the estate case is closed', DebtFollowupFailures.state);
    if (!mayDo(role, 'estate.investigate')) {
      refuse(`the estate investigator (${whoMay('estate.investigate').join(' or ')}) records the estate's contact and inventory, not ${role || 'someone without a role'}`);
    }
  }
}

function refuse(reason: string, type: string = DebtFollowupFailures.refused): never {
  throw ApplicationFailure.nonRetryable(reason, type);
}
