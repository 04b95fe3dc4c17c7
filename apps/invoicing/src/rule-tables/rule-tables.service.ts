import { Injectable, NotFoundException } from '@nestjs/common';
import { addDays, DomainValidationError, parseLocalDate, RULE_TABLES, validateRuleTableValue } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import { endRulePeriod, insertRulePeriod, lockOpenRulePeriod, rulePeriods } from './rule-period.queries';
import { RulePeriodView, rulePeriodView } from './rule-table.view';

/** Statutory tables as dated data (income limits, percentages, maximum fees …). */
@Injectable()
export class RuleTablesService {
  constructor(private readonly db: Database) {}

  /** Every table with its current period and how many of its periods are marked "check". */
  async list() {
    const periods = await this.db.read((tx) => rulePeriods(tx));
    return Object.entries(RULE_TABLES).map(([name, table]) => {
      const views = periods.filter((period) => period.ruleTable === name).map(rulePeriodView);
      return { name, description: table.description, periods: views.length, current: views.at(-1) ?? null, toCheck: views.filter((p) => p.toCheck).length };
    });
  }

  async get(name: string): Promise<{ name: string; description: string; periods: RulePeriodView[] }> {
    if (!RULE_TABLES[name]) throw new NotFoundException(`no rule table ${name}`);
    const periods = await this.db.read((tx) => rulePeriods(tx, name));
    return { name, description: RULE_TABLES[name].description, periods: periods.map(rulePeriodView) };
  }

  /** The next period; the open one ends the day before. A period overlapping a closed one is a 409. */
  async addPeriod(name: string, period: { validFrom: string; source: string; value: unknown }, actor: string) {
    if (!RULE_TABLES[name]) throw new NotFoundException(`no rule table ${name}`);
    const validFrom = parseLocalDate(period.validFrom, 'validFrom');
    validateRuleTableValue(name, period.value);
    try {
      await this.db.transaction(async (tx) => {
        const open = await lockOpenRulePeriod(tx, name);
        if (open) {
          if (validFrom <= open.validFrom) throw new DomainValidationError(`must be after the start of the open period (${open.validFrom})`, 'validFrom');
          await endRulePeriod(tx, open.id, addDays(validFrom, -1));
        }
        await insertRulePeriod(tx, { ruleTable: name, validFrom, source: period.source, value: period.value, createdBy: actor });
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict('the period overlaps an existing one', 'validFrom', 'overlaps an existing period');
      throw error;
    }
    return this.get(name);
  }
}
