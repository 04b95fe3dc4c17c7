import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { READ_ROLES, UNIT_AND_BILLING_TEAM } from '../billing-roles';
import { RegistrationView } from './registration.view';
import { ChangeQuantityDto, CreateRegistrationDto, RegistrationsQuery } from './registrations.dto';
import { RegistrationsService } from './registrations.service';

/** Performed services registered as time or quantity (registrering), per client. */
@ApiTags('billing-data')
@Controller('clients/:id/registrations')
export class ClientRegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Registers a performed service; its billing period is the month of performedOn.',
    description: 'The item code must be in the price list on performedOn (400). A locked period is a conflict (409).',
  })
  @ApiCreatedResponse({ type: RegistrationView })
  async create(@Param('id', new ParseUUIDPipe()) clientId: string, @Body() body: CreateRegistrationDto, @CurrentUser() user: AccessClaims): Promise<RegistrationView> {
    return RegistrationView.of(await this.registrations.create(clientId, body, user.sub));
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The client’s registrations, optionally of one period, by day.' })
  @ApiOkResponse({ type: [RegistrationView] })
  async list(@Param('id', new ParseUUIDPipe()) clientId: string, @Query() query: RegistrationsQuery): Promise<RegistrationView[]> {
    return (await this.registrations.list(clientId, query.period)).map((registration) => RegistrationView.of(registration));
  }
}

@ApiTags('billing-data')
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Patch(':id')
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({ summary: 'Changes a registration’s quantity (also after a billing calculation); a locked period is a conflict (409).' })
  @ApiOkResponse({ type: RegistrationView })
  async changeQuantity(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeQuantityDto): Promise<RegistrationView> {
    return RegistrationView.of(await this.registrations.changeQuantity(id, body.quantity));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...UNIT_AND_BILLING_TEAM)
  @ApiOperation({
    summary: 'Deletes a registration made by mistake.',
    description: 'Once a billing run has calculated the client for the period only the quantity may change (409); a locked period is a conflict too (409).',
  })
  @ApiNoContentResponse()
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.registrations.remove(id);
  }
}
