import { proposeFee } from './fee-proposal';
import { householdOf } from './household';
import { summarisePersonIncomes } from './income-summary';
import { monthly, TEST_TABLE } from './test-support';

const summaryOf = (records: ReturnType<typeof monthly>) => summarisePersonIncomes({ reviewDate: '2026-11-20', records, table: TEST_TABLE });

describe('householdOf', () => {
  it('counts the client, a spouse and minors, not other adults', () => {
    const household = householdOf('2026-11-20', [
      { ref: 'spouse', birthDate: '1941-07-21', isSpouse: true },
      { ref: 'child', birthDate: '2010-01-01', isSpouse: false },
      { ref: 'adult-son', birthDate: '1990-01-01', isSpouse: false },
      { ref: 'turns-18', birthDate: '2008-11-20', isSpouse: false },
    ]);
    expect(household).toMatchObject({ size: 3, spouseRef: 'spouse', feeCalculationType: 'couple' });
    expect(household.explanation).toBe('the client, a spouse or cohabitant, 1 minor(s): household of 3 (2 other adult(s) in the dwelling not counted)');
    expect(householdOf('2026-11-20', [])).toMatchObject({ size: 1, spouseRef: null, feeCalculationType: 'single' });
  });
});

describe('proposeFee', () => {
  const eino = summaryOf(monthly('benefits', '1001', 'Testieläkevakuutus Oy', '2400.00', 21));
  const helmi = summaryOf([...monthly('benefits', '1001', 'Testieläkevakuutus Oy', '1100.00', 15), ...monthly('benefits', '1002', 'Kansaneläkelaitos', '310.20', 15)]);
  const couple = householdOf('2026-11-20', [{ ref: 'helmi', birthDate: '1941-07-21', isSpouse: true }]);

  it('proposes home care on the couple’s gross income with the household of two (2026 tables)', () => {
    const proposal = proposeFee({ date: '2026-12-01', service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '2000.00' }, household: couple, client: eino, spouse: helmi });
    // (2400 + 1100 + 310.20) − 1289 = 2521.20; 15.5 % → 390.79.
    expect(proposal).toMatchObject({ fee: '390.79', maximumFee: null, incomeUsed: { grossMonthly: '3810.20', householdSize: 2 } });
    expect(proposal.explanation.rules.map((r) => r.table)).toEqual(['FI home-care income limits', 'FI home-care percentages']);
  });

  it('applies the spouse rule in long-term care when the client earns more', () => {
    const proposal = proposeFee({ date: '2026-12-01', service: { kind: 'fi-long-term-care', careType: 'enhanced-service-housing', serviceCost: '4000.00' }, household: couple, client: eino, spouse: helmi });
    // Nets: Eino 1896.00, Helmi 935.00 + 263.67 = 1198.67; 42.5 % × 3094.67 = 1315.23.
    expect(proposal.incomeUsed).toMatchObject({ netMonthly: '1896.00', spouseNetMonthly: '1198.67' });
    expect(proposal.fee).toBe('1315.23');
    expect(proposal.explanation.lines.join('\n')).toContain('spouse rule');
  });

  it('proposes the maximum fee, flagged, when nothing is known of the income or the client accepts it', () => {
    const nothing = summarisePersonIncomes({ reviewDate: '2026-11-20', records: [], table: TEST_TABLE });
    const single = householdOf('2026-11-20', []);
    const noData = proposeFee({ date: '2026-12-01', service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '850.00' }, household: single, client: nothing });
    expect(noData).toMatchObject({ fee: '850.00', maximumFee: 'no-income-data' });
    expect(noData.explanation.lines[0]).toBe('no income data from the registers and none reported by the client');
    const accepted = proposeFee({ date: '2026-12-01', service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '850.00' }, household: single, client: eino, acceptsMaximumFee: true });
    expect(accepted.maximumFee).toBe('accepts-maximum-fee');
  });
});
