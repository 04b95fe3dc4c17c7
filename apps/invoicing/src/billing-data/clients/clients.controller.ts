import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@clientfees/platform';
import { BILLING_TEAM, READ_ROLES } from '../billing-roles';
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
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Adds a client. The identity code is checked by the organisation’s country (FI henkilötunnus, SE personnummer).',
    description: 'The identity code is stored but only ever answered masked. A client number or identity code already in use is a conflict (409).',
  })
  @ApiCreatedResponse({ type: ClientView })
  async create(@Body() body: CreateClientDto): Promise<ClientView> {
    return ClientView.of(await this.clients.create(body));
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Clients of an organisation, by client number; optionally only the one with the given number.' })
  @ApiOkResponse({ type: [ClientView] })
  async list(@Query() query: ListClientsQuery): Promise<ClientView[]> {
    return (await this.clients.list(query.organisationId, query.clientNumber)).map((client) => ClientView.of(client));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: ClientView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return ClientView.of(await this.clients.get(id));
  }

  @Patch(':id')
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Changes the name or the date of death.', description: 'A deceased client needs the estate as invoice recipient (a new billing-settings version).' })
  @ApiOkResponse({ type: ClientView })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateClientDto): Promise<ClientView> {
    return ClientView.of(await this.clients.update(id, body));
  }

  @Put(':id/spouse')
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Links the spouse or cohabitant both ways; the couple is then calculated together.',
    description: 'Same organisation only. A client already linked to someone else is a conflict (409): unlink first.',
  })
  @ApiOkResponse({ type: ClientView })
  async linkSpouse(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SpouseDto): Promise<ClientView> {
    return ClientView.of(await this.clients.linkSpouse(id, body.spouseClientId));
  }

  @Delete(':id/spouse')
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Unlinks the spouse both ways (separation, or switching a widowed client to single).' })
  @ApiOkResponse({ type: ClientView })
  async unlinkSpouse(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return ClientView.of(await this.clients.unlinkSpouse(id));
  }
}
