import { Country, isCountry } from '../country';
import { daysInMonth as daysOfMonth, localDateParts } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { currencyOfCountry } from '../money/currency';
import { Money } from '../money/money';
import { absenceRows, absencesInPeriod, openAbsenceIds } from './absence-rows';
import { careFeeField, monthlyCareFee } from './care-fees';
import { checkClient, needsSpouseIncome, registrationsInPeriod } from './checks';
import { ClientContext, SettledContext, isIncomeBased, serviceCoverage, servicesInPeriod } from './context';
import { maxtaxaCapRow } from './maxtaxa';
import { firstDayOfPeriod, lastDayOfPeriod, parseBillingPeriod } from './period';
import { ErrorList } from './problems';
import { dayCount, prorateMonthlyFee } from './proration';
import { rentRows } from './rent-rows';
import { DraftRow, explanation, extendExplanation, sortRows, toBillingRow } from './rows';
import { serviceRows } from './service-rows';
import type { Absence, ClientBilling, ClientBillingInput, HouseholdBillingInput, PriceListItem } from './types';

function priceIndex(items: readonly PriceListItem[]): ReadonlyMap<string, PriceListItem> {
  const index = new Map<string, PriceListItem>();
  for (const item of items) {
    if (index.has(item.code)) throw new DomainValidationError(`has item ${item.code} twice`, 'priceList');
    index.set(item.code, item);
  }
  return index;
}

/** The spouse of a couple: the household's other client (a couple is calculated together). */
function spouseOf(household: HouseholdBillingInput, client: ClientBillingInput): ClientBillingInput | null {
  return household.clients.find((other) => other !== client && other.clientId !== client.clientId) ?? null;
}

function contextOf(household: HouseholdBillingInput, client: ClientBillingInput & { country: Country }, priceList: ReadonlyMap<string, PriceListItem>): ClientContext {
  const first = firstDayOfPeriod(household.period);
  const { year, month } = localDateParts(first);
  return {
    client,
    country: client.country,
    currency: currencyOfCountry(client.country),
    period: household.period,
    month: { from: first, to: lastDayOfPeriod(household.period) },
    daysInMonth: daysOfMonth(year, month),
    spouse: spouseOf(household, client),
    priceList,
    tables: household.ruleTables ?? {},
  };
}

/** Care-fee rows of every decided service valid in the month, with their absence deductions. */
function serviceFeeRows(ctx: SettledContext, absences: readonly Absence[], errors: ErrorList): DraftRow[] {
  const rows: DraftRow[] = [];
  const spouseIncomeMissing = ctx.spouse !== null && ctx.spouse.income === null && needsSpouseIncome(ctx, ctx.settings);
  for (const service of servicesInPeriod(ctx.client, ctx.month)) {
    // Reported by the checks already: the fee cannot be computed without the income (or the spouse's).
    if (isIncomeBased(service) && ctx.client.income === null && !ctx.settings.acceptsMaximumFee) continue;
    if (spouseIncomeMissing && service.kind !== 'fi-home-care' && service.kind !== 'fixed-monthly') continue;
    const what = `Service ${service.serviceCode} (${service.description})`;
    const fieldOf = (field: string | undefined) => careFeeField(service, field);
    const coverage = errors.attempt(what, fieldOf, () => serviceCoverage(service, ctx.month));
    if (coverage === undefined || coverage === null) continue;
    const monthly = errors.attempt(what, fieldOf, () => monthlyCareFee(ctx, service));
    if (monthly === undefined) continue;
    const days = dayCount(coverage);
    const prorated = prorateMonthlyFee(monthly.fee, days, ctx.daysInMonth, coverage);
    rows.push({
      kind: 'care-fee',
      description: service.description,
      code: service.serviceCode,
      quantity: null,
      unitPrice: null,
      amount: prorated.amount,
      explanation: extendExplanation(monthly.explanation, days < ctx.daysInMonth ? { daysValid: String(days) } : {}, prorated.lines),
    });
    rows.push(...absenceRows(ctx, service, monthly.fee, prorated.amount, coverage, absences, errors));
  }
  return rows;
}

