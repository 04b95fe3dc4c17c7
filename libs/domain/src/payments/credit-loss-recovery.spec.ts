import { bookExcessPayment } from './credit-loss-recovery';

const writtenOff = { state: 'written-off' as const, writtenOffCents: 182_40, recoveredBeforeCents: 0 };

describe('bookExcessPayment', () => {
  it('books a payment to a written-off invoice as a recovered credit loss, up to what was written off', () => {
    expect(bookExcessPayment({ ...writtenOff, excessCents: 100_00 })).toEqual({ recoveredCents: 100_00, creditCents: 0 });
    expect(bookExcessPayment({ ...writtenOff, excessCents: 182_40 })).toEqual({ recoveredCents: 182_40, creditCents: 0 });
  });

  it('puts what goes beyond the written-off amount on the credit balance', () => {
    expect(bookExcessPayment({ ...writtenOff, excessCents: 200_00 })).toEqual({ recoveredCents: 182_40, creditCents: 17_60 });
  });

  it('recovers only what earlier payments have not recovered yet', () => {
    expect(bookExcessPayment({ ...writtenOff, recoveredBeforeCents: 100_00, excessCents: 100_00 })).toEqual({ recoveredCents: 82_40, creditCents: 17_60 });
    // Recovered in full before: the whole payment is the client's credit.
    expect(bookExcessPayment({ ...writtenOff, recoveredBeforeCents: 182_40, excessCents: 50_00 })).toEqual({ recoveredCents: 0, creditCents: 50_00 });
    // More recovered than written off (data from before a correction) recovers nothing, never a negative amount.
    expect(bookExcessPayment({ ...writtenOff, recoveredBeforeCents: 200_00, excessCents: 50_00 })).toEqual({ recoveredCents: 0, creditCents: 50_00 });
  });

  it('books the excess over any other invoice on the credit balance in full', () => {
    for (const state of ['paid', 'credited', 'waived', 'overdue', 'issued'] as const) {
      expect(bookExcessPayment({ state, excessCents: 30_00, writtenOffCents: 182_40, recoveredBeforeCents: 0 })).toEqual({ recoveredCents: 0, creditCents: 30_00 });
    }
  });

  it('refuses amounts that are not whole, non-negative cents', () => {
    expect(() => bookExcessPayment({ ...writtenOff, excessCents: -1 })).toThrow(/excessCents/);
    expect(() => bookExcessPayment({ ...writtenOff, excessCents: 1.5 })).toThrow(/excessCents/);
    expect(() => bookExcessPayment({ ...writtenOff, excessCents: 1, writtenOffCents: -5 })).toThrow(/writtenOffCents/);
  });
});
