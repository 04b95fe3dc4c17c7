import {
  Currency,
  FeeExplanation,
  LONG_TERM_CARE_TYPES,
  LongTermCareType,
  Money,
  fiHomeCareFee,
  fiLongTermCareFee,
  isDomainValidationError,
  seElderlyCareFee,
} from '@clientfees/domain';
import { dateOption, parseOptions, requireOption } from '../options';
import { UsageError } from '../usage-error';

export const feeHelp = `clientfees fee home-care --date YYYY-MM-DD --household-size N --gross-monthly-income 2000.00 --hours-per-month H [--service-cost C] [--json]
  FI continuous home care: statutory maximum percentage × (gross monthly income − income limit),
  never above --service-cost, rounded half up to the cent. Fractional hours round half up.

clientfees fee long-term-care --date YYYY-MM-DD --net-monthly-income X [--deductions Z] [--spouse-net-monthly-income Y]
    [--care-type ${LONG_TERM_CARE_TYPES.join('|')}] [--service-cost C] [--json]
  FI long-term care: at most 85 % of net income after deductions (42.5 % of the couple's combined
  income when the spouse earns less), leaving the personal allowance (käyttövara).

clientfees fee se-elderly-care --date YYYY-MM-DD --net-monthly-income X --housing-cost H --service-cost C
    [--married --spouse-net-monthly-income Y | --cohabiting] [--individual-adjustment A] [--special-housing-fee F] [--json]
  SE elderly care: min(fee room, service cost, maxtaxa), where fee room = net income − (minimum
  amount ± adjustment + housing cost). --married (spouses, registered partners) pools and halves
  the two incomes; --cohabiting (sambo) keeps the client's own income; both get the couple's
  minimum amount. --special-housing-fee: housing in special housing outside the tenancy act,
  capped, nothing reserved for it, charged from the fee room before the care fee.

Amounts are decimal strings (EUR for FI, SEK for SE). --json adds the rule versions and the arithmetic.`;

const KINDS = ['home-care', 'long-term-care', 'se-elderly-care'];

function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * Runs a domain calculation and names the command-line option in its errors: the domain names
 * fields in camelCase (`grossMonthlyIncome`), the user typed `--gross-monthly-income`.
 */
export function withOptionNames<T>(calculate: () => T): T {
  try {
    return calculate();
  } catch (error) {
    if (isDomainValidationError(error) && error.field) throw new UsageError(`--${kebab(error.field)}: ${error.reason}`);
    throw error;
  }
}

/** An amount option: a plain decimal string, not negative unless allowed. */
export function amountOption(values: Record<string, unknown>, name: string, currency: Currency, options: { allowNegative?: boolean } = {}): Money {
  const amount = withOptionNames(() => Money.parse(requireOption(values, name), currency, name));
  if (!options.allowNegative && amount.isNegative()) throw new UsageError(`--${name} must not be negative, not "${String(values[name])}"`);
  return amount;
}

export function optionalAmountOption(values: Record<string, unknown>, name: string, currency: Currency, options: { allowNegative?: boolean } = {}): Money | undefined {
  return values[name] === undefined ? undefined : amountOption(values, name, currency, options);
}

function positiveWholeNumberOption(values: Record<string, unknown>, name: string, max: number): number {
  const value = requireOption(values, name);
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return Number(value);
}

function hoursOption(values: Record<string, unknown>, name: string): string {
  const value = requireOption(values, name);
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`--${name} must be a number of hours such as 12 or 12.5, not "${value}"`);
  return value;
}

function explanationJson(explanation: FeeExplanation) {
  return { rules: explanation.rules, explanation: explanation.lines };
}

function homeCare(argv: string[]): string {
  const values = parseOptions(argv, {
    date: { type: 'string' },
    'household-size': { type: 'string' },
    'gross-monthly-income': { type: 'string' },
    'hours-per-month': { type: 'string' },
    'service-cost': { type: 'string' },
    json: { type: 'boolean' },
  });
  const date = dateOption(values, 'date');
  const householdSize = positiveWholeNumberOption(values, 'household-size', 99);
  const grossMonthlyIncome = amountOption(values, 'gross-monthly-income', 'EUR');
  const hoursPerMonth = hoursOption(values, 'hours-per-month');
  const serviceCost = optionalAmountOption(values, 'service-cost', 'EUR');
  const result = withOptionNames(() => fiHomeCareFee({ date, householdSize, grossMonthlyIncome, hoursPerMonth, serviceCost }));
  if (!values.json) return result.fee.toDecimalString();
  return JSON.stringify({
    incomeLimit: result.incomeLimit.toDecimalString(),
    percentage: result.percentage,
    fee: result.fee.toDecimalString(),
    currency: result.fee.currency,
    hoursCharged: result.hoursCharged,
    costCapApplied: result.costCapApplied,
    ...explanationJson(result.explanation),
  });
}

