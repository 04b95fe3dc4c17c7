import { DomainValidationError } from '../errors';
import { defaultLifecycleTerms } from './terms';
import { invoiceTimeline, transferRunDate } from './timeline';

const row = (invoiceDate: string, dueDate: string, transferEligibleDate: string, transferRunDate: string, reminderDueDate: string) => ({
  invoiceDate,
  dueDate,
  transferEligibleDate,
  transferRunDate,
  reminderDueDate,
});

describe('invoiceTimeline', () => {
  it('reproduces the seed example: billed 25.7.2017, due 11.8., transferred and reminded Tue 29.8.2017', () => {
    expect(invoiceTimeline('FI', '2017-07-25')).toEqual(row('2017-07-25', '2017-08-11', '2017-08-28', '2017-08-29', '2017-09-12'));
    expect(invoiceTimeline('FI', '2017-07-25', defaultLifecycleTerms('FI'))).toEqual(invoiceTimeline('FI', '2017-07-25'));
  });

  it('keeps its fields in timeline order, for JSON output', () => {
    expect(Object.keys(invoiceTimeline('FI', '2017-07-25'))).toEqual(['invoiceDate', 'dueDate', 'transferEligibleDate', 'transferRunDate', 'reminderDueDate']);
  });

  it.each([
    // Easter 2025: 4.4 + 14 = Good Friday 18.4; Easter Monday closed → due Thu 24.4; +17 = Sun 11.5 → Tue 13.5.
    ['FI', '2025-04-04', row('2025-04-04', '2025-04-24', '2025-05-11', '2025-05-13', '2025-05-27')],
    ['SE', '2025-04-04', row('2025-04-04', '2025-04-24', '2025-05-11', '2025-05-13', '2025-05-27')],
    // Eligible on Good Friday 18.4.2025: the next Tuesday run is the day after Easter Monday.
    ['FI', '2025-03-13', row('2025-03-13', '2025-04-01', '2025-04-18', '2025-04-22', '2025-05-06')],
    ['SE', '2025-03-13', row('2025-03-13', '2025-04-01', '2025-04-18', '2025-04-22', '2025-05-06')],
    // Midsummer 2026: 5.6 + 14 = Midsummer Eve 19.6 (closed in both) → due Wed 24.6; +17 = Sat 11.7 → Tue 14.7.
    ['FI', '2026-06-05', row('2026-06-05', '2026-06-24', '2026-07-11', '2026-07-14', '2026-07-28')],
    ['SE', '2026-06-05', row('2026-06-05', '2026-06-24', '2026-07-11', '2026-07-14', '2026-07-28')],
    // Christmas 2026: 10.12 + 14 = Christmas Eve → 28, 29, 30.12; +17 = Sat 16.1.2027 → Tue 19.1.
    ['FI', '2026-12-10', row('2026-12-10', '2026-12-30', '2027-01-16', '2027-01-19', '2027-02-02')],
    ['SE', '2026-12-10', row('2026-12-10', '2026-12-30', '2027-01-16', '2027-01-19', '2027-02-02')],
    // Eligibility over the holidays: due Tue 15.12.2026 + 17 = New Year's Day 2027 → Tue 5.1.
    ['FI', '2026-11-26', row('2026-11-26', '2026-12-15', '2027-01-01', '2027-01-05', '2027-01-19')],
    ['SE', '2026-11-26', row('2026-11-26', '2026-12-15', '2027-01-01', '2027-01-05', '2027-01-19')],
    // New Year 2027: 17.12 + 14 = Thu 31.12 → 4.1, 5.1, (Epiphany) 7.1; +17 = Sun 24.1 → Tue 26.1.
    ['FI', '2026-12-17', row('2026-12-17', '2027-01-07', '2027-01-24', '2027-01-26', '2027-02-09')],
    ['SE', '2026-12-17', row('2026-12-17', '2027-01-07', '2027-01-24', '2027-01-26', '2027-02-09')],
  ] as const)('follows the %s calendar from %s', (country, invoiceDate, expected) => {
    expect(invoiceTimeline(country, invoiceDate)).toEqual(expected);
  });

  it('keeps a run that falls on a holiday by default, or moves it to the next banking day', () => {
    // Eligible Fri 2.1.2026; the next Tuesday is Epiphany 6.1.2026, closed in both countries.
    expect(invoiceTimeline('FI', '2025-11-27')).toEqual(row('2025-11-27', '2025-12-16', '2026-01-02', '2026-01-06', '2026-01-20'));
    for (const country of ['FI', 'SE'] as const) {
      expect(invoiceTimeline(country, '2025-11-27', { closedDays: 'next-banking-day' })).toEqual(
        row('2025-11-27', '2025-12-16', '2026-01-02', '2026-01-07', '2026-01-21'),
      );
    }
  });

  it('uses the monthly run on the 15th (seed 004, Sweden)', () => {
    const monthly = { transferSchedule: { kind: 'monthly', dayOfMonth: 15 } } as const;
    expect(invoiceTimeline('SE', '2026-06-05', monthly)).toEqual(row('2026-06-05', '2026-06-24', '2026-07-11', '2026-07-15', '2026-07-29'));
    // Eligible 25.7 → 15.8.2026, a Saturday; the reminder then falls due on Saturday 29.8.
    expect(invoiceTimeline('SE', '2026-06-20', monthly)).toEqual(row('2026-06-20', '2026-07-08', '2026-07-25', '2026-08-15', '2026-08-29'));
    expect(invoiceTimeline('SE', '2026-06-20', { ...monthly, closedDays: 'next-banking-day' })).toEqual(
      row('2026-06-20', '2026-07-08', '2026-07-25', '2026-08-17', '2026-08-31'),
    );
  });

  it('takes every term into account', () => {
    const terms = { paymentTermDays: 30, bankingDays: 0, transferAfterDaysOverdue: 30, transferSchedule: { kind: 'weekly', isoWeekday: 4 }, reminderDueDays: 10 } as const;
    // 2.3.2026 + 30 = Wed 1.4.2026; +30 = Fri 1.5 (May Day) → Thu 7.5 → 17.5.
    expect(invoiceTimeline('SE', '2026-03-02', terms)).toEqual(row('2026-03-02', '2026-04-01', '2026-05-01', '2026-05-07', '2026-05-17'));
  });

  it('refuses bad dates and terms', () => {
    expect(() => invoiceTimeline('FI', '2017-02-30')).toThrow('invoiceDate: day 30 does not exist in 2017-02');
    expect(() => invoiceTimeline('FI', '2017-07-25', { transferAfterDaysOverdue: -1 })).toThrow(
      new DomainValidationError('must be between 0 and 366', 'transferAfterDaysOverdue'),
    );
    expect(() => invoiceTimeline('FI', '2017-07-25', { transferSchedule: { kind: 'weekly', isoWeekday: 8 as 1 } })).toThrow(
      'transferSchedule.isoWeekday: a weekly run day is an ISO weekday from 1 (Monday) to 7 (Sunday)',
    );
  });
});

describe('transferRunDate', () => {
  it('is the eligibility date itself when that is a run day, else the next run', () => {
    expect(transferRunDate('FI', '2017-08-29', { kind: 'weekly', isoWeekday: 2 })).toBe('2017-08-29');
    expect(transferRunDate('SE', '2026-01-15', { kind: 'monthly', dayOfMonth: 15 })).toBe('2026-01-15');
    expect(transferRunDate('SE', '2026-01-16', { kind: 'monthly', dayOfMonth: 15 })).toBe('2026-02-15');
  });

  it('moves a run on a closed day (Sunday 15.2.2026) to the next banking day only when asked', () => {
    expect(transferRunDate('SE', '2026-01-16', { kind: 'monthly', dayOfMonth: 15 }, 'next-banking-day')).toBe('2026-02-16');
  });
});
