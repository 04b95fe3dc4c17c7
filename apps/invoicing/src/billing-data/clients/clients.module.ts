import { Module } from '@nestjs/common';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';

/** Clients (asiakas / kund), their identity codes and spouses. */
@Module({ controllers: [ClientsController], providers: [ClientsService] })
export class ClientsModule {}
