import { estateDebtsSettled } from './estate-closing';

describe('estate closing', () => {
  it('closes when every debt is paid, written off, returned, credited or waived', () => {
    expect(estateDebtsSettled([{ state: 'paid' }, { state: 'written-off' }, { state: 'returned' }, { state: 'credited' }, { state: 'waived' }])).toBe(true);
    expect(estateDebtsSettled([])).toBe(true);
  });

  it.each(['issued', 'overdue', 'reminded', 'at-agency', 'in-payment-plan', 'recalled', 'deferred', 'partially-paid'])('stays open while an invoice is %s', (state) => {
    expect(estateDebtsSettled([{ state: 'paid' }, { state }])).toBe(false);
  });
});
