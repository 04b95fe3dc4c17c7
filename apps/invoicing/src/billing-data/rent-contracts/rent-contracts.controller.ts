import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, READ_ROLES } from '../billing-roles';
import { RentContractView } from './rent-contract.view';
import { CreateRentContractDto, MoveOutDto } from './rent-contracts.dto';
import { RentContractsService } from './rent-contracts.service';

/** Rent contracts in care housing and service apartments (seed 002 p.13-16). */
@ApiTags('billing-data')
@Controller()
export class RentContractsController {
  constructor(private readonly contracts: RentContractsService) {}

  @Post('clients/:id/rent-contracts')
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Records a move-in; the contract date follows the housing type and the move-in day.',
    description: 'A client with a contract that has not ended (no move-out) is a conflict (409): record the move-out first.',
  })
  @ApiCreatedResponse({ type: RentContractView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateRentContractDto, @CurrentUser() user: AccessClaims): Promise<RentContractView> {
    return RentContractView.of(await this.contracts.create(clientId, body, user.sub));
  }

  @Post('rent-contracts/:id/move-out')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Records the move-out; the contract ends on the 14th (half rent) or the month’s last day (full rent).' })
  @ApiOkResponse({ type: RentContractView })
  async moveOut(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MoveOutDto): Promise<RentContractView> {
    return RentContractView.of(await this.contracts.moveOut(id, body.moveOut, body.rent));
  }

  @Get('clients/:id/rent-contracts')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s rent contracts, by contract date.' })
  @ApiOkResponse({ type: [RentContractView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<RentContractView[]> {
    return (await this.contracts.list(clientId)).map((contract) => RentContractView.of(contract));
  }
}
