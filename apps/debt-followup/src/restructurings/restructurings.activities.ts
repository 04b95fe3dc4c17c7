import { Injectable } from '@nestjs/common';
import type { RestructuringActivitiesContract, DebtRestructuringState } from '@clientfees/contracts';
import { activityIdempotencyKey } from '@clientfees/platform';
import { RestructuringsService } from './restructurings.service';

/** The restructuring's activity: a one-line delegation. */
@Injectable()
export class RestructuringActivities implements RestructuringActivitiesContract {
  constructor(private readonly restructurings: RestructuringsService) {}

  recordRestructuringEvent(input: { restructuringId: string; kind: string; grounds: string; state: DebtRestructuringState; proposalId?: string }): Promise<void> {
    return this.restructurings.recordEvent(input, activityIdempotencyKey() ?? undefined);
  }
}
