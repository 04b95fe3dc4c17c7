import { Module } from '@nestjs/common';
import { RentContractsController } from './rent-contracts.controller';
import { RentContractsService } from './rent-contracts.service';

/** Rent contracts in care housing and service apartments. */
@Module({ controllers: [RentContractsController], providers: [RentContractsService] })
export class RentContractsModule {}
