import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims, Role } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, READ_ROLES } from '../billing-roles';
import { PriceListItemView } from './price-list-item.view';
import { CreatePriceListItemDto, PriceListQuery } from './price-lists.dto';
import { PriceListsService } from './price-lists.service';

const PRICE_LIST_WRITERS: Role[] = [...BILLING_TEAM, 'administrator'];

/** The organisation's price list (hinnasto / prislista), dated per item code. */
@ApiTags('billing-data')
@Controller('price-lists/:organisationId')
export class PriceListsController {
  constructor(private readonly priceLists: PriceListsService) {}

  @Post('items')
  @HttpCode(201)
  @Roles(...PRICE_LIST_WRITERS)
  @ApiOperation({
    summary: 'Adds a price-list item or the next price of an item; the open price of the same code ends the day before.',
    description: 'validFrom must be after the start of the open price; a period that overlaps a closed one is refused (409).',
  })
  @ApiCreatedResponse({ type: PriceListItemView })
  async addItem(@Param('organisationId') organisationId: string, @Body() body: CreatePriceListItemDto, @CurrentUser() user: AccessClaims): Promise<PriceListItemView> {
    return PriceListItemView.of(await this.priceLists.addItem(organisationId, body, user.sub));
  }

  @Get()
  @Roles(...READ_ROLES, 'administrator')
  @ApiOperation({ summary: 'The items valid on a day (default today), by code.' })
  @ApiOkResponse({ type: [PriceListItemView] })
  async list(@Param('organisationId') organisationId: string, @Query() query: PriceListQuery): Promise<PriceListItemView[]> {
    return (await this.priceLists.list(organisationId, query.date)).map((record) => PriceListItemView.of(record));
  }
}
