import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { BILLING_TEAM, conflict, isUniqueViolation, organisationFromBody, READ_ROLES } from './billing-data.common';

export class CreateSelectionRuleDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: 'All areas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: ['ESPOO-NORTH', 'ESPOO-SOUTH'], description: 'The debiting areas a billing run with this rule selects.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'debitingAreas must name at least one debiting area' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'debitingAreas must not repeat an area' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/, { each: true, message: 'each debiting area must be 1-40 letters, digits, spaces, dots, dashes or underscores' })
  debitingAreas!: string[];
}

export class SelectionRulesQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;
}

interface SelectionRuleRow {
  id: string;
  organisation_id: string;
  name: string;
  debiting_areas: string[];
  created_by: string;
  created_at: Date;
}

export class SelectionRuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) debitingAreas!: string[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: SelectionRuleRow): SelectionRuleView {
    return {
      id: row.id,
      organisationId: row.organisation_id,
      name: row.name,
      debitingAreas: row.debiting_areas,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** Saved selection rules (urvalsregel): which debiting areas a billing run bills. */
@ApiTags('billing-data')
@Controller('selection-rules')
export class SelectionRulesController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Roles(...BILLING_TEAM)
  @ApiOperation({ summary: 'Saves a selection rule; names are unique per organisation (409).' })
  @ApiCreatedResponse({ type: SelectionRuleView })
  async create(@Body() body: CreateSelectionRuleDto, @CurrentUser() user: AccessClaims): Promise<SelectionRuleView> {
    const organisation = await organisationFromBody(this.dataSource, body.organisationId);
    const id = randomUUID();
    try {
      await this.dataSource.query('INSERT INTO selection_rule (id, organisation_id, name, debiting_areas, created_by) VALUES ($1, $2, $3, $4, $5)', [
        id,
        organisation.id,
        body.name,
        body.debitingAreas,
        user.sub,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`a selection rule named ${body.name} already exists in ${organisation.id}`, 'name', 'already in use');
      throw error;
    }
    const [row] = (await this.dataSource.query('SELECT id, organisation_id, name, debiting_areas, created_by, created_at FROM selection_rule WHERE id = $1', [id])) as SelectionRuleRow[];
    return SelectionRuleView.of(row);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The organisation’s selection rules, by name.' })
  @ApiOkResponse({ type: [SelectionRuleView] })
  async list(@Query() query: SelectionRulesQuery): Promise<SelectionRuleView[]> {
    const rows: SelectionRuleRow[] = await this.dataSource.query(
      'SELECT id, organisation_id, name, debiting_areas, created_by, created_at FROM selection_rule WHERE organisation_id = $1 ORDER BY name',
      [query.organisationId],
    );
    return rows.map((row) => SelectionRuleView.of(row));
  }
}
