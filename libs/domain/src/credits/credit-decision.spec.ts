import { creditRefusal, CreditRequest, isLargeCredit } from './credit-decision';

const credit = (more: Partial<CreditRequest>): CreditRequest => ({
  state: 'overdue',
  roles: ['client-fee-officer'],
  amountCents: 5000,
  openCents: 16575,
  largeCreditThresholdCents: null,
  reason: 'meal service billed twice',
  ...more,
});

describe('creditRefusal: a credit is not a write-off by another name', () => {
  it('lets an officer or the finance centre credit part of an invoice with a reason', () => {
    expect(creditRefusal(credit({}))).toBeUndefined();
    expect(creditRefusal(credit({ roles: ['finance-centre'] }))).toBeUndefined();
    expect(creditRefusal(credit({ state: 'issued', amountCents: 16575 }))).toBeUndefined();
  });

  it('refuses an officer’s credit of the whole open amount of an overdue, reminded or at-agency invoice', () => {
    for (const state of ['overdue', 'reminded', 'at-agency', 'in-payment-plan', 'returned', 'recalled']) {
      expect(creditRefusal(credit({ state, amountCents: 16575, grounds: 'billing-error' }))).toEqual({
        kind: 'rule',
        reason: `crediting the whole open amount of an invoice that is ${state} is decided by billing-supervisor or result-area-director, not by client-fee-officer`,
      });
    }
    expect(creditRefusal(credit({ roles: ['finance-centre'], amountCents: 16575 }))?.reason).toMatch(/not by finance-centre/);
  });

  it('lets the supervisor or the director make it, with grounds from the fixed list only', () => {
    expect(creditRefusal(credit({ roles: ['billing-supervisor'], amountCents: 16575, grounds: 'billing-error' }))).toBeUndefined();
    expect(creditRefusal(credit({ roles: ['result-area-director'], amountCents: 16575, grounds: 'fee-reduction' }))).toBeUndefined();
    expect(creditRefusal(credit({ roles: ['billing-supervisor'], amountCents: 16575, grounds: 'the client asked nicely' }))).toEqual({
      kind: 'rule',
      reason: 'crediting the whole open amount of an invoice that is overdue needs its grounds, one of billing-error, decision-rectified, service-not-provided, duplicate-invoice, fee-reduction',
    });
  });

  it('treats any credit above the organisation’s threshold as a large one', () => {
    expect(isLargeCredit({ state: 'issued', amountCents: 20001, openCents: 50000, largeCreditThresholdCents: 20000 })).toBe(true);
    expect(isLargeCredit({ state: 'issued', amountCents: 20000, openCents: 50000, largeCreditThresholdCents: 20000 })).toBe(false);
    expect(creditRefusal(credit({ state: 'issued', amountCents: 20001, openCents: 50000, largeCreditThresholdCents: 20000 }))?.reason).toBe(
      "a credit above the organisation's threshold of 20000 cents is decided by billing-supervisor or result-area-director, not by client-fee-officer",
    );
  });

  it('acts in the most senior role a person holds', () => {
    expect(creditRefusal(credit({ roles: ['client-fee-officer', 'billing-supervisor'], amountCents: 16575, grounds: 'duplicate-invoice' }))).toBeUndefined();
  });

  it('refuses roles that may not credit, amounts that are not positive or above what is open, a missing reason, and closed invoices', () => {
    expect(creditRefusal(credit({ roles: ['caseworker'] }))?.reason).toMatch(/may not credit invoices/);
    expect(creditRefusal(credit({ amountCents: 0 }))).toEqual({ kind: 'rule', reason: 'a credit is a positive amount' });
    expect(creditRefusal(credit({ amountCents: 16576 }))).toEqual({ kind: 'rule', reason: 'the credit is more than the 16575 cents still open' });
    expect(creditRefusal(credit({ reason: '  ' }))).toEqual({ kind: 'rule', reason: 'a credit needs its reason' });
    expect(creditRefusal(credit({ state: 'paid' }))).toEqual({ kind: 'state', reason: 'an invoice that is paid cannot be credited' });
  });
});
