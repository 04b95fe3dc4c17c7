import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { ProviderSettlementWorkflows, reclamationAnsweredSignal, ReclamationFollowUpInput, reclamationWorkflowId, TaskQueues } from '@clientfees/contracts';
import { feedbackAnswerRefusal, feedbackNeedsAnswer } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { TEMPORAL_CLIENT } from '@clientfees/platform';
import { notFound, refuse } from '../common/http';
import { addNotification } from '../organisations/organisation.queries';
import { requireOrganisation } from '../organisations/organisations.service';
import { findProvider } from '../providers/provider.queries';
import { findEvent } from '../records/record.queries';
import { AnswerFeedbackDto, GiveFeedbackDto } from './feedback.dto';
import { answerFeedback, Feedback, feedbackOwner, findFeedback, insertFeedback, listFeedback, markFeedbackReminded } from './feedback.queries';

/** Feedback on providers (seed 003 §4.4); a reclamation is followed by the `reclamationFollowUp` workflow until answered. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  ownerOf(id: string) {
    return this.db.read((tx) => feedbackOwner(tx, id));
  }

  async give(dto: GiveFeedbackDto, actor: string): Promise<Feedback> {
    const id = randomUUID();
    const { feedback, timeZone } = await this.db.transaction(async (tx) => {
      const organisation = await requireOrganisation(tx, dto.organisationId);
      const provider = await findProvider(tx, dto.providerId);
      if (!provider || provider.organisationId !== dto.organisationId) notFound(`provider ${dto.providerId}`);
      if (dto.eventId !== undefined) {
        const event = await findEvent(tx, dto.eventId);
        if (!event || event.providerId !== dto.providerId) notFound(`event ${dto.eventId} of the provider`);
      }
      await insertFeedback(tx, { id, organisationId: dto.organisationId, providerId: dto.providerId, eventId: dto.eventId ?? null, kind: dto.kind, text: dto.text, answerRequested: dto.answerRequested }, actor);
      if (feedbackNeedsAnswer(dto.kind, dto.answerRequested)) {
        await addNotification(tx, { organisationId: dto.organisationId, providerId: dto.providerId, audience: 'provider', subjectKind: 'feedback', subjectId: id, message: `New ${dto.kind} that needs your answer` });
      }
      if (dto.kind === 'reclamation') {
        await addNotification(tx, { organisationId: dto.organisationId, providerId: null, audience: 'service-organiser', subjectKind: 'feedback', subjectId: id, message: `A reclamation about provider ${provider.name}` });
      }
      return { feedback: (await findFeedback(tx, id))!, timeZone: organisation.timeZone };
    });
    if (dto.kind === 'reclamation') {
      const input: ReclamationFollowUpInput = { feedbackId: id, organisationId: dto.organisationId, providerId: dto.providerId, timeZone };
      await this.temporal.workflow.start(ProviderSettlementWorkflows.reclamationFollowUp, { workflowId: reclamationWorkflowId(id), taskQueue: TaskQueues.workflows, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' });
    }
    return feedback;
  }

  async get(id: string) {
    return (await this.db.read((tx) => findFeedback(tx, id))) ?? notFound(`feedback ${id}`);
  }

  list(organisationId: string, providerId?: string) {
    return this.db.read((tx) => listFeedback(tx, organisationId, providerId));
  }

  /** The provider's one answer; a reclamation's follow-up ends with it. */
  async answer(id: string, dto: AnswerFeedbackDto, actor: string): Promise<Feedback> {
    const feedback = await this.db.transaction(async (tx) => {
      const found = (await findFeedback(tx, id, true)) ?? notFound(`feedback ${id}`);
      const refusal = feedbackAnswerRefusal(found, dto.answer);
      if (refusal) refuse(refusal, 'answer', 'feedback-answer');
      await answerFeedback(tx, id, dto.answer.trim(), actor);
      return (await findFeedback(tx, id))!;
    });
    if (feedback.kind === 'reclamation') await this.temporal.workflow.getHandle(reclamationWorkflowId(id)).signal(reclamationAnsweredSignal).catch(() => undefined);
    return feedback;
  }

  /** Activity: reminds the provider of an unanswered reclamation; false once answered. */
  async remindHandler(input: { feedbackId: string }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const feedback = (await findFeedback(tx, input.feedbackId, true))!;
      if (feedback.answeredAt !== null) return false;
      await markFeedbackReminded(tx, feedback.id);
      await addNotification(tx, { organisationId: feedback.organisationId, providerId: feedback.providerId, audience: 'provider', subjectKind: 'feedback', subjectId: feedback.id, message: 'A reclamation is still waiting for your answer' });
      return true;
    });
  }
}
