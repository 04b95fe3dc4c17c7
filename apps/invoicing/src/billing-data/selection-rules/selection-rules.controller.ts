import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, READ_ROLES } from '../billing-roles';
import { SelectionRuleView } from './selection-rule.view';
import { CreateSelectionRuleDto, SelectionRulesQuery } from './selection-rules.dto';
import { SelectionRulesService } from './selection-rules.service';

/** Saved selection rules (urvalsregel): which debiting areas a billing run bills. */
@ApiTags('billing-data')
@Controller('selection-rules')
export class SelectionRulesController {
  constructor(private readonly rules: SelectionRulesService) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Saves a selection rule; names are unique per organisation (409).' })
  @ApiCreatedResponse({ type: SelectionRuleView })
  async create(@Body() body: CreateSelectionRuleDto, @CurrentUser() user: AccessClaims): Promise<SelectionRuleView> {
    return SelectionRuleView.of(await this.rules.create(body, user.sub));
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The organisation’s selection rules, by name.' })
  @ApiOkResponse({ type: [SelectionRuleView] })
  async list(@Query() query: SelectionRulesQuery): Promise<SelectionRuleView[]> {
    return (await this.rules.list(query.organisationId)).map((rule) => SelectionRuleView.of(rule));
  }
}
