import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/ids';
import { PriceListsController } from './price-lists.controller';
import { PriceListsService } from './price-lists.service';

@Module({ controllers: [PriceListsController], providers: [PriceListsService] })
export class PriceListsModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly priceLists: PriceListsService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('price-list', byUuid((id) => this.priceLists.ownerOf(id)));
  }
}
