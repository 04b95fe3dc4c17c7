import { Money } from '../money/money';
import { splitInterruption } from './interruption-rule';
import { eventQuantity, eventValue, interruptionCompensation, UnitValues, unitsOf } from './service-value';

const eur = (amount: string) => Money.parse(amount, 'EUR');
const flat = (price: string, voucher: string) => (): UnitValues => ({ price: eur(price), voucherValue: eur(voucher) });

describe('the units of a service event (seed 003 §4.3.1)', () => {
  it('counts the days of a daily event with both ends included', () => {
    expect(eventQuantity('day', { startDate: '2015-07-01', endDate: '2015-07-01' })).toBe(1);
    expect(eventQuantity('day', { startDate: '2015-07-17', endDate: '2015-07-31' })).toBe(15);
  });

  it('keeps a daily event within one month', () => {
    expect(() => eventQuantity('day', { startDate: '2015-07-17', endDate: '2015-08-02' })).toThrow('endDate: a daily event lies within one month');
  });

  it('counts hours in minutes and visits on one day', () => {
    expect(eventQuantity('hour', { startDate: '2016-03-08', endDate: '2016-03-08', minutes: 135 })).toBe(135);
    expect(unitsOf('hour', 135).toString()).toBe('2.25');
    expect(eventQuantity('visit', { startDate: '2016-03-08', endDate: '2016-03-08', visits: 2 })).toBe(2);
    expect(() => eventQuantity('hour', { startDate: '2016-03-08', endDate: '2016-03-09', minutes: 60 })).toThrow('endDate: an event counted in hours is recorded for one day');
    expect(() => eventQuantity('hour', { startDate: '2016-03-08', endDate: '2016-03-08' })).toThrow('minutes: is required');
    expect(() => eventQuantity('day', { startDate: '2016-03-08', endDate: '2016-03-07' })).toThrow('endDate: must not be before the start date (2016-03-08)');
  });
});

describe('the value of an event: units × unit value', () => {
  it('splits the price into the voucher’s part and the client’s own share', () => {
    const value = eventValue('day', { startDate: '2015-07-17', endDate: '2015-07-31' }, flat('98.50', '82.00'), 'EUR');
    expect([value.price, value.voucherValue, value.ownShare].map(String)).toEqual(['1477.50 EUR', '1230.00 EUR', '247.50 EUR']);
  });

  it('never pays more than the price from the voucher', () => {
    const value = eventValue('day', { startDate: '2015-07-01', endDate: '2015-07-02' }, flat('70.00', '82.00'), 'EUR');
    expect([value.voucherValue, value.ownShare].map(String)).toEqual(['140.00 EUR', '0.00 EUR']);
  });

  it('prices each day by the list in force that day', () => {
    const valuesOn = (date: string): UnitValues => (date < '2016-01-15' ? { price: eur('90.00'), voucherValue: eur('80.00') } : { price: eur('95.00'), voucherValue: eur('80.00') });
    const value = eventValue('day', { startDate: '2016-01-13', endDate: '2016-01-16' }, valuesOn, 'EUR');
    expect(String(value.price)).toBe('370.00 EUR');
    expect(String(value.ownShare)).toBe('50.00 EUR');
  });

  it('values hours exactly and rounds once: 2 h 15 min at 33.33 €', () => {
    const value = eventValue('hour', { startDate: '2016-03-08', endDate: '2016-03-08', minutes: 135 }, flat('33.33', '30.00'), 'EUR');
    // 2.25 × 33.33 = 74.9925 → 74.99; 2.25 × 30 = 67.50
    expect([value.price, value.voucherValue, value.ownShare].map(String)).toEqual(['74.99 EUR', '67.50 EUR', '7.49 EUR']);
  });
});

describe('the compensation of an interruption', () => {
  it('pays the voucher value at each day’s percentage: the seed example at 82 € a day', () => {
    const split = splitInterruption('2015-07-02', '2015-07-17');
    expect(String(interruptionCompensation(split, flat('98.50', '82.00'), 'EUR'))).toBe('984.00 EUR');
  });

  it('rounds the exact sum once', () => {
    const split = splitInterruption('2017-03-01', '2017-03-03', {
      validFrom: '2017-01-01',
      serviceCode: null,
      reason: null,
      bands: [{ fromDay: 0, toDay: null, percent: 33 }],
      returnDayPercent: 33,
    });
    // 3 × 0.33 × 10.05 = 9.9495 → 9.95 (rounding each day would give 3 × 3.32 = 9.96)
    expect(String(interruptionCompensation(split, flat('10.05', '10.05'), 'EUR'))).toBe('9.95 EUR');
  });
});
