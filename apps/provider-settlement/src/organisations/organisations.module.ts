import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { VoucherSchedules } from './voucher-schedules';

@Module({ controllers: [OrganisationsController], providers: [OrganisationsService, VoucherSchedules], exports: [OrganisationsService] })
export class OrganisationsModule {}
