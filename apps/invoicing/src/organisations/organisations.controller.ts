import { Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainValidationError } from '@clientfees/domain';
import { Roles } from '@clientfees/platform';
import { Organisation } from './organisation.entity';
import { PutOrganisationDto } from './organisation.dto';

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const CURRENCY_OF = { FI: 'EUR', SE: 'SEK' } as const;

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('administrator', 'finance-centre', 'billing-supervisor', 'client-fee-officer')
  @ApiOperation({ summary: 'The organisations and their payment terms.' })
  list(): Promise<Organisation[]> {
    return this.dataSource.getRepository(Organisation).find({ order: { id: 'ASC' } });
  }

  @Get(':id')
  @Roles('administrator', 'finance-centre', 'billing-supervisor', 'client-fee-officer')
  async get(@Param('id') id: string): Promise<Organisation> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation) throw new NotFoundException(`no organisation ${id}`);
    return organisation;
  }

  @Put(':id')
  @Roles('administrator')
  @ApiOperation({ summary: 'Creates or replaces an organisation and its payment terms.' })
  async put(@Param('id') id: string, @Body() body: PutOrganisationDto): Promise<Organisation> {
    if (!ORGANISATION_ID.test(id)) {
      throw new DomainValidationError('lower-case letters, digits and dashes, 2-63 characters', 'id');
    }
    if (CURRENCY_OF[body.country] !== body.currency) {
      throw new DomainValidationError(`an organisation in ${body.country} bills in ${CURRENCY_OF[body.country]}`, 'currency');
    }
    if (body.deferralSupervisorMonths < body.deferralOfficerMonths) {
      throw new DomainValidationError('the billing supervisor’s limit cannot be below the client-fee officer’s', 'deferralSupervisorMonths');
    }
    const repository = this.dataSource.getRepository(Organisation);
    await repository.save(repository.create({ id, ...body }));
    return this.get(id);
  }
}
