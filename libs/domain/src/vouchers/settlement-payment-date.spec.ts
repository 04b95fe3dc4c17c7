import { settlementPaymentDate } from './settlement-payment-date';

describe('the providers’ payment date', () => {
  it('is the payment term after the settlement day', () => {
    expect(settlementPaymentDate('FI', '2027-02-04', 14)).toBe('2027-02-18');
  });

  it('moves past Easter 2027 to the next banking day', () => {
    // 4.3.2027 + 25 days = Monday 29.3.; Good Friday 26.3. and Easter Monday 29.3. are closed.
    expect(settlementPaymentDate('FI', '2027-03-04', 25)).toBe('2027-03-30');
  });

  it('pays on the settlement day itself with no term, if it is a banking day', () => {
    expect(settlementPaymentDate('SE', '2026-12-24', 0)).toBe('2026-12-28');
  });
});
