import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { ProviderSettlementWorkflows, TaskQueues, voucherAutoRecordingScheduleId, VoucherMonthInput, voucherSettlementScheduleId } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT, upsertSchedule } from '@clientfees/platform';

/**
 * The two Schedules of an organisation's voucher month, in its own time zone (seed 003 §4.3.2,
 * §4.3.5.3): automatic recording in the night of the 4th (01:00), and the settlement workflow
 * from the 1st (06:00), which reminds providers to confirm by the 2nd, approvers to decide by the
 * 3rd, and settles on the 4th.
 */
@Injectable()
export class VoucherSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async upsert(organisationId: string, timeZone: string): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    const input: VoucherMonthInput = { organisationId, timeZone };
    const start = (workflowType: string, workflowId: string) => ({ type: 'startWorkflow' as const, workflowType, workflowId, taskQueue: TaskQueues.workflows, args: [input] });
    await upsertSchedule(
      this.temporal,
      voucherAutoRecordingScheduleId(organisationId),
      { calendars: [{ dayOfMonth: 4, hour: 1 }], timezone: timeZone },
      start(ProviderSettlementWorkflows.voucherAutoRecording, voucherAutoRecordingScheduleId(organisationId)),
    );
    await upsertSchedule(
      this.temporal,
      voucherSettlementScheduleId(organisationId),
      { calendars: [{ dayOfMonth: 1, hour: 6 }], timezone: timeZone },
      start(ProviderSettlementWorkflows.voucherSettlement, voucherSettlementScheduleId(organisationId)),
    );
  }
}
