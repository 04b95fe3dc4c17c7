import { WRITE_OFF_GROUNDS, WriteOffRequest, isWriteOffGround, writeOffRefusal } from './write-off';

const request = (overrides: Partial<WriteOffRequest> = {}): WriteOffRequest => ({
  state: 'overdue',
  role: 'billing-supervisor',
  grounds: 'uncollectable',
  note: 'two agency rounds without result; decision 2026/77',
  openCents: 12345,
  ...overrides,
});

describe('write-off (luottotappio / avskrivning)', () => {
  it('has a fixed list of grounds', () => {
    expect(WRITE_OFF_GROUNDS).toEqual(['uncollectable', 'estate-without-assets', 'statute-barred', 'returned-by-agency', 'below-collection-threshold', 'debt-restructuring']);
    expect(isWriteOffGround('statute-barred')).toBe(true);
    expect(isWriteOffGround('hardship')).toBe(false);
  });

  it('is decided by the billing supervisor or the result-area director only', () => {
    for (const role of ['billing-supervisor', 'result-area-director']) expect(writeOffRefusal(request({ role }))).toBeUndefined();
    expect(writeOffRefusal(request({ role: '' }))?.reason).toMatch(/not someone without a role$/);
    expect(writeOffRefusal(request({ role: 'client-fee-officer' }))).toEqual({
      kind: 'rule',
      reason: 'only the billing supervisor or the result-area director may write an invoice off, not client-fee-officer',
    });
  });

  it('needs grounds from the list and a note', () => {
    expect(writeOffRefusal(request({ grounds: 'hardship' }))).toEqual({
      kind: 'rule',
      reason: 'a write-off needs its grounds, one of uncollectable, estate-without-assets, statute-barred, returned-by-agency, below-collection-threshold, debt-restructuring',
    });
    expect(writeOffRefusal(request({ note: '  ' }))).toEqual({ kind: 'rule', reason: 'a write-off needs a note explaining the decision' });
  });

  it.each(['overdue', 'reminded', 'returned', 'recalled'] as const)('allows an unpaid %s invoice', (state) => {
    expect(writeOffRefusal(request({ state }))).toBeUndefined();
  });

  it('refuses an invoice at the agency until it is recalled, saying so', () => {
    expect(writeOffRefusal(request({ state: 'at-agency' }))).toEqual({
      kind: 'state',
      reason: 'the invoice is at the collection agency: recall it from the agency first, then write it off',
    });
    expect(writeOffRefusal(request({ state: 'in-payment-plan', agencyPlan: true }))?.reason).toMatch(/recall it from the agency first/);
  });

  it('refuses a kept plan, a not yet overdue, a closed or a fully paid invoice', () => {
    expect(writeOffRefusal(request({ state: 'in-payment-plan' }))?.reason).toMatch(/only once it is broken/);
    for (const state of ['issued', 'partially-paid', 'deferred', 'paid', 'credited', 'waived', 'written-off'] as const) {
      expect(writeOffRefusal(request({ state }))).toEqual({ kind: 'state', reason: `an invoice that is ${state} cannot be written off: only an overdue, reminded, returned or recalled one` });
    }
    expect(writeOffRefusal(request({ openCents: 0 }))).toEqual({ kind: 'state', reason: 'nothing is open on the invoice to write off' });
  });
});
