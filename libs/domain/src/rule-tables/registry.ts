import type { Country } from '../country';
import { DomainValidationError } from '../errors';
import { FI_HOME_CARE_INCOME_LIMITS, FI_HOME_CARE_PERCENTAGES } from '../fees/fi-home-care-tables';
import { FI_LONG_TERM_CARE_SHARES, FI_PERSONAL_ALLOWANCES } from '../fees/fi-long-term-care-tables';
import { SE_MAX_FEES, SE_MINIMUM_AMOUNTS, SE_SPECIAL_HOUSING_FEE_CAPS } from '../fees/se-elderly-care-tables';
import { SE_CARE_HOUSING_FOOD_DEDUCTIONS } from '../absences/absences';
import { referenceRateRuleTable } from '../interest/reference-rates';
import type { LocalDate } from '../dates/local-date';
import type { DatedTable } from './dated-table';
import type { RuleTableName } from './table-set';

export interface RuleTableDefinition {
  readonly description: string;
  readonly country: Country;
  /**
   * `statutory`: figures of a statute, decree or central bank, the same for every organisation of
   * the country, which must cover every day that can still be billed or corrected.
   * `price-list`: each organisation's own prices; the shipped row is one municipality's example.
   */
  readonly kind: 'statutory' | 'price-list';
  /** The law the figures come from, for docs/rules.md and the admin views. */
  readonly law: string;
  /** The periods the product ships; an administrator corrects them and adds the next ones. */
  readonly shipped: DatedTable<unknown>;
}

/**
 * Client fees stay collectable for five years and corrections reach as far back, so the rules must
 * cover every day since the Finnish client-fee reform (1.7.2021) and, in Sweden, since 1.1.2021.
 */
export const RULES_COVER_FROM: Readonly<Record<Country, LocalDate>> = Object.freeze({ FI: '2021-07-01', SE: '2021-01-01' });

/**
 * When the shipped tables were last reviewed against their sources; they cover every day up to
 * the end of the following calendar year (estimates where nothing is published yet). The admin
 * coverage view checks the same against today's date.
 */
export const RULE_TABLES_REVIEWED_ON: LocalDate = '2026-12-02';

const FI_ACT = 'asiakasmaksulaki 734/1992 as amended by 1201/2020';
const SE_ACT = 'socialtjänstlagen (2001:453) 8 kap.; socialtjänstlag (2025:400) from 1.7.2025';

/** The tables an administrator maintains as dated data, by name. */
export const RULE_TABLES: Readonly<Record<RuleTableName, RuleTableDefinition>> = Object.freeze({
  'fi-home-care-income-limits': { description: 'FI continuous home care: income limits by household size', country: 'FI', kind: 'statutory', law: `${FI_ACT} § 10 c, § 14 b`, shipped: FI_HOME_CARE_INCOME_LIMITS },
  'fi-home-care-percentages': { description: 'FI continuous home care: percentages by hours per month and household size', country: 'FI', kind: 'statutory', law: `${FI_ACT} § 10 c`, shipped: FI_HOME_CARE_PERCENTAGES },
  'fi-long-term-care-shares': { description: 'FI long-term care: shares of net income (85 % / 42.5 %)', country: 'FI', kind: 'statutory', law: `${FI_ACT} § 7 c`, shipped: FI_LONG_TERM_CARE_SHARES },
  'fi-personal-allowances': { description: 'FI long-term care: minimum personal allowance (käyttövara)', country: 'FI', kind: 'statutory', law: `${FI_ACT} § 7 c (3), § 14 b`, shipped: FI_PERSONAL_ALLOWANCES },
  'fi-reference-rates': { description: 'FI late-payment interest: reference rate (viitekorko) by half-year', country: 'FI', kind: 'statutory', law: 'korkolaki 633/1982 § 4, § 12, § 12 a', shipped: referenceRateRuleTable('FI') },
  'se-max-fees': { description: 'SE elderly care: maximum fee per month (maxtaxa)', country: 'SE', kind: 'statutory', law: `${SE_ACT} 5 § 1`, shipped: SE_MAX_FEES },
  'se-minimum-amounts': { description: 'SE elderly care: minimum amounts (minimibelopp)', country: 'SE', kind: 'statutory', law: `${SE_ACT} 7 §`, shipped: SE_MINIMUM_AMOUNTS },
  'se-special-housing-fee-caps': {
    description: 'SE special housing outside the tenancy act: highest housing fee per month',
    country: 'SE',
    kind: 'statutory',
    law: `${SE_ACT} 5 § 2, 7 § 1 st.`,
    shipped: SE_SPECIAL_HOUSING_FEE_CAPS,
  },
  'se-reference-rates': { description: 'SE late-payment interest: the Riksbank reference rate by half-year', country: 'SE', kind: 'statutory', law: 'räntelagen (1975:635) 6 §, 9 §', shipped: referenceRateRuleTable('SE') },
  'se-care-housing-food-deductions': {
    description: 'SE care housing: food deduction per absence day',
    country: 'SE',
    kind: 'price-list',
    law: 'the municipality’s price list (seed 002, Linköping Treserva manual no. 41, p.25)',
    shipped: SE_CARE_HOUSING_FOOD_DEDUCTIONS,
  },
});

export function isRuleTableName(name: string): name is RuleTableName {
  return Object.prototype.hasOwnProperty.call(RULE_TABLES, name);
}

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
  const table = isRuleTableName(name) ? RULE_TABLES[name] : undefined;
  if (!table) throw new DomainValidationError(`no rule table ${name}; tables are ${Object.keys(RULE_TABLES).join(', ')}`, 'name');
  assertShape(value, shapeOf(table.shipped[table.shipped.length - 1].value), 'value');
}
