import { Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/resolvers';
import { restructuringOwner } from './debt-restructuring.queries';
import { RestructuringActivities } from './restructurings.activities';
import { RestructuringsController } from './restructurings.controller';
import { RestructuringsService } from './restructurings.service';

@Module({
  controllers: [RestructuringsController],
  providers: [RestructuringsService, RestructuringActivities],
  exports: [RestructuringActivities],
})
export class RestructuringsModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('debt-restructuring', byUuid((id) => this.db.read((tx) => restructuringOwner(tx, id))));
  }
}
