import { decidePaymentPlanLimit } from './plan-limit';

const plan = (role: string, ...instalmentDueDates: string[]) => decidePaymentPlanLimit({ originalDueDate: '2026-01-15', instalmentDueDates, role });

describe('decidePaymentPlanLimit (seed 000: a plan is bounded like a deferral)', () => {
  it('lets the officer make a plan whose last instalment is within 3 months of the original due date', () => {
    expect(plan('client-fee-officer', '2026-02-15', '2026-03-15', '2026-04-15')).toEqual({ outcome: 'granted' });
  });

  it('sends an officer’s longer plan to the billing supervisor, naming the limit — also when only the last part is late', () => {
    const decision = plan('client-fee-officer', '2026-02-15', '2026-03-15', '2026-04-16');
    expect(decision).toEqual({
      outcome: 'needs-supervisor-approval',
      latestForOfficer: '2026-04-15',
      reason:
        "the last instalment 2026-04-16 is beyond the client-fee officer's limit of 3 months from the original due date 2026-01-15 (at the latest 2026-04-15): a longer plan needs the billing supervisor's approval",
    });
  });

  it('does not let an early first instalment hide a plan that runs for years', () => {
    const dueDates = Array.from({ length: 24 }, (_, i) => `${2026 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, '0')}-01`);
    expect(plan('client-fee-officer', ...dueDates).outcome).toBe('refused');
    expect(plan('billing-supervisor', ...dueDates)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/limit of 12 months .* no role may make a longer plan/) });
  });

  it('lets the billing supervisor make a plan up to 12 months', () => {
    expect(plan('billing-supervisor', '2026-06-15', '2027-01-15')).toEqual({ outcome: 'granted' });
    expect(plan('billing-supervisor', '2026-06-15', '2027-01-16').outcome).toBe('refused');
  });

  it('follows the organisation’s own (lower) limits, and measures calendar months with month-end clamping', () => {
    expect(decidePaymentPlanLimit({ originalDueDate: '2026-11-30', instalmentDueDates: ['2026-12-30', '2027-02-28'], role: 'client-fee-officer' })).toEqual({ outcome: 'granted' });
    expect(decidePaymentPlanLimit({ originalDueDate: '2026-01-15', instalmentDueDates: ['2026-02-15', '2026-03-15'], role: 'client-fee-officer', limits: { officerMonths: 1 } }).outcome).toBe(
      'needs-supervisor-approval',
    );
  });

  it('refuses roles that make no plans, and bad dates with their field', () => {
    expect(plan('finance-centre', '2026-02-15', '2026-03-15')).toMatchObject({ outcome: 'refused', reason: 'role finance-centre may not make payment plans: client-fee-officer and billing-supervisor do' });
    expect(() => plan('client-fee-officer', '2026-02-15', '2026-02-30')).toThrow(expect.objectContaining({ field: 'instalmentDueDates.1' }));
    expect(() => plan('client-fee-officer')).toThrow(expect.objectContaining({ field: 'instalmentDueDates' }));
  });
});
