import { Module } from '@nestjs/common';
import { RemindersController } from './reminders.controller';

/** The reminders the agency sent, as the finance centre lists them. */
@Module({ controllers: [RemindersController] })
export class RemindersModule {}
