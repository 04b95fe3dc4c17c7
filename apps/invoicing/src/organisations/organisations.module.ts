import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { TransferRunSchedules } from './transfer-run-schedule';

/** Organisations (hyvinvointialue / kommun), their payment terms and transfer-run Schedules. */
@Module({
  controllers: [OrganisationsController],
  providers: [OrganisationsService, TransferRunSchedules],
})
export class OrganisationsModule {}
