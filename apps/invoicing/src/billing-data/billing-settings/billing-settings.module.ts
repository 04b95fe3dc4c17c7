import { Module } from '@nestjs/common';
import { BillingSettingsController } from './billing-settings.controller';
import { BillingSettingsService } from './billing-settings.service';

/** Clients' billing settings: dated versions, and fixes for the billing run's error list. */
@Module({ controllers: [BillingSettingsController], providers: [BillingSettingsService] })
export class BillingSettingsModule {}
