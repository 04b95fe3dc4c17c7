import { Injectable, NotFoundException } from '@nestjs/common';
import {
  DomainValidationError,
  isRuleTableName,
  localDateInZone,
  parseLocalDate,
  RULE_TABLE_NAMES,
  RULE_TABLES,
  RuleTableName,
  ruleTableCoverage,
  validateRuleTableValue,
} from '@clientfees/domain';
import { conflict, Database } from '@clientfees/platform';
import { listRulePeriods, listSupersededPeriods, lockRuleTable, toDatedRow } from './rule-period.queries';
import { putRulePeriod } from './rule-table-changes';
import { CoverageView, rulePeriodView, RulePeriodView, SupersededPeriodView, supersededPeriodView } from './rule-table.view';

/** The zone "today" is read in for the coverage view: the national tables are reviewed in Finland and Sweden alike. */
const COVERAGE_ZONE = 'Europe/Helsinki';

/** Statutory tables as dated data (income limits, percentages, maximum fees, reference rates …). */
@Injectable()
export class RuleTablesService {
  constructor(private readonly db: Database) {}

  /** Every table with its current period and how many of its periods are not confirmed. */
  async list() {
    const rows = await this.db.read((tx) => listRulePeriods(tx));
    return RULE_TABLE_NAMES.map((name) => {
      const periods = rows.filter((row) => row.rule_table === name).map(rulePeriodView);
      return { name, description: RULE_TABLES[name].description, periods: periods.length, current: periods.at(-1) ?? null, toCheck: periods.filter((p) => p.toCheck).length };
    });
  }

  async get(name: string): Promise<{ name: string; description: string; law: string; periods: RulePeriodView[] }> {
    const table = this.table(name);
    const rows = await this.db.read((tx) => listRulePeriods(tx, table));
    return { name: table, description: RULE_TABLES[table].description, law: RULE_TABLES[table].law, periods: rows.map(rulePeriodView) };
  }

  async superseded(name: string): Promise<SupersededPeriodView[]> {
    const table = this.table(name);
    return (await this.db.read((tx) => listSupersededPeriods(tx, table))).map(supersededPeriodView);
  }

  /**
   * For each table as the database holds it: the days from its reform date to the end of next
   * year no row covers, the rows not confirmed, and those from today on that nobody has published
   * (for a reference-rate table: the half-years with no confirmed rate, when no late interest is
   * computed).
   */
  async coverage(): Promise<CoverageView[]> {
    const today = localDateInZone(Date.now(), COVERAGE_ZONE);
    const rows = await this.db.read((tx) => listRulePeriods(tx));
    return RULE_TABLE_NAMES.map((name) => ({
      description: RULE_TABLES[name].description,
      law: RULE_TABLES[name].law,
      ...ruleTableCoverage(name, rows.filter((row) => row.rule_table === name).map(toDatedRow), today),
    }));
  }

  /**
   * The next period; the open one ends the day before. Append-only like a correction: the open row
   * moves to the superseded rows (with the actor and the new period's source as grounds) and comes
   * back closed. A period starting inside a closed one is a 409, on or before the open one's start a 400.
   */
  async addPeriod(name: string, period: { validFrom: string; source: string; status: 'confirmed' | 'check' | 'estimate'; value: unknown }, actor: string) {
    const table = this.table(name);
    const validFrom = parseLocalDate(period.validFrom, 'validFrom');
    validateRuleTableValue(table, period.value);
    await this.db.transaction(async (tx) => {
      await lockRuleTable(tx, table);
      const rows = await listRulePeriods(tx, table);
      const open = rows.find((row) => row.valid_to === null);
      if (open && validFrom <= open.valid_from) throw new DomainValidationError(`must be after the start of the open period (${open.valid_from})`, 'validFrom');
      const closed = rows.find((row) => row.valid_to !== null && row.valid_to >= validFrom);
      if (closed) throw conflict(`the period overlaps ${closed.valid_from} … ${closed.valid_to}`, 'validFrom', 'overlaps an existing period');
      await putRulePeriod(tx, table, { validFrom, validTo: null, source: period.source, status: period.status, value: period.value }, actor, `new period from ${validFrom}: ${period.source}`);
    });
    return this.get(table);
  }

  /**
   * Corrects the period that starts on `validFrom`: a confirmed figure for an estimate, the
   * published reference rate for a half-year. The replaced row is kept with the actor and the
   * grounds; a correction that would leave a gap is refused.
   */
  async correctPeriod(
    name: string,
    validFrom: string,
    correction: { validTo?: string | null; source: string; status: 'confirmed' | 'check' | 'estimate'; value: unknown; grounds: string },
    actor: string,
  ) {
    const table = this.table(name);
    const from = parseLocalDate(validFrom, 'validFrom');
    validateRuleTableValue(table, correction.value);
    await this.db.transaction(async (tx) => {
      await lockRuleTable(tx, table);
      const row = (await listRulePeriods(tx, table)).find((candidate) => candidate.valid_from === from);
      if (!row) throw new NotFoundException(`${table} has no period starting on ${from}`);
      const validTo = correction.validTo === undefined ? row.valid_to : correction.validTo === null ? null : parseLocalDate(correction.validTo, 'validTo');
      if (validTo !== null && validTo < from) throw new DomainValidationError(`must not be before the period's first day (${from})`, 'validTo');
      await putRulePeriod(tx, table, { validFrom: from, validTo, source: correction.source, status: correction.status, value: correction.value }, actor, correction.grounds);
    });
    return this.get(table);
  }

  private table(name: string): RuleTableName {
    if (!isRuleTableName(name)) throw new NotFoundException(`no rule table ${name}`);
    return name;
  }
}
