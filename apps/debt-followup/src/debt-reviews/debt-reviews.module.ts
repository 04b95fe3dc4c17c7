import { Module, OnModuleInit } from '@nestjs/common';
import { Database, ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/resolvers';
import { reviewOwner } from './debt-review.queries';
import { DebtReviewActivities } from './debt-reviews.activities';
import { DebtReviewsController } from './debt-reviews.controller';
import { DebtReviewsService } from './debt-reviews.service';

@Module({
  controllers: [DebtReviewsController],
  providers: [DebtReviewsService, DebtReviewActivities],
  exports: [DebtReviewActivities],
})
export class DebtReviewsModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('debt-review', byUuid((id) => this.db.read((tx) => reviewOwner(tx, id))));
  }
}
