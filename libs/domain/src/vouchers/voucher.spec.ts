import { voucherEndAfterDeath, voucherPeriodRefusal } from './voucher';

describe('a voucher after its client’s death (seed 003 §4.3.2)', () => {
  it('ends on the day after the death', () => {
    expect(voucherEndAfterDeath(null, '2016-03-31')).toBe('2016-04-01');
    expect(voucherEndAfterDeath('2016-12-31', '2016-03-31')).toBe('2016-04-01');
  });

  it('keeps an earlier end of its own', () => {
    expect(voucherEndAfterDeath('2016-03-15', '2016-03-31')).toBe('2016-03-15');
  });
});

describe('recording on a voucher', () => {
  const voucher = { validFrom: '2016-01-01', validTo: '2016-04-01' };

  it('accepts what lies within the validity', () => {
    expect(voucherPeriodRefusal(voucher, { startDate: '2016-03-01', endDate: '2016-03-31' })).toBeUndefined();
    expect(voucherPeriodRefusal(voucher, { startDate: '2016-03-20', endDate: null })).toBeUndefined();
  });

  it('refuses what lies outside it', () => {
    expect(voucherPeriodRefusal(voucher, { startDate: '2015-12-31', endDate: '2016-01-02' })).toBe('the voucher is valid from 2016-01-01');
    expect(voucherPeriodRefusal(voucher, { startDate: '2016-04-01', endDate: '2016-04-02' })).toBe('the voucher is valid until 2016-04-01');
  });
});
