import { parseQuarter, quarterOf } from './quarter';

describe('quarters of the reconciliation (seed 004)', () => {
  it('reads a quarter and lists its month ends', () => {
    expect(parseQuarter('2028-Q1')).toEqual({ label: '2028-Q1', from: '2028-01-01', to: '2028-03-31', monthEnds: ['2028-01-31', '2028-02-29', '2028-03-31'] });
    expect(parseQuarter('2027-Q4').monthEnds).toEqual(['2027-10-31', '2027-11-30', '2027-12-31']);
  });

  it('finds the quarter of a date', () => {
    expect(quarterOf('2027-06-30').label).toBe('2027-Q2');
    expect(quarterOf('2027-07-01').label).toBe('2027-Q3');
  });

  it('refuses anything else', () => {
    expect(() => parseQuarter('2027-Q5')).toThrow(/quarter: must be a quarter such as 2027-Q1/);
    expect(() => parseQuarter('2027Q1')).toThrow(/quarter/);
  });
});
