import { AutoRecordingResult, VoucherMonthInput } from '@clientfees/contracts';
import { localDateInZone, periodOf } from '@clientfees/domain/workflow';
import { monthActivities } from './activities';

/**
 * Automatic recording (seed 003 §4.3.2), started by the organisation's Schedule in the night of
 * the 4th: incomplete whole-month events of the current month for the continuing daily services
 * that had a record last month and no open interruption. Providers confirm them by the 2nd of the
 * following month.
 */
export async function voucherAutoRecording(input: VoucherMonthInput): Promise<AutoRecordingResult> {
  const month = input.month ?? periodOf(localDateInZone(Date.now(), input.timeZone));
  return monthActivities.recordAutomaticEvents({ organisationId: input.organisationId, month });
}
