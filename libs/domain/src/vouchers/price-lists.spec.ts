import { priceListFor, priceListPeriods } from './price-lists';

describe('price lists valid until further notice (seed 003 §1.3.7)', () => {
  const company2015 = { id: 'company-2015', unitId: null, validFrom: '2015-01-01' };
  const company2016 = { id: 'company-2016', unitId: null, validFrom: '2016-01-01' };
  const unitA2015 = { id: 'a-2015', unitId: 'unit-a', validFrom: '2015-06-01' };
  const unitA2016 = { id: 'a-2016', unitId: 'unit-a', validFrom: '2016-03-01' };
  const lists = [company2016, unitA2016, company2015, unitA2015];

  it('ends each list the day before the next list of the same unit starts', () => {
    const periods = Object.fromEntries(priceListPeriods(lists).map((period) => [period.id, [period.validFrom, period.validTo]]));
    expect(periods).toEqual({
      'company-2015': ['2015-01-01', '2015-12-31'],
      'company-2016': ['2016-01-01', null],
      'a-2015': ['2015-06-01', '2016-02-29'],
      'a-2016': ['2016-03-01', null],
    });
  });

  it('chooses by the event date, not the entry date: December 2015 takes the 2015 list whenever it is recorded', () => {
    expect(priceListFor(lists, { unitId: null, date: '2015-12-31' })?.id).toBe('company-2015');
    expect(priceListFor(lists, { unitId: null, date: '2016-01-01' })?.id).toBe('company-2016');
  });

  it('prefers the unit’s own list and falls back to the company’s', () => {
    expect(priceListFor(lists, { unitId: 'unit-a', date: '2015-05-31' })?.id).toBe('company-2015');
    expect(priceListFor(lists, { unitId: 'unit-a', date: '2015-06-01' })?.id).toBe('a-2015');
    expect(priceListFor(lists, { unitId: 'unit-a', date: '2016-02-29' })?.id).toBe('a-2015');
    expect(priceListFor(lists, { unitId: 'unit-a', date: '2016-03-01' })?.id).toBe('a-2016');
    expect(priceListFor(lists, { unitId: 'unit-b', date: '2016-03-01' })?.id).toBe('company-2016');
  });

  it('has no price before the first list', () => {
    expect(priceListFor(lists, { unitId: 'unit-a', date: '2014-12-31' })).toBeUndefined();
  });

  it('refuses a second list of the same unit from the same day', () => {
    expect(() => priceListPeriods([...lists, { id: 'again', unitId: 'unit-a', validFrom: '2016-03-01' }])).toThrow('validFrom: the unit already has a price list from 2016-03-01');
  });
});
