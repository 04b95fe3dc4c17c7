import { DomainValidationError } from '../errors';
import { allocate } from '../money/allocation';
import { Money } from '../money/money';
import type { LocalDate } from '../dates/local-date';
import type { IncomeRegisterDelivery, IncomeTypeTable } from './income-types';

/** Where a figure comes from. Kela's benefits arrive through the Incomes Register (since 2021). */
export type IncomeSource = 'incomes-register' | 'tax-administration' | 'self-reported';

/** One payment (or yearly figure) of one income type, with its provenance. Decimal strings (EUR). */
export interface IncomeRecord {
  readonly source: IncomeSource;
  /** The authority's record: the Incomes Register's IRReportId, the taxation decision id, the officer's entry id. */
  readonly reportId: string;
  /** Incomes Register: which delivery; tax administration: 'earned-income' or 'capital-income'; self-reported: free text type. */
  readonly register: IncomeRegisterDelivery | 'taxation' | 'self-reported';
  readonly typeCode: string;
  readonly payer: string | null;
  readonly paymentDate: LocalDate | null;
  readonly earningPeriod: { readonly start: LocalDate; readonly end: LocalDate };
  readonly gross: string;
  /** Tax withheld from this payment. */
  readonly withheld: string;
  /** Self-reported: what the client said it is. */
  readonly description?: string;
}

/** A report as the Incomes Register delivers it: transactions, with deductions, of one payment. */
export interface IncomesRegisterReport {
  readonly reportId: string;
  readonly delivery: IncomeRegisterDelivery;
  readonly payer: string | null;
  readonly paymentDate: LocalDate;
  readonly transactions: ReadonlyArray<{
    readonly code: string;
    readonly amount: string;
    readonly earningPeriod: { readonly start: LocalDate; readonly end: LocalDate } | null;
    /** Deductions reported inside the transaction (benefit reports). */
    readonly deductions: ReadonlyArray<{ readonly code: string; readonly amount: string }>;
  }>;
}

/**
 * Turns a register report into income records: one per income transaction, with the tax withheld
 * from it. A benefit report withholds inside each transaction; an earnings report withholds once
 * for the payment (a 400-series transaction), which is shared among the report's counted incomes
 * in proportion to their amounts, to the cent. Codes the table does not know are returned
 * separately: the officer must see them, never a silent zero.
 */
export function recordsFromReport(report: IncomesRegisterReport, table: IncomeTypeTable): { records: IncomeRecord[]; unknownCodes: string[] } {
  const classify = (code: string) => table.find(report.delivery, code);
  const unknownCodes: string[] = [];
  const withheldInReport: Money[] = [];
  const incomes: Array<{ code: string; gross: Money; withheld: Money; period: { start: LocalDate; end: LocalDate } }> = [];
  for (const transaction of report.transactions) {
    const type = classify(transaction.code);
    if (!type) {
      unknownCodes.push(transaction.code);
      continue;
    }
    const amount = Money.parse(transaction.amount, 'EUR', `${report.reportId}.amount`);
    if (type.treatment === 'withholding') {
      withheldInReport.push(amount);
      continue;
    }
    if (type.treatment === 'total') continue;
    const withheld = Money.sum(
      transaction.deductions.filter((d) => classify(d.code)?.treatment === 'withholding').map((d) => Money.parse(d.amount, 'EUR', `${report.reportId}.deduction`)),
      'EUR',
    );
    for (const d of transaction.deductions) if (!classify(d.code)) unknownCodes.push(d.code);
    const period = transaction.earningPeriod ?? { start: report.paymentDate, end: report.paymentDate };
    incomes.push({ code: transaction.code, gross: amount, withheld, period });
  }
  const reportWithholding = Money.sum(withheldInReport, 'EUR');
  if (reportWithholding.isPositive()) {
    const taxable = incomes.filter((income) => classify(income.code)?.treatment === 'counted' && income.gross.isPositive());
    if (taxable.length === 0) throw new DomainValidationError(`withholds tax but reports no income to withhold it from`, report.reportId);
    const shares = allocate(reportWithholding, taxable.map((income) => income.gross.toDecimalString()));
    taxable.forEach((income, i) => (income.withheld = income.withheld.add(shares[i])));
  }
  return {
    records: incomes.map((income) => ({
      source: 'incomes-register',
      reportId: report.reportId,
      register: report.delivery,
      typeCode: income.code,
      payer: report.payer,
      paymentDate: report.paymentDate,
      earningPeriod: income.period,
      gross: income.gross.toDecimalString(),
      withheld: income.withheld.toDecimalString(),
    })),
    unknownCodes,
  };
}
