import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { ApiRuleRefusal, CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { WriteOffProposalsService } from './write-off-proposals.service';
import {
  DecisionView,
  PrepareWriteOffProposalDto,
  ProposalsQuery,
  RejectWriteOffProposalDto,
  SignWriteOffProposalDto,
  WriteOffProposalDetailsView,
  WriteOffProposalView,
} from './write-off-proposals.dto';

@ApiTags('write-off proposals')
@Controller('write-off-proposals')
export class WriteOffProposalsController {
  constructor(private readonly proposals: WriteOffProposalsService) {}

  @Post()
  @MayDo('write-off-proposal.prepare')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'The finance office prepares a write-off proposal; the documentation is taken from the ledger and the proposal goes to the responsible manager for signature.' })
  async prepare(@Body() body: PrepareWriteOffProposalDto, @CurrentUser() user: AccessClaims): Promise<WriteOffProposalView> {
    return WriteOffProposalView.of(await this.proposals.prepare(user.sub, body));
  }

  @Get()
  @MayDo('write-off-proposal.read')
  @Scope.organisationFromQuery()
  async list(@Query() query: ProposalsQuery): Promise<WriteOffProposalView[]> {
    return (await this.proposals.list(query.organisationId, query.state)).map(WriteOffProposalView.of);
  }

  @Get(':id')
  @MayDo('write-off-proposal.read')
  @Scope.resource('write-off-proposal')
  @ApiOperation({ summary: 'A proposal with its documentation from the ledger, the decision and what each write-off came to.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<WriteOffProposalDetailsView> {
    return WriteOffProposalDetailsView.details(await this.proposals.details(id));
  }

  @ApiRuleRefusal('the responsible manager of the proposal’s organisation signs, within the signing limit of the role (rule `signWriteOffProposal`)')
  @Post(':id/sign')
  @HttpCode(200)
  @MayDo('write-off-proposal.sign')
  @Scope.resource('write-off-proposal')
  @ApiOperation({
    summary: 'The responsible manager signs: only then are the invoices written off, each through its lifecycle. 400 for another role or an amount over the signer’s limit; 409 when not awaiting a signature.',
  })
  async sign(@Param('id', ParseUUIDPipe) id: string, @Body() body: SignWriteOffProposalDto, @CurrentUser() user: AccessClaims): Promise<DecisionView> {
    return DecisionView.of(await this.proposals.sign(user, id, body.note ?? ''));
  }

  @ApiRuleRefusal('a rejection states its reason (rule `rejectWriteOffProposal`)')
  @Post(':id/reject')
  @HttpCode(200)
  @MayDo('write-off-proposal.sign')
  @Scope.resource('write-off-proposal')
  @ApiOperation({ summary: 'The responsible manager rejects the proposal, with the reason; nothing is written off.' })
  async reject(@Param('id', ParseUUIDPipe) id: string, @Body() body: RejectWriteOffProposalDto, @CurrentUser() user: AccessClaims): Promise<DecisionView> {
    return DecisionView.of(await this.proposals.reject(user, id, body.reason));
  }
}
