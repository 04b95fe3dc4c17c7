import { incomeSourcesOf } from './income-sources';
import { summarisePersonIncomes } from './income-summary';
import { monthly, TEST_TABLE } from './test-support';

describe('incomeSourcesOf', () => {
  it('names each counted income’s register, its reports’ months and the latest report id; excluded incomes are not sources', () => {
    const summary = summarisePersonIncomes({
      reviewDate: '2026-11-20',
      records: [...monthly('benefits', '1001', 'Testieläkevakuutus Oy', '1650.00'), ...monthly('benefits', '1301', 'Kansaneläkelaitos', '210.00')],
      table: TEST_TABLE,
    });
    const [line] = summary.lines;
    expect(incomeSourcesOf('client', summary)).toEqual([`Incomes Register: 1001 ${line.typeName}, 12 reports 11/2025–10/2026, latest report 1001-2026-10`]);
    expect(incomeSourcesOf('spouse', summary)[0]).toMatch(/^Incomes Register: spouse’s 1001 /);
  });
});
