import { Module } from '@nestjs/common';
import { DecidedServicesController } from './decided-services.controller';
import { DecidedServicesService } from './decided-services.service';

/** Clients' decided services. */
@Module({ controllers: [DecidedServicesController], providers: [DecidedServicesService] })
export class DecidedServicesModule {}
