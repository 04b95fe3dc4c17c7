import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainValidationError, estateDates, isAfter, localDateInZone } from '@clientfees/domain';
import {
  AgencyEstateStepMessage,
  AgencyEstateStepOutcome,
  ClientDeathRecorded,
  ClientDeathReport,
  DecedentEstateWorkflow,
  DecedentEstateInput,
  DecedentEstateMessages,
  DecedentEstateStatus,
  decedentEstateWorkflowId,
  EstateContactCommand,
  EstateEvent,
  EstateInventoryCommand,
} from '@clientfees/contracts';
import { Database, WorkflowMessages } from '@clientfees/platform';
import { enqueueWorkflowStart } from '../common/workflow-start.queries';
import { WorkflowStarter } from '../common/workflow-starter';
import { whileRunning } from '../common/not-running';
import { addInboxItems } from '../inbox/inbox.queries';
import { requireSettings } from '../settings/settings.service';
import {
  appendEstateEvent,
  EstateCase,
  EstateEventRow,
  estateEvents,
  findEstateCase,
  findEstateCaseByClientNumber,
  findEstateCaseOfClient,
  insertEstateCase,
  listEstateCases,
  updateEstateCase,
} from './estate-case.queries';

export interface EstateCaseDetails {
  estate: EstateCase;
  events: EstateEventRow[];
  /** What the running workflow knows now (held invoices, the agency's steps); absent once it has ended. */
  live?: DecedentEstateStatus;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class EstatesService {
  constructor(
    private readonly db: Database,
    private readonly starter: WorkflowStarter,
    private readonly workflows: WorkflowMessages,
  ) {}

  /**
   * Records a death once per client and starts the client's decedentEstate workflow (through the
   * outbox, so it starts even if Temporal is down this moment). A second report of the same death
   * changes nothing; a report of another date is kept on the case for the estate investigator.
   */
  async recordDeath(report: ClientDeathReport, nowMs: number): Promise<ClientDeathRecorded> {
    if (!UUID.test(report.clientId ?? '')) throw new DomainValidationError('must be the client’s id in invoicing (a uuid)', 'clientId');
    if (!report.sourceReference?.trim()) throw new DomainValidationError('say where the fact comes from', 'sourceReference');
    const workflowId = decedentEstateWorkflowId(report.organisationId, report.clientId);
    const recorded = await this.db.transaction(async (tx) => {
      const settings = await requireSettings(tx, report.organisationId);
      const { inventoryDeadline } = estateDates(settings.country, report.dateOfDeath);
      if (isAfter(report.dateOfDeath, localDateInZone(nowMs, settings.timeZone))) throw new DomainValidationError('is in the future', 'dateOfDeath');
      const opened = await insertEstateCase(tx, { id: randomUUID(), report, inventoryDeadline });
      if (opened) {
        await appendEstateEvent(tx, {
          estateCaseId: opened.id,
          kind: 'death-reported',
          actor: report.reportedBy,
          grounds: `died ${report.dateOfDeath} (${report.source}: ${report.sourceReference}); estate inventory due ${inventoryDeadline}`,
          detail: { source: report.source, sourceReference: report.sourceReference, dateOfDeath: report.dateOfDeath },
        });
        const input: DecedentEstateInput = {
          estateCaseId: opened.id,
          organisationId: report.organisationId,
          clientId: report.clientId,
          dateOfDeath: report.dateOfDeath,
          country: settings.country,
          timeZone: settings.timeZone,
        };
        await enqueueWorkflowStart(tx, { workflowId, workflowType: DecedentEstateWorkflow.workflowType, args: [input] });
        return { estateCaseId: opened.id, firstReport: true };
      }
      const existing = (await findEstateCaseOfClient(tx, report.organisationId, report.clientId))!;
      const sameDate = existing.dateOfDeath === report.dateOfDeath;
      await appendEstateEvent(tx, {
        estateCaseId: existing.id,
        kind: sameDate ? 'death-report-repeated' : 'death-report-conflicting',
        actor: report.reportedBy,
        grounds: sameDate
          ? `the same death reported again (${report.source}: ${report.sourceReference}): nothing changes`
          : `a report gives another date of death, ${report.dateOfDeath} (${report.source}: ${report.sourceReference}); the case keeps ${existing.dateOfDeath} until the estate investigator checks it`,
        detail: { source: report.source, sourceReference: report.sourceReference, dateOfDeath: report.dateOfDeath },
        idempotencyKey: `report:${existing.id}:${report.source}:${report.sourceReference}:${report.dateOfDeath}`,
      });
      if (!sameDate) {
        await addInboxItems(tx, [
          {
            organisationId: report.organisationId,
            recipientRole: 'debt-adviser',
            kind: 'death-report-conflict',
            subject: `Two dates of death for one client: ${existing.dateOfDeath} and ${report.dateOfDeath}`,
            detail: { recorded: existing.dateOfDeath, reported: report.dateOfDeath, source: report.source, sourceReference: report.sourceReference },
            estateCaseId: existing.id,
            idempotencyKey: `death-conflict:${existing.id}:${report.dateOfDeath}`,
          },
        ]);
      }
      return { estateCaseId: existing.id, firstReport: false };
    });
    if (recorded.firstReport) await this.starter.startNow([workflowId]);
    return recorded;
  }

  /**
   * An estate step the agency reported to collection: the estate case of the organisation's
   * client number gets it as the `agencyStep` signal, and the workflow records it on the case
   * (actor `collection-agency`, the step and its date as grounds). A Temporal outage throws, so
   * that collection delivers it again; a repeated report id is ignored by the workflow.
   */
  async agencyStep(message: AgencyEstateStepMessage): Promise<AgencyEstateStepOutcome> {
    const estate = await this.db.read((tx) => findEstateCaseByClientNumber(tx, message.organisationId, message.clientNumber));
    if (!estate) return 'no-estate-case';
    const { reportId, invoiceId, step, reportedOn } = message;
    const outcome = await this.workflows.signal(decedentEstateWorkflowId(estate.organisationId, estate.clientId), DecedentEstateMessages.agencyStep, { reportId, invoiceId, step, reportedOn });
    return outcome === 'signalled' ? 'signalled' : 'case-closed';
  }

  /** An event from the estate workflow, with what it changes on the case. Once per activity execution. */
  async recordEvent(event: EstateEvent, idempotencyKey: string | undefined): Promise<void> {
    await this.db.transaction(async (tx) => {
      const added = await appendEstateEvent(tx, { ...event, idempotencyKey });
      if (!added) return;
      const detail = event.detail ?? {};
      await updateEstateCase(tx, event.estateCaseId, {
        state: event.state,
        clientNumber: typeof detail.clientNumber === 'string' ? detail.clientNumber : undefined,
        contact: event.kind === 'contact-entered' ? (detail.contact as EstateContactCommand['contact']) : undefined,
        inventoryOutcome: event.kind === 'inventory-recorded' ? String(detail.outcome) : undefined,
        inventoryDate: event.kind === 'inventory-recorded' ? String(detail.inventoryDate) : undefined,
        writeOffProposalId: event.kind === 'write-off-proposed' ? String(detail.proposalId) : undefined,
        closedOn: event.kind === 'closed' ? String(detail.closedOn) : undefined,
      });
    });
  }

  async remindInvestigator(input: { estateCaseId: string; inventoryDeadline: string; reminder: number }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const estate = await findEstateCase(tx, input.estateCaseId);
      if (!estate) return;
      await addInboxItems(tx, [
        {
          organisationId: estate.organisationId,
          recipientRole: 'debt-adviser',
          kind: 'inventory-overdue',
          subject: `No estate inventory for client ${estate.clientNumber ?? estate.clientId}: it was due ${input.inventoryDeadline} (reminder ${input.reminder})`,
          detail: { dateOfDeath: estate.dateOfDeath, inventoryDeadline: input.inventoryDeadline, reminder: input.reminder },
          estateCaseId: estate.id,
          idempotencyKey: `inventory-overdue:${estate.id}:${input.reminder}`,
        },
      ]);
    });
  }

  list(organisationId: string, state?: string): Promise<EstateCase[]> {
    return this.db.read((tx) => listEstateCases(tx, organisationId, state));
  }

  async details(id: string): Promise<EstateCaseDetails | undefined> {
    const found = await this.db.read(async (tx) => {
      const estate = await findEstateCase(tx, id);
      return estate && { estate, events: await estateEvents(tx, id) };
    });
    if (!found) return undefined;
    const live = found.estate.closedAt ? undefined : await this.workflows.query(decedentEstateWorkflowId(found.estate.organisationId, found.estate.clientId), DecedentEstateMessages.status).catch(() => undefined);
    return { ...found, live };
  }

  async setContact(estate: EstateCase, command: EstateContactCommand): Promise<DecedentEstateStatus> {
    return whileRunning(this.workflows.update(decedentEstateWorkflowId(estate.organisationId, estate.clientId), DecedentEstateMessages.setContact, [command], { field: 'contact', subject: 'estate process' }), 'contact');
  }

  async recordInventory(estate: EstateCase, command: EstateInventoryCommand): Promise<DecedentEstateStatus> {
    return whileRunning(this.workflows.update(decedentEstateWorkflowId(estate.organisationId, estate.clientId), DecedentEstateMessages.recordInventory, [command], { field: 'inventory', subject: 'estate process' }), 'inventory');
  }

  find(id: string): Promise<EstateCase | undefined> {
    return this.db.read((tx) => findEstateCase(tx, id));
  }
}
