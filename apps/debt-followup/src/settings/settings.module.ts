import { Module } from '@nestjs/common';
import { DebtReviewSchedules } from './debt-review-schedule';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({
  controllers: [SettingsController],
  providers: [SettingsService, DebtReviewSchedules],
  exports: [SettingsService],
})
export class SettingsModule {}
