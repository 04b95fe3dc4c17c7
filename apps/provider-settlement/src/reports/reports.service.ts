import { Injectable } from '@nestjs/common';
import { csvTable } from '@clientfees/documents';
import { firstDayOfPeriod, lastDayOfPeriod, parseBillingPeriod } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { decimalOf } from '../common/cents';
import { badRequest } from '../common/http';
import { interruptionReport, InterruptionReportRow, realisation, RealisationRow } from './report.queries';

function months(from: string, to: string): { from: string; to: string } {
  const first = parseBillingPeriod(from, 'from');
  const last = parseBillingPeriod(to, 'to');
  if (last < first) badRequest('to', `must not be before from (${first})`);
  return { from: first, to: last };
}

/** Reports (seed 003 chapter 5): clients and realisation; interruptions. JSON, or CSV for a spreadsheet. */
@Injectable()
export class ReportsService {
  constructor(private readonly db: Database) {}

  async realisation(organisationId: string, query: { from: string; to: string; serviceCode?: string }, providerId?: string): Promise<RealisationRow[]> {
    const period = months(query.from, query.to);
    return this.db.read((tx) => realisation(tx, organisationId, period.from, period.to, { serviceCode: query.serviceCode, providerId }));
  }

  async interruptions(organisationId: string, query: { from: string; to: string; serviceCode?: string }, providerId?: string): Promise<InterruptionReportRow[]> {
    const period = months(query.from, query.to);
    return this.db.read((tx) => interruptionReport(tx, organisationId, firstDayOfPeriod(period.from), lastDayOfPeriod(period.to), { serviceCode: query.serviceCode, providerId }));
  }

  realisationCsv(rows: readonly RealisationRow[]): string {
    return csvTable(
      ['Month', 'Service', 'Content', 'Provider', 'Clients', 'Units complete', 'Units incomplete', 'Price', 'Voucher value', 'Own share', 'Settled'],
      rows.map((row) => [row.month, row.serviceCode, row.contentCode, row.providerName, row.clients, row.completeUnits, row.incompleteUnits, decimalOf(row.priceCents), decimalOf(row.voucherValueCents), decimalOf(row.ownShareCents), decimalOf(row.settledCents)]),
    );
  }

  interruptionsCsv(rows: readonly InterruptionReportRow[]): string {
    return csvTable(
      ['Voucher', 'Client number', 'Provider', 'Service', 'Content', 'Reason', 'Start', 'End', 'Status', 'Days compensated', 'Days not compensated', 'Compensation', 'Settled'],
      rows.map((row) => [
        row.voucherNumber,
        row.clientNumber,
        row.providerName,
        row.serviceCode,
        row.contentCode,
        row.reason,
        row.startDate,
        row.endDate,
        row.status,
        row.compensatedDays,
        row.uncompensatedDays,
        row.compensationCents === null ? null : decimalOf(row.compensationCents),
        row.settled ? 'yes' : 'no',
      ]),
    );
  }
}
