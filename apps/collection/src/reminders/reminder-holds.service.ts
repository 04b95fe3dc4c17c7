import { Injectable } from '@nestjs/common';
import { Database } from '@clientfees/platform';
import { listReminderHolds, ReminderHoldRow } from './reminder-hold.queries';

/** Reminders waiting for a confirmed reference rate, as the finance centre lists them. */
@Injectable()
export class ReminderHoldsService {
  constructor(private readonly db: Database) {}

  list(organisationId: string, limit: number): Promise<ReminderHoldRow[]> {
    return this.db.read((tx) => listReminderHolds(tx, organisationId, limit));
  }
}
