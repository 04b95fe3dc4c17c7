import { Module } from '@nestjs/common';
import { ClientRegistrationsController, RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

/** Registrations of performed services. */
@Module({ controllers: [ClientRegistrationsController, RegistrationsController], providers: [RegistrationsService] })
export class RegistrationsModule {}
