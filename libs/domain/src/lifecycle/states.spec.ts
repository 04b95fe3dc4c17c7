import { DomainValidationError } from '../errors';
import { INVOICE_LIFECYCLE_STATES, InvoiceLifecycleState, TERMINAL_INVOICE_STATES, allowedTransitions, assertTransition, canTransition, isInvoiceLifecycleState, mayWaiveCollection } from './states';

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return (error as DomainValidationError).message;
  }
  throw new Error('expected a DomainValidationError');
}

describe('invoice states', () => {
  it('lists the twelve states', () => {
    expect(INVOICE_LIFECYCLE_STATES).toEqual([
      'issued', 'partially-paid', 'paid', 'overdue', 'reminded', 'at-agency', 'in-payment-plan', 'deferred', 'credited', 'waived', 'written-off', 'recalled',
    ]);
    expect(isInvoiceLifecycleState('at-agency')).toBe(true);
    expect(isInvoiceLifecycleState('lost')).toBe(false);
  });

  it.each([
    // seed 000: unpaid → overdue → transferred with the agency's reminder → paid
    ['issued', 'overdue'], ['overdue', 'at-agency'], ['at-agency', 'paid'],
    // seed 004: the officer's reminder letter first, then Visma on the 15th
    ['overdue', 'reminded'], ['reminded', 'at-agency'],
    ['issued', 'partially-paid'], ['partially-paid', 'paid'], ['partially-paid', 'overdue'], ['issued', 'paid'],
    ['issued', 'deferred'], ['deferred', 'paid'], ['deferred', 'overdue'], ['overdue', 'deferred'],
    ['issued', 'in-payment-plan'], ['at-agency', 'in-payment-plan'], ['in-payment-plan', 'paid'], ['in-payment-plan', 'overdue'], ['in-payment-plan', 'at-agency'],
    ['at-agency', 'recalled'], ['recalled', 'credited'], ['recalled', 'overdue'], ['recalled', 'paid'],
    ['issued', 'credited'], ['paid', 'credited'],
    ['overdue', 'waived'], ['at-agency', 'waived'], ['overdue', 'written-off'], ['reminded', 'written-off'], ['recalled', 'written-off'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(allowedTransitions(from)).toContain(to);
  });

  it.each([
    ['paid', 'overdue', 'to: a paid invoice can only be credited'],
    ['credited', 'paid', 'to: the invoice is credited, which is final: it cannot become paid'],
    ['waived', 'at-agency', 'to: the invoice is waived, which is final: it cannot become at-agency'],
    ['issued', 'at-agency', 'to: the invoice is issued and not past its due date, so it cannot become at-agency'],
    ['deferred', 'reminded', 'to: the invoice is deferred and not past its due date, so it cannot become reminded'],
    ['issued', 'waived', 'to: the invoice is issued and not past its due date, so it cannot become waived'],
    ['at-agency', 'credited', 'to: an invoice at the collection agency must be recalled before it can become credited'],
    ['at-agency', 'deferred', 'to: an invoice at the collection agency must be recalled before it can become deferred'],
    ['at-agency', 'written-off', 'to: an invoice at the collection agency must be recalled before it can become written-off'],
    ['in-payment-plan', 'written-off', 'to: a payment plan that is being kept cannot be written off: only once it is broken (overdue again)'],
    ['issued', 'written-off', 'to: the invoice is issued and not past its due date, so it cannot become written-off'],
    ['overdue', 'recalled', 'to: only an invoice at the collection agency can be recalled'],
    ['overdue', 'overdue', 'to: the invoice is already overdue'],
    ['overdue', 'issued', 'to: an invoice cannot go from overdue to issued'],
  ] as const)('refuses %s → %s with a reason', (from, to, message) => {
    expect(canTransition(from, to)).toBe(false);
    expect(reasonOf(() => assertTransition(from, to, { role: 'result-area-director' }))).toBe(message);
  });

  it('has no way out of the terminal states', () => {
    for (const state of TERMINAL_INVOICE_STATES) expect(allowedTransitions(state)).toEqual([]);
    for (const from of INVOICE_LIFECYCLE_STATES) for (const to of allowedTransitions(from)) expect(isInvoiceLifecycleState(to)).toBe(true);
  });

  it('refuses unknown states', () => {
    expect(canTransition('lost' as InvoiceLifecycleState, 'paid')).toBe(false);
    expect(reasonOf(() => assertTransition('lost' as InvoiceLifecycleState, 'paid'))).toBe('from: unknown invoice state "lost"');
    expect(reasonOf(() => assertTransition('paid', 'gone' as InvoiceLifecycleState))).toBe('to: unknown invoice state "gone"');
  });
});

describe('waiving collection', () => {
  it('is for result-area directors only', () => {
    expect(mayWaiveCollection('result-area-director')).toBe(true);
    for (const role of ['client-fee-officer', 'billing-supervisor', 'finance-centre', 'administrator', '']) expect(mayWaiveCollection(role)).toBe(false);
  });

  it('is checked on the transition', () => {
    expect(() => assertTransition('at-agency', 'waived', { role: 'result-area-director' })).not.toThrow();
    expect(reasonOf(() => assertTransition('at-agency', 'waived', { role: 'billing-supervisor' }))).toBe(
      'role: role billing-supervisor may not waive collection: only a result-area director decides that',
    );
    expect(reasonOf(() => assertTransition('overdue', 'waived'))).toBe('role: nobody without a role may waive collection: only a result-area director decides that');
    expect(() => assertTransition('overdue', 'at-agency')).not.toThrow();
  });
});

describe('writing off', () => {
  it('is for the billing supervisor and the result-area director', () => {
    expect(() => assertTransition('overdue', 'written-off', { role: 'billing-supervisor' })).not.toThrow();
    expect(() => assertTransition('recalled', 'written-off', { role: 'result-area-director' })).not.toThrow();
    expect(reasonOf(() => assertTransition('overdue', 'written-off', { role: 'client-fee-officer' }))).toBe(
      'role: role client-fee-officer may not write an invoice off: only the billing supervisor or the result-area director decides that',
    );
    expect(reasonOf(() => assertTransition('overdue', 'written-off'))).toMatch(/^role: nobody without a role may write an invoice off/);
  });
});
