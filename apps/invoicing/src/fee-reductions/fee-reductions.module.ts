import { Module } from '@nestjs/common';
import { FeeReductionsController } from './fee-reductions.controller';

/** § 11 fee reduction decisions, which pause the client's reminders and collection. */
@Module({ controllers: [FeeReductionsController] })
export class FeeReductionsModule {}
