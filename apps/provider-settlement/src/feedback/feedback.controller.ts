import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { ApiRuleRefusal, CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { OrganisationQuery } from '../organisations/organisation.dto';
import { AnswerFeedbackDto, GiveFeedbackDto } from './feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('feedback')
  @MayDo('voucher-feedback.record')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Record a client’s feedback on a provider (thanks, complaint, reclamation), optionally about one event' })
  give(@Body() dto: GiveFeedbackDto, @CurrentUser() user: AccessClaims) {
    return this.feedback.give(dto, user.sub);
  }

  @Get('feedback')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  list(@Query() query: OrganisationQuery, @CurrentUser() user: AccessClaims) {
    return this.feedback.list(query.organisationId, providerFilter(user));
  }

  @Get('feedback/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('feedback')
  get(@Param('id') id: string) {
    return this.feedback.get(id);
  }

  @ApiRuleRefusal('the answer is not empty (rule `feedback-answer`)')
  @Post('feedback/:id/answer')
  @MayDo('provider-service.record')
  @Scope.resource('feedback')
  @ApiOperation({ summary: 'The provider’s answer; given once only (a second is 409)' })
  answer(@Param('id') id: string, @Body() dto: AnswerFeedbackDto, @CurrentUser() user: AccessClaims) {
    return this.feedback.answer(id, dto, user.sub);
  }
}
