import { OwnShareInvoiceEvent, ownShareInvoice } from './own-share-invoice';

// Seed 003 §4.3.1's housing month: 31 days at 98.50 € (the provider's price) with a voucher of
// 82.00 € a day → price 3053.50, voucher 2542.00, own share 511.50.
const housing = (over: Partial<OwnShareInvoiceEvent> = {}): OwnShareInvoiceEvent => ({
  eventId: 'e-housing',
  voucherNumber: 'PS-1',
  serviceName: 'Tehostettu palveluasuminen',
  contentCode: 'CARE-DAY',
  unit: 'day',
  startDate: '2027-01-01',
  endDate: '2027-01-31',
  quantity: 31,
  priceCents: 305350,
  voucherValueCents: 254200,
  ownShareCents: 51150,
  ...over,
});

describe('the client’s own-share invoice of a settlement (issue 12 §8, seed 003 §4.3.7-§4.3.8)', () => {
  it('bills each settled event’s own share with the explanation the client reads', () => {
    // Home care: 2 h 15 min at 40.00 € an hour, the voucher 35.00 € → 90.00 − 78.75 = 11.25.
    const hours = housing({ eventId: 'e-hours', voucherNumber: 'PS-2', serviceName: 'Kotihoito', contentCode: 'CARE-HOUR', unit: 'hour', startDate: '2027-01-26', endDate: '2027-01-26', quantity: 135, priceCents: 9000, voucherValueCents: 7875, ownShareCents: 1125 });
    const draft = ownShareInvoice({ events: [hours, housing()], credits: [], carriedInCents: 0, currency: 'EUR' });
    expect(draft.rows.map((row) => [row.kind, row.code, row.quantity, row.amountCents])).toEqual([
      ['voucher-own-share', 'CARE-DAY', '31', 51150],
      ['voucher-own-share', 'CARE-HOUR', '2.25', 1125],
    ]);
    expect(draft.rows[0].description).toBe('Tehostettu palveluasuminen CARE-DAY, palveluseteli PS-1, 2027-01-01–2027-01-31: 31 vrk, hinta 3053.50, setelin arvo 2542.00, omavastuu 511.50');
    expect(draft.rows[1].description).toContain('2.25 h, hinta 90.00, setelin arvo 78.75, omavastuu 11.25');
    expect([draft.total, draft.invoiced, draft.carriedOut].map(String)).toEqual(['522.75 EUR', '522.75 EUR', '0.00 EUR']);
  });

  it('rounds hours from minutes half up to two decimals for the row', () => {
    const draft = ownShareInvoice({ events: [housing({ unit: 'hour', quantity: 130, ownShareCents: 1083 })], credits: [], carriedInCents: 0, currency: 'EUR' });
    expect(draft.rows[0].quantity).toBe('2.17');
  });

  it('leaves out events the voucher covers in full: nothing to bill is no invoice', () => {
    const draft = ownShareInvoice({ events: [housing({ priceCents: 254200, ownShareCents: 0 })], credits: [], carriedInCents: 0, currency: 'EUR' });
    expect(draft.rows).toEqual([]);
    expect([draft.invoiced.isZero(), draft.carriedOut.isZero()]).toEqual([true, true]);
  });

  it('credits an invoiced event corrected since as a row of the next invoice, not a change of the sent one', () => {
    const february = housing({ eventId: 'e-feb', startDate: '2027-02-01', endDate: '2027-02-28', quantity: 28, priceCents: 275800, voucherValueCents: 229600, ownShareCents: 46200 });
    const draft = ownShareInvoice({
      events: [february],
      credits: [{ eventId: 'e-jan', voucherNumber: 'PS-1', contentCode: 'CARE-DAY', startDate: '2027-01-01', endDate: '2027-01-31', ownShareCents: 51150 }],
      carriedInCents: 0,
      currency: 'EUR',
    });
    expect(draft.rows.map((row) => [row.kind, row.eventId, row.amountCents])).toEqual([
      ['voucher-own-share', 'e-feb', 46200],
      ['voucher-own-share-credit', 'e-jan', -51150],
    ]);
    // 462.00 − 511.50 < 0: no invoice; the 49.50 owed to the client starts the next one.
    expect([draft.total, draft.invoiced, draft.carriedOut].map(String)).toEqual(['-49.50 EUR', '0.00 EUR', '-49.50 EUR']);
  });

  it('starts from what an earlier period carried', () => {
    const draft = ownShareInvoice({ events: [housing()], credits: [], carriedInCents: -4950, currency: 'EUR' });
    expect(draft.rows.map((row) => [row.kind, row.amountCents])).toEqual([
      ['voucher-own-share', 51150],
      ['voucher-own-share-carried', -4950],
    ]);
    expect(String(draft.invoiced)).toBe('462.00 EUR');
  });
});
