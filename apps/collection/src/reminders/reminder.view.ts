import { ApiProperty } from '@nestjs/swagger';
import { Money } from '@clientfees/domain';
import type { Reminder } from './reminder.queries';

export class ReminderView {
  @ApiProperty() id!: string;
  @ApiProperty() invoiceId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() invoiceNumber!: number;
  @ApiProperty({ description: 'The organisation’s client number; never an identity code.' }) clientNumber!: string;
  @ApiProperty() paymentReference!: string;
  @ApiProperty({ enum: ['EUR', 'SEK'] }) currency!: string;
  @ApiProperty({ example: '2024-03-15' }) invoiceDueDate!: string;
  @ApiProperty({ example: '100.00', description: 'Unpaid principal when the reminder went out.' }) open!: string;
  @ApiProperty({ example: '2.10' }) fee!: string;
  @ApiProperty({ example: '0.98', description: 'Late-payment interest from interestFrom to interestTo, both counted.' }) interest!: string;
  @ApiProperty({ example: '103.08' }) total!: string;
  @ApiProperty({ example: '2024-03-16' }) interestFrom!: string;
  @ApiProperty({ example: '2024-04-15' }) interestTo!: string;
  @ApiProperty({ example: '2024-04-15' }) reminderDate!: string;
  @ApiProperty({ example: '2024-04-29', description: 'The reminder’s own due date.' }) dueDate!: string;
  @ApiProperty({ example: 'AG-3F2A9C1B7D40' }) agencyCaseId!: string;
  @ApiProperty() createdAt!: string;

  static of(reminder: Reminder): ReminderView {
    const money = (cents: number) => Money.ofMinor(cents, reminder.currency).toDecimalString();
    return {
      id: reminder.id,
      invoiceId: reminder.invoiceId,
      organisationId: reminder.organisationId,
      invoiceNumber: reminder.invoiceNumber,
      clientNumber: reminder.clientNumber,
      paymentReference: reminder.paymentReference,
      currency: reminder.currency,
      invoiceDueDate: reminder.invoiceDueDate,
      open: money(reminder.openCents),
      fee: money(reminder.feeCents),
      interest: money(reminder.interestCents),
      total: money(reminder.totalCents),
      interestFrom: reminder.interestFrom,
      interestTo: reminder.interestTo,
      reminderDate: reminder.reminderDate,
      dueDate: reminder.dueDate,
      agencyCaseId: reminder.agencyCaseId,
      createdAt: reminder.createdAt.toISOString(),
    };
  }
}
