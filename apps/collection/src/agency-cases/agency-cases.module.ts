import { Module } from '@nestjs/common';
import { AgencyCasesController } from './agency-cases.controller';
import { AgencyReportsController } from './agency-reports.controller';
import { AgencyReportsService } from './agency-reports.service';
import { AgencySteps } from './agency-steps';

/** Invoices' cases at the collection agency: the steps taken, and the agency's reports. */
@Module({
  controllers: [AgencyCasesController, AgencyReportsController],
  providers: [AgencySteps, AgencyReportsService],
  exports: [AgencySteps],
})
export class AgencyCasesModule {}
