import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  ApplicationFailures,
  decideApplicationUpdate,
  ProviderApplicationInput,
  ProviderSettlementWorkflows,
  providerApplicationWorkflowId,
  resubmitApplicationUpdate,
  TaskQueues,
} from '@clientfees/contracts';
import { ApplicationDecisionKind, applicationDecisionRefusal, missingAttachments, submissionRefusal } from '@clientfees/domain';
import { Database, TEMPORAL_CLIENT } from '@clientfees/platform';
import { notFound, refuse } from '../common/http';
import { findVoucherService } from '../organisations/organisation.queries';
import { requireOrganisation } from '../organisations/organisations.service';
import { listAttachments } from './attachment.queries';
import {
  applicationOwner,
  ApplicationRecord,
  findApplication,
  insertApplication,
  listApplications,
  listDecisions,
  markReminded,
  markSubmitted,
  recordDecision,
} from './application.queries';
import { addNotification } from '../organisations/organisation.queries';
import { ApplicationDecisionDto, CreateApplicationDto } from './provider.dto';
import { findProvider, listUnits } from './provider.queries';

/**
 * Applications to provide a service (seed 003 §1.3, §2): the provider drafts and sends; the
 * `providerApplication` workflow waits for the municipality's decision and reminds it.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  ownerOf(id: string) {
    return this.db.read((tx) => applicationOwner(tx, id));
  }

  async create(providerId: string, dto: CreateApplicationDto, actor: string): Promise<ApplicationRecord> {
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      const provider = (await findProvider(tx, providerId)) ?? notFound(`provider ${providerId}`);
      if (!(await findVoucherService(tx, provider.organisationId, dto.serviceCode))) notFound(`service ${dto.serviceCode}`);
      const units = new Set((await listUnits(tx, providerId)).map((unit) => unit.id));
      const foreign = dto.unitIds.find((unitId) => !units.has(unitId));
      if (foreign) notFound(`unit ${foreign} of the provider`);
      await insertApplication(tx, { id, organisationId: provider.organisationId, providerId, serviceCode: dto.serviceCode, unitIds: dto.unitIds }, actor);
      return (await findApplication(tx, id))!;
    });
  }

  async view(id: string) {
    return this.db.read(async (tx) => {
      const application = (await findApplication(tx, id)) ?? notFound(`application ${id}`);
      return { ...application, decisions: await listDecisions(tx, id) };
    });
  }

  list(organisationId: string, filter: { state?: string; providerId?: string }) {
    return this.db.read((tx) => listApplications(tx, organisationId, filter));
  }

  /**
   * Sends the application (signed and sent, §1.3.8): refused while a mandatory attachment is
   * missing. The first sending starts its workflow; after changes were requested it resumes it.
   */
  async submit(id: string, actor: string): Promise<ApplicationRecord> {
    const application = await this.db.transaction(async (tx) => {
      const found = (await findApplication(tx, id, true)) ?? notFound(`application ${id}`);
      const service = (await findVoucherService(tx, found.organisationId, found.serviceCode))!;
      const missing = missingAttachments(service.requiredAttachments, await listAttachments(tx, found.providerId), found.unitIds);
      const refusal = submissionRefusal(found.state, missing, found.unitIds);
      if (refusal) refuse(refusal, 'application', 'application-submission');
      return found;
    });
    const workflowId = providerApplicationWorkflowId(id);
    if (application.state === 'draft') {
      const organisation = await this.db.read((tx) => requireOrganisation(tx, application.organisationId));
      const input: ProviderApplicationInput = { applicationId: id, organisationId: application.organisationId, providerId: application.providerId, serviceCode: application.serviceCode, timeZone: organisation.timeZone };
      await this.temporal.workflow.start(ProviderSettlementWorkflows.providerApplication, {
        workflowId,
        taskQueue: TaskQueues.workflows,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } else {
      await this.asHttp(resubmitApplicationUpdate.name, () => this.temporal.workflow.getHandle(workflowId).executeUpdate(resubmitApplicationUpdate, { args: [{ actor }] }));
    }
    await this.db.transaction((tx) => markSubmitted(tx, id));
    return (await this.db.read((tx) => findApplication(tx, id)))!;
  }

  /** The municipality's decision, through the workflow (its validator refuses what the rule forbids). */
  async decide(id: string, dto: ApplicationDecisionDto, actor: string) {
    const application = await this.db.read(async (tx) => (await findApplication(tx, id)) ?? notFound(`application ${id}`));
    // A decided application's workflow has ended: its state answers before any workflow is asked.
    const refusal = application.state === 'submitted' ? undefined : applicationDecisionRefusal(application.state, dto);
    if (refusal) refuse(refusal, 'decision', 'application-decision');
    await this.asHttp(decideApplicationUpdate.name, () =>
      this.temporal.workflow.getHandle(providerApplicationWorkflowId(id)).executeUpdate(decideApplicationUpdate, {
        args: [{ decision: dto.decision, grounds: dto.grounds, approvedFrom: dto.approvedFrom, actor }],
      }),
    );
    return this.view(id);
  }

  // ---- activities -------------------------------------------------------------------------------

  async recordDecision(input: { applicationId: string; decisionId: string; command: { decision: ApplicationDecisionKind; grounds: string; approvedFrom?: string; actor: string } }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const application = (await findApplication(tx, input.applicationId, true))!;
      const stored = await recordDecision(tx, {
        id: input.decisionId,
        applicationId: input.applicationId,
        decision: input.command.decision,
        grounds: input.command.grounds,
        approvedFrom: input.command.decision === 'approve' ? (input.command.approvedFrom ?? null) : null,
        actor: input.command.actor,
      });
      if (stored) {
        await addNotification(tx, {
          organisationId: application.organisationId,
          providerId: application.providerId,
          audience: 'provider',
          subjectKind: 'application',
          subjectId: application.id,
          message: `Your application for ${application.serviceCode}: ${input.command.decision} — ${input.command.grounds}`,
        });
      }
    });
  }

  async remindHandlers(input: { applicationId: string; waitingDays: number }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const application = (await findApplication(tx, input.applicationId, true))!;
      await markReminded(tx, application.id);
      await addNotification(tx, {
        organisationId: application.organisationId,
        providerId: null,
        audience: 'application-handlers',
        subjectKind: 'application',
        subjectId: application.id,
        message: `The application of provider ${application.providerId} for ${application.serviceCode} has waited ${input.waitingDays} days for a decision`,
      });
    });
  }

  /** An update the workflow refused: its rule → 422 naming the decision, its state → 409. */
  private async asHttp<T>(decision: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause as { type?: string; message?: string } | undefined;
        refuse({ kind: cause?.type === ApplicationFailures.rule ? 'rule' : 'state', reason: cause?.message ?? 'refused' }, 'decision', decision);
      }
      throw error;
    }
  }
}
