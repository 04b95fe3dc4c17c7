import { recordsFromReport } from './income-records';
import { summarisePersonIncomes } from './income-summary';
import { monthly, TEST_TABLE } from './test-support';

const PENSION_PROVIDER = 'Testieläkevakuutus Oy';
const KELA = 'Kansaneläkelaitos';

describe('summarisePersonIncomes', () => {
  it('counts a single pensioner’s pensions at their monthly amount, leaves the housing allowance out with the reason and adds capital income from taxation', () => {
    const records = [
      ...monthly('benefits', '1001', PENSION_PROVIDER, '1650.00', 17.5),
      ...monthly('benefits', '1002', KELA, '120.50', 17.5),
      ...monthly('benefits', '1301', KELA, '210.00'),
      { source: 'tax-administration' as const, reportId: 'VERO-2025-1', register: 'taxation' as const, typeCode: 'capital-income', payer: null, paymentDate: null, earningPeriod: { start: '2025-01-01', end: '2025-12-31' }, gross: '600.00', withheld: '0.00' },
      { source: 'tax-administration' as const, reportId: 'VERO-2025-1', register: 'taxation' as const, typeCode: 'earned-income', payer: null, paymentDate: null, earningPeriod: { start: '2025-01-01', end: '2025-12-31' }, gross: '21246.00', withheld: '0.00' },
    ];
    const summary = summarisePersonIncomes({ reviewDate: '2026-12-03', records, table: TEST_TABLE });
    expect(summary.window).toEqual({ from: '2025-11', to: '2026-10' });
    expect(summary.lines.map((l) => [l.typeCode, l.rule, l.grossMonthly, l.netMonthly])).toEqual([
      ['1001', 'regular', '1650.00', '1361.25'],
      ['1002', 'regular', '120.50', '99.41'],
      ['capital-income', 'yearly-taxation', '50.00', '35.00'],
    ]);
    // 1650 + 120.50 + 50: earned income from taxation is the register's pensions again and is not added.
    expect(summary.grossMonthly).toBe('1820.50');
    expect(summary.excluded).toEqual([expect.objectContaining({ typeCode: '1301', grossMonthly: '210.00', reason: 'Housing allowance is not counted' })]);
    expect(summary.lines[0].provenance).toHaveLength(12);
    expect(summary.lines[0].provenance[11]).toEqual({ source: 'incomes-register', reportId: '1001-2026-10', period: { start: '2026-10-01', end: '2026-10-31' }, paymentDate: '2026-10-15', gross: '1650.00' });
  });

  it('averages varying wages over 12 months, the unpaid month included, and excludes the disability allowance', () => {
    const wages = ['1900.00', '2100.00', '2000.00', '1950.00', '2050.00', '2000.00', '2000.00', '1980.00', '2020.00', '0.00', '2000.00', '2000.00'];
    const summary = summarisePersonIncomes({
      reviewDate: '2026-11-20',
      records: [...monthly('earnings', '201', 'Esimerkkityönantaja Oy', wages, 19.5), ...monthly('benefits', '1302', KELA, '101.14')],
      table: TEST_TABLE,
    });
    const [line] = summary.lines;
    // 22,000.00 ÷ 12 = 1,833.333… → 1,833.33; net 17,710.00 ÷ 12 = 1,475.833… → 1,475.83.
    expect([line.rule, line.grossMonthly, line.netMonthly]).toEqual(['averaged-12-months', '1833.33', '1475.83']);
    expect(line.explanation).toContain('22000.00 EUR earned 2025-11 … 2026-10 ÷ 12');
    expect(summary.excluded.map((e) => e.typeCode)).toEqual(['1302']);
  });

  it('marks self-reported income, and says when there is nothing at all', () => {
    const reported = summarisePersonIncomes({
      reviewDate: '2026-11-20',
      records: [{ source: 'self-reported', reportId: 'entry-1', register: 'self-reported', typeCode: 'rental-income', payer: null, paymentDate: null, earningPeriod: { start: '2026-11-01', end: '2026-11-30' }, gross: '300.00', withheld: '0.00', description: 'Rent from a summer cottage' }],
      table: TEST_TABLE,
    });
    expect(reported.lines).toEqual([expect.objectContaining({ selfReported: true, rule: 'self-reported', typeName: 'Rent from a summer cottage', grossMonthly: '300.00' })]);
    const nothing = summarisePersonIncomes({ reviewDate: '2026-11-20', records: [], table: TEST_TABLE });
    expect([nothing.hasData, nothing.grossMonthly, nothing.lines]).toEqual([false, '0.00', []]);
  });

  it('points out stale register data and codes the table does not know', () => {
    const old = monthly('benefits', '1001', PENSION_PROVIDER, '1000.00').slice(0, 6);
    const summary = summarisePersonIncomes({ reviewDate: '2026-12-03', records: old, table: TEST_TABLE, unknownCodes: ['1999'] });
    expect(summary.notes).toEqual(['income type code 1999 is not in the code table: check the report and the table', 'the latest register report is for 2026-04: check whether payments have stopped']);
    // The window follows the latest report, so the figure stands but the officer is told to check it.
    expect(summary.window).toEqual({ from: '2025-05', to: '2026-04' });
    expect(summary.lines[0]).toMatchObject({ rule: 'regular', grossMonthly: '1000.00' });
  });

  it('averages an income that stopped while others go on', () => {
    const stopped = monthly('earnings', '201', 'Former Employer Oy', '1200.00').slice(0, 3);
    const summary = summarisePersonIncomes({ reviewDate: '2026-11-20', records: [...stopped, ...monthly('benefits', '1001', 'Testieläkevakuutus Oy', '900.00')], table: TEST_TABLE });
    expect(summary.lines.map((l) => [l.typeCode, l.rule, l.grossMonthly])).toEqual([
      ['1001', 'regular', '900.00'],
      ['201', 'averaged-12-months', '300.00'],
    ]);
  });
});

describe('recordsFromReport', () => {
  it('shares an earnings report’s withholding among its incomes to the cent and skips totals', () => {
    const { records, unknownCodes } = recordsFromReport(
      {
        reportId: 'r-1', delivery: 'earnings', payer: 'Employer Oy', paymentDate: '2026-10-15',
        transactions: [
          { code: '201', amount: '1000.00', earningPeriod: { start: '2026-10-01', end: '2026-10-31' }, deductions: [] },
          { code: '201', amount: '500.00', earningPeriod: { start: '2026-10-01', end: '2026-10-31' }, deductions: [] },
          { code: '101', amount: '1500.00', earningPeriod: null, deductions: [] },
          { code: '402', amount: '300.01', earningPeriod: null, deductions: [] },
          { code: '777', amount: '5.00', earningPeriod: null, deductions: [] },
        ],
      },
      TEST_TABLE,
    );
    expect(records.map((r) => [r.gross, r.withheld])).toEqual([['1000.00', '200.01'], ['500.00', '100.00']]);
    expect(unknownCodes).toEqual(['777']);
  });

  it('reads a benefit’s own withholding', () => {
    const { records } = recordsFromReport(
      { reportId: 'b-1', delivery: 'benefits', payer: 'Kela', paymentDate: '2026-10-15', transactions: [{ code: '1002', amount: '120.50', earningPeriod: { start: '2026-10-01', end: '2026-10-31' }, deductions: [{ code: '1701', amount: '21.09' }] }] },
      TEST_TABLE,
    );
    expect(records[0]).toMatchObject({ gross: '120.50', withheld: '21.09', earningPeriod: { start: '2026-10-01', end: '2026-10-31' } });
  });
});
