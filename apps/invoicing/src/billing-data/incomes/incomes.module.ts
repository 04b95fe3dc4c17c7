import { Module } from '@nestjs/common';
import { IncomesController } from './incomes.controller';
import { IncomesService } from './incomes.service';

/** Clients' incomes, dated. */
@Module({ controllers: [IncomesController], providers: [IncomesService] })
export class IncomesModule {}
