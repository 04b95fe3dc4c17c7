import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { CorrectPeriodDto, NewPeriodDto } from './rule-tables.dto';
import { RuleTablesService } from './rule-tables.service';

/**
 * Statutory tables as dated data (income limits, percentages, maximum fees, reference rates …):
 * national, the same for every organisation of a country (docs/rules.md), so the routes are
 * scoped to the caller and the tables hold no organisation's data.
 */
@ApiTags('rule-tables')
@Controller('rule-tables')
export class RuleTablesController {
  constructor(private readonly ruleTables: RuleTablesService) {}

  @Get()
  @MayDo('rule-table.read')
  @Scope.caller()
  @ApiOperation({ summary: 'Every rule table with its current period and how many periods are not confirmed.' })
  list() {
    return this.ruleTables.list();
  }

  @Get('coverage')
  @MayDo('rule-table.read')
  @Scope.caller()
  @ApiOperation({
    summary: 'For each table: the days from its reform date (FI 1.7.2021, SE 1.1.2021) to the end of next year no row covers, the rows not confirmed, and the periods ahead nobody has published.',
    description: 'For fi-reference-rates and se-reference-rates, `unconfirmedAhead` lists the half-years with no confirmed rate: no late interest is computed for their days until an administrator enters the rate.',
  })
  coverage() {
    return this.ruleTables.coverage();
  }

  @Get(':name')
  @MayDo('rule-table.read')
  @Scope.caller()
  @ApiOperation({ summary: 'A table’s periods with their sources and statuses.' })
  get(@Param('name') name: string) {
    return this.ruleTables.get(name);
  }

  @Get(':name/superseded')
  @MayDo('rule-table.read')
  @Scope.caller()
  @ApiOperation({ summary: 'The rows corrections, approvals and releases replaced, with who replaced them, when and why.' })
  superseded(@Param('name') name: string) {
    return this.ruleTables.superseded(name);
  }

  @Post(':name/periods')
  @HttpCode(201)
  @MayDo('rule-table.amend')
  @Scope.caller()
  @ApiOperation({
    summary: 'Adds the next period of a rule table; the open period ends the day before it starts.',
    description: 'The open row moves to GET /rule-tables/{name}/superseded (the caller as actor, the new source as grounds) and comes back ending the day before. A period inside a closed one is refused (409); one that would leave a gap after a closed one, or starts on or before the open one, is refused (400).',
  })
  addPeriod(@Param('name') name: string, @Body() body: NewPeriodDto, @CurrentUser() user: AccessClaims) {
    return this.ruleTables.addPeriod(name, body, user.sub);
  }

  @Put(':name/periods/:validFrom')
  @MayDo('rule-table.correct')
  @Scope.caller()
  @ApiOperation({
    summary: 'Corrects the period starting on validFrom: confirms an estimate, enters the published figure or reference rate.',
    description: 'The replaced row moves to GET /rule-tables/{name}/superseded with the actor and the grounds. A change that would leave a gap in the table is refused (400).',
  })
  correctPeriod(@Param('name') name: string, @Param('validFrom') validFrom: string, @Body() body: CorrectPeriodDto, @CurrentUser() user: AccessClaims) {
    return this.ruleTables.correctPeriod(name, validFrom, body, user.sub);
  }
}
