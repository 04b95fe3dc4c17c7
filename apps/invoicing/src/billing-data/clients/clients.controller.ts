import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, debitingAreaFilter, MayDo, Scope } from '@clientfees/platform';
import { ClientView } from './client.view';
import { CreateClientDto, ListClientsQuery, SpouseDto, UpdateClientDto } from './clients.dto';
import { ClientsService } from './clients.service';

/** Clients whose fees are billed (asiakas / kund). */
@ApiTags('billing-data')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @HttpCode(201)
  @MayDo('client.maintain')
  @Scope.organisationFromBody()
  @ApiOperation({
    summary: 'Adds a client. The identity code is checked by the organisation’s country (FI henkilötunnus, SE personnummer).',
    description: 'The identity code is stored but only ever answered masked. A client number or identity code already in use is a conflict (409).',
  })
  @ApiCreatedResponse({ type: ClientView })
  async create(@Body() body: CreateClientDto): Promise<ClientView> {
    return ClientView.of(await this.clients.create(body));
  }

  @Get()
  @MayDo('client.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Clients of an organisation, by client number; optionally only the one with the given number. A unit manager sees the clients of their debiting areas.' })
  @ApiOkResponse({ type: [ClientView] })
  async list(@Query() query: ListClientsQuery, @CurrentUser() user: AccessClaims): Promise<ClientView[]> {
    return (await this.clients.list(query.organisationId, query.clientNumber, debitingAreaFilter(user))).map((client) => ClientView.of(client));
  }

  @Get(':id')
  @MayDo('client.read')
  @Scope.resource('client')
  @ApiOkResponse({ type: ClientView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return ClientView.of(await this.clients.get(id));
  }

  @Patch(':id')
  @MayDo('client.maintain')
  @Scope.resource('client')
  @ApiOperation({ summary: 'Changes the name or the date of death.', description: 'A deceased client needs the estate as invoice recipient (a new billing-settings version).' })
  @ApiOkResponse({ type: ClientView })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateClientDto): Promise<ClientView> {
    return ClientView.of(await this.clients.update(id, body));
  }

  @Put(':id/spouse')
  @MayDo('client.maintain')
  @Scope.resource('client')
  @ApiOperation({
    summary: 'Links the spouse or cohabitant both ways; the couple is then calculated together.',
    description: 'Same organisation only. A client already linked to someone else is a conflict (409): unlink first.',
  })
  @ApiOkResponse({ type: ClientView })
  async linkSpouse(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SpouseDto): Promise<ClientView> {
    return ClientView.of(await this.clients.linkSpouse(id, body.spouseClientId));
  }

  @Delete(':id/spouse')
  @MayDo('client.maintain')
  @Scope.resource('client')
  @ApiOperation({ summary: 'Unlinks the spouse both ways (separation, or switching a widowed client to single).' })
  @ApiOkResponse({ type: ClientView })
  async unlinkSpouse(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return ClientView.of(await this.clients.unlinkSpouse(id));
  }
}
