import { Injectable } from '@nestjs/common';
import type { DebtFollowupActivities, DebtRestructuringState } from '@clientfees/contracts';
import { activityKey } from '../common/activity-time';
import { RestructuringsService } from './restructurings.service';

/** The restructuring's activity: a one-line delegation. */
@Injectable()
export class RestructuringActivities implements Pick<DebtFollowupActivities, 'recordRestructuringEvent'> {
  constructor(private readonly restructurings: RestructuringsService) {}

  recordRestructuringEvent(input: { restructuringId: string; kind: string; grounds: string; state: DebtRestructuringState; proposalId?: string }): Promise<void> {
    return this.restructurings.recordEvent(input, activityKey());
  }
}
