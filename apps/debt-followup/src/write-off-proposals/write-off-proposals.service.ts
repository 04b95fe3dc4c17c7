import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DomainValidationError, Money, responsibleSigner, SigningLimit, SIGNER_ROLES, writeOffProposalProblem } from '@clientfees/domain';
import {
  AccessClaims,
  ClientLedger,
  OpenWriteOffProposal,
  WriteOffProposalWorkflow,
  WriteOffDocumentation,
  WriteOffInvoiceResult,
  WriteOffProposalFacts,
  WriteOffProposalMessages,
  WriteOffProposalStatus,
  writeOffProposalWorkflowId,
} from '@clientfees/contracts';
import { Database, WorkflowMessages } from '@clientfees/platform';
import { enqueueWorkflowStart } from '../common/workflow-start.queries';
import { WorkflowStarter } from '../common/workflow-starter';
import { whileRunning } from '../common/not-running';
import { addInboxItems } from '../inbox/inbox.queries';
import { requireSettings } from '../settings/settings.service';
import {
  closeProposal,
  documentProposal,
  findProposal,
  insertProposal,
  listProposals,
  ProposalInvoice,
  proposalInvoices,
  recordProposalDecision,
  recordProposalResult,
  WriteOffProposal,
} from './write-off-proposal.queries';

export interface WriteOffProposalDetails {
  proposal: WriteOffProposal;
  invoices: ProposalInvoice[];
  live?: WriteOffProposalStatus;
}

@Injectable()
export class WriteOffProposalsService {
  constructor(
    private readonly db: Database,
    private readonly starter: WorkflowStarter,
    private readonly workflows: WorkflowMessages,
  ) {}

  /** The finance office prepares a proposal; its workflow documents it from the ledger and sends it for signature. */
  async prepare(actor: string, request: { organisationId: string; clientId: string; grounds: string; note: string; invoiceIds?: string[] }): Promise<WriteOffProposal> {
    const problem = writeOffProposalProblem(request);
    if (problem) throw new DomainValidationError(problem.reason, problem.field);
    const proposal = await this.db.transaction(async (tx) => {
      const opened = await this.openIn(tx, { ...request, preparedBy: actor, proposalKey: `manual-${randomUUID()}` });
      await enqueueWorkflowStart(tx, { workflowId: writeOffProposalWorkflowId(opened.id), workflowType: WriteOffProposalWorkflow.workflowType, args: [{ proposalId: opened.id, organisationId: opened.organisationId }] });
      return opened;
    });
    await this.starter.startNow([writeOffProposalWorkflowId(proposal.id)]);
    return proposal;
  }

  /** A proposal a workflow prepares (an estate without assets, a restructuring's end); the workflow starts its child itself. */
  async open(request: OpenWriteOffProposal): Promise<{ proposalId: string }> {
    const proposal = await this.db.transaction((tx) => this.openIn(tx, request));
    return { proposalId: proposal.id };
  }

  private async openIn(tx: Parameters<Parameters<Database['transaction']>[0]>[0], request: OpenWriteOffProposal): Promise<WriteOffProposal> {
    const settings = await requireSettings(tx, request.organisationId);
    return insertProposal(tx, {
      id: randomUUID(),
      proposalKey: request.proposalKey,
      organisationId: request.organisationId,
      clientId: request.clientId,
      grounds: request.grounds,
      note: request.note,
      invoiceIds: request.invoiceIds ?? null,
      currency: settings.currency,
      signingLimits: settings.signingLimits,
      reminderDays: settings.signatureReminderDays,
      timeZone: settings.timeZone,
      preparedBy: request.preparedBy,
      estateCaseId: request.estateCaseId ?? null,
      restructuringId: request.restructuringId ?? null,
    });
  }

  async facts(proposalId: string): Promise<WriteOffProposalFacts> {
    const proposal = await this.db.read((tx) => findProposal(tx, proposalId));
    if (!proposal) throw new Error(`no write-off proposal ${proposalId}`);
    return {
      proposalId,
      organisationId: proposal.organisationId,
      clientId: proposal.clientId,
      grounds: proposal.grounds,
      note: proposal.note,
      invoiceIds: proposal.invoiceIds,
      currency: proposal.currency,
      signingLimits: proposal.signingLimits,
      reminderDays: proposal.reminderDays,
      timeZone: proposal.timeZone,
    };
  }

