import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/ids';
import { OwnShareInvoices } from './own-share-invoices';
import { SettlementsController } from './settlements.controller';
import { SettlementsService } from './settlements.service';

@Module({ controllers: [SettlementsController], providers: [SettlementsService, OwnShareInvoices], exports: [SettlementsService, OwnShareInvoices] })
export class SettlementsModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly settlements: SettlementsService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('settlement', byUuid((id) => this.settlements.ownerOf(id)));
  }
}
