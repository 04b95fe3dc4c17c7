import { Injectable } from '@nestjs/common';
import type { FeeDecisionActivities, FeeDecisionForInvoicing } from '@clientfees/contracts';
import { IncomesService } from './incomes.service';

/** The income-verification workflow hands invoicing the official's fee decision (bound in InvoicingModule). */
@Injectable()
export class FeeDecisionActivitiesProvider implements FeeDecisionActivities {
  constructor(private readonly incomes: IncomesService) {}

  recordFeeDecision(decision: FeeDecisionForInvoicing) {
    return this.incomes.recordFeeDecision(decision);
  }
}
