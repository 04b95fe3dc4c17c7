import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource, QueryFailedError } from 'typeorm';
import { addDays, DomainValidationError, isRuleTableName, parseLocalDate, RULE_TABLES, validateRuleTableValue } from '@clientfees/domain';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';

class NewPeriodDto {
  @ApiProperty({ example: '2027-01-01', description: 'The first day of the new period; the open period ends the day before.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ example: 'Government decree 1234/2026 (index review 1.1.2027)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  source!: string;

  @ApiProperty({ description: 'Shaped like the current period’s value (see GET /rule-tables/{name}).' })
  @IsDefined()
  value!: unknown;
}

interface PeriodRow {
  valid_from: string;
  valid_to: string | null;
  source: string;
  value: unknown;
  created_by: string;
  created_at: Date;
}

const view = (row: PeriodRow) => ({
  validFrom: row.valid_from,
  validTo: row.valid_to,
  source: row.source,
  toCheck: /\bcheck\b/i.test(row.source),
  value: row.value,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

/** Statutory tables as dated data (income limits, percentages, maximum fees …). */
@ApiTags('rule-tables')
@Controller('rule-tables')
export class RuleTablesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('administrator', 'client-fee-officer', 'billing-supervisor', 'finance-centre')
  @ApiOperation({ summary: 'Every rule table with its current period and how many periods are marked “check”.' })
  async list() {
    const rows: Array<PeriodRow & { rule_table: string }> = await this.dataSource.query('SELECT * FROM rule_period ORDER BY rule_table, valid_from');
    return Object.entries(RULE_TABLES).map(([name, table]) => {
      const periods = rows.filter((row) => row.rule_table === name).map(view);
      return { name, description: table.description, periods: periods.length, current: periods.at(-1) ?? null, toCheck: periods.filter((p) => p.toCheck).length };
    });
  }

  @Get(':name')
  @Roles('administrator', 'client-fee-officer', 'billing-supervisor', 'finance-centre')
  async get(@Param('name') name: string) {
    if (!isRuleTableName(name)) throw new NotFoundException(`no rule table ${name}`);
    const rows: PeriodRow[] = await this.dataSource.query('SELECT * FROM rule_period WHERE rule_table = $1 ORDER BY valid_from', [name]);
    return { name, description: RULE_TABLES[name].description, periods: rows.map(view) };
  }

  @Post(':name/periods')
  @HttpCode(201)
  @Roles('administrator')
  @ApiOperation({
    summary: 'Adds the next period of a rule table; the open period ends the day before it starts.',
    description: 'A period that overlaps a closed one is refused (409) by the database’s exclusion constraint.',
  })
  async addPeriod(@Param('name') name: string, @Body() body: NewPeriodDto, @CurrentUser() user: AccessClaims) {
    if (!isRuleTableName(name)) throw new NotFoundException(`no rule table ${name}`);
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    validateRuleTableValue(name, body.value);
    try {
      await this.dataSource.transaction(async (db) => {
        const [open] = (await db.query('SELECT id, valid_from FROM rule_period WHERE rule_table = $1 AND valid_to IS NULL FOR UPDATE', [name])) as Array<{
          id: number;
          valid_from: string;
        }>;
        if (open) {
          if (validFrom <= open.valid_from) {
            throw new DomainValidationError(`must be after the start of the open period (${open.valid_from})`, 'validFrom');
          }
          await db.query('UPDATE rule_period SET valid_to = $2 WHERE id = $1', [open.id, addDays(validFrom, -1)]);
        }
        await db.query('INSERT INTO rule_period (rule_table, valid_from, valid_to, source, value, created_by) VALUES ($1, $2, NULL, $3, $4, $5)', [
          name,
          validFrom,
          body.source,
          JSON.stringify(body.value),
          user.sub,
        ]);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') {
        throw new ConflictException({ statusCode: 409, message: 'the period overlaps an existing one', problems: [{ field: 'validFrom', reason: 'overlaps an existing period' }] });
      }
      throw error;
    }
    return this.get(name);
  }
}
