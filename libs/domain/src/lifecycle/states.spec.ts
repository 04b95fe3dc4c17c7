import {
  allowedTransitions,
  canTransition,
  CLOSED_INVOICE_STATES,
  INVOICE_STATES,
  InvoiceState,
  isClosedInvoiceState,
  isInvoiceState,
  OPEN_INVOICE_STATES,
  transitionRefusal,
} from './states';

describe('invoice states', () => {
  it('lists the thirteen states, four of them closed', () => {
    expect(INVOICE_STATES).toEqual([
      'issued', 'partially-paid', 'overdue', 'deferred', 'reminded', 'at-agency', 'in-payment-plan', 'recalled', 'returned', 'paid', 'credited', 'waived', 'written-off',
    ]);
    expect(CLOSED_INVOICE_STATES).toEqual(['paid', 'credited', 'waived', 'written-off']);
    expect([...OPEN_INVOICE_STATES, ...CLOSED_INVOICE_STATES].sort()).toEqual([...INVOICE_STATES].sort());
    expect(isClosedInvoiceState('written-off')).toBe(true);
    expect(isClosedInvoiceState('returned')).toBe(false);
    expect(isInvoiceState('at-agency')).toBe(true);
    expect(isInvoiceState('lost')).toBe(false);
  });

  it.each([
    // seed 000: due date passed → the Tuesday transfer run's reminder → collection → paid
    ['issued', 'overdue'], ['overdue', 'reminded'], ['reminded', 'at-agency'], ['at-agency', 'paid'],
    ['issued', 'partially-paid'], ['partially-paid', 'overdue'], ['partially-paid', 'paid'],
    ['issued', 'deferred'], ['overdue', 'deferred'], ['deferred', 'deferred'], ['deferred', 'overdue'],
    ['issued', 'in-payment-plan'], ['overdue', 'in-payment-plan'], ['at-agency', 'in-payment-plan'], ['returned', 'in-payment-plan'], ['recalled', 'in-payment-plan'],
    ['reminded', 'recalled'], ['at-agency', 'recalled'], ['at-agency', 'returned'],
    ['overdue', 'written-off'], ['reminded', 'written-off'], ['returned', 'written-off'], ['recalled', 'written-off'],
    ['issued', 'waived'], ['at-agency', 'waived'], ['issued', 'credited'], ['at-agency', 'credited'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(allowedTransitions(from)).toContain(to);
    expect(transitionRefusal(from, to)).toBeUndefined();
  });

  it('ends every open state by payment, a full credit note or a waiver, and leaves a closed one never', () => {
    for (const from of OPEN_INVOICE_STATES) for (const to of ['paid', 'credited', 'waived'] as const) expect(canTransition(from, to, { agencyPlan: true })).toBe(true);
    for (const from of CLOSED_INVOICE_STATES) expect(allowedTransitions(from)).toEqual([]);
  });

  it('follows whose payment plan it is: the organisation’s breaks to overdue, the agency’s is recalled or returned', () => {
    expect(canTransition('in-payment-plan', 'overdue')).toBe(true);
    expect(canTransition('in-payment-plan', 'overdue', { agencyPlan: true })).toBe(false);
    for (const to of ['recalled', 'returned'] as const) {
      expect(canTransition('in-payment-plan', to, { agencyPlan: true })).toBe(true);
      expect(canTransition('in-payment-plan', to)).toBe(false);
    }
    expect(transitionRefusal('in-payment-plan', 'recalled')).toEqual({ kind: 'state', reason: 'an invoice that is in-payment-plan is not at the agency' });
  });

  it.each([
    ['reminded', 'deferred', 'an invoice that is reminded cannot be deferred'],
    ['recalled', 'deferred', 'an invoice that is recalled cannot be deferred'],
    ['reminded', 'in-payment-plan', 'an invoice that is reminded cannot get a payment plan here'],
    ['in-payment-plan', 'in-payment-plan', 'an invoice that is in-payment-plan cannot get a payment plan here'],
    ['overdue', 'recalled', 'an invoice that is overdue is not at the agency'],
    ['paid', 'credited', 'an invoice that is paid cannot be credited'],
    ['waived', 'waived', 'an invoice that is waived has nothing to waive'],
    ['issued', 'written-off', 'an invoice that is issued cannot be written off: only an overdue, reminded, returned or recalled one'],
    ['at-agency', 'written-off', 'the invoice is at the collection agency: recall it from the agency first, then write it off'],
    ['in-payment-plan', 'written-off', 'the client is paying by a payment plan that is being kept: a plan is written off only once it is broken'],
    ['issued', 'at-agency', 'an invoice cannot go from issued to at-agency'],
    ['overdue', 'issued', 'an invoice cannot go from overdue to issued'],
  ] as const)('refuses %s → %s as a state conflict: "%s"', (from, to, reason) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toEqual({ kind: 'state', reason });
  });

  it('sends an agency plan’s write-off to the agency first', () => {
    expect(transitionRefusal('in-payment-plan', 'written-off', { agencyPlan: true })?.reason).toMatch(/recall it from the agency first/);
  });

  it('refuses unknown states', () => {
    expect(canTransition('lost' as InvoiceState, 'paid')).toBe(false);
    expect(allowedTransitions('lost' as InvoiceState)).toEqual([]);
    expect(transitionRefusal('paid', 'gone' as InvoiceState)?.reason).toBe('an invoice cannot go from paid to gone');
  });
});
