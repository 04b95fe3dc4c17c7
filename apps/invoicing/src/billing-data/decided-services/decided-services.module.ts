import { Module } from '@nestjs/common';
import { DecidedServicesController } from './decided-services.controller';
import { DecidedServicesMessagesController } from './decided-services.messages';
import { DecidedServicesService } from './decided-services.service';

/** Clients' decided services. */
@Module({ controllers: [DecidedServicesController, DecidedServicesMessagesController], providers: [DecidedServicesService] })
export class DecidedServicesModule {}
