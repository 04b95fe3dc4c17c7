import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { NewPeriodDto } from './rule-tables.dto';
import { RuleTablesService } from './rule-tables.service';

/** Statutory tables as dated data (income limits, percentages, maximum fees …). */
@ApiTags('rule-tables')
@Controller('rule-tables')
export class RuleTablesController {
  constructor(private readonly ruleTables: RuleTablesService) {}

  @Get()
  @Roles('administrator', 'client-fee-officer', 'billing-supervisor', 'finance-centre')
  @ApiOperation({ summary: 'Every rule table with its current period and how many periods are marked “check”.' })
  list() {
    return this.ruleTables.list();
  }

  @Get(':name')
  @Roles('administrator', 'client-fee-officer', 'billing-supervisor', 'finance-centre')
  get(@Param('name') name: string) {
    return this.ruleTables.get(name);
  }

  @Post(':name/periods')
  @HttpCode(201)
  @Roles('administrator')
  @ApiOperation({
    summary: 'Adds the next period of a rule table; the open period ends the day before it starts.',
    description: 'A period that overlaps a closed one is refused (409) by the database’s exclusion constraint.',
  })
  addPeriod(@Param('name') name: string, @Body() body: NewPeriodDto, @CurrentUser() user: AccessClaims) {
    return this.ruleTables.addPeriod(name, body, user.sub);
  }
}
