import { completionRefusal, creditDeductionMonth, isSettledIn, SettleableItem, settlementTimetable } from './settlement-timetable';

describe('the monthly settlement timetable (seed 003 §4.3.2, §4.3.5.3)', () => {
  it('records March automatically on the 4th of March and settles it on the 4th of April', () => {
    expect(settlementTimetable('2016-03')).toEqual({ month: '2016-03', autoRecordingOn: '2016-03-04', confirmBy: '2016-04-02', approveBy: '2016-04-03', settleOn: '2016-04-04' });
    expect(settlementTimetable('2016-12').settleOn).toBe('2017-01-04');
  });
});

describe('what a month’s settlement pays', () => {
  const item = (over: Partial<SettleableItem>): SettleableItem => ({ endDate: '2015-11-30', complete: true, approval: 'not-needed', settled: false, ...over });

  it('pays the month’s complete events and leaves out incomplete ones', () => {
    expect(isSettledIn(item({}), '2015-11')).toBe(true);
    expect(isSettledIn(item({ complete: false }), '2015-11')).toBe(false);
  });

  it('pays an interruption across a month end a month later: 5.11.–8.12. in December’s settlement (§4.3.5.4)', () => {
    expect(isSettledIn(item({ endDate: null }), '2015-11')).toBe(false);
    expect(isSettledIn(item({ endDate: '2015-12-08' }), '2015-11')).toBe(false);
    expect(isSettledIn(item({ endDate: '2015-12-08' }), '2015-12')).toBe(true);
  });

  it('holds back what waits for manual approval and never pays a rejected event', () => {
    expect(isSettledIn(item({ approval: 'pending' }), '2015-11')).toBe(false);
    expect(isSettledIn(item({ approval: 'approved' }), '2015-11')).toBe(true);
    expect(isSettledIn(item({ approval: 'rejected' }), '2015-12')).toBe(false);
  });

  it('pays a late event of a settled month in the next settlement, and nothing twice', () => {
    expect(isSettledIn(item({ endDate: '2015-10-31' }), '2015-11')).toBe(true);
    expect(isSettledIn(item({ settled: true }), '2015-12')).toBe(false);
  });
});

describe('when a credit request is deducted (§4.3.5.6, §4.3.8)', () => {
  it('deducts the credit of an overrun approved before its settlement in the settlement after it', () => {
    expect(creditDeductionMonth({ endDate: '2016-03-11', settledInMonth: null }, '2016-03')).toBe('2016-04');
  });

  it('deducts the credit of an event already paid in the next open settlement', () => {
    expect(creditDeductionMonth({ endDate: '2016-04-20', settledInMonth: '2016-04' }, '2016-05')).toBe('2016-05');
    expect(creditDeductionMonth({ endDate: '2016-04-20', settledInMonth: '2016-04' }, '2016-07')).toBe('2016-07');
  });

  it('follows an unsettled event of a locked month into the first open settlement', () => {
    expect(creditDeductionMonth({ endDate: '2016-02-10', settledInMonth: null }, '2016-04')).toBe('2016-05');
  });
});

describe('completing a record', () => {
  it('completes what has ended, not what is still to come', () => {
    expect(completionRefusal('2016-03-31', '2016-04-01')).toBeUndefined();
    expect(completionRefusal('2016-03-31', '2016-03-31')).toBeUndefined();
    expect(completionRefusal('2016-03-31', '2016-03-30')).toBe('it ends on 2016-03-31: it is completed once that day has come');
    expect(completionRefusal(null, '2016-03-30')).toBe('an interruption is completed once it has an end date');
  });
});
