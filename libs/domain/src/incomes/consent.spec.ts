import { ConsentRecord, consentInForce, fetchPermission } from './consent';

const given: ConsentRecord = { status: 'given', sources: ['incomes-register', 'population-register'], validFrom: '2026-01-01', validTo: '2026-12-31', recordedBy: 'officer-1', recordedAt: '2026-01-02T10:00:00Z' };

describe('consent', () => {
  it('allows a source the consent in force covers', () => {
    expect(fetchPermission([given], 'incomes-register', '2026-06-01')).toMatchObject({ allowed: true, grounds: 'consent' });
    expect(fetchPermission([given], 'tax-administration', '2026-06-01')).toEqual({ allowed: false, reason: 'the consent does not cover tax-administration: record a wider consent or the legal basis' });
    expect(fetchPermission([given], 'incomes-register', '2027-01-01')).toMatchObject({ allowed: false, reason: expect.stringMatching(/has not been asked/) });
  });

  it('lets a later withdrawal or refusal stand, and a recorded legal basis override it', () => {
    const withdrawn: ConsentRecord = { ...given, status: 'withdrawn', validFrom: '2026-06-01', validTo: null, recordedAt: '2026-06-01T08:00:00Z' };
    expect(consentInForce([given, withdrawn], '2026-06-02')?.status).toBe('withdrawn');
    expect(fetchPermission([given, withdrawn], 'incomes-register', '2026-06-02')).toMatchObject({ allowed: false, reason: expect.stringMatching(/consent is withdrawn/) });
    expect(fetchPermission([given, withdrawn], 'incomes-register', '2026-06-02', { basis: 'statutory right to obtain income data', recordedBy: 'officer-2', recordedAt: '2026-06-02T09:00:00Z' })).toMatchObject({
      allowed: true,
      grounds: 'legal-basis',
    });
  });
});
