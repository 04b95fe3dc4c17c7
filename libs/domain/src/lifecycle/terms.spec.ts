import { refusalOf } from '../internal/refusal';
import { Money } from '../money/money';
import { LIFECYCLE_FEE_CAPS, checkLifecycleFee, defaultLifecycleTerms, deferralLimits, lifecycleTerms, timelineTerms } from './terms';

const eur = (text: string) => Money.parse(text, 'EUR');
const sek = (text: string) => Money.parse(text, 'SEK');

function reasonOf(action: () => unknown): { field?: string; reason: string } {
  const { field, reason } = refusalOf(action);
  return { field, reason };
}

describe('lifecycleTerms', () => {
  it('defaults to the seed-000 terms', () => {
    const terms = defaultLifecycleTerms('FI');
    expect(terms).toMatchObject({
      country: 'FI',
      paymentTermDays: 14,
      bankingDays: 3,
      transferAfterDaysOverdue: 17,
      transferSchedule: { kind: 'weekly', isoWeekday: 2 },
      reminderDueDays: 14,
      closedDays: 'as-scheduled',
      deferralLimits: { officerMonths: 3, supervisorMonths: 12 },
    });
    expect(terms.fees.reminder.equals(eur('2.10'))).toBe(true);
    expect(terms.fees.collectionDemand).toBeUndefined();
    expect(defaultLifecycleTerms('SE').fees.reminder.equals(sek('60'))).toBe(true);
    expect(Object.isFrozen(terms)).toBe(true);
  });

  it('takes the monthly schedule of seed 004 and the Swedish fees up to their caps', () => {
    const terms = lifecycleTerms('SE', {
      transferSchedule: { kind: 'monthly', dayOfMonth: 15 },
      fees: { reminder: sek('50'), collectionDemand: sek('180'), repaymentPlan: sek('170') },
    });
    expect(terms.transferSchedule).toEqual({ kind: 'monthly', dayOfMonth: 15 });
    expect([terms.fees.reminder, terms.fees.collectionDemand, terms.fees.repaymentPlan].map(String)).toEqual(['50.00 SEK', '180.00 SEK', '170.00 SEK']);
  });

  it('accepts a fee exactly at the cap and refuses one above it, naming the cap', () => {
    expect(lifecycleTerms('FI', { fees: { reminder: eur('5.00') } }).fees.reminder.equals(eur('5'))).toBe(true);
    expect(reasonOf(() => lifecycleTerms('FI', { fees: { reminder: eur('5.01') } }))).toEqual({
      field: 'fees.reminder',
      reason: '5.01 EUR is above the legal cap of 5.00 EUR for a reminder fee in FI (laki saatavien perinnästä 513/1999)',
    });
    expect(reasonOf(() => lifecycleTerms('SE', { fees: { reminder: sek('60.01') } })).reason).toMatch(/above the legal cap of 60\.00 SEK for a reminder fee in SE/);
    expect(reasonOf(() => lifecycleTerms('SE', { fees: { collectionDemand: sek('181') } }))).toMatchObject({
      field: 'fees.collectionDemand',
      reason: expect.stringContaining('above the legal cap of 180.00 SEK for a collection-demand fee in SE'),
    });
    expect(reasonOf(() => lifecycleTerms('SE', { fees: { repaymentPlan: sek('170.50') } }))).toMatchObject({
      field: 'fees.repaymentPlan',
      reason: expect.stringContaining('above the legal cap of 170.00 SEK for a repayment-plan fee in SE'),
    });
  });

  it('refuses fees in the wrong currency, negative ones, and ones with no cap on record', () => {
    expect(reasonOf(() => lifecycleTerms('FI', { fees: { reminder: sek('2') } }))).toEqual({ field: 'fees.reminder', reason: 'must be in EUR for FI' });
    expect(reasonOf(() => lifecycleTerms('SE', { fees: { reminder: sek('-1') } }))).toEqual({ field: 'fees.reminder', reason: 'must not be negative' });
    expect(reasonOf(() => lifecycleTerms('FI', { fees: { collectionDemand: eur('10') } }))).toEqual({
      field: 'fees.collectionDemand',
      reason: 'no legal cap is on record for a collection-demand fee in FI, so it cannot be configured',
    });
    expect(checkLifecycleFee('SE', 'reminder', sek('0')).isZero()).toBe(true);
    expect(LIFECYCLE_FEE_CAPS.SE.collectionDemand?.cap.equals(sek('180'))).toBe(true);
  });

  it('keeps the Finnish transfer (and its reminder) at least 14 days after the due date', () => {
    expect(lifecycleTerms('FI', { transferAfterDaysOverdue: 14 }).transferAfterDaysOverdue).toBe(14);
    expect(reasonOf(() => lifecycleTerms('FI', { transferAfterDaysOverdue: 13 })).field).toBe('transferAfterDaysOverdue');
    expect(lifecycleTerms('SE', { transferAfterDaysOverdue: 0 }).transferAfterDaysOverdue).toBe(0);
  });

  it('refuses malformed timeline terms', () => {
    expect(reasonOf(() => timelineTerms({ paymentTermDays: 1.5 }))).toEqual({ field: 'paymentTermDays', reason: 'must be a whole number' });
    expect(reasonOf(() => timelineTerms({ reminderDueDays: 0 }))).toEqual({ field: 'reminderDueDays', reason: 'must be between 1 and 366' });
    expect(reasonOf(() => timelineTerms({ transferSchedule: { kind: 'monthly', dayOfMonth: 32 } })).field).toBe('transferSchedule.dayOfMonth');
    expect(reasonOf(() => timelineTerms({ transferSchedule: { kind: 'daily' } as never })).field).toBe('transferSchedule');
    expect(reasonOf(() => timelineTerms({ closedDays: 'skip' as never })).field).toBe('closedDays');
    expect(reasonOf(() => lifecycleTerms('NO' as never)).field).toBe('country');
  });
});

describe('deferralLimits', () => {
  it('defaults to 3 and 12 months and may be configured', () => {
    expect(deferralLimits()).toEqual({ officerMonths: 3, supervisorMonths: 12 });
    expect(deferralLimits({ officerMonths: 1, supervisorMonths: 6 })).toEqual({ officerMonths: 1, supervisorMonths: 6 });
    expect(deferralLimits({ officerMonths: 0 })).toEqual({ officerMonths: 0, supervisorMonths: 12 });
    expect(deferralLimits({ officerMonths: 6, supervisorMonths: 6 })).toEqual({ officerMonths: 6, supervisorMonths: 6 });
  });

  it('refuses a supervisor limit below the officer limit', () => {
    expect(reasonOf(() => deferralLimits({ officerMonths: 3, supervisorMonths: 2 }))).toEqual({
      field: 'deferralLimits.supervisorMonths',
      reason: "must not be below the client-fee officer's limit of 3 months, since the supervisor decides the longer deferrals",
    });
    expect(reasonOf(() => deferralLimits({ officerMonths: 13 })).field).toBe('deferralLimits.supervisorMonths');
    expect(reasonOf(() => deferralLimits({ officerMonths: -1 })).field).toBe('deferralLimits.officerMonths');
    expect(reasonOf(() => lifecycleTerms('FI', { deferralLimits: { supervisorMonths: 1 } })).field).toBe('deferralLimits.supervisorMonths');
  });
});
