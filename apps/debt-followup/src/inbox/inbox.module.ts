import { Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers } from '@clientfees/platform';
import { InboxController } from './inbox.controller';
import { byUuid } from '../common/resolvers';
import { inboxItemOwner } from './inbox.queries';

@Module({ controllers: [InboxController] })
export class InboxModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('inbox-item', byUuid((id) => this.db.read((tx) => inboxItemOwner(tx, id))));
  }
}
