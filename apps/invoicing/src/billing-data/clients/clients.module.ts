import { Module } from '@nestjs/common';
import { ClientsController } from './clients.controller';
import { ClientsMessagesController } from './clients.messages';
import { ClientsService } from './clients.service';

/** Clients (asiakas / kund), their identity codes and spouses. */
@Module({ controllers: [ClientsController, ClientsMessagesController], providers: [ClientsService] })
export class ClientsModule {}
