import { Module } from '@nestjs/common';
import { IncomesController } from './incomes.controller';
import { IncomesService } from './incomes.service';
import { FeeDecisionActivitiesProvider } from './fee-decision.activities';

/** Clients' incomes, dated. */
@Module({ controllers: [IncomesController], providers: [IncomesService, FeeDecisionActivitiesProvider] })
export class IncomesModule {}
