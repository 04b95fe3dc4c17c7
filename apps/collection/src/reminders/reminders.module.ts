import { Module } from '@nestjs/common';
import { ReminderHoldsController } from './reminder-holds.controller';
import { ReminderHoldsService } from './reminder-holds.service';
import { RemindersController } from './reminders.controller';

/** The reminders the agency sent, and those waiting for a confirmed reference rate, as the finance centre lists them. */
@Module({ controllers: [ReminderHoldsController, RemindersController], providers: [ReminderHoldsService] })
export class RemindersModule {}
