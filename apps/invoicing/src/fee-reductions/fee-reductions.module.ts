import { Module } from '@nestjs/common';
import { FeeReductionsController } from './fee-reductions.controller';
import { FeeReductionsService } from './fee-reductions.service';

/** § 11 fee reduction decisions, which pause the client's reminders and collection. */
@Module({ controllers: [FeeReductionsController], providers: [FeeReductionsService] })
export class FeeReductionsModule {}
