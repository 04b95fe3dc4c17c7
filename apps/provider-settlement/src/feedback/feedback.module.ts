import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeResolvers } from '@clientfees/platform';
import { byUuid } from '../common/ids';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

@Module({ controllers: [FeedbackController], providers: [FeedbackService], exports: [FeedbackService] })
export class FeedbackModule implements OnModuleInit {
  constructor(
    private readonly resolvers: ScopeResolvers,
    private readonly feedback: FeedbackService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('feedback', byUuid((id) => this.feedback.ownerOf(id)));
  }
}
