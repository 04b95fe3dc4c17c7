import { DomainValidationError } from '../errors';
import { FI_HOME_CARE_INCOME_LIMITS, FI_HOME_CARE_PERCENTAGES } from '../fees/fi-home-care-tables';
import { FI_LONG_TERM_CARE_SHARES, FI_PERSONAL_ALLOWANCES } from '../fees/fi-long-term-care-tables';
import { SE_MAX_FEES, SE_MINIMUM_AMOUNTS } from '../fees/se-elderly-care-tables';
import { SE_CARE_HOUSING_FOOD_DEDUCTIONS } from '../absences/absences';
import type { DatedTable } from './dated-table';

export interface RuleTableDefinition {
  readonly description: string;
  /** The periods the product ships (reference.md); an administrator adds the next ones. */
  readonly shipped: DatedTable<unknown>;
}

/** The statutory tables an administrator maintains as dated data, by name. */
export const RULE_TABLES: Readonly<Record<string, RuleTableDefinition>> = Object.freeze({
  'fi-home-care-income-limits': { description: 'FI continuous home care: income limits by household size', shipped: FI_HOME_CARE_INCOME_LIMITS },
  'fi-home-care-percentages': { description: 'FI continuous home care: percentages by hours per month and household size', shipped: FI_HOME_CARE_PERCENTAGES },
  'fi-long-term-care-shares': { description: 'FI long-term care: shares of net income (85 % / 42.5 %)', shipped: FI_LONG_TERM_CARE_SHARES },
  'fi-personal-allowances': { description: 'FI long-term care: minimum personal allowance (käyttövara)', shipped: FI_PERSONAL_ALLOWANCES },
  'se-max-fees': { description: 'SE elderly care: maximum fee per month (maxtaxa)', shipped: SE_MAX_FEES },
  'se-minimum-amounts': { description: 'SE elderly care: minimum amounts (minimibelopp)', shipped: SE_MINIMUM_AMOUNTS },
  'se-care-housing-food-deductions': { description: 'SE care housing: food deduction per absence day', shipped: SE_CARE_HOUSING_FOOD_DEDUCTIONS },
});

type Shape = 'decimal' | 'string' | 'number' | 'boolean' | { [key: string]: Shape } | Shape[];

const DECIMAL = /^-?\d+(\.\d+)?$/;

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  if (typeof value === 'string') return DECIMAL.test(value) ? 'decimal' : 'string';
  return typeof value as 'number' | 'boolean';
}

function assertShape(value: unknown, shape: Shape, path: string): void {
  if (Array.isArray(shape)) {
    if (!Array.isArray(value) || value.length === 0) throw new DomainValidationError('must be a non-empty list like the current period’s', path);
    value.forEach((item, i) => assertShape(item, shape[0], `${path}.${i}`));
    return;
  }
  if (typeof shape === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new DomainValidationError('must be an object like the current period’s', path);
    const expected = Object.keys(shape).sort();
    const given = Object.keys(value).sort();
    const missing = expected.filter((k) => !given.includes(k));
    const extra = given.filter((k) => !expected.includes(k));
    if (missing.length > 0) throw new DomainValidationError(`is missing ${missing.join(', ')}`, path);
    if (extra.length > 0) throw new DomainValidationError(`has unknown fields ${extra.join(', ')}`, path);
    for (const key of expected) assertShape((value as Record<string, unknown>)[key], shape[key], `${path}.${key}`);
    return;
  }
  if (shape === 'decimal') {
    if (typeof value !== 'string' || !DECIMAL.test(value)) throw new DomainValidationError('must be a decimal string such as "653" or "35.5"', path);
    return;
  }
  if (typeof value !== shape) throw new DomainValidationError(`must be a ${shape}`, path);
}

/**
 * Checks a new period's value against the shape of the table's latest shipped value: the same
 * fields, decimals as decimal strings. The rules that read the table then never meet a value
 * they cannot use.
 */
export function validateRuleTableValue(name: string, value: unknown): void {
  const table = RULE_TABLES[name];
  if (!table) throw new DomainValidationError(`no rule table ${name}; tables are ${Object.keys(RULE_TABLES).join(', ')}`, 'name');
  assertShape(value, shapeOf(table.shipped[table.shipped.length - 1].value), 'value');
}
