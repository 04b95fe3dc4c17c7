import { Injectable } from '@nestjs/common';
import { Currency, Money, parseQuarter } from '@clientfees/domain';
import type { DebtReviewSummary } from '@clientfees/contracts';
import { Database } from '@clientfees/platform';
import { listReviews } from '../debt-reviews/debt-review.queries';
import { estateCounts } from '../estates/estate-case.queries';
import { restructuringCounts } from '../restructurings/debt-restructuring.queries';
import { requireSettings } from '../settings/settings.service';
import { writtenOffBetween } from '../write-off-proposals/write-off-proposal.queries';

export interface Reconciliation {
  organisationId: string;
  quarter: string;
  from: string;
  to: string;
  currency: Currency;
  monthEnds: Array<{ monthEnd: string; summary: DebtReviewSummary | null }>;
  writeOffs: Array<{ grounds: string; proposals: number; amount: string }>;
  writtenOff: string;
  restructurings: { takenEffect: number; inForce: number };
  estates: { opened: number; closed: number; open: number };
}

/**
 * The quarterly reconciliation (seed 004: "Ekonomikontoret, Avgiftshandläggare samt Budget och
 * skuldrådgivare/dödsboutredare träffas var 3:e månad för att göra avstämningar kring
 * skuldfordringar"): the quarter's month ends, write-offs by grounds, restructurings and estates.
 */
@Injectable()
export class ReconciliationService {
  constructor(private readonly db: Database) {}

  report(organisationId: string, quarterText: string): Promise<Reconciliation> {
    const quarter = parseQuarter(quarterText);
    return this.db.read(async (tx) => {
      const settings = await requireSettings(tx, organisationId);
      const reviews = new Map((await listReviews(tx, organisationId, { from: quarter.from, to: quarter.to })).map((review) => [review.monthEnd, review]));
      const writeOffs = await writtenOffBetween(tx, organisationId, quarter.from, quarter.to);
      const money = (cents: number) => Money.ofMinor(cents, settings.currency).toDecimalString();
      return {
        organisationId,
        quarter: quarter.label,
        from: quarter.from,
        to: quarter.to,
        currency: settings.currency,
        monthEnds: quarter.monthEnds.map((monthEnd) => ({ monthEnd, summary: reviews.get(monthEnd)?.summary ?? null })),
        writeOffs: writeOffs.map((row) => ({ grounds: row.grounds, proposals: row.proposals, amount: money(row.cents) })),
        writtenOff: money(writeOffs.reduce((sum, row) => sum + row.cents, 0)),
        restructurings: await restructuringCounts(tx, organisationId, quarter.from, quarter.to),
        estates: await estateCounts(tx, organisationId, quarter.from, quarter.to),
      };
    });
  }
}
