import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { InterruptionRuleDto, OrganisationQuery, SettlementOrganisationDto, VoucherServiceDto } from './organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Put('settlement-organisations/:organisationId')
  @MayDo('organisation.configure-settlement')
  @Scope.organisationFromParam()
  @ApiOperation({ summary: 'Set the organisation’s settlement settings (payer account, time zone, payment term) and its Schedules' })
  save(@Param('organisationId') id: string, @Body() dto: SettlementOrganisationDto, @CurrentUser() user: AccessClaims) {
    return this.organisations.save(id, dto, user.sub);
  }

  @Get('settlement-organisations/:organisationId')
  @MayDo('organisation.read')
  @Scope.organisationFromParam()
  get(@Param('organisationId') id: string) {
    return this.organisations.get(id);
  }

  @Put('settlement-organisations/:organisationId/services/:code')
  @MayDo('organisation.configure-settlement')
  @Scope.organisationFromParam()
  @ApiOperation({ summary: 'Define a voucher service: its contents (units) and the mandatory attachments of an application' })
  saveService(@Param('organisationId') organisationId: string, @Param('code') code: string, @Body() dto: VoucherServiceDto) {
    return this.organisations.saveService(organisationId, code, dto);
  }

  @Get('voucher-services')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  services(@Query() query: OrganisationQuery) {
    return this.organisations.listServices(query.organisationId);
  }

  @Post('interruption-rules')
  @MayDo('rule-table.amend-interruptions')
  @Scope.organisationFromBody()
  @ApiOperation({ summary: 'Add a dated interruption rule for a service and/or reason (Kouvola: day 0 + 10 days at 100 %, return day 100 %)' })
  addRule(@Body() dto: InterruptionRuleDto, @CurrentUser() user: AccessClaims) {
    return this.organisations.addInterruptionRule(dto, user.sub);
  }

  @Get('interruption-rules')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  rules(@Query() query: OrganisationQuery) {
    return this.organisations.interruptionRules(query.organisationId);
  }

  @Get('notifications')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Reminders and notices: the municipality’s inbox, or a provider user’s own' })
  @ApiOkResponse({ description: 'Newest first.' })
  notifications(@Query() query: OrganisationQuery, @CurrentUser() user: AccessClaims) {
    return this.organisations.notifications(query.organisationId, providerFilter(user) ?? null);
  }
}
