import { Injectable } from '@nestjs/common';
import type { WhatIfActivities as Contract } from '@clientfees/contracts';
import { WhatIfService } from './what-if.service';

/** The what-if run's activities on the invoicing queue: one-line delegations, each safe to retry. */
@Injectable()
export class WhatIfActivities implements Contract {
  constructor(private readonly whatIf: WhatIfService) {}

  planWhatIfRun(runId: string): Promise<number> {
    return this.whatIf.plan(runId);
  }

  compareWhatIfBatch(runId: string, batch: number): Promise<number> {
    return this.whatIf.compareBatch(runId, batch);
  }

  completeWhatIfRun(runId: string): Promise<number> {
    return this.whatIf.complete(runId);
  }

  failWhatIfRun(runId: string, reason: string): Promise<void> {
    return this.whatIf.fail(runId, reason);
  }
}
