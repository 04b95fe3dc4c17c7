import { claimMonths, coversEscalationMonths } from './escalation';

describe('escalation at three months of claims (seed 004)', () => {
  it('counts the distinct months the unpaid claims cover', () => {
    expect(claimMonths([{ period: '2026-01' }, { period: '2026-01' }, { period: '2026-02' }])).toBe(2);
    expect(coversEscalationMonths([{ period: '2026-01' }, { period: '2026-01' }, { period: '2026-02' }])).toBe(false);
  });

  it('escalates at three months, not at three invoices of one month', () => {
    expect(coversEscalationMonths([{ period: '2026-01' }, { period: '2026-02' }, { period: '2026-04' }])).toBe(true);
    expect(coversEscalationMonths([{ period: '2026-03' }, { period: '2026-03' }, { period: '2026-03' }])).toBe(false);
  });
});
