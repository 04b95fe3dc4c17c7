import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseLocalDate } from '@clientfees/domain';
import { Scope, MayDo } from '@clientfees/platform';
import { OrganisationQuery } from '../common/organisation.query';
import { DebtReviewsService } from './debt-reviews.service';
import { DebtReviewView, StartDebtReviewDto } from './debt-reviews.dto';

@ApiTags('debt reviews')
@Controller('debt-reviews')
export class DebtReviewsController {
  constructor(private readonly reviews: DebtReviewsService) {}

  @Post()
  @HttpCode(202)
  @MayDo('debt-review.run')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Runs a month end’s debt review now (the Schedule runs it on every month’s last day); 202 with the workflow. A repeated run reviews nothing twice.' })
  async start(@Body() body: StartDebtReviewDto): Promise<{ workflowId: string }> {
    return this.reviews.startReview(body.organisationId, parseLocalDate(body.monthEnd, 'monthEnd'));
  }

  @Get()
  @MayDo('debt-review.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The organisation’s month-end reviews, latest first, with their figures.' })
  async list(@Query() query: OrganisationQuery): Promise<DebtReviewView[]> {
    return (await this.reviews.list(query.organisationId)).map(DebtReviewView.of);
  }

  @Get(':id')
  @MayDo('debt-review.read')
  @Scope.resource('debt-review')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DebtReviewView> {
    const review = await this.reviews.find(id);
    if (!review) throw new NotFoundException(`no debt review ${id}`);
    return DebtReviewView.of(review);
  }
}
