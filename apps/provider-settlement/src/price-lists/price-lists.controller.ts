import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { CreatePriceListDto, PriceListDecisionDto } from './price-list.dto';
import { PriceListsService } from './price-lists.service';

@ApiTags('price lists')
@Controller()
export class PriceListsController {
  constructor(private readonly priceLists: PriceListsService) {}

  @Post('providers/:providerId/price-lists')
  @MayDo('provider-service.record')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Propose a price list for the company or one unit, valid until further notice from its first day' })
  create(@Param('providerId') providerId: string, @Body() dto: CreatePriceListDto, @CurrentUser() user: AccessClaims) {
    return this.priceLists.create(providerId, dto, user.sub);
  }

  @Get('providers/:providerId/price-lists')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  list(@Param('providerId') providerId: string) {
    return this.priceLists.list(providerId);
  }

  @Get('price-lists/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('price-list')
  get(@Param('id') id: string) {
    return this.priceLists.get(id);
  }

  @Post('price-lists/:id/decision')
  @MayDo('provider-price-list.decide')
  @Scope.resource('price-list')
  @ApiOperation({ summary: 'Approve or reject a proposed list; approval ends the unit’s previous list the day before (409 on an overlap)' })
  decide(@Param('id') id: string, @Body() dto: PriceListDecisionDto, @CurrentUser() user: AccessClaims) {
    return this.priceLists.decide(id, dto, user.sub);
  }
}
