import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, READ_ROLES } from '../billing-roles';
import { DecidedServiceView } from './decided-service.view';
import { CreateDecidedServiceDto, EndDecidedServiceDto } from './decided-services.dto';
import { DecidedServicesService } from './decided-services.service';

/** Decided services (palvelupäätös / biståndsbeslut): what the client is billed for each month. */
@ApiTags('billing-data')
@Controller('clients/:id/services')
export class DecidedServicesController {
  constructor(private readonly services: DecidedServicesService) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Records a decided service.',
    description: 'Per kind: fi-home-care needs hoursPerMonth, fi-long-term-care careType, fixed-monthly monthlyFee (400 naming the field). Overlapping periods of one service code: 409.',
  })
  @ApiCreatedResponse({ type: DecidedServiceView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateDecidedServiceDto, @CurrentUser() user: AccessClaims): Promise<DecidedServiceView> {
    return DecidedServiceView.of(await this.services.create(clientId, body, user.sub));
  }

  @Post(':serviceId/end')
  @HttpCode(200)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Ends a decided service on validTo (its last day).' })
  @ApiOkResponse({ type: DecidedServiceView })
  async end(
    @Param('id', new ParseUUIDPipe()) clientId: string,
    @Param('serviceId', new ParseUUIDPipe()) serviceId: string,
    @Body() body: EndDecidedServiceDto,
  ): Promise<DecidedServiceView> {
    return DecidedServiceView.of(await this.services.end(clientId, serviceId, body.validTo));
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s decided services, by start date.' })
  @ApiOkResponse({ type: [DecidedServiceView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string): Promise<DecidedServiceView[]> {
    return (await this.services.list(clientId)).map((record) => DecidedServiceView.of(record));
  }
}
