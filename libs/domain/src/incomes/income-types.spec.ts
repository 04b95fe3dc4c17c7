import { parseIncomeTypeTable } from './income-types';

const HEADER = 'register,code,name_en,name_fi,name_sv,treatment,reason,confirmed,source';

describe('parseIncomeTypeTable', () => {
  it('reads codes with their treatment, names and reason, quoted fields included', () => {
    const table = parseIncomeTypeTable(
      [HEADER, 'earnings,201,Time-rate pay,Aikapalkka,Tidlön,counted,,yes,IR wages 2022', 'benefits,1301,Housing allowance,Asumistuki,Bostadsbidrag,excluded,"Not counted, Act 734/1992",check,IR'].join('\n'),
    );
    expect(table.find('earnings', '201')).toMatchObject({ treatment: 'counted', confirmed: true, names: { fi: 'Aikapalkka' } });
    expect(table.find('benefits', '1301')).toMatchObject({ treatment: 'excluded', reason: 'Not counted, Act 734/1992', confirmed: false });
    expect(table.find('benefits', '201')).toBeUndefined();
  });

  it('refuses a table that would misclassify incomes, naming the line', () => {
    expect(() => parseIncomeTypeTable('code,register\n')).toThrow(/must have the columns/);
    expect(() => parseIncomeTypeTable(`${HEADER}\nbenefits,1301,A,B,C,excluded,,yes,IR`)).toThrow('incomeTypes.line2: an excluded or total type must give the reason');
    expect(() => parseIncomeTypeTable(`${HEADER}\nwages,201,A,B,C,counted,,yes,IR`)).toThrow(/line2: register must be/);
    expect(() => parseIncomeTypeTable(`${HEADER}\nearnings,201,A,B,C,maybe,,yes,IR`)).toThrow(/treatment must be one of/);
    expect(() => parseIncomeTypeTable(`${HEADER}\nearnings,201,A,B,C,counted,,yes,IR\nearnings,201,A,B,C,counted,,yes,IR`)).toThrow('incomeTypes.line3: lists earnings code 201 twice');
  });
});
