import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/ids';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

@Module({ controllers: [RecordsController], providers: [RecordsService], exports: [RecordsService] })
export class RecordsModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly records: RecordsService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('event', byUuid((id) => this.records.eventOwnerOf(id)));
    this.resolvers.register('interruption', byUuid((id) => this.records.interruptionOwnerOf(id)));
  }
}
