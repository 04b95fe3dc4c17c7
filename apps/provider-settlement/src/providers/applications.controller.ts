import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { ApiRuleRefusal, CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { ApplicationDecisionDto, ApplicationListQuery, CreateApplicationDto } from './provider.dto';
import { ApplicationsService } from './applications.service';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('providers/:providerId/applications')
  @MayDo('provider.apply')
  @Scope.resource('provider', 'providerId')
  @ApiOperation({ summary: 'Draft an application to provide a service from the named units' })
  create(@Param('providerId') providerId: string, @Body() dto: CreateApplicationDto, @CurrentUser() user: AccessClaims) {
    return this.applications.create(providerId, dto, user.sub);
  }

  @Get('applications')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  list(@Query() query: ApplicationListQuery, @CurrentUser() user: AccessClaims) {
    return this.applications.list(query.organisationId, { state: query.state, providerId: providerFilter(user) });
  }

  @Get('applications/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('application')
  view(@Param('id') id: string) {
    return this.applications.view(id);
  }

  @ApiRuleRefusal('every mandatory attachment is there and at least one unit is named (rule `application-submission`)')
  @Post('applications/:id/submit')
  @MayDo('provider.apply')
  @Scope.resource('application')
  @ApiOperation({ summary: 'Send the application (again, after changes were requested); refused while a mandatory attachment is missing' })
  submit(@Param('id') id: string, @CurrentUser() user: AccessClaims) {
    return this.applications.submit(id, user.sub);
  }

  @ApiRuleRefusal('a decision states its grounds and an approval its first day (rules `application-decision`, `decideApplication`)')
  @Post('applications/:id/decision')
  @MayDo('provider-application.decide')
  @Scope.resource('application')
  @ApiOperation({ summary: 'Approve from a date, request changes, or reject — with grounds' })
  decide(@Param('id') id: string, @Body() dto: ApplicationDecisionDto, @CurrentUser() user: AccessClaims) {
    return this.applications.decide(id, dto, user.sub);
  }
}
