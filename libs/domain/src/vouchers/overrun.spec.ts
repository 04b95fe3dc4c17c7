import { checkOverrun, grantPeriodOf } from './overrun';

describe('an event past the granted amount (seed 003 §4.3.5.6)', () => {
  it('sends the seed’s fifth event of the week to manual approval: 10 h/week granted, 10 h 30 min recorded', () => {
    const grant = { quantity: 10 * 60, per: 'week' as const };
    // 7.3.2016 2 h, 8.3. 2 h 15 min, 9.3. 2 h, 10.3. 2 h 15 min, 11.3. 2 h
    const events = [120, 135, 120, 135, 120];
    const checks = events.map((minutes, index) => checkOverrun(grant, events.slice(0, index).reduce((a, b) => a + b, 0), minutes));
    expect(checks.map((check) => check.exceeds)).toEqual([false, false, false, false, true]);
    expect(checks[4].overBy).toBe(30);
  });

  it('lets an event that reaches the grant exactly through', () => {
    expect(checkOverrun({ quantity: 600, per: 'week' }, 480, 120)).toEqual({ exceeds: false, overBy: 0 });
  });

  it('counts a week from Monday to Sunday and a month by the calendar', () => {
    expect(grantPeriodOf('2016-03-11', 'week')).toEqual({ from: '2016-03-07', to: '2016-03-13' });
    expect(grantPeriodOf('2016-03-13', 'week')).toEqual({ from: '2016-03-07', to: '2016-03-13' });
    expect(grantPeriodOf('2016-03-14', 'week')).toEqual({ from: '2016-03-14', to: '2016-03-20' });
    expect(grantPeriodOf('2016-02-10', 'month')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
  });
});
