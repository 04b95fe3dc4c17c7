import { reopeningAfterReversal, type ReopeningFacts } from './reopening';

describe('reopeningAfterReversal: the invoice after a bank takes its payment back', () => {
  const paid: ReopeningFacts = { state: 'paid', dueDate: '2027-03-31', today: '2027-03-20', totalCents: 12345, creditedCents: 0, allocatedCents: 0 };

  it('reopens a paid invoice as issued before its due date, with the whole amount open', () => {
    expect(reopeningAfterReversal(paid)).toEqual({ kind: 'reopen', state: 'issued', openCents: 12345 });
  });

  it('is issued still on the due date itself, and overdue the day after', () => {
    expect(reopeningAfterReversal({ ...paid, today: '2027-03-31' })).toMatchObject({ state: 'issued' });
    expect(reopeningAfterReversal({ ...paid, today: '2027-04-01' })).toEqual({ kind: 'reopen', state: 'overdue', openCents: 12345 });
  });

  it('is partially paid when other payments still stand before the due date, and only the rest is open', () => {
    expect(reopeningAfterReversal({ ...paid, allocatedCents: 2345 })).toEqual({ kind: 'reopen', state: 'partially-paid', openCents: 10000 });
    expect(reopeningAfterReversal({ ...paid, allocatedCents: 2345, today: '2027-06-01' })).toEqual({ kind: 'reopen', state: 'overdue', openCents: 10000 });
  });

  it('counts credit notes: what they cancelled is not open again', () => {
    expect(reopeningAfterReversal({ ...paid, creditedCents: 2345 })).toEqual({ kind: 'reopen', state: 'issued', openCents: 10000 });
  });

  it('leaves a paid invoice paid when what stays allocated still covers it', () => {
    expect(reopeningAfterReversal({ ...paid, allocatedCents: 12345 })).toEqual({ kind: 'stays' });
  });

  it('takes an invoice without a due date (its lifecycle never learnt one) as not yet due', () => {
    expect(reopeningAfterReversal({ ...paid, dueDate: null, today: '2030-01-01' })).toMatchObject({ state: 'issued' });
  });

  it.each(['credited', 'waived', 'written-off'] as const)('leaves a %s invoice closed for a person to decide', (state) => {
    const reopening = reopeningAfterReversal({ ...paid, state });
    expect(reopening).toEqual({ kind: 'for-a-person', reason: `the invoice is ${state} and stays so: a person decides whether the client owes anything now that the payment is taken back (12345 cents of it unpaid)` });
  });

  it.each(['issued', 'partially-paid', 'overdue', 'reminded', 'at-agency'] as const)('leaves an open (%s) invoice to its running lifecycle', (state) => {
    expect(reopeningAfterReversal({ ...paid, state })).toEqual({ kind: 'stays' });
  });
});
