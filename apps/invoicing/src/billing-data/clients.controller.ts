import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  DomainValidationError,
  maskIdentityCode,
  parseFinnishPersonalIdentityCode,
  parseSwedishPersonalIdentityNumber,
  validateFinnishPersonalIdentityCode,
  validateSwedishPersonalIdentityNumber,
} from '@clientfees/domain';
import { Roles } from '@clientfees/platform';
import { BILLING_TEAM, ClientRow, conflict, isUniqueViolation, loadClient, optionalDate, organisationFromBody, OrganisationRow, Queryable, READ_ROLES } from './billing-data.common';
import { todayIn } from './billing-period';

const CLIENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateClientDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: 'C-100234', description: 'The organisation’s client number. Never a personal identity code.' })
  @IsString()
  @Matches(CLIENT_NUMBER, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber!: string;

  @ApiProperty({
    example: '131052-308T',
    description:
      'Finnish henkilötunnus (FI organisations) or Swedish personnummer / samordningsnummer (SE). Stored, never returned in full, never logged.',
    writeOnly: true,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  identityCode!: string;

  @ApiProperty({ example: 'Aino Testinen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name!: string;

  @ApiPropertyOptional({ example: '2027-01-10', nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'dateOfDeath must be a date YYYY-MM-DD' })
  dateOfDeath?: string | null;
}

export class UpdateClientDto {
  @ApiPropertyOptional({ example: 'Aino Testinen' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  name?: string;

  @ApiPropertyOptional({ example: '2027-01-10', nullable: true, description: 'null clears a date entered by mistake.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(DATE, { message: 'dateOfDeath must be a date YYYY-MM-DD' })
  dateOfDeath?: string | null;
}

export class SpouseDto {
  @ApiProperty({ format: 'uuid', description: 'The spouse or cohabitant, a client of the same organisation.' })
  @IsUUID(undefined, { message: 'spouseClientId must be a client id (uuid)' })
  spouseClientId!: string;
}

export class ListClientsQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiPropertyOptional({ example: 'C-100234' })
  @IsOptional()
  @Matches(CLIENT_NUMBER, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber?: string;
}

export class ClientView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() clientNumber!: string;
  @ApiProperty({ example: '131052-****', description: 'The identity code with its individual number and check character hidden.' })
  maskedIdentityCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) dateOfDeath!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) spouseClientId!: string | null;
  @ApiProperty() createdAt!: string;

  static of(row: ClientRow): ClientView {
    return {
      id: row.id,
      organisationId: row.organisation_id,
      clientNumber: row.client_number,
      maskedIdentityCode: maskIdentityCode(row.identity_code),
      name: row.name,
      dateOfDeath: row.date_of_death,
      spouseClientId: row.spouse_client_id,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** The identity code in its stored form, validated by the organisation's country. */
function normaliseIdentityCode(organisation: OrganisationRow, code: string): string {
  if (organisation.country === 'FI') return parseFinnishPersonalIdentityCode(code, 'identityCode').value;
  // The 10-digit form's century is fixed by today's date, so the 12-digit form is stored.
  return parseSwedishPersonalIdentityNumber(code, { referenceDate: todayIn(organisation.time_zone) }, 'identityCode').value;
}

async function view(db: Queryable, id: string): Promise<ClientView> {
  return ClientView.of((await loadClient(db, id)).client);
}

/** Clients whose fees are billed (asiakas / kund). */
@ApiTags('billing-data')
@Controller('clients')
export class ClientsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Adds a client. The identity code is checked by the organisation’s country (FI henkilötunnus, SE personnummer).',
    description: 'The identity code is stored but only ever answered masked. A client number or identity code already in use is a conflict (409).',
  })
  @ApiCreatedResponse({ type: ClientView })
  async create(@Body() body: CreateClientDto): Promise<ClientView> {
    const organisation = await organisationFromBody(this.dataSource, body.organisationId);
    if (validateFinnishPersonalIdentityCode(body.clientNumber).valid || validateSwedishPersonalIdentityNumber(body.clientNumber).valid) {
      throw new DomainValidationError('a personal identity code may not be used as a client number', 'clientNumber');
    }
    const identityCode = normaliseIdentityCode(organisation, body.identityCode);
    const dateOfDeath = optionalDate(body.dateOfDeath, 'dateOfDeath');
    const id = randomUUID();
    try {
      await this.dataSource.query('INSERT INTO client (id, organisation_id, client_number, identity_code, name, date_of_death) VALUES ($1, $2, $3, $4, $5, $6)', [
        id,
        organisation.id,
        body.clientNumber,
        identityCode,
        body.name,
        dateOfDeath,
      ]);
    } catch (error) {
      // The driver's detail repeats the key (the identity code): it goes nowhere.
      if (isUniqueViolation(error, 'client_organisation_id_client_number_key')) {
        throw conflict(`client number ${body.clientNumber} is already in use in ${organisation.id}`, 'clientNumber', 'already in use');
      }
      if (isUniqueViolation(error)) throw conflict(`a client with this identity code already exists in ${organisation.id}`, 'identityCode', 'already in use');
      throw error;
    }
    return view(this.dataSource, id);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Clients of an organisation, by client number; optionally only the one with the given number.' })
  @ApiOkResponse({ type: [ClientView] })
  async list(@Query() query: ListClientsQuery): Promise<ClientView[]> {
    const rows: ClientRow[] = await this.dataSource.query(
      'SELECT * FROM client WHERE organisation_id = $1 AND ($2::text IS NULL OR client_number = $2) ORDER BY client_number LIMIT 10000',
      [query.organisationId, query.clientNumber ?? null],
    );
    return rows.map((row) => ClientView.of(row));
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: ClientView })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    return view(this.dataSource, id);
  }

  @Patch(':id')
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Changes the name or the date of death.', description: 'A deceased client needs the estate as invoice recipient (a new billing-settings version).' })
  @ApiOkResponse({ type: ClientView })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateClientDto): Promise<ClientView> {
    const dateOfDeath = body.dateOfDeath === undefined ? undefined : optionalDate(body.dateOfDeath, 'dateOfDeath');
    await this.dataSource.transaction(async (db) => {
      await loadClient(db, id, true);
      if (body.name !== undefined) await db.query('UPDATE client SET name = $2 WHERE id = $1', [id, body.name]);
      if (dateOfDeath !== undefined) await db.query('UPDATE client SET date_of_death = $2 WHERE id = $1', [id, dateOfDeath]);
    });
    return view(this.dataSource, id);
  }

  @Put(':id/spouse')
  @Roles(...BILLING_TEAM)
  @ApiOperation({
    summary: 'Links the spouse or cohabitant both ways; the couple is then calculated together.',
    description: 'Same organisation only. A client already linked to someone else is a conflict (409): unlink first.',
  })
  @ApiOkResponse({ type: ClientView })
  async linkSpouse(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SpouseDto): Promise<ClientView> {
    if (body.spouseClientId === id) throw new DomainValidationError('a client cannot be their own spouse', 'spouseClientId');
    await this.dataSource.transaction(async (db) => {
      // Lock both rows in id order so that two opposite links cannot deadlock.
      const rows: ClientRow[] = await db.query('SELECT * FROM client WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[id, body.spouseClientId]]);
      const client = rows.find((row) => row.id === id);
      if (!client) throw new NotFoundException(`no client ${id}`);
      const spouse = rows.find((row) => row.id === body.spouseClientId);
      if (!spouse) throw new DomainValidationError('no such client', 'spouseClientId');
      if (spouse.organisation_id !== client.organisation_id) throw new DomainValidationError('must be a client of the same organisation', 'spouseClientId');
      for (const row of [client, spouse]) {
        const other = row === client ? spouse : client;
        if (row.spouse_client_id !== null && row.spouse_client_id !== other.id) {
          throw conflict(`client ${row.client_number} is already linked to another spouse; unlink first`, 'spouseClientId', 'already linked to another client');
        }
      }
      await db.query('UPDATE client SET spouse_client_id = $2 WHERE id = $1', [id, spouse.id]);
      await db.query('UPDATE client SET spouse_client_id = $2 WHERE id = $1', [spouse.id, id]);
    });
    return view(this.dataSource, id);
  }

  @Delete(':id/spouse')
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Unlinks the spouse both ways (separation, or switching a widowed client to single).' })
  @ApiOkResponse({ type: ClientView })
  async unlinkSpouse(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClientView> {
    await this.dataSource.transaction(async (db) => {
      const { client } = await loadClient(db, id, true);
      if (client.spouse_client_id === null) return;
      await db.query('UPDATE client SET spouse_client_id = NULL WHERE id = $1', [id]);
      await db.query('UPDATE client SET spouse_client_id = NULL WHERE id = $1 AND spouse_client_id = $2', [client.spouse_client_id, id]);
    });
    return view(this.dataSource, id);
  }
}
