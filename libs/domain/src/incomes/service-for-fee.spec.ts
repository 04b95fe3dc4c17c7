import type { DecidedService } from '../billing/types';
import { serviceForFeeOf } from './service-for-fee';

const service = (overrides: Partial<DecidedService>): DecidedService => ({
  serviceCode: 'HOME-CARE',
  description: 'Home care',
  kind: 'fi-home-care',
  validFrom: '2026-01-01',
  validTo: null,
  serviceCost: '1100.00',
  hoursPerMonth: '10',
  careType: null,
  monthlyFee: null,
  absenceDeductible: true,
  includesCareHousingFood: false,
  ...overrides,
});

describe('the service a fee decision is for, from invoicing’s decided services', () => {
  it('takes the one home care service in force on the review date, with its hours and cost', () => {
    expect(serviceForFeeOf([service({})], '2026-11-20')).toEqual({ service: { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '1100.00' }, serviceCode: 'HOME-CARE' });
  });

  it('takes long-term care with its care type', () => {
    const housing = service({ serviceCode: 'TEHO', kind: 'fi-long-term-care', hoursPerMonth: null, careType: 'enhanced-service-housing', serviceCost: '3200.00' });
    expect(serviceForFeeOf([housing], '2026-11-20')).toEqual({ service: { kind: 'fi-long-term-care', careType: 'enhanced-service-housing', serviceCost: '3200.00' }, serviceCode: 'TEHO' });
    expect(serviceForFeeOf([{ ...housing, careType: 'sheltered-housing' }], '2026-11-20')).toMatchObject({ service: null, reason: expect.stringContaining('no care type') });
  });

  it('leaves out services not in force that day, and those the income-based rules do not price', () => {
    const ended = service({ validTo: '2026-10-31' });
    const later = service({ validFrom: '2026-12-01' });
    const support = service({ serviceCode: 'MEALS', kind: 'fixed-monthly', hoursPerMonth: null, monthlyFee: '40.00' });
    expect(serviceForFeeOf([ended, later, support], '2026-11-20')).toEqual({ service: null, reason: 'the client has no home care or long-term care service decided in invoicing on 2026-11-20' });
    // The last day of a service still counts, and so does its first.
    expect(serviceForFeeOf([ended], '2026-10-31').service).not.toBeNull();
    expect(serviceForFeeOf([later], '2026-12-01').service).not.toBeNull();
  });

  it('does not choose between two services in force: the officer names the one', () => {
    const found = serviceForFeeOf([service({}), service({ serviceCode: 'TEHO', kind: 'fi-long-term-care', hoursPerMonth: null, careType: 'family-care' })], '2026-11-20');
    expect(found).toEqual({ service: null, reason: expect.stringContaining('2 home care or long-term care services') });
  });

  it('needs the hours of home care', () => {
    expect(serviceForFeeOf([service({ hoursPerMonth: null })], '2026-11-20')).toMatchObject({ service: null, reason: expect.stringContaining('no hours') });
  });
});
