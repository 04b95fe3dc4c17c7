import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles, Scope } from '@clientfees/platform';
import { EVERYONE, PROVIDER, providerFilter, VOUCHER_GRANTERS } from '../common/access';
import { ClientDeathDto, GrantVoucherDto, ReservationDto, VoucherListQuery } from './voucher.dto';
import { VouchersService } from './vouchers.service';

@ApiTags('vouchers')
@Controller()
export class VouchersController {
  constructor(private readonly vouchers: VouchersService) {}

  @Post('vouchers')
  @Roles(...VOUCHER_GRANTERS)
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Grant a voucher: number, validity, client, contents with unit values and granted amounts' })
  grant(@Body() dto: GrantVoucherDto, @CurrentUser() user: AccessClaims) {
    return this.vouchers.grant(dto, user.sub);
  }

  @Get('vouchers')
  @Roles(...EVERYONE)
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The organisation’s vouchers; a provider user sees those it has reserved' })
  list(@Query() query: VoucherListQuery, @CurrentUser() user: AccessClaims) {
    return this.vouchers.list(query.organisationId, { providerId: providerFilter(user), clientId: query.clientId, limit: query.limit, offset: query.offset });
  }

  @Get('vouchers/:id')
  @Roles(...EVERYONE)
  @Scope.resource('voucher')
  get(@Param('id') id: string) {
    return this.vouchers.get(id);
  }

  @Post('providers/:providerId/reservations')
  @Roles(PROVIDER)
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Reserve one content of the voucher the client names, for one of the provider’s units' })
  reserve(@Param('providerId') providerId: string, @Body() dto: ReservationDto, @CurrentUser() user: AccessClaims) {
    return this.vouchers.reserve(providerId, dto, user.sub);
  }

  @Post('client-deaths')
  @Roles(...VOUCHER_GRANTERS)
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Record a voucher client’s death: the vouchers close the day after it (until the population register feed reports deaths)' })
  death(@Body() dto: ClientDeathDto, @CurrentUser() user: AccessClaims) {
    return this.vouchers.recordDeath(dto, user.sub);
  }
}
