import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles, Scope } from '@clientfees/platform';
import type { ReminderHoldRow } from './reminder-hold.queries';
import { ReminderHoldsService } from './reminder-holds.service';
import { ListRemindersQuery } from './reminders.dto';

export class ReminderHoldView {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: ['FI', 'SE'] }) country!: string;
  @ApiProperty() invoiceNumber!: number;
  @ApiProperty({ description: 'The organisation’s client number; never an identity code.' }) clientNumber!: string;
  @ApiProperty({ example: '2026-12-08', description: 'The transfer run’s date: the reminder date the interest runs to.' }) reminderDate!: string;
  @ApiProperty({ example: '2026-07-01', description: 'The half-year whose reference rate nobody has confirmed.' }) rateFrom!: string;
  @ApiProperty({ example: '2026-12-31' }) rateTo!: string;
  @ApiProperty({ example: 'no confirmed late-payment interest rate for FI from 2026-07-01 to 2026-12-31: …' }) reason!: string;
  @ApiProperty() firstHeldAt!: string;
  @ApiProperty() lastAttemptAt!: string;
  @ApiProperty({ description: 'How many times the reminder was tried; Temporal retries it every few minutes.' }) attempts!: number;

  static of(row: ReminderHoldRow): ReminderHoldView {
    return {
      invoiceId: row.invoice_id,
      organisationId: row.organisation_id,
      country: row.country,
      invoiceNumber: row.invoice_number,
      clientNumber: row.client_number,
      reminderDate: row.reminder_date,
      rateFrom: row.rate_from,
      rateTo: row.rate_to,
      reason: row.reason,
      firstHeldAt: row.first_held_at.toISOString(),
      lastAttemptAt: row.last_attempt_at.toISOString(),
      attempts: row.attempts,
    };
  }
}

/**
 * Reminders the collection service refuses to send because the late interest would need a
 * reference rate nobody has confirmed. They are not lost: Temporal retries each one, and it goes
 * out as soon as an administrator enters the rate (invoicing: PUT /rule-tables/{fi|se}-reference-rates/periods/{validFrom}).
 */
@ApiTags('reminders')
@Controller('reminders/held')
export class ReminderHoldsController {
  constructor(private readonly holds: ReminderHoldsService) {}

  @Get()
  @Roles('finance-centre', 'client-fee-officer', 'administrator')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Reminders waiting for a confirmed reference rate, oldest first.' })
  @ApiOkResponse({ type: [ReminderHoldView] })
  async list(@Query() query: ListRemindersQuery): Promise<ReminderHoldView[]> {
    const rows = await this.holds.list(query.organisationId, query.limit);
    return rows.map((row) => ReminderHoldView.of(row));
  }
}
