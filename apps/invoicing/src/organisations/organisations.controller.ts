import { Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { currencyOfCountry, DomainValidationError, isDomainValidationError, Money, transferSchedule } from '@clientfees/domain';
import { Roles } from '@clientfees/platform';
import { Organisation } from './organisation.entity';
import { PutOrganisationDto } from './organisation.dto';
import { termsOf } from './organisation-terms';
import { TransferRunSchedules } from './transfer-run-schedule';

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedules: TransferRunSchedules,
  ) {}

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
    if (currencyOfCountry(body.country) !== body.currency) {
      throw new DomainValidationError(`an organisation in ${body.country} bills in ${currencyOfCountry(body.country)}`, 'currency');
    }
    if (body.deferralSupervisorMonths < body.deferralOfficerMonths) {
      throw new DomainValidationError('the billing supervisor’s limit cannot be below the client-fee officer’s', 'deferralSupervisorMonths');
    }
    // Weekly on an ISO weekday 1-7, monthly on a day 1-31 (the last day of a shorter month).
    transferSchedule(body.transferScheduleKind, body.transferScheduleDay, { kind: 'transferScheduleKind', day: 'transferScheduleDay' });
    const { reminderFee, reminderFeeBasis, ...settings } = body;
    const repository = this.dataSource.getRepository(Organisation);
    const organisation = repository.create({
      id,
      ...settings,
      reminderFeeCents: reminderFee === undefined ? null : Money.parse(reminderFee, body.currency, 'reminderFee').minorUnits,
      reminderFeeBasis: reminderFeeBasis === undefined || reminderFeeBasis.trim() === '' ? null : reminderFeeBasis.trim(),
    });
    try {
      termsOf(organisation); // refuses a fee above the legal cap, a Swedish fee without its basis or a too early transfer
    } catch (error) {
      // The domain names the fee `fees.reminder`; the request calls it `reminderFee`.
      if (isDomainValidationError(error) && error.field === 'fees.reminder') throw new DomainValidationError(error.reason, 'reminderFee');
      throw error;
    }
    await repository.save(organisation);
    await this.schedules.upsert(organisation);
    return this.get(id);
  }
}
