import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { ClientDeathDto, GrantVoucherDto, ReservationDto, VoucherListQuery } from './voucher.dto';
import { VouchersService } from './vouchers.service';

@ApiTags('vouchers')
@Controller()
export class VouchersController {
  constructor(private readonly vouchers: VouchersService) {}

  @Post('vouchers')
  @MayDo('voucher.grant')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Grant a voucher: number, validity, client, contents with unit values and granted amounts' })
  grant(@Body() dto: GrantVoucherDto, @CurrentUser() user: AccessClaims) {
    return this.vouchers.grant(dto, user.sub);
  }

  @Get('vouchers')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The organisation’s vouchers; a provider user sees those it has reserved' })
  list(@Query() query: VoucherListQuery, @CurrentUser() user: AccessClaims) {
    return this.vouchers.list(query.organisationId, { providerId: providerFilter(user), clientId: query.clientId, limit: query.limit, offset: query.offset });
  }

  @Get('vouchers/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('voucher')
  get(@Param('id') id: string) {
    return this.vouchers.get(id);
  }

  @Post('providers/:providerId/reservations')
  @MayDo('provider-service.record')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Reserve one content of the voucher the client names, for one of the provider’s units' })
  reserve(@Param('providerId') providerId: string, @Body() dto: ReservationDto, @CurrentUser() user: AccessClaims) {
    return this.vouchers.reserve(providerId, dto, user.sub);
  }

  @Post('client-deaths')
  @MayDo('voucher.grant')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Record a voucher client’s death: the vouchers close the day after it (until the population register feed reports deaths)' })
  death(@Body() dto: ClientDeathDto, @CurrentUser() user: AccessClaims) {
    return this.vouchers.recordDeath(dto, user.sub);
  }
}
