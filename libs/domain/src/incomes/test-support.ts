import { parseIncomeTypeTable } from './income-types';

/** The code table rows the specs use; the shipped table is the service's CSV. */
export const TEST_TABLE = parseIncomeTypeTable(
  [
    'register,code,name_en,name_fi,name_sv,treatment,reason,confirmed,source',
    'earnings,201,Time-rate pay,Aikapalkka,Tidlön,counted,,yes,test',
    'earnings,402,Withholding tax,Ennakonpidätys,Förskottsinnehållning,withholding,,check,test',
    'earnings,101,Total wage income,Palkka yhteensä,Lön,total,repeats itemised types,check,test',
    'benefits,1001,Earnings-related old-age pension,Työeläke,Arbetspension,counted,,check,test',
    'benefits,1002,National pension,Kansaneläke,Folkpension,counted,,check,test',
    "benefits,1301,Pensioners' housing allowance,Asumistuki,Bostadsbidrag,excluded,Housing allowance is not counted,check,test",
    'benefits,1302,Disability allowance,Vammaistuki,Handikappbidrag,excluded,Disability allowance is not counted,check,test',
    'benefits,1701,Withholding tax on benefits,Ennakonpidätys,Förskottsinnehållning,withholding,,check,test',
  ].join('\n'),
);

const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
export const FIXTURE_MONTHS = months;

const lastDay = (m: string) => `${m}-${['04', '06', '09', '11'].includes(m.slice(5)) ? '30' : m.endsWith('02') ? '28' : '31'}`;

/** Twelve monthly register records of one type, as the fixtures pay them (on the 15th). */
export function monthly(register: 'earnings' | 'benefits', typeCode: string, payer: string, amounts: string[] | string, withheldPercent = 0) {
  return months.map((m, i) => {
    const gross = Array.isArray(amounts) ? amounts[i] : amounts;
    const withheld = ((Math.round(Number(gross) * 100) * withheldPercent) / 10000).toFixed(2);
    return {
      source: 'incomes-register' as const,
      reportId: `${typeCode}-${m}`,
      register,
      typeCode,
      payer,
      paymentDate: `${m}-15`,
      earningPeriod: { start: `${m}-01`, end: lastDay(m) },
      gross,
      withheld,
    };
  });
}
