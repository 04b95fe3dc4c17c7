import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, READ_ROLES, UNIT_AND_BILLING_TEAM } from '../billing-roles';
import { CorrectionView } from './correction.view';
import { CreateCorrectionDto } from './corrections.dto';
import { CorrectionsService } from './corrections.service';

/** Fee corrections (maksukorjaus / avgiftskorrigering): a signed amount with its invoice text. */
@ApiTags('billing-data')
@Controller()
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Post('clients/:id/corrections')
  @HttpCode(201)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Records a fee correction, billed on the client’s next invoice.',
    description:
      'Unit staff (unit-manager) may correct piece-priced items that cannot affect a maximum fee only; anything else is the billing team’s (client-fee-officer, billing-supervisor): 403 with the reason.',
  })
  @ApiCreatedResponse({ type: CorrectionView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateCorrectionDto, @CurrentUser() user: AccessClaims): Promise<CorrectionView> {
    return CorrectionView.of(await this.corrections.create(clientId, body, user));
  }

  @Get('clients/:id/corrections')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s corrections, billed and unbilled, by period.' })
  @ApiOkResponse({ type: [CorrectionView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<CorrectionView[]> {
    return (await this.corrections.list(clientId)).map((correction) => CorrectionView.of(correction));
  }

  @Delete('corrections/:id')
  @HttpCode(204)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Deletes an unbilled correction; a billed one, or one in the calculation of a run not yet completed, is not deleted (409).' })
  @ApiNoContentResponse()
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.corrections.remove(id);
  }
}
