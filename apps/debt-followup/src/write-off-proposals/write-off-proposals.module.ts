import { Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/resolvers';
import { proposalOwner } from './write-off-proposal.queries';
import { WriteOffProposalActivities } from './write-off-proposals.activities';
import { WriteOffProposalsController } from './write-off-proposals.controller';
import { WriteOffProposalsService } from './write-off-proposals.service';

@Module({
  controllers: [WriteOffProposalsController],
  providers: [WriteOffProposalsService, WriteOffProposalActivities],
  exports: [WriteOffProposalActivities],
})
export class WriteOffProposalsModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('write-off-proposal', byUuid((id) => this.db.read((tx) => proposalOwner(tx, id))));
  }
}
