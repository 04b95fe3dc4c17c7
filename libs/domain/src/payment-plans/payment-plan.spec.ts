import { DomainValidationError } from '../errors';
import { Money } from '../money/money';
import { PaymentPlan, instalmentsMissed, isPaymentPlanBroken, makePaymentPlan } from './payment-plan';

const eur = (text: string) => Money.parse(text, 'EUR');
const summary = (plan: PaymentPlan) => plan.instalments.map((i) => [i.number, i.dueDate, i.amount.toDecimalString()]);

describe('makePaymentPlan', () => {
  it('splits a debt into monthly instalments without losing a cent', () => {
    const plan = makePaymentPlan(eur('100.00'), { count: 3, firstDueDate: '2026-01-31' });
    expect(summary(plan)).toEqual([
      [1, '2026-01-31', '33.34'],
      [2, '2026-02-28', '33.33'],
      [3, '2026-03-31', '33.33'],
    ]);
    expect(Money.sum(plan.instalments.map((i) => i.amount), 'EUR').equals(plan.total)).toBe(true);
  });

  it('takes the seed example: an invoice paid in 2 parts, on given dates', () => {
    const plan = makePaymentPlan(Money.parse('251.05', 'SEK'), { dueDates: ['2026-03-15', '2026-05-15'] });
    expect(summary(plan)).toEqual([
      [1, '2026-03-15', '125.53'],
      [2, '2026-05-15', '125.52'],
    ]);
  });

  it('keeps up to 24 instalments by default and always adds up', () => {
    const plan = makePaymentPlan(eur('1000.00'), { count: 24, firstDueDate: '2026-12-15' });
    expect(plan.instalments).toHaveLength(24);
    expect(plan.instalments[23].dueDate).toBe('2028-11-15');
    expect(Money.sum(plan.instalments.map((i) => i.amount), 'EUR').toDecimalString()).toBe('1000.00');
  });

  it('refuses too few or too many instalments, with configurable bounds', () => {
    expect(() => makePaymentPlan(eur('100'), { count: 1, firstDueDate: '2026-01-01' })).toThrow(
      new DomainValidationError('must be between 2 and 24 instalments, not 1', 'count'),
    );
    expect(() => makePaymentPlan(eur('100'), { count: 25, firstDueDate: '2026-01-01' })).toThrow('count: must be between 2 and 24 instalments, not 25');
    expect(makePaymentPlan(eur('100'), { count: 36, firstDueDate: '2026-01-01' }, { maxInstalments: 36 }).instalments).toHaveLength(36);
    expect(() => makePaymentPlan(eur('100'), { dueDates: ['2026-01-01'] })).toThrow('dueDates: must give between 2 and 24 instalments, not 1');
    expect(() => makePaymentPlan(eur('100'), { count: 2, firstDueDate: '2026-01-01' }, { minInstalments: 1 })).toThrow('rules.minInstalments: must be between 2 and 1200');
    expect(() => makePaymentPlan(eur('100'), { count: 2, firstDueDate: '2026-01-01' }, { minInstalments: 3, maxInstalments: 2 })).toThrow('rules.maxInstalments');
  });

  it('refuses a bad debt or dates out of order', () => {
    expect(() => makePaymentPlan(eur('0'), { count: 2, firstDueDate: '2026-01-01' })).toThrow('debt: must be more than zero');
    expect(() => makePaymentPlan(eur('-5'), { count: 2, firstDueDate: '2026-01-01' })).toThrow('debt: must be more than zero');
    expect(() => makePaymentPlan(eur('0.01'), { count: 2, firstDueDate: '2026-01-01' })).toThrow('debt: is too small to split into 2 instalments of at least one cent');
    expect(() => makePaymentPlan(eur('10'), { dueDates: ['2026-02-01', '2026-02-01'] })).toThrow('dueDates.1: must be after 2026-02-01');
    expect(() => makePaymentPlan(eur('10'), { dueDates: ['2026-02-01', '2026-02-30'] })).toThrow('dueDates.1: day 30 does not exist in 2026-02');
    expect(() => makePaymentPlan(eur('10'), { count: 2, firstDueDate: '1.2.2026' })).toThrow('firstDueDate: must be a date in the form YYYY-MM-DD');
  });
});

describe('instalmentsMissed', () => {
  const plan = makePaymentPlan(eur('100.00'), { count: 3, firstDueDate: '2026-01-31' }); // 33.34, 33.33, 33.33

  it('finds nothing while payments keep up', () => {
    expect(instalmentsMissed(plan, [], '2026-01-31')).toEqual([]);
    expect(instalmentsMissed(plan, [{ paidOn: '2026-01-30', amount: eur('33.34') }], '2026-02-28')).toEqual([]);
    expect(isPaymentPlanBroken(plan, [{ paidOn: '2026-01-30', amount: eur('100.00') }], '2026-12-31')).toBe(false);
  });

  it('finds an instalment unpaid after its due date, with what is missing', () => {
    const missed = instalmentsMissed(plan, [{ paidOn: '2026-01-31', amount: eur('40.00') }], '2026-03-01');
    expect(missed.map((i) => [i.number, i.dueDate, i.unpaid.toDecimalString(), i.graceEndsOn])).toEqual([[2, '2026-02-28', '26.67', '2026-02-28']]);
    expect(isPaymentPlanBroken(plan, [], '2026-02-01')).toBe(true);
  });

  it('waits for the grace days', () => {
    expect(instalmentsMissed(plan, [], '2026-02-07', { graceDays: 7 })).toEqual([]);
    expect(instalmentsMissed(plan, [], '2026-02-08', { graceDays: 7 }).map((i) => i.graceEndsOn)).toEqual(['2026-02-07']);
  });

  it('counts a late payment that catches up, but not one made after the day asked about', () => {
    const late = [{ paidOn: '2026-02-10', amount: eur('33.34') }];
    expect(instalmentsMissed(plan, late, '2026-02-10')).toEqual([]);
    expect(instalmentsMissed(plan, late, '2026-02-09').map((i) => i.number)).toEqual([1]);
  });

  it('refuses payments in another currency or negative', () => {
    expect(() => instalmentsMissed(plan, [{ paidOn: '2026-01-01', amount: Money.parse('1', 'SEK') }], '2026-02-01')).toThrow('payments.0.amount: must be in EUR');
    expect(() => instalmentsMissed(plan, [{ paidOn: '2026-01-01', amount: eur('-1') }], '2026-02-01')).toThrow('payments.0.amount: must not be negative');
    expect(() => instalmentsMissed(plan, [], '2026-02-01', { graceDays: -1 })).toThrow('graceDays: must be between 0 and 366');
  });
});