  /** The ledger's open invoices become the documentation; the responsible manager is told. */
  async document(proposalId: string, ledger: ClientLedger): Promise<WriteOffDocumentation> {
    return this.db.transaction(async (tx) => {
      const proposal = (await findProposal(tx, proposalId))!;
      const entries = ledger.entries.filter((entry) => entry.openCents > 0);
      const totalCents = entries.reduce((sum, entry) => sum + entry.openCents, 0);
      const responsibleRole = responsibleSigner(totalCents, proposal.signingLimits) ?? null;
      await documentProposal(tx, proposalId, { clientNumber: ledger.clientNumber, entries, totalCents, responsibleRole });
      if (entries.length > 0) {
        await addInboxItems(tx, [
          {
            organisationId: proposal.organisationId,
            recipientRole: responsibleRole ?? 'result-area-director',
            kind: 'write-off-signature',
            subject: `Sign or reject the write-off of ${Money.ofMinor(totalCents, proposal.currency).toString()} of client ${ledger.clientNumber} (${proposal.grounds})`,
            detail: { clientNumber: ledger.clientNumber, grounds: proposal.grounds, invoices: entries.length, amount: Money.ofMinor(totalCents, proposal.currency).toDecimalString() },
            proposalId,
            idempotencyKey: `write-off-signature:${proposalId}`,
          },
        ]);
      }
      return { totalCents, invoiceCount: entries.length, responsibleRole };
    });
  }

  async remind(proposalId: string, reminder: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const proposal = (await findProposal(tx, proposalId))!;
      await addInboxItems(tx, [
        {
          organisationId: proposal.organisationId,
          recipientRole: proposal.responsibleRole ?? 'result-area-director',
          kind: 'write-off-reminder',
          subject: `Still unsigned: the write-off proposal of client ${proposal.clientNumber} (${Money.ofMinor(proposal.totalCents, proposal.currency).toString()}), reminder ${reminder}`,
          detail: { clientNumber: proposal.clientNumber, reminder, preparedAt: proposal.preparedAt },
          proposalId,
          idempotencyKey: `write-off-reminder:${proposalId}:${reminder}`,
        },
      ]);
    });
  }

  recordDecision(input: { proposalId: string; decision: 'signed' | 'rejected'; actor: string; role: string; note: string }): Promise<void> {
    return this.db.transaction((tx) => recordProposalDecision(tx, input.proposalId, input));
  }

  recordResult(input: { proposalId: string; invoiceId: string } & WriteOffInvoiceResult): Promise<void> {
    return this.db.transaction((tx) => recordProposalResult(tx, input.proposalId, input.invoiceId, input));
  }

  close(proposalId: string, state: 'written-off' | 'rejected' | 'void', closedOn: string): Promise<void> {
    return this.db.transaction((tx) => closeProposal(tx, proposalId, state, closedOn));
  }

  /** The manager signs: the workflow's validator holds their role, organisation and limit. */
  async sign(user: AccessClaims, proposalId: string, note: string): Promise<WriteOffProposalStatus> {
    const proposal = await this.require(proposalId);
    return whileRunning(
      this.workflows.update(
        writeOffProposalWorkflowId(proposalId),
        WriteOffProposalMessages.sign,
        [{ actor: user.sub, role: signerRole(user, proposal.signingLimits), organisations: user.organisations ?? [], note }],
        { field: 'signature', subject: 'write-off proposal process' },
      ),
      'signature',
    );
  }

  async reject(user: AccessClaims, proposalId: string, reason: string): Promise<WriteOffProposalStatus> {
    const proposal = await this.require(proposalId);
    return whileRunning(
      this.workflows.update(
        writeOffProposalWorkflowId(proposalId),
        WriteOffProposalMessages.reject,
        [{ actor: user.sub, role: signerRole(user, proposal.signingLimits), organisations: user.organisations ?? [], reason }],
        { field: 'reason', subject: 'write-off proposal process' },
      ),
      'reason',
    );
  }

  list(organisationId: string, state?: string): Promise<WriteOffProposal[]> {
    return this.db.read((tx) => listProposals(tx, organisationId, state));
  }

  async details(proposalId: string): Promise<WriteOffProposalDetails> {
    const details = await this.db.read(async (tx) => {
      const proposal = await findProposal(tx, proposalId);
      return proposal && { proposal, invoices: await proposalInvoices(tx, proposalId) };
    });
    if (!details) throw new NotFoundException(`no write-off proposal ${proposalId}`);
    return details;
  }

  private async require(proposalId: string): Promise<WriteOffProposal> {
    const proposal = await this.db.read((tx) => findProposal(tx, proposalId));
    if (!proposal) throw new NotFoundException(`no write-off proposal ${proposalId}`);
    return proposal;
  }
}

/** The role a manager signs in: of their signing roles, the one with the highest limit. */
function signerRole(user: AccessClaims, limits: readonly SigningLimit[]): string {
  const limitOf = (role: string) => {
    const limit = limits.find((candidate) => candidate.role === role);
    return limit === undefined ? -1 : (limit.maxCents ?? Number.POSITIVE_INFINITY);
  };
  const candidates = user.roles.filter((role) => (SIGNER_ROLES as readonly string[]).includes(role)).sort((a, b) => limitOf(b) - limitOf(a));
  return candidates[0] ?? user.roles[0] ?? '';
}
