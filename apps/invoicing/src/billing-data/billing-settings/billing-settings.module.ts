import { Module } from '@nestjs/common';
import { BillingSettingsController } from './billing-settings.controller';
import { BillingSettingsMessagesController } from './billing-settings.messages';
import { BillingSettingsService } from './billing-settings.service';

/** Clients' billing settings: dated versions, fixes for the billing run's error list, and addresses from the population register. */
@Module({ controllers: [BillingSettingsController, BillingSettingsMessagesController], providers: [BillingSettingsService] })
export class BillingSettingsModule {}