function careTypeOption(values: Record<string, unknown>): LongTermCareType | undefined {
  const value = values['care-type'];
  if (value === undefined) return undefined;
  if (!LONG_TERM_CARE_TYPES.includes(value as LongTermCareType)) {
    throw new UsageError(`--care-type must be one of ${LONG_TERM_CARE_TYPES.join(', ')}, not "${String(value)}"`);
  }
  return value as LongTermCareType;
}

function longTermCare(argv: string[]): string {
  const values = parseOptions(argv, {
    date: { type: 'string' },
    'net-monthly-income': { type: 'string' },
    deductions: { type: 'string' },
    'spouse-net-monthly-income': { type: 'string' },
    'care-type': { type: 'string' },
    'service-cost': { type: 'string' },
    json: { type: 'boolean' },
  });
  const date = dateOption(values, 'date');
  const netMonthlyIncome = amountOption(values, 'net-monthly-income', 'EUR');
  const deductions = optionalAmountOption(values, 'deductions', 'EUR');
  const spouseNetMonthlyIncome = optionalAmountOption(values, 'spouse-net-monthly-income', 'EUR');
  const careType = careTypeOption(values);
  const serviceCost = optionalAmountOption(values, 'service-cost', 'EUR');
  const result = withOptionNames(() => fiLongTermCareFee({ date, careType, netMonthlyIncome, deductions, spouseNetMonthlyIncome, serviceCost }));
  if (!values.json) return result.fee.toDecimalString();
  return JSON.stringify({
    fee: result.fee.toDecimalString(),
    personalAllowance: result.personalAllowance.toDecimalString(),
    currency: result.fee.currency,
    spouseRuleApplied: result.spouseRuleApplied,
    percentageCeiling: result.percentageCeiling.toDecimalString(),
    ...explanationJson(result.explanation),
  });
}

function seElderlyCare(argv: string[]): string {
  const values = parseOptions(argv, {
    date: { type: 'string' },
    'net-monthly-income': { type: 'string' },
    'housing-cost': { type: 'string' },
    'service-cost': { type: 'string' },
    married: { type: 'boolean' },
    cohabiting: { type: 'boolean' },
    'spouse-net-monthly-income': { type: 'string' },
    'individual-adjustment': { type: 'string' },
    'special-housing-fee': { type: 'string' },
    json: { type: 'boolean' },
  });
  const date = dateOption(values, 'date');
  const netMonthlyIncome = amountOption(values, 'net-monthly-income', 'SEK');
  const housingCost = amountOption(values, 'housing-cost', 'SEK');
  const serviceCost = amountOption(values, 'service-cost', 'SEK');
  const spouseNetMonthlyIncome = optionalAmountOption(values, 'spouse-net-monthly-income', 'SEK');
  const individualAdjustment = optionalAmountOption(values, 'individual-adjustment', 'SEK', { allowNegative: true });
  const specialHousingFee = optionalAmountOption(values, 'special-housing-fee', 'SEK');
  if (values.married === true && values.cohabiting === true) throw new UsageError('--married and --cohabiting exclude each other');
  const relationship = values.married === true ? 'married' : values.cohabiting === true ? 'cohabiting' : 'single';
  const result = withOptionNames(() =>
    seElderlyCareFee({ date, netMonthlyIncome, housingCost, serviceCost, relationship, spouseNetMonthlyIncome, individualAdjustment, specialHousingFee }),
  );
  if (!values.json) return result.fee.toDecimalString();
  return JSON.stringify({
    minimumAmount: result.minimumAmount.toDecimalString(),
    feeRoom: result.feeRoom.toDecimalString(),
    maxFee: result.maxFee.toDecimalString(),
    fee: result.fee.toDecimalString(),
    currency: result.fee.currency,
    reservedAmount: result.reservedAmount.toDecimalString(),
    countedIncome: result.countedIncome.toDecimalString(),
    housingFee: result.housingFee.toDecimalString(),
    ...explanationJson(result.explanation),
  });
}

export function feeCommand(argv: string[]): string {
  const [kind, ...rest] = argv;
  switch (kind) {
    case 'home-care':
      return homeCare(rest);
    case 'long-term-care':
      return longTermCare(rest);
    case 'se-elderly-care':
      return seElderlyCare(rest);
    default:
      throw new UsageError(
        kind === undefined || kind.startsWith('-')
          ? `which fee? Give one of ${KINDS.join(', ')} first`
          : `unknown fee "${kind}": give one of ${KINDS.join(', ')}`,
      );
  }
}
