import { DomainValidationError } from '../errors';
import { DeferralRequest, decideDeferral } from './deferral';

const request = (requestedDueDate: string, role: string, more: Partial<DeferralRequest> = {}): DeferralRequest => ({
  originalDueDate: '2026-01-15',
  requestedDueDate,
  role,
  isEstate: false,
  ...more,
});

describe('decideDeferral', () => {
  it('lets a client-fee officer grant up to 3 calendar months', () => {
    expect(decideDeferral(request('2026-02-15', 'client-fee-officer'))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2026-04-15', 'client-fee-officer'))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2026-01-16', 'client-fee-officer'))).toEqual({ outcome: 'granted' });
  });

  it('sends an officer’s longer request (4 months, up to 12) to the billing supervisor', () => {
    expect(decideDeferral(request('2026-04-16', 'client-fee-officer'))).toEqual({ outcome: 'needs-supervisor-approval' });
    expect(decideDeferral(request('2026-05-15', 'client-fee-officer'))).toEqual({ outcome: 'needs-supervisor-approval' });
    expect(decideDeferral(request('2027-01-15', 'client-fee-officer'))).toEqual({ outcome: 'needs-supervisor-approval' });
  });

  it('lets the billing supervisor grant up to 12 months', () => {
    expect(decideDeferral(request('2026-02-15', 'billing-supervisor'))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2026-05-15', 'billing-supervisor'))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2027-01-15', 'billing-supervisor'))).toEqual({ outcome: 'granted' });
  });

  it('refuses more than 12 months, naming the limit and the role', () => {
    expect(decideDeferral(request('2027-02-15', 'billing-supervisor'))).toEqual({
      outcome: 'refused',
      reason:
        "the requested due date 2027-02-15 is beyond the billing supervisor's limit of 12 months (at the latest 2027-01-15); no role may defer further (requested by the billing supervisor)",
      limit: { months: 12, latestDueDate: '2027-01-15', role: 'billing-supervisor' },
      role: 'billing-supervisor',
    });
    expect(decideDeferral(request('2027-01-16', 'client-fee-officer'))).toMatchObject({
      outcome: 'refused',
      limit: { months: 12, latestDueDate: '2027-01-15', role: 'billing-supervisor' },
      role: 'client-fee-officer',
      reason: expect.stringContaining('requested by the client-fee officer'),
    });
  });

  it('never defers an estate’s invoice: the billing team handles estates by hand', () => {
    for (const role of ['client-fee-officer', 'billing-supervisor']) {
      expect(decideDeferral(request('2026-02-15', role, { isEstate: true }))).toEqual({
        outcome: 'refused',
        reason: 'estates are handled manually by the billing team',
        limit: null,
        role,
      });
    }
  });

  it('refuses roles without deferral rights, naming the role', () => {
    for (const role of ['finance-centre', 'result-area-director', 'caseworker', 'collection-agency']) {
      expect(decideDeferral(request('2026-02-15', role))).toEqual({
        outcome: 'refused',
        reason: `role ${role} may not defer due dates: the client-fee officer grants up to 3 months and the billing supervisor up to 12 months`,
        limit: null,
        role,
      });
    }
  });

  it('refuses a requested date that is not after the original', () => {
    for (const date of ['2026-01-15', '2026-01-14']) {
      expect(decideDeferral(request(date, 'billing-supervisor'))).toEqual({
        outcome: 'refused',
        reason: `the requested due date ${date} is not after the original due date 2026-01-15`,
        limit: null,
        role: 'billing-supervisor',
      });
    }
  });

  it('counts calendar months with month-end clamping', () => {
    // 30.11.2025 + 3 months = 28.2.2026
    const endOfMonth = { originalDueDate: '2025-11-30' };
    expect(decideDeferral(request('2026-02-28', 'client-fee-officer', endOfMonth))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2026-03-01', 'client-fee-officer', endOfMonth))).toEqual({ outcome: 'needs-supervisor-approval' });
    // 29.2.2024 + 12 months = 28.2.2025
    const leapDay = { originalDueDate: '2024-02-29' };
    expect(decideDeferral(request('2025-02-28', 'billing-supervisor', leapDay))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2025-03-01', 'billing-supervisor', leapDay))).toMatchObject({ outcome: 'refused' });
  });

  it('follows configured limits', () => {
    const limits = { officerMonths: 1, supervisorMonths: 6 };
    expect(decideDeferral(request('2026-02-15', 'client-fee-officer', { limits }))).toEqual({ outcome: 'granted' });
    expect(decideDeferral(request('2026-02-16', 'client-fee-officer', { limits }))).toEqual({ outcome: 'needs-supervisor-approval' });
    expect(decideDeferral(request('2026-07-16', 'billing-supervisor', { limits }))).toMatchObject({
      outcome: 'refused',
      limit: { months: 6, latestDueDate: '2026-07-15', role: 'billing-supervisor' },
    });
    expect(decideDeferral(request('2026-01-16', 'client-fee-officer', { limits: { officerMonths: 0 } }))).toEqual({ outcome: 'needs-supervisor-approval' });
    expect(() => decideDeferral(request('2026-02-15', 'client-fee-officer', { limits: { officerMonths: 6, supervisorMonths: 3 } }))).toThrow(DomainValidationError);
  });

  it('refuses malformed requests', () => {
    expect(() => decideDeferral(request('2026-02-30', 'client-fee-officer'))).toThrow('requestedDueDate: day 30 does not exist in 2026-02');
    expect(() => decideDeferral(request('2026-02-15', 'client-fee-officer', { originalDueDate: '15.1.2026' }))).toThrow('originalDueDate: must be a date in the form YYYY-MM-DD');
    expect(() => decideDeferral(request('2026-02-15', 'client-fee-officer', { isEstate: 'no' as never }))).toThrow('isEstate: must be true or false');
  });
});
