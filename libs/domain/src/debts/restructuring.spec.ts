import { restructuringProblem, restructuringWriteOffDate } from './restructuring';

const decision = { decidedOn: '2026-03-02', effectiveOn: '2026-04-01', decisionReference: 'KFM 2026-1234', invoiceIds: ['a', 'b'] };

describe('debt restructuring (skuldsanering / velkajärjestely)', () => {
  it.each([
    ['2026-04-01', '2031-04-01'],
    ['2024-02-29', '2029-02-28'],
    ['2028-02-29', '2033-02-28'],
    ['2027-12-31', '2032-12-31'],
  ])('writes the rest off five calendar years after %s: %s (seed 004)', (effective, writeOff) => {
    expect(restructuringWriteOffDate(effective)).toBe(writeOff);
  });

  it('refuses a date that does not exist', () => {
    expect(() => restructuringWriteOffDate('2025-02-29')).toThrow(/effectiveOn: day 29 does not exist/);
  });

  it('checks the decision', () => {
    expect(restructuringProblem(decision)).toBeUndefined();
    expect(restructuringProblem({ ...decision, effectiveOn: '2026-03-01' })).toEqual({ field: 'effectiveOn', reason: 'a decision takes effect on or after the day it is made' });
    expect(restructuringProblem({ ...decision, decisionReference: ' ' })?.field).toBe('decisionReference');
    expect(restructuringProblem({ ...decision, invoiceIds: [] })).toEqual({ field: 'invoiceIds', reason: 'name the invoices the decision covers' });
    expect(restructuringProblem({ ...decision, invoiceIds: ['a', 'a'] })).toEqual({ field: 'invoiceIds', reason: 'an invoice is named twice' });
    expect(() => restructuringProblem({ ...decision, decidedOn: '2.3.2026' })).toThrow(/decidedOn/);
  });
});
