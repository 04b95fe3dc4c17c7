import { DynamicModule, Module } from '@nestjs/common';
import { AgencyCasesController } from './agency-cases.controller';
import { AgencyReportsController } from './agency-reports.controller';
import { AgencyReportsService } from './agency-reports.service';
import { AgencySteps } from './agency-steps';
import { DEBT_FOLLOWUP_MESSAGES, DebtFollowupMessages, EstateStepForwarder } from './estate-step-forwarder';

/** Invoices' cases at the collection agency: the steps taken, and the agency's reports. */
@Module({})
export class AgencyCasesModule {
  /** `debtFollowup`: where the agency's estate steps go (debt follow-up's TCP messages). */
  static register(debtFollowup: DebtFollowupMessages): DynamicModule {
    return {
      module: AgencyCasesModule,
      controllers: [AgencyCasesController, AgencyReportsController],
      providers: [AgencySteps, AgencyReportsService, EstateStepForwarder, { provide: DEBT_FOLLOWUP_MESSAGES, useValue: debtFollowup }],
      exports: [AgencySteps],
    };
  }
}
