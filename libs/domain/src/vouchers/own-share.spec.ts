import { OwnShareEvent, ownShareSpecification } from './own-share';

const event = (over: Partial<OwnShareEvent>): OwnShareEvent => ({
  startDate: '2016-03-01',
  endDate: '2016-03-31',
  approval: 'not-needed',
  priceCents: 305350,
  voucherValueCents: 254200,
  ownShareCents: 51150,
  ...over,
});

describe('the client’s own-share specification (seed 003 §4.3.7)', () => {
  it('adds up price, voucher value and own share of the period’s events', () => {
    const spec = ownShareSpecification([event({}), event({ startDate: '2016-04-01', endDate: '2016-04-30' })], '2016-03-01', '2016-03-31', 'EUR');
    expect(spec.events).toHaveLength(1);
    expect([spec.price, spec.voucherValue, spec.ownShare].map(String)).toEqual(['3053.50 EUR', '2542.00 EUR', '511.50 EUR']);
  });

  it('shows an event awaiting approval until decided, and drops a rejected one', () => {
    const spec = ownShareSpecification([event({ approval: 'pending', ownShareCents: 500 }), event({ approval: 'rejected', ownShareCents: 700 })], '2016-03-01', '2016-03-31', 'EUR');
    expect(spec.events.map((e) => e.awaitingApproval)).toEqual([true]);
    expect(String(spec.ownShare)).toBe('5.00 EUR');
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => ownShareSpecification([], '2016-03-31', '2016-03-01', 'EUR')).toThrow('to: must not be before from (2016-03-31)');
  });
});
