import { repeatedIdDifference, type ReportedPayment } from './repeated-id';

const recorded: ReportedPayment = { amountCents: 1200, currency: 'EUR', bookingDate: '2024-03-07', debtorName: 'A', references: ['1000000012'] };

describe('repeatedIdDifference', () => {
  it('takes the same facts as the same payment sent again', () => {
    expect(repeatedIdDifference(recorded, { ...recorded })).toBeNull();
  });

  it.each<[Partial<ReportedPayment>, string]>([
    [{ amountCents: 1300 }, 'amount'],
    [{ bookingDate: '2024-03-08', debtorName: 'B' }, 'booking date, payer'],
    [{ references: [] }, 'references'],
  ])('names what differs: %j', (change, difference) => {
    expect(repeatedIdDifference(recorded, { ...recorded, ...change })).toBe(difference);
  });
});
