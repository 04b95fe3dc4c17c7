import { Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/resolvers';
import { estateOwner } from './estate-case.queries';
import { EstateActivities } from './estates.activities';
import { EstatesController } from './estates.controller';
import { EstatesMessagesController } from './estates.messages';
import { EstatesService } from './estates.service';

@Module({
  controllers: [EstatesController, EstatesMessagesController],
  providers: [EstatesService, EstateActivities],
  exports: [EstatesService, EstateActivities],
})
export class EstatesModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('estate-case', byUuid((id) => this.db.read((tx) => estateOwner(tx, id))));
  }
}
