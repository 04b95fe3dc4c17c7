import { addMonths, firstDayOfMonth, LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { Money } from '../money/money';
import type { IncomeRecord, IncomeSource } from './income-records';
import type { IncomeTypeTable } from './income-types';

/**
 * How an income line's monthly figure was reached:
 * - regular: the same amount every month it was paid (a pension): its latest monthly amount;
 * - averaged-12-months: a varying income (wages, a benefit that changed): the sum of its payments
 *   earned in the 12-month window ÷ 12 (Act 734/1992 § 10: varying income on the basis of the
 *   last 12 months), half up to the cent;
 * - yearly-taxation: from the last taxation decision, the year's figure ÷ 12;
 * - self-reported: what the client reported, as a monthly figure.
 */
export type IncomeRule = 'regular' | 'averaged-12-months' | 'yearly-taxation' | 'self-reported';

export interface Provenance {
  readonly source: IncomeSource;
  readonly reportId: string;
  readonly period: { readonly start: LocalDate; readonly end: LocalDate };
  readonly paymentDate: LocalDate | null;
  readonly gross: string;
}

export interface IncomeLine {
  readonly source: IncomeSource;
  readonly typeCode: string;
  readonly typeName: string;
  readonly payer: string | null;
  readonly rule: IncomeRule;
  readonly grossMonthly: string;
  readonly netMonthly: string;
  /** Self-reported income is marked as such wherever it is shown. */
  readonly selfReported: boolean;
  readonly provenance: readonly Provenance[];
  readonly explanation: string;
}

export interface ExcludedIncome {
  readonly source: IncomeSource;
  readonly typeCode: string;
  readonly typeName: string;
  readonly payer: string | null;
  readonly grossMonthly: string;
  readonly reason: string;
  readonly provenance: readonly Provenance[];
}

export interface PersonIncomeSummary {
  /** The 12 months (YYYY-MM) the register figures were taken from. */
  readonly window: { readonly from: string; readonly to: string };
  readonly lines: readonly IncomeLine[];
  readonly excluded: readonly ExcludedIncome[];
  readonly grossMonthly: string;
  readonly netMonthly: string;
  /** Anything reported at all (register, taxation or the client): without it the maximum fee applies. */
  readonly hasData: boolean;
  /** What the officer should look at: stale data, codes the table does not know. */
  readonly notes: readonly string[];
}

export interface SummaryInput {
  /** The day of the review; the window ends at the latest month reported, never after last month. */
  readonly reviewDate: LocalDate;
  readonly records: readonly IncomeRecord[];
  readonly table: IncomeTypeTable;
  /** Register codes the table did not know (from recordsFromReport). */
  readonly unknownCodes?: readonly string[];
}

/** The capital income tax (Income Tax Act 1535/1992 § 124): 30 % up to 30,000 € a year. */
const CAPITAL_INCOME_TAX_PERCENT = '30';
const CAPITAL_INCOME_LOWER_BAND = Money.parse('30000', 'EUR');
/** Register data older than this many months before the review is pointed out to the officer. */
const STALE_AFTER_MONTHS = 2;

const month = (date: LocalDate): string => date.slice(0, 7);
const eur = (text: string, field: string) => Money.parse(text, 'EUR', field);

function monthsBack(lastMonth: string, count: number): string {
  return month(addMonths(`${lastMonth}-01`, -(count - 1)));
}

function typeName(record: IncomeRecord, table: IncomeTypeTable): string {
  if (record.source === 'incomes-register' && (record.register === 'earnings' || record.register === 'benefits')) {
    return table.find(record.register, record.typeCode)?.names.en ?? `income type ${record.typeCode}`;
  }
  if (record.source === 'tax-administration') return record.typeCode === 'capital-income' ? 'Capital income (taxation)' : 'Earned income (taxation)';
  return record.description ?? record.typeCode;
}

const provenanceOf = (r: IncomeRecord): Provenance => ({ source: r.source, reportId: r.reportId, period: r.earningPeriod, paymentDate: r.paymentDate, gross: r.gross });

/**
 * One person's income as client fees count it: each income type (per payer) as a monthly gross
 * and net figure with the reports it comes from and the rule applied; excluded types with the
 * reason; tax administration figures where the register has none (capital income always).
 */
export function summarisePersonIncomes(input: SummaryInput): PersonIncomeSummary {
  const reviewDate = parseLocalDate(input.reviewDate, 'reviewDate');
  const lastFullMonth = month(addMonths(firstDayOfMonth(reviewDate), -1));
  const notes: string[] = [...new Set(input.unknownCodes ?? [])].map((code) => `income type code ${code} is not in the code table: check the report and the table`);

  const register = input.records.filter((r) => r.source === 'incomes-register');
  const latestReported = register.reduce<string | undefined>((latest, r) => (latest === undefined || month(r.earningPeriod.start) > latest ? month(r.earningPeriod.start) : latest), undefined);
  const windowTo = latestReported !== undefined && latestReported < lastFullMonth ? latestReported : lastFullMonth;
  const windowFrom = monthsBack(windowTo, 12);
  if (latestReported !== undefined && latestReported < month(addMonths(`${lastFullMonth}-01`, -(STALE_AFTER_MONTHS - 1)))) {
    notes.push(`the latest register report is for ${latestReported}: check whether payments have stopped`);
  }
  const inWindow = (r: IncomeRecord) => month(r.earningPeriod.start) >= windowFrom && month(r.earningPeriod.start) <= windowTo;

  const lines: IncomeLine[] = [];
  const excluded: ExcludedIncome[] = [];
  const groups = new Map<string, IncomeRecord[]>();
  for (const record of register.filter(inWindow)) {
    const key = `${record.register}|${record.typeCode}|${record.payer ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  for (const records of groups.values()) {
    const first = records[0];
    const type = input.table.find(first.register as 'earnings' | 'benefits', first.typeCode);
    const name = typeName(first, input.table);
    const byMonth = new Map<string, { gross: Money; net: Money }>();
    for (const r of records) {
      const m = month(r.earningPeriod.start);
      const gross = eur(r.gross, `${r.reportId}.gross`);
      const net = gross.subtract(eur(r.withheld, `${r.reportId}.withheld`));
      const sum = byMonth.get(m) ?? { gross: Money.zero('EUR'), net: Money.zero('EUR') };
      byMonth.set(m, { gross: sum.gross.add(gross), net: sum.net.add(net) });
    }
    const months = [...byMonth.keys()].sort();
    const latest = byMonth.get(months[months.length - 1])!;
    const regular = months[months.length - 1] === windowTo && [...byMonth.values()].every((v) => v.gross.equals(latest.gross));
    let grossMonthly: Money;
    let netMonthly: Money;
    let explanation: string;
    if (regular) {
      grossMonthly = latest.gross;
      netMonthly = latest.net;
      explanation = `the same ${latest.gross.toString()} every month paid (${months.length} of 12): the current monthly amount`;
    } else {
      const gross = Money.sum([...byMonth.values()].map((v) => v.gross), 'EUR');
      const net = Money.sum([...byMonth.values()].map((v) => v.net), 'EUR');
      grossMonthly = gross.divide(12, 'HALF_UP');
      netMonthly = net.divide(12, 'HALF_UP');
      explanation = `varying: ${gross.toString()} earned ${windowFrom} … ${windowTo} ÷ 12 = ${grossMonthly.toString()} (half up to the cent)`;
    }
    const provenance = records.map(provenanceOf);
    if (type?.treatment === 'excluded') {
      excluded.push({ source: first.source, typeCode: first.typeCode, typeName: name, payer: first.payer, grossMonthly: grossMonthly.toDecimalString(), reason: type.reason ?? 'not counted', provenance });
      continue;
    }
    lines.push({ source: first.source, typeCode: first.typeCode, typeName: name, payer: first.payer, rule: regular ? 'regular' : 'averaged-12-months', grossMonthly: grossMonthly.toDecimalString(), netMonthly: netMonthly.toDecimalString(), selfReported: false, provenance, explanation });
  }

  lines.push(...taxationLines(input.records, register.length > 0, notes));
  for (const r of input.records.filter((rec) => rec.source === 'self-reported')) {
    const gross = eur(r.gross, `${r.reportId}.gross`);
    const net = gross.subtract(eur(r.withheld, `${r.reportId}.withheld`));
    lines.push({
      source: 'self-reported', typeCode: r.typeCode, typeName: typeName(r, input.table), payer: r.payer, rule: 'self-reported', grossMonthly: gross.toDecimalString(), netMonthly: net.toDecimalString(), selfReported: true,
      provenance: [provenanceOf(r)], explanation: `reported by the client: ${gross.toString()} a month`,
    });
  }

  lines.sort((a, b) => a.source.localeCompare(b.source) || a.typeCode.localeCompare(b.typeCode) || (a.payer ?? '').localeCompare(b.payer ?? ''));
  return Object.freeze({
    window: { from: windowFrom, to: windowTo },
    lines: Object.freeze(lines),
    excluded: Object.freeze(excluded),
    grossMonthly: Money.sum(lines.map((l) => eur(l.grossMonthly, 'grossMonthly')), 'EUR').toDecimalString(),
    netMonthly: Money.sum(lines.map((l) => eur(l.netMonthly, 'netMonthly')), 'EUR').toDecimalString(),
    hasData: input.records.length > 0,
    notes: Object.freeze(notes),
  });
}

/**
 * The last taxation decision: capital income always (the register does not carry it); earned
 * income only when the register has nothing, since the register's payments are that same income.
 */
function taxationLines(records: readonly IncomeRecord[], registerHasData: boolean, notes: string[]): IncomeLine[] {
  const taxation = records.filter((r) => r.source === 'tax-administration');
  if (taxation.length === 0) return [];
  const latestYear = taxation.reduce((y, r) => (r.earningPeriod.start > y ? r.earningPeriod.start : y), '');
  const lines: IncomeLine[] = [];
  for (const r of taxation.filter((rec) => rec.earningPeriod.start === latestYear)) {
    if (r.typeCode !== 'capital-income' && r.typeCode !== 'earned-income') throw new DomainValidationError('must be capital-income or earned-income', `${r.reportId}.typeCode`);
    const yearly = eur(r.gross, `${r.reportId}.gross`);
    if (r.typeCode === 'earned-income' && registerHasData) continue;
    if (yearly.isZero()) continue;
    const grossMonthly = yearly.divide(12, 'HALF_UP');
    let netMonthly: Money;
    let explanation: string;
    if (r.typeCode === 'capital-income') {
      if (yearly.isGreaterThan(CAPITAL_INCOME_LOWER_BAND)) notes.push(`capital income ${yearly.toString()} exceeds 30,000 €: the 34 % band is not applied, check the net figure`);
      netMonthly = grossMonthly.subtract(grossMonthly.multiply(Money.parse(CAPITAL_INCOME_TAX_PERCENT, 'EUR').toDecimal().dividedBy(100), 'HALF_UP'));
      explanation = `${yearly.toString()} in ${latestYear.slice(0, 4)} ÷ 12 = ${grossMonthly.toString()}; net after the ${CAPITAL_INCOME_TAX_PERCENT} % capital income tax`;
    } else {
      netMonthly = grossMonthly.subtract(eur(r.withheld, `${r.reportId}.withheld`).divide(12, 'HALF_UP'));
      explanation = `the register has no payments: ${yearly.toString()} earned income in ${latestYear.slice(0, 4)} ÷ 12 = ${grossMonthly.toString()}`;
    }
    lines.push({
      source: 'tax-administration', typeCode: r.typeCode, typeName: r.typeCode === 'capital-income' ? 'Capital income (taxation)' : 'Earned income (taxation)', payer: null, rule: 'yearly-taxation',
      grossMonthly: grossMonthly.toDecimalString(), netMonthly: netMonthly.toDecimalString(), selfReported: false, provenance: [provenanceOf(r)], explanation,
    });
  }
  return lines;
}
