import { isDomainValidationError } from '../errors';
import type { BillingError, BillingErrorCode } from './types';

/**
 * The display names the fee rules give their tables in "no rule for …" reasons, and the
 * RULE_TABLES name an administrator fills in: the error list points at the table to extend.
 */
const TABLE_NAMES: readonly (readonly [string, string])[] = [
  ['FI home-care income limits', 'fi-home-care-income-limits'],
  ['FI home-care percentages', 'fi-home-care-percentages'],
  ['FI long-term care shares', 'fi-long-term-care-shares'],
  ['FI personal allowances', 'fi-personal-allowances'],
  ['SE maximum fees', 'se-max-fees'],
  ['SE minimum amounts', 'se-minimum-amounts'],
  ['care-housing food deductions', 'se-care-housing-food-deductions'],
];

// ruleFor's reason when no period of a table covers the date (rule-tables/dated-table.ts).
const NO_RULE = /^no rule for /;

/** A client's error list (virhelista / fellista): every problem found, not just the first. */
export class ErrorList {
  private readonly list: BillingError[] = [];

  /** The same problem met twice (e.g. one absence for two services) is listed once. */
  add(code: BillingErrorCode, field: string, message: string): void {
    if (this.list.some((error) => error.code === code && error.field === field && error.message === message)) return;
    this.list.push(Object.freeze({ code, field, message }));
  }

  get errors(): readonly BillingError[] {
    return Object.freeze([...this.list]);
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /**
   * Runs one part of the calculation. A DomainValidationError becomes 'rule-missing' when a rule
   * table has no period for the date, else 'invalid-input' with the input field it concerns
   * (`field` maps the rule's own field name, e.g. 'hoursPerMonth', to the billing input's);
   * the calculation goes on with the other parts so that the list is complete.
   */
  attempt<T>(what: string, field: (ruleField: string | undefined) => string, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (!isDomainValidationError(error)) throw error;
      if (NO_RULE.test(error.reason)) {
        const table = TABLE_NAMES.find(([display]) => error.reason.includes(` in ${display}`));
        this.add(
          'rule-missing',
          table ? `ruleTables.${table[1]}` : 'ruleTables',
          `${what}: ${error.reason}. An administrator must enter the rule for this period.`,
        );
      } else {
        const mapped = error.field !== undefined && error.field.startsWith('ruleTables.') ? error.field : field(error.field);
        this.add('invalid-input', mapped, `${what}: ${error.message}`);
      }
      return undefined;
    }
  }
}
