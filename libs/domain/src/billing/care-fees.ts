import { DomainValidationError } from '../errors';
import type { FeeExplanation } from '../fees/explanation';
import { fiHomeCareFee } from '../fees/fi-home-care';
import { fiLongTermCareFee } from '../fees/fi-long-term-care';
import type { LongTermCareType } from '../fees/fi-long-term-care-tables';
import { maximumFeeWithoutIncome } from '../fees/maximum-fee';
import { SeRelationship, seElderlyCareFee } from '../fees/se-elderly-care';
import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import { calculatedWithSpouse } from './checks';
import { SettledContext, isInLongTermCare, serviceField } from './context';
import { explanation } from './rows';
import type { DecidedService, IncomeSnapshot } from './types';

/** A service's fee for a whole month, before proration and absences. */
export interface MonthlyFee {
  readonly fee: Money;
  readonly explanation: FeeExplanation;
}

const COUNTRY_OF_KIND: Record<DecidedService['kind'], 'FI' | 'SE' | null> = {
  'fi-home-care': 'FI',
  'fi-long-term-care': 'FI',
  'se-elderly-care': 'SE',
  'fixed-monthly': null,
};

// The fee rules name their inputs ('grossMonthlyIncome' …); the error list names the billing
// input to fix ('income.grossMonthlyIncome').
const INCOME_FIELDS = new Set(['householdSize', 'grossMonthlyIncome', 'netMonthlyIncome', 'deductions', 'housingCost']);
const SERVICE_FIELDS = new Set(['hoursPerMonth', 'careType', 'serviceCost', 'monthlyFee', 'kind', 'validFrom', 'validTo']);

export function careFeeField(service: DecidedService, ruleField: string | undefined): string {
  if (ruleField === undefined) return serviceField(service);
  if (ruleField === 'date') return 'period';
  if (ruleField === 'spouseNetMonthlyIncome') return 'spouse.income.netMonthlyIncome';
  if (INCOME_FIELDS.has(ruleField)) return `income.${ruleField}`;
  if (SERVICE_FIELDS.has(ruleField)) return serviceField(service, ruleField);
  // Already a billing input path (e.g. from Money.parse with our own field name).
  return ruleField;
}

// Married couples' (and registered partners') incomes are pooled; cohabitants' are not.
const SE_RELATIONSHIP: Record<SettledContext['settings']['feeCalculationType'], SeRelationship> = { single: 'single', couple: 'married', cohabiting: 'cohabiting' };

function money(ctx: SettledContext, text: string, field: string): Money {
  return Money.parse(text, ctx.currency, field);
}

function requireIncome(ctx: SettledContext, income: IncomeSnapshot | null, field: string): IncomeSnapshot {
  if (income === null) throw new DomainValidationError(`is missing for ${ctx.client.name}`, field);
  return income;
}

/**
 * The spouse's net income when the FI spouse rule may apply: a couple, and the spouse is not in
 * long-term care (when both are, each pays on their own income — fiLongTermCareFee's contract).
 * Whether the rule then applies (the client earns more) is that function's decision.
 */
function fiSpouseIncome(ctx: SettledContext): Money | undefined {
  if (!calculatedWithSpouse(ctx, ctx.settings) || ctx.spouse === null || isInLongTermCare(ctx.spouse, ctx.month)) return undefined;
  return money(ctx, requireIncome(ctx, ctx.spouse.income, 'spouse.income').netMonthlyIncome, 'spouse.income.netMonthlyIncome');
}

function fixedMonthlyFee(ctx: SettledContext, service: DecidedService): MonthlyFee {
  if (service.monthlyFee === null) throw new DomainValidationError('must be set for a fixed monthly fee', serviceField(service, 'monthlyFee'));
  const fee = money(ctx, service.monthlyFee, serviceField(service, 'monthlyFee'));
  if (fee.isNegative()) throw new DomainValidationError('must not be negative', serviceField(service, 'monthlyFee'));
  return { fee, explanation: explanation([], { serviceCode: service.serviceCode, monthlyFee: fee.toDecimalString() }, [`decided monthly fee ${fee.toString()}`]) };
}

/**
 * The fee the official decided for this service, when the income came from a fee decision made
 * for this very service (same kind, and for home care the same hours): billed as decided, with
 * the decision, the authority records and the rule versions in the explanation. A service that
 * has changed since is calculated from the rules again (the decision's income still counts).
 */
