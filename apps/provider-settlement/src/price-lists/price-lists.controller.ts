import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles, Scope } from '@clientfees/platform';
import { DECIDERS, EVERYONE, PROVIDER } from '../common/access';
import { CreatePriceListDto, PriceListDecisionDto } from './price-list.dto';
import { PriceListsService } from './price-lists.service';

@ApiTags('price lists')
@Controller()
export class PriceListsController {
  constructor(private readonly priceLists: PriceListsService) {}

  @Post('providers/:providerId/price-lists')
  @Roles(PROVIDER)
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Propose a price list for the company or one unit, valid until further notice from its first day' })
  create(@Param('providerId') providerId: string, @Body() dto: CreatePriceListDto, @CurrentUser() user: AccessClaims) {
    return this.priceLists.create(providerId, dto, user.sub);
  }

  @Get('providers/:providerId/price-lists')
  @Roles(...EVERYONE)
  @Scope.resource('provider', 'providerId')
  list(@Param('providerId') providerId: string) {
    return this.priceLists.list(providerId);
  }

  @Get('price-lists/:id')
  @Roles(...EVERYONE)
  @Scope.resource('price-list')
  get(@Param('id') id: string) {
    return this.priceLists.get(id);
  }

  @Post('price-lists/:id/decision')
  @Roles(...DECIDERS)
  @Scope.resource('price-list')
  @ApiOperation({ summary: 'Approve or reject a proposed list; approval ends the unit’s previous list the day before (409 on an overlap)' })
  decide(@Param('id') id: string, @Body() dto: PriceListDecisionDto, @CurrentUser() user: AccessClaims) {
    return this.priceLists.decide(id, dto, user.sub);
  }
}