function correctionRows(ctx: ClientContext, errors: ErrorList): DraftRow[] {
  const rows: DraftRow[] = [];
  for (const correction of ctx.client.corrections) {
    const amount = errors.attempt(`Correction ${correction.id}`, () => `corrections.${correction.id}.amount`, () =>
      Money.parse(correction.amount, ctx.currency, 'amount'),
    );
    if (amount === undefined) continue;
    const inputs: Record<string, string> = { correctionId: correction.id, amount: amount.toDecimalString() };
    if (correction.itemCode !== null) inputs.itemCode = correction.itemCode;
    rows.push({
      kind: 'correction',
      description: correction.text,
      code: correction.itemCode,
      quantity: null,
      unitPrice: null,
      amount,
      explanation: explanation([], inputs, [`fee correction as entered: ${amount.toString()}`]),
    });
  }
  return rows;
}

function calculateClient(household: HouseholdBillingInput, client: ClientBillingInput, priceList: ReadonlyMap<string, PriceListItem>): ClientBilling {
  const errors = new ErrorList();
  if (!isCountry(client.country)) {
    errors.add('invalid-input', 'country', `${client.name}: the country must be FI or SE.`);
    return Object.freeze({ clientId: client.clientId, status: 'error', errors: errors.errors });
  }
  const ctx = contextOf(household, client, priceList);
  if (client.period !== household.period) {
    errors.add('invalid-input', 'period', `${client.name}: the client's period ${client.period} is not the household's ${household.period}.`);
  }
  const registrations = registrationsInPeriod(ctx, errors);
  checkClient(ctx, registrations, errors);

  const rows: DraftRow[] = [];
  let used: string[] = [];
  const absences = absencesInPeriod(ctx, errors);
  if (client.settings !== null) {
    const settled: SettledContext = { ...ctx, settings: client.settings };
    rows.push(...serviceFeeRows(settled, absences, errors));
    const services = serviceRows(ctx, registrations, errors);
    rows.push(...services.rows);
    used = services.used;
    const cap = errors.attempt(`${client.name}: maxtaxa`, () => 'period', () => maxtaxaCapRow(ctx, rows));
    if (cap) rows.push(cap);
    if (client.rent !== null) {
      const rent = client.rent;
      rows.push(...(errors.attempt(`${client.name}: rent`, (field) => (field?.startsWith('rent.') ? field : `rent.${field ?? ''}`), () => rentRows(ctx, rent)) ?? []));
    }
    rows.push(...correctionRows(ctx, errors));
  }

  if (!errors.isEmpty) return Object.freeze({ clientId: client.clientId, status: 'error', errors: errors.errors });
  const accountString = client.settings?.accountString ?? null;
  const billingRows = sortRows(rows).map((row) => toBillingRow(row, accountString));
  const total = Money.sum(
    rows.map((row) => row.amount),
    ctx.currency,
  );
  return Object.freeze({
    clientId: client.clientId,
    status: 'calculated',
    rows: Object.freeze(billingRows),
    total: total.toDecimalString(),
    registrationIds: Object.freeze(used),
    openAbsenceIds: Object.freeze(openAbsenceIds(absences)),
  });
}

/**
 * The monthly billing calculation of one household (a couple is calculated together): one result
 * per client, in input order. A client with any error gets the whole error list and no rows, so
 * the billing team fixes the settings and recalculates (seed 002 p.28). Pure and deterministic:
 * the same input always gives the same rows in the same order.
 *
 * Throws DomainValidationError only for a household-level problem (the period or the price list).
 */
export function calculateHousehold(input: HouseholdBillingInput): ClientBilling[] {
  parseBillingPeriod(input.period, 'period');
  const priceList = priceIndex(input.priceList);
  return input.clients.map((client) => calculateClient(input, client, priceList));
}