function decidedFee(ctx: SettledContext, income: IncomeSnapshot, service: DecidedService): MonthlyFee | undefined {
  const decision = income.feeDecision;
  if (!decision || decision.service.kind !== service.kind) return undefined;
  if (service.kind === 'fi-home-care' && (service.hoursPerMonth === null || decision.service.hoursPerMonth === null || !sameAmount(service.hoursPerMonth, decision.service.hoursPerMonth))) return undefined;
  const fee = money(ctx, decision.fee, 'income.feeDecision.fee');
  return {
    fee,
    explanation: explanation(decision.rules, { feeDecision: decision.decisionId, decidedOn: decision.decidedOn, decidedFee: fee.toDecimalString() }, [
      `fee decision ${decision.decisionId} of ${decision.decidedOn}: ${fee.toString()} a month, as the official decided`,
      ...decision.incomeSources.map((source) => `income from ${source}`),
      ...decision.rules.map((rule) => `rule ${rule.table} ${rule.validFrom}–${rule.validTo ?? ''} (${rule.source})`),
    ]),
  };
}

const sameAmount = (a: string, b: string): boolean => decimal(a).equals(decimal(b));

/**
 * The monthly fee of one decided service from the fee rules, on the period's first day and the
 * organisation's rule tables. A client who accepts the maximum fee pays the tariff's maximum
 * whatever the income (accepterar maxavgift).
 */
export function monthlyCareFee(ctx: SettledContext, service: DecidedService): MonthlyFee {
  if (service.kind === 'fixed-monthly') return fixedMonthlyFee(ctx, service);
  const country = COUNTRY_OF_KIND[service.kind];
  if (country === undefined) throw new DomainValidationError('must be fi-home-care, fi-long-term-care, se-elderly-care or fixed-monthly', serviceField(service, 'kind'));
  if (country !== ctx.country) {
    throw new DomainValidationError(`is a ${country} fee rule but the client is billed in ${ctx.country}`, serviceField(service, 'kind'));
  }
  const date = ctx.month.from;
  const tables = ctx.tables;
  const serviceCost = money(ctx, service.serviceCost, serviceField(service, 'serviceCost'));
  if (ctx.settings.acceptsMaximumFee) {
    const { fee, explanation } = maximumFeeWithoutIncome({ rule: service.kind, date, serviceCost, tables });
    return { fee, explanation };
  }
  const income = requireIncome(ctx, ctx.client.income, 'income');
  const decided = decidedFee(ctx, income, service);
  if (decided) return decided;
  switch (service.kind) {
    case 'fi-home-care': {
      if (service.hoursPerMonth === null) throw new DomainValidationError('must be set for home care', serviceField(service, 'hoursPerMonth'));
      const { fee, explanation } = fiHomeCareFee({
        date,
        householdSize: income.householdSize,
        grossMonthlyIncome: money(ctx, income.grossMonthlyIncome, 'income.grossMonthlyIncome'),
        hoursPerMonth: service.hoursPerMonth,
        serviceCost,
        tables,
      });
      return { fee, explanation };
    }
    case 'fi-long-term-care': {
      const spouseNetMonthlyIncome = fiSpouseIncome(ctx);
      const { fee, explanation } = fiLongTermCareFee({
        date,
        careType: (service.careType ?? undefined) as LongTermCareType | undefined,
        netMonthlyIncome: money(ctx, income.netMonthlyIncome, 'income.netMonthlyIncome'),
        deductions: money(ctx, income.deductions, 'income.deductions'),
        ...(spouseNetMonthlyIncome === undefined ? {} : { spouseNetMonthlyIncome }),
        serviceCost,
        tables,
      });
      return { fee, explanation };
    }
    case 'se-elderly-care': {
      const relationship = SE_RELATIONSHIP[ctx.settings.feeCalculationType];
      const spouse = relationship === 'married' && ctx.spouse !== null ? requireIncome(ctx, ctx.spouse.income, 'spouse.income') : null;
      const { fee, explanation } = seElderlyCareFee({
        date,
        netMonthlyIncome: money(ctx, income.netMonthlyIncome, 'income.netMonthlyIncome'),
        housingCost: money(ctx, income.housingCost, 'income.housingCost'),
        serviceCost,
        relationship,
        ...(spouse === null ? {} : { spouseNetMonthlyIncome: money(ctx, spouse.netMonthlyIncome, 'spouse.income.netMonthlyIncome') }),
        tables,
      });
      return { fee, explanation };
    }
  }
}
