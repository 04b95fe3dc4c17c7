import { refusalOf } from '../internal/refusal';
import { planReminder, ReminderPlanRequest } from './reminder-plan';

/** Seed 000's worked example: due 11 August 2017, transferred with the reminder on 29 August 2017. */
const seedExample = (overrides: Partial<ReminderPlanRequest> = {}, invoice: Partial<NonNullable<ReminderPlanRequest['invoice']>> = {}): ReminderPlanRequest => ({
  invoice: { country: 'FI', currency: 'EUR', dueDate: '2017-08-11', ...invoice },
  openCents: 10000,
  reminderDate: '2017-08-29',
  reminderDueDate: '2017-09-12',
  reminderFeeCents: 210,
  ...overrides,
});

function refusal(request: ReminderPlanRequest): { field?: string; reason: string } {
  const { field, reason } = refusalOf(() => planReminder(request));
  return { field, reason };
}

describe('planReminder', () => {
  it('carries the 2.10 € fee and 7 % interest from the day after the due date to the reminder date (seed 000)', () => {
    // 12.8.-29.8.2017 = 18 days at 0.0 % + 7 %: 100 × 7 % × 18 / 365 = 0.345… → 0.35 €.
    expect(planReminder(seedExample())).toEqual({
      country: 'FI',
      currency: 'EUR',
      feeCents: 210,
      interestCents: 35,
      interestFrom: '2017-08-12',
      interestTo: '2017-08-29',
    });
  });

  it('lets a Finnish reminder go out 14 days after the due date at the earliest', () => {
    expect(refusal(seedExample({ reminderDate: '2017-08-24', reminderDueDate: '2017-09-07' }))).toEqual({
      field: 'reminderDate',
      reason: 'a Finnish reminder may go out at the earliest 14 days after the due date 2017-08-11',
    });
    const earliest = planReminder(seedExample({ reminderDate: '2017-08-25', reminderDueDate: '2017-09-08' }));
    // 12.8.-25.8. = 14 days: 100 × 7 % × 14 / 365 = 0.268… → 0.27 €.
    expect(earliest).toMatchObject({ interestFrom: '2017-08-12', interestTo: '2017-08-25', interestCents: 27 });
  });

  it('has no 14-day wait in Sweden, and charges the Swedish rate (reference rate + 8 pp)', () => {
    const plan = planReminder({
      invoice: { country: 'SE', currency: 'SEK', dueDate: '2024-03-15' },
      openCents: 100000,
      reminderDate: '2024-03-18',
      reminderDueDate: '2024-03-28',
      reminderFeeCents: 6000,
    });
    // 16.3.-18.3.2024 = 3 days at 4.0 % + 8 %: 1000 × 12 % × 3 / 365 = 0.986… → 0.99 kr.
    expect(plan).toEqual({ country: 'SE', currency: 'SEK', feeCents: 6000, interestCents: 99, interestFrom: '2024-03-16', interestTo: '2024-03-18' });
  });

  it.each([
    ['no invoice', { invoice: undefined }, {}, 'invoice'],
    ['a reminder on the due date itself', { reminderDate: '2017-08-11' }, {}, 'reminderDate'],
    ['a reminder due on the day it is sent', { reminderDueDate: '2017-08-29' }, {}, 'reminderDueDate'],
    ['a fee above the legal cap (5 €)', { reminderFeeCents: 501 }, {}, 'fees.reminder'],
    ['a fee that is not whole cents', { reminderFeeCents: 2.5 }, {}, 'reminderFeeCents'],
    ['nothing left to pay', { openCents: 0 }, {}, 'openCents'],
    ['a currency that does not fit the country', {}, { currency: 'SEK' }, 'invoice.currency'],
    ['an unknown country', {}, { country: 'NO' }, 'invoice.country'],
    ['a due date that is no calendar date', {}, { dueDate: '2017-02-30' }, 'invoice.dueDate'],
  ] as const)('refuses %s, naming the field', (_what, overrides, invoice, field) => {
    expect(refusal(seedExample(overrides as Partial<ReminderPlanRequest>, invoice)).field).toBe(field);
  });
});
